/// A scripted conversation a script author writes next to an interview: what the client
/// types, what the coach should say, and what should be saved. `kpicoach test` runs it.
public struct ConversationTest: Hashable, Sendable {
    public let file: String
    public let scriptID: String
    /// The day the conversation happens, so relative dates give the same answers every run.
    public let today: LocalDate?
    /// Answers known before the first question (`--client` answers, a check-in's plan).
    public let presets: [String: AnswerValue]
    public let steps: [Action]

    public init(file: String, scriptID: String, today: LocalDate?, presets: [String: AnswerValue], steps: [Action]) {
        self.file = file
        self.scriptID = scriptID
        self.today = today
        self.presets = presets
        self.steps = steps
    }

    /// One line of a test file, kept with where it is written so a failure points at it.
    public struct Action: Hashable, Sendable {
        public let line: Int
        public let column: Int
        public let kind: Kind

        public init(line: Int, column: Int, kind: Kind) {
            self.line = line
            self.column = column
            self.kind = kind
        }
    }

    public enum Kind: Hashable, Sendable {
        /// The client types this line (answers and `/commands` alike).
        case client(String)
        /// The client presses Ctrl-C.
        case interrupt
        /// The client leaves and comes back: the state goes through its saved form and resumes.
        case resume
        /// Each fragment appears in what the coach said and asked since the last client line.
        case expect([String])
        /// None of these fragments appears there.
        case expectNot([String])
        /// The question now open is this step (`nil`: the conversation has ended).
        case asks(String?)
        /// Saved answers, by name, as they read back (`display`); a list for collected answers.
        case saved([String: Expected])
        /// The conversation is over, finished or paused.
        case ends(Turn.Ending)
    }

    /// An expected saved value: one reading, a list of readings, or "not saved".
    public enum Expected: Hashable, Sendable {
        case value(String)
        case list([String])
        case absent
    }
}

extension ConversationTest.Kind {
    /// How the step reads in a report, e.g. `client "Ana"`.
    public var title: String {
        switch self {
        case .client(let line): return "client \(Self.quote(line))"
        case .interrupt: return "interrupt (Ctrl-C)"
        case .resume: return "quit and resume"
        case .expect(let f): return "expect " + f.map(Self.quote).joined(separator: ", ")
        case .expectNot(let f): return "expect_not " + f.map(Self.quote).joined(separator: ", ")
        case .asks(let step): return "asks " + (step ?? "nothing (ended)")
        case .saved(let values): return "saved " + values.keys.sorted().joined(separator: ", ")
        case .ends(let ending): return "ends " + (ending == .finished ? "finished" : "paused")
        }
    }

    static func quote(_ text: String) -> String {
        let cleaned = TerminalText.sanitize(text)
        return "“" + (cleaned.count > 60 ? String(cleaned.prefix(57)) + "…" : cleaned) + "”"
    }
}
