import Synchronization

/// Everything needed to continue a conversation exactly where it stopped. It is saved after
/// every turn (its answers as rows, only those that changed); the event log beside it is the
/// history, never replayed.
public struct ConversationState: Codable, Hashable, Sendable {
    public enum Position: Codable, Hashable, Sendable {
        case asking(String)
        case finished
    }

    public enum Confirmation: String, Codable, Hashable, Sendable {
        case quit, restart
    }

    public var scriptID: String
    /// Answers known before the interview starts, e.g. `client.name` from `--client`.
    public var presets: [String: AnswerValue]
    /// The answers on the current path, in the order given. Changed only through the methods
    /// below, which keep the bookkeeping that lets a save write only what changed.
    public internal(set) var records: [AnswerRecord] {
        didSet { bookkeeping.revision = Bookkeeping.fresh() }
    }
    public var position: Position
    /// Index into `records` of the answer being changed with `/edit`.
    public var editing: Int?
    public var failedAttempts: Int
    public var pending: Confirmation?
    /// Readings offered after an answer that could mean more than one thing (03/04/2027, a past
    /// deadline); the next line may pick one by number.
    public var clarifying: [AnswerValue]?
    public var interruptedOnEmptyLine: Bool
    var bookkeeping = Bookkeeping()

    private enum CodingKeys: String, CodingKey {
        case scriptID, presets, records, position, editing, failedAttempts, pending, clarifying, interruptedOnEmptyLine
    }

    public init(scriptID: String, presets: [String: AnswerValue], records: [AnswerRecord] = [],
                position: Position) {
        self.scriptID = scriptID
        self.presets = presets
        self.records = records
        self.position = position
        bookkeeping.unsavedFrom = records.isEmpty ? nil : 0
        editing = nil
        failedAttempts = 0
        pending = nil
        interruptedOnEmptyLine = false
    }

    public var isFinished: Bool { position == .finished }

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

    mutating func removeLastAnswer() -> AnswerRecord? {
        guard !records.isEmpty else { return nil }
        changed(from: records.count - 1)
        return records.removeLast()
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

    /// The step now waiting for input: the one being edited, or the current question.
    public var activeStep: String? {
        if let editing, records.indices.contains(editing) { return records[editing].step }
        if case .asking(let id) = position { return id }
        return nil
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
