/// Everything needed to continue a conversation exactly where it stopped. It is saved as a
/// snapshot after every turn; the event log beside it is the history, never replayed.
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
    /// The answers on the current path, in the order given.
    public var records: [AnswerRecord]
    public var position: Position
    /// Index into `records` of the answer being changed with `/edit`.
    public var editing: Int?
    public var failedAttempts: Int
    public var pending: Confirmation?
    /// Readings offered after an answer that could mean more than one thing (03/04/2027, a past
    /// deadline); the next line may pick one by number.
    public var clarifying: [AnswerValue]?
    public var interruptedOnEmptyLine: Bool

    public init(scriptID: String, presets: [String: AnswerValue], records: [AnswerRecord] = [],
                position: Position) {
        self.scriptID = scriptID
        self.presets = presets
        self.records = records
        self.position = position
        editing = nil
        failedAttempts = 0
        pending = nil
        interruptedOnEmptyLine = false
    }

    public var isFinished: Bool { position == .finished }

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
