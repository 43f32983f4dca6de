/// The port through which the shell saves a conversation: the turn's log entries and the new
/// snapshot, together, before anything of the next question is shown.
public protocol ConversationRecorder {
    func record(_ log: [LogEntry], snapshot: ConversationSnapshot) throws
}

/// The saved picture of a conversation after a turn.
public struct ConversationSnapshot: Hashable, Sendable {
    public enum Status: String, Codable, Sendable { case active, finished }

    public let state: ConversationState
    public let scriptHash: String
    /// Known once `--client` was given or the name question answered.
    public let clientName: String?
    /// Every named answer, including values the interview composed (a rewritten goal).
    public let variables: [String: AnswerValue]

    public var status: Status { state.isFinished ? .finished : .active }
    public var step: String? { state.activeStep }

    public init(state: ConversationState, scriptHash: String, clientName: String?, variables: [String: AnswerValue] = [:]) {
        self.state = state
        self.scriptHash = scriptHash
        self.clientName = clientName
        self.variables = variables
    }
}

extension ConversationEngine {
    /// Once the snapshot is saved: the next save starts from here (see `ConversationUpdate`).
    public mutating func markSaved() { state.markSaved() }

    public var snapshot: ConversationSnapshot {
        let scope = variables
        return ConversationSnapshot(state: state, scriptHash: script.hash, clientName: scope["client.name"].map(\.display), variables: scope)
    }
}
