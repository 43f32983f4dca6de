import Synchronization

/// Everything needed to continue a conversation exactly where it stopped. It is saved after
/// every turn (its answers as rows, only those that changed); the event log beside it is the
/// history, never replayed.
public struct ConversationState: Codable, Hashable, Sendable {
    /// Where the path through the script stands: the next question to answer, or the end.
    public enum Position: Codable, Hashable, Sendable {
        case asking(String)
        case finished
    }

    public enum Confirmation: String, Codable, Hashable, Sendable {
        case restart
    }

    /// A question being asked and what has happened at it so far.
    public struct Question: Codable, Hashable, Sendable {
        public var step: String
        /// Answers refused in a row.
        public var attempts = 0
        /// Readings offered for the last line (03/04/2027, a past deadline); a number picks one.
        public var readings: [AnswerValue]?
        /// Ctrl-C was pressed on an empty line; once more asks to save and quit.
        public var interrupted = false

        public init(step: String) { self.step = step }
    }

    /// What the conversation is doing, and what each phase holds.
    public indirect enum Phase: Codable, Hashable, Sendable {
        /// At the next question on the path.
        case asking(Question)
        /// Changing the answer at `index` of the records (`/edit`); `returning` is where the path
        /// stood, shown again if the edit is cancelled.
        case editing(index: Int, Question, returning: Position)
        /// A yes/no about leaving or starting over; "no" goes back to `over`.
        case confirming(Confirmation, over: Phase)
        case finished

        /// Asking the question at `position`, or finished.
        public init(at position: Position) {
            switch position {
            case .asking(let step): self = .asking(Question(step: step))
            case .finished: self = .finished
            }
        }
    }

    public var scriptID: String
    /// Answers known before the interview starts, e.g. `client.name` from `--client`.
    public var presets: [String: AnswerValue]
    /// The answers on the current path, in the order given. Changed only through the methods
    /// below, which keep the bookkeeping that lets a save write only what changed.
    public internal(set) var records: [AnswerRecord] {
        didSet { bookkeeping.revision = Bookkeeping.fresh() }
    }
    public var phase: Phase
    var bookkeeping = Bookkeeping()

    private enum CodingKeys: String, CodingKey {
        case scriptID, presets, records, phase
    }

    public init(scriptID: String, presets: [String: AnswerValue], records: [AnswerRecord] = [], position: Position) {
        self.scriptID = scriptID
        self.presets = presets
        self.records = records
        phase = Phase(at: position)
        bookkeeping.unsavedFrom = records.isEmpty ? nil : 0
    }

    /// Reads the state as saved; a state saved before phases (`position`, `editing`, `pending`)
    /// comes back asking the question it was at.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scriptID = try c.decode(String.self, forKey: .scriptID)
        presets = try c.decode([String: AnswerValue].self, forKey: .presets)
        records = try c.decode([AnswerRecord].self, forKey: .records)
        if let phase = try c.decodeIfPresent(Phase.self, forKey: .phase) {
            self.phase = phase
        } else {
            enum Before: String, CodingKey { case position }
            phase = Phase(at: try decoder.container(keyedBy: Before.self).decode(Position.self, forKey: .position))
        }
    }

    public var isFinished: Bool { phase == .finished }

    /// Where the path stands, whatever the conversation is doing there.
    public var position: Position { Self.position(of: phase) }

    private static func position(of phase: Phase) -> Position {
        switch phase {
        case .asking(let question): .asking(question.step)
        case .editing(_, _, let returning): returning
        case .confirming(_, let over): position(of: over)
        case .finished: .finished
        }
    }

    /// The question waiting for input: the one being edited, or the path's next one.
    public var question: Question? {
        get { Self.question(of: phase) }
        set {
            guard let newValue else { return }
            phase = Self.phase(phase, with: newValue)
        }
    }

    private static func question(of phase: Phase) -> Question? {
        switch phase {
        case .asking(let question), .editing(_, let question, _): question
        case .confirming(_, let over): question(of: over)
        case .finished: nil
        }
    }

    private static func phase(_ phase: Phase, with question: Question) -> Phase {
        switch phase {
        case .asking: .asking(question)
        case .editing(let index, _, let returning): .editing(index: index, question, returning: returning)
        case .confirming(let confirmation, let over): .confirming(confirmation, over: Self.phase(over, with: question))
        case .finished: .finished
        }
    }

    /// The step now waiting for input.
    public var activeStep: String? { question?.step }

    /// Index into `records` of the answer being changed with `/edit`.
    public var editingIndex: Int? {
        if case .editing(let index, _, _) = phase { index } else { nil }
    }

    /// The yes/no being asked, if any.
    public var confirmation: Confirmation? {
        if case .confirming(let confirmation, _) = phase { confirmation } else { nil }
    }

    /// The first answer that changed since the last save (nil: none did): a save rewrites the
    /// answers from there on and keeps those before it.
    public var unsavedFrom: Int? { bookkeeping.unsavedFrom }

    /// Identifies these answers: equal revisions mean equal answers, so a walk of them can be reused.
    var revision: UInt64 { bookkeeping.revision }

    /// Called once the state is saved.
    public mutating func markSaved() { bookkeeping.unsavedFrom = nil }

    /// The answers a store read back, all saved.
    public mutating func restore(_ answers: [AnswerRecord]) {
        records = answers
        bookkeeping.unsavedFrom = nil
    }

    mutating func appendAnswer(_ record: AnswerRecord) {
        changed(from: records.count)
        records.append(record)
    }

    mutating func replaceAnswer(at index: Int, with record: AnswerRecord) {
        changed(from: index)
        records[index] = record
    }

    mutating func insertAnswer(_ record: AnswerRecord, at index: Int) {
        changed(from: index)
        records.insert(record, at: index)
    }

    mutating func removeAnswer(at index: Int) -> AnswerRecord {
        changed(from: index)
        return records.remove(at: index)
    }

    /// A new list of answers (after a rewalk or a changed script): saved from where it differs.
    mutating func replaceAnswers(with answers: [AnswerRecord]) {
        let same = zip(records, answers).prefix { $0 == $1 }.count
        if same == records.count, same == answers.count { return }
        changed(from: same)
        records = answers
    }

    private mutating func changed(from index: Int) {
        bookkeeping.unsavedFrom = min(bookkeeping.unsavedFrom ?? index, index)
    }

    /// What the state keeps about itself, not about the conversation: it is neither saved nor
    /// compared, so two states with the same answers are equal however they were reached.
    struct Bookkeeping: Hashable, Sendable {
        private static let counter = Atomic<UInt64>(0)
        static func fresh() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }

        var revision = fresh()
        var unsavedFrom: Int?

        static func == (_: Bookkeeping, _: Bookkeeping) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}

/// One answer as given: the raw line is kept so a changed script can re-check it on resume.
public struct AnswerRecord: Codable, Hashable, Sendable {
    public var step: String
    public var raw: String
    /// `nil` when the client skipped the question.
    public var value: AnswerValue?

    public init(step: String, raw: String, value: AnswerValue?) {
        self.step = step
        self.raw = raw
        self.value = value
    }
}
