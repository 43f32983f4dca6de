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

    public var status: Status { state.isFinished ? .finished : .active }
    public var step: String? { state.activeStep }

    public init(state: ConversationState, scriptHash: String, clientName: String?) {
        self.state = state
        self.scriptHash = scriptHash
        self.clientName = clientName
    }
}

extension ConversationEngine {
    public var snapshot: ConversationSnapshot {
        let name = variables["client.name"].map(\.display)
        return ConversationSnapshot(state: state, scriptHash: script.hash, clientName: name)
    }
}
