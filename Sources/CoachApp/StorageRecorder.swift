public import CoachCore

/// Saves each turn of one conversation through the storage port. The first turn that gives
/// something creates the conversation (one transaction with the prompts before it), so leaving
/// before answering keeps nothing; later turns send only what changed
/// (`ConversationUpdate`), and one that changed nothing but the log (a question shown again,
/// `/help`) only appends its events. The engine is told `markSaved()` after each record.
public final class StorageRecorder: ConversationRecorder {
    public let storage: any ConversationStore
    /// Known once the first turn is saved, or from the start when resuming.
    public private(set) var conversationID: ConversationID?
    /// What the store holds now, to send it only what a turn changed.
    private var written: (saved: ConversationUpdate.Saved, finished: Bool)?
    private let finishing: (ConversationSnapshot) -> [PlanChange]
    private let holder: ConversationLease.Holder?
    /// The log of a new conversation's turns before anything was given, not yet kept.
    private var unkept: [LogEntry] = []

    /// `resuming`: the conversation and what the store already holds for it.
    /// `finishing`: the plan changes the interview makes, saved with its last answer.
    /// `holder`: the process that answers it, given the conversation as soon as it is created.
    public init(storage: any ConversationStore, holder: ConversationLease.Holder? = nil, resuming: (id: ConversationID, saved: ConversationSnapshot)? = nil,
                finishing: @escaping (ConversationSnapshot) -> [PlanChange] = { _ in [] }) {
        self.storage = storage
        self.holder = holder
        self.conversationID = resuming?.id
        self.written = resuming.map { (ConversationUpdate.Saved($0.saved), $0.saved.status == .finished) }
        self.finishing = finishing
    }

    public func record(_ log: [LogEntry], snapshot: ConversationSnapshot) throws {
        let finished = snapshot.status == .finished
        guard let id = conversationID, let written else {
            // A conversation is kept from the first thing the person gives (an answer, a note,
            // a mark of agreement); the turns before it are saved with it, in one transaction.
            unkept += log
            guard finished || unkept.contains(where: \.keepsConversation) else { return }
            conversationID = try storage.createConversation(snapshot, log: unkept, changes: finished ? finishing(snapshot) : [], leasedTo: holder)
            unkept = []
            self.written = (ConversationUpdate.Saved(snapshot), finished)
            return
        }
        let update = ConversationUpdate(from: written.saved, to: snapshot)
        if update.isEmpty {
            try storage.record(log, update: nil, conversation: id, changes: [])
            return
        }
        try storage.record(log, update: update, conversation: id, changes: finished && !written.finished ? finishing(snapshot) : [])
        self.written = (ConversationUpdate.Saved(snapshot), finished)
    }
}
