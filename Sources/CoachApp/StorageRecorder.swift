public import CoachCore

/// Saves each turn of one conversation through the storage port. The first turn creates the
/// conversation (one transaction with its first prompt); a turn that changed nothing but the
/// log (a question shown again, `/help`) only appends its events.
public final class StorageRecorder: ConversationRecorder {
    public let storage: any ConversationStore
    /// Known once the first turn is saved, or from the start when resuming.
    public private(set) var conversationID: ConversationID?
    private var written: (state: ConversationState, hash: String)?
    private let finishing: (ConversationSnapshot) -> [PlanChange]

    /// `resuming`: the conversation and what the store already holds for it.
    /// `finishing`: the plan changes the interview makes, saved with its last answer.
    public init(storage: any ConversationStore, resuming: (id: ConversationID, state: ConversationState, hash: String)? = nil,
                finishing: @escaping (ConversationSnapshot) -> [PlanChange] = { _ in [] }) {
        self.storage = storage
        self.conversationID = resuming?.id
        self.written = resuming.map { ($0.state, $0.hash) }
        self.finishing = finishing
    }

    public func record(_ log: [LogEntry], snapshot: ConversationSnapshot) throws {
        guard let id = conversationID else {
            conversationID = try storage.createConversation(snapshot, log: log, changes: snapshot.status == .finished ? finishing(snapshot) : [])
            written = (snapshot.state, snapshot.scriptHash)
            return
        }
        if let written, written.state == snapshot.state, written.hash == snapshot.scriptHash {
            try storage.record(log, snapshot: nil, conversation: id, changes: [])
            return
        }
        let finishes = snapshot.status == .finished && written?.state.isFinished != true
        try storage.record(log, snapshot: snapshot, conversation: id, changes: finishes ? finishing(snapshot) : [])
        written = (snapshot.state, snapshot.scriptHash)
    }
}
