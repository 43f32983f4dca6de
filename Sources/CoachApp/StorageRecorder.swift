public import CoachCore

/// Saves each turn of one conversation through the storage port. The first turn creates the
/// conversation (one transaction with its first prompt); a turn that changed nothing but the
/// log (a question shown again, `/help`) only appends its events.
public final class StorageRecorder: ConversationRecorder {
    public let storage: any ConversationStore
    /// Known once the first turn is saved, or from the start when resuming.
    public private(set) var conversationID: ConversationID?
    /// What the store holds now, to send it only what a turn changed.
    private var written: ConversationSnapshot?
    private let finishing: (ConversationSnapshot) -> [PlanChange]

    /// `resuming`: the conversation and what the store already holds for it.
    /// `finishing`: the plan changes the interview makes, saved with its last answer.
    public init(storage: any ConversationStore, resuming: (id: ConversationID, saved: ConversationSnapshot)? = nil,
                finishing: @escaping (ConversationSnapshot) -> [PlanChange] = { _ in [] }) {
        self.storage = storage
        self.conversationID = resuming?.id
        self.written = resuming?.saved
        self.finishing = finishing
    }

    public func record(_ log: [LogEntry], snapshot: ConversationSnapshot) throws {
        guard let id = conversationID, let written else {
            conversationID = try storage.createConversation(snapshot, log: log, changes: snapshot.status == .finished ? finishing(snapshot) : [])
            written = snapshot
            return
        }
        let update = ConversationUpdate(from: written, to: snapshot)
        if update.isEmpty {
            try storage.record(log, update: nil, conversation: id, changes: [])
            return
        }
        let finishes = snapshot.status == .finished && written.status != .finished
        try storage.record(log, update: update, conversation: id, changes: finishes ? finishing(snapshot) : [])
        self.written = snapshot
    }
}
