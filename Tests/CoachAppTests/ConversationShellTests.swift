import CoachCore
import CoachApp
import Testing

/// A console that types scripted lines and keeps everything written, for tests.
final class ScriptedConsole: Console {
    var lines: [LineInput]
    var written = ""
    /// How many saves the recorder had seen each time the shell asked for a line.
    var savesWhenAsked: [Int] = []
    /// What each read put on the line to be changed.
    var prefills: [String?] = []
    let recorder: InMemoryRecorder

    init(_ lines: [LineInput], recorder: InMemoryRecorder) {
        self.lines = lines
        self.recorder = recorder
    }

    func readLine(prompt: String, completions: [String], prefill: String?) -> LineInput {
        savesWhenAsked.append(recorder.saved.count)
        prefills.append(prefill)
        return lines.isEmpty ? .end : lines.removeFirst()
    }

    func write(_ text: String) { written += text }
}

/// The recorder port in memory; `failAfter` simulates a disk that stops accepting writes.
final class InMemoryRecorder: ConversationRecorder {
    var saved: [(log: [LogEntry], snapshot: ConversationSnapshot)] = []
    var failAfter: Int?

    struct DiskFull: Error, CustomStringConvertible { var description: String { "The disk is full." } }

    func record(_ log: [LogEntry], snapshot: ConversationSnapshot) throws {
        if let failAfter, saved.count >= failAfter { throw DiskFull() }
        saved.append((log, snapshot))
    }
}

@Suite struct ConversationShellTests {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    static func script() throws -> Script {
        Script(id: "s", version: 1, title: "S", start: "role", steps: [
            Step(id: "role", ask: try Template("Role?"), kind: .text, save: SaveTarget("profile.role"), next: [Transition(target: .step("years"))]),
            Step(id: "years", ask: try Template("Years?"), kind: .number, save: SaveTarget("profile.years"), next: [Transition(target: .end)]),
        ], hash: "s1")
    }

    @Test func everyTurnIsSavedBeforeTheNextQuestion() throws {
        let recorder = InMemoryRecorder()
        let console = ScriptedConsole([.line("nurse"), .line("abc"), .line("7")], recorder: recorder)
        var engine = ConversationEngine.begin(try Self.script(), presets: [:], context: ConversationContext(today: Self.today))
        let outcome = ConversationShell(console: console, style: ChatStyle(color: false)).run(&engine, recorder: recorder, resumed: false)
        #expect(outcome == .finished)
        #expect(console.savesWhenAsked == [1, 2, 3], "the turn before each question was saved first")
        #expect(recorder.saved.last?.snapshot.status == .finished)
        #expect(recorder.saved.last?.snapshot.variables["profile.years"] == .number(7))
        #expect(console.written.contains("coach › Role?\n"))
        #expect(console.written.contains("      ! I couldn't read that as a number"))
    }

    @Test func aFailedSaveStopsBeforeAskingAgain() throws {
        let recorder = InMemoryRecorder()
        recorder.failAfter = 1
        let console = ScriptedConsole([.line("nurse"), .line("7")], recorder: recorder)
        var engine = ConversationEngine.begin(try Self.script(), presets: [:], context: ConversationContext(today: Self.today))
        let outcome = ConversationShell(console: console, style: ChatStyle(color: false)).run(&engine, recorder: recorder, resumed: false)
        #expect(outcome == .saveFailed("The disk is full."))
        #expect(console.savesWhenAsked == [1])
        #expect(!console.written.contains("Years?"), "the next question is not shown when the answer could not be saved")
    }

    @Test func longLinesWrapUnderTheTextOnATerminal() {
        let style = ChatStyle(color: false, width: 40)
        let text = style.message(Message("one two three four five six seven eight nine ten eleven twelve"))
        for line in text.split(separator: "\n") { #expect(line.count <= 40) }
        #expect(text.hasPrefix("coach › one two three"))
        #expect(text.contains("\n        "))
        #expect(ChatStyle(color: false).message(Message(String(repeating: "word ", count: 40))).split(separator: "\n").count == 1)
    }

    @Test func longOptionsWrapUnderTheirText() {
        let text = ChatStyle(color: false, width: 40).options(["Deals closed — your work is selling, so deals show results", "B"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "        1) Deals closed — your work is")
        #expect(lines[1].hasPrefix("           selling"))
        #expect(lines.last == "        2) B")
        for line in lines { #expect(line.count <= 40) }
    }

    @Test func coloursOnlyWhenAllowed() {
        #expect(ChatStyle(color: true).prompt.contains("\u{1B}["))
        #expect(!ChatStyle(color: false).prompt.contains("\u{1B}"))
    }
}
