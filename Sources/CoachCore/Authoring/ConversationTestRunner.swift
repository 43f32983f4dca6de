/// Plays a `ConversationTest` against the real engine, headless: no terminal, no database,
/// but the same turns the shell would show and the same answers it would save.
public struct ConversationTestRunner {
    /// One checked line of the test file; `difference` says what was expected and what came.
    public struct StepResult: Hashable, Sendable {
        public let action: ConversationTest.Action
        public let difference: String?
        public var passed: Bool { difference == nil }
    }

    private var engine: ConversationEngine
    /// What the coach said and asked since the client's last line.
    private var shown: String = ""
    private var ended: Turn.Ending?

    /// `engine`: begun with the test's presets and given its goal library and catalogue.
    public init(engine: ConversationEngine) {
        self.engine = engine
    }

    public static func run(_ test: ConversationTest, engine: ConversationEngine) -> [StepResult] {
        var runner = ConversationTestRunner(engine: engine)
        runner.show(runner.engine.handle(.conversationOpened(resumed: false)))
        return test.steps.map { StepResult(action: $0, difference: runner.perform($0.kind)) }
    }

    private mutating func perform(_ kind: ConversationTest.Kind) -> String? {
        switch kind {
        case .client(let line):
            if let ended { return "the conversation has already \(ended == .finished ? "finished" : "paused"); nothing is asked" }
            show(engine.handle(.lineSubmitted(line)))
        case .interrupt:
            if ended != nil { return "the conversation has already ended" }
            show(engine.handle(.interruptPressed(lineHadText: false)))
        case .resume:
            guard ended != .finished else { return "a finished conversation cannot be resumed" }
            return resumeFromSavedForm()
        case .expect(let fragments):
            let missing = fragments.filter { !shown.contains($0) }
            guard !missing.isEmpty else { return nil }
            return "expected " + missing.map(ConversationTest.Kind.quote).joined(separator: ", ") + " in what the coach said:\n" + indented(shown)
        case .expectNot(let fragments):
            let found = fragments.filter { shown.contains($0) }
            guard !found.isEmpty else { return nil }
            return "did not expect " + found.map(ConversationTest.Kind.quote).joined(separator: ", ") + " in:\n" + indented(shown)
        case .asks(let step):
            let open = ended == nil ? engine.state.activeStep : nil
            guard open != step else { return nil }
            return "expected the open question to be \(step ?? "none (ended)"), but it is \(open ?? "none (ended)")"
        case .saved(let expected):
            let differences = expected.keys.sorted().compactMap { name in compare(name, expected[name]!) }
            return differences.isEmpty ? nil : differences.joined(separator: "\n")
        case .ends(let ending):
            guard ended != ending else { return nil }
            let now = ended.map { $0 == .finished ? "finished" : "paused" } ?? "still asking \(engine.state.activeStep ?? "?")"
            return "expected the conversation to be \(ending == .finished ? "finished" : "paused"), but it is \(now)"
        }
        return nil
    }

    /// Quitting and resuming goes through the saved JSON form, as `kpicoach resume` does.
    private mutating func resumeFromSavedForm() -> String? {
        do {
            engine = try engine.resumedFromSavedForm()
        } catch {
            return "the conversation could not be saved and read back: \(error)"
        }
        ended = nil
        show(engine.handle(.conversationOpened(resumed: true)))
        return nil
    }

    private func compare(_ name: String, _ expected: ConversationTest.Expected) -> String? {
        let actual = engine.variables[name]
        let reading: String = actual.map { Self.readings(of: $0).map(ConversationTest.Kind.quote).joined(separator: ", ") } ?? "nothing"
        switch (expected, actual) {
        case (.absent, nil):
            return nil
        case (.value(let text), let value?) where value.display == text && !Self.isList(value):
            return nil
        case (.list(let items), let value?) where Self.isList(value) && Self.readings(of: value) == items:
            return nil
        case (.absent, _):
            return "\(name): expected nothing saved, but it is \(reading)"
        case (.value(let text), _):
            return "\(name): expected \(ConversationTest.Kind.quote(text)), but it is \(reading)"
        case (.list(let items), _):
            return "\(name): expected [\(items.map(ConversationTest.Kind.quote).joined(separator: ", "))], but it is \(reading)"
        }
    }

    private static func isList(_ value: AnswerValue) -> Bool {
        switch value {
        case .list, .choices: return true
        default: return false
        }
    }

    private static func readings(of value: AnswerValue) -> [String] {
        switch value {
        case .list(let items): return items.map(\.display)
        case .choices(let items): return items
        default: return [value.display]
        }
    }

    private mutating func show(_ turn: Turn) {
        var lines = turn.messages.map(\.text)
        switch turn.next {
        case .ask(let prompt):
            if let question = prompt.question { lines.append(question) }
            lines += prompt.options.enumerated().map { "\($0.offset + 1). \($0.element)" }
            ended = nil
        case .end(let ending):
            ended = ending
        }
        shown = lines.joined(separator: "\n")
    }

    private func indented(_ text: String) -> String {
        text.isEmpty ? "    (nothing)" : text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + TerminalText.sanitize(String($0)) }.joined(separator: "\n")
    }
}
