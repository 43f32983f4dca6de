import Testing
@testable import CoachCore

/// Every answer type against every hostile string: a refusal with a reason and the same
/// question, or an answer kept exactly as typed — and nothing shown that could move the
/// cursor or restyle the terminal.
struct BadInputTests {
    static let kinds: [(String, AnswerKind)] = [
        ("text", .text), ("number", .number), ("money", .money), ("percent", .percent), ("scale", .scale(min: 1, max: 10)),
        ("date", .date), ("yes/no", .yesNo), ("choice", .choice(["promotion", "new skill", "Ω≈ç"])),
        ("multiple choice", .multiChoice(["manager", "mentor", "peers"])),
    ]

    /// One question that asks again after every answer, so every string meets the same question.
    static func loop(_ kind: AnswerKind) -> Script {
        let step = Step(id: "q", ask: try! Template("Q?"), kind: kind, save: SaveTarget("a[]"), required: true,
                        next: [Transition(target: .step("q"))])
        return Script(id: "loop", version: 1, title: "Loop", start: "q", steps: [step], hash: "l")
    }

    @Test func everyHostileStringAtEveryAnswerTypeIsRefusedWithAReasonOrKeptExactly() {
        let strings = HostileInput.samples
        var refused = 0, kept = 0, commands = 0
        for (name, kind) in Self.kinds {
            var engine = ConversationEngine.begin(Self.loop(kind), presets: [:], context: ConversationContext(today: Fixture.today))
            _ = engine.handle(.conversationOpened(resumed: false))
            for input in strings {
                let before = engine.state.records.count
                let turn = engine.handle(.lineSubmitted(input))
                guard case .inputReceived("q", let raw) = turn.log.first, raw.utf8.elementsEqual(input.utf8) else {
                    Issue.record("\(name): the raw line was not logged byte-exact: \(input.debugDescription.prefix(80))")
                    continue
                }
                guard case .ask(let prompt) = turn.next, prompt.stepID == "q" else {
                    Issue.record("\(name): \(input.debugDescription.prefix(80)) did not lead back to the question")
                    continue
                }
                let shown = turn.messages.map(\.text) + [prompt.question ?? ""] + prompt.options
                #expect(!shown.contains { TerminalText.hasUnsafeScalars($0, allowingNewlines: true) },
                        "\(name): unsafe text shown for \(input.debugDescription.prefix(80))")
                if SlashCommand.parse(input) != nil {
                    commands += 1
                } else if engine.state.records.count == before + 1 {
                    kept += 1
                    let record = engine.state.records.last!
                    #expect(record.raw.utf8.elementsEqual(input.utf8), "\(name): stored raw differs for \(input.debugDescription.prefix(80))")
                    if kind == .text { #expect(record.value == .text(input.trimmingWhitespace())) }
                    _ = engine.handle(.lineSubmitted("/back"))  // keeps the conversation short, so each turn stays cheap
                } else {
                    refused += 1
                    let reasons = turn.messages.filter { $0.tone == .problem && !$0.text.isEmpty }
                    #expect(!reasons.isEmpty, "\(name): \(input.debugDescription.prefix(80)) refused without a reason")
                    #expect(turn.log.contains { if case .answerRejected = $0 { true } else { false } })
                }
            }
        }
        let total = strings.count * Self.kinds.count
        print("bad-input suite: \(strings.count) hostile strings × \(Self.kinds.count) answer types = \(total) answers: \(refused) refused with a reason and the same question, \(kept) kept byte-exact, \(commands) read as commands")
        #expect(refused + kept + commands == total)
        #expect(strings.count >= 500)
        #expect(refused > kept)
    }

    @Test func theHostileListCoversTheCategoriesItPromises() {
        let all = HostileInput.samples
        #expect(all.contains { $0.contains("\u{1B}[") })
        #expect(all.contains { $0.contains("\u{0}") })
        #expect(all.contains { $0.contains("\u{202E}") })
        #expect(all.contains { $0.contains("\u{200B}") })
        #expect(all.contains { $0.contains("%n") })
        #expect(all.contains { $0.contains("DROP TABLE") })
        #expect(all.contains { $0.utf8.count >= 1 << 20 })
        #expect(all.contains { $0 == "2024-02-30" })
        #expect(all.contains { $0 == "1e308" })
        #expect(HostileInput.singleLine.allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
    }
}
