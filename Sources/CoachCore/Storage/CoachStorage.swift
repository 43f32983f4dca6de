/// The store's side of the application, in domain words: what the use cases need of clients,
/// conversations and plans, whichever database holds them. Every method is one transaction.

/// The clients of a practice, addressed by name (unique, compared case-insensitively).
public protocol ClientStore: Sendable {
    /// Every client, by name.
    func clients() throws(StoreError) -> [ClientEntry]
    /// False when a client of that name (in any case) is already there.
    func addClient(_ name: String) throws(StoreError) -> Bool
    /// False when there is no such client; `.clientExists` when the new name is taken.
    func renameClient(_ old: String, to new: String) throws(StoreError) -> Bool
    func archiveClient(_ name: String, archived: Bool) throws(StoreError) -> Bool
    /// Removes the client and every row about them.
    func deleteClient(_ name: String) throws(StoreError) -> Bool
    /// The coach's private notes about a client, oldest first.
    func notes(client: String) throws(StoreError) -> [CoachNote]
    /// The client's moves from one coach to another, oldest first.
    func handovers(client: String) throws(StoreError) -> [Handover]
}

extension ClientStore {
    /// A store that one coach keeps alone hands no client over.
    public func handovers(client: String) throws(StoreError) -> [Handover] { [] }
}

/// Conversations: their resumable state, the append-only log, and the answers they named.
public protocol ConversationStore: Sendable {
    /// Starts a conversation with its first turn, in one transaction; `changes` are the plan
    /// changes of an interview that its first turn already finishes, and `holder`, when given,
    /// holds it from the start (see `claim`).
    func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange],
                            leasedTo holder: ConversationLease.Holder?) throws(StoreError) -> ConversationID
    /// Appends a turn's events; with an update, the conversation's answers and state move on too
    /// (only what changed is written), and the plan changes a finished interview makes are
    /// written in the same transaction.
    func record(_ log: [LogEntry], update: ConversationUpdate?, conversation: ConversationID, changes: [PlanChange]) throws(StoreError)
    /// Every conversation, most recently touched first.
    func conversations() throws(StoreError) -> [ConversationSummary]
    func conversation(_ id: ConversationID) throws(StoreError) -> StoredConversation
    func events(of id: ConversationID) throws(StoreError) -> [StoredEvent]
    /// The most recently touched unfinished conversation.
    func latestUnfinished() throws(StoreError) -> ConversationSummary?
    /// The client's most recently touched conversation, or any named client's when nil.
    func latestConversation(client: String?) throws(StoreError) -> ConversationSummary?
    /// Removes a conversation, its answers and its log; the client and their plan stay. False when there is none.
    func discardConversation(_ id: ConversationID) throws(StoreError) -> Bool
    /// Takes the conversation for `holder`, in one transaction: nil when it is now theirs, or the
    /// lease of another holder still answering it (`isAlive` says whether a lease's process runs).
    func claim(_ id: ConversationID, for holder: ConversationLease.Holder, isAlive: (ConversationLease) -> Bool) throws(StoreError) -> ConversationLease?
    /// Gives the conversation up, if `holder` has it.
    func release(_ id: ConversationID, for holder: ConversationLease.Holder) throws(StoreError)
    /// The named answers of the client's conversations, later ones winning name by name.
    func knownAnswers(client: String) throws(StoreError) -> [String: AnswerValue]
    /// The same for every client at once, by client name.
    func knownAnswersByClient() throws(StoreError) -> [String: [String: AnswerValue]]
}

extension ConversationStore {
    /// A conversation whose first turn changes nothing in the plan.
    public func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry]) throws(StoreError) -> ConversationID {
        try createConversation(snapshot, log: log, changes: [], leasedTo: nil)
    }

    /// A conversation no process holds yet.
    public func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange]) throws(StoreError) -> ConversationID {
        try createConversation(snapshot, log: log, changes: changes, leasedTo: nil)
    }
}

/// The client's plan: KPIs, check-ins and adjustments.
public protocol PlanStore: Sendable {
    /// Adds the KPIs a conversation agreed, all or none.
    func addKPIs(_ kpis: [PlannedKPI], client: String, conversation: ConversationID?) throws(StoreError)
    /// The plan in the order agreed, each KPI with its check-ins (by date) and adjustments; nil when no such client.
    func kpis(client: String) throws(StoreError) -> [StoredKPI]?
    /// Every KPI of every client, one at a time (check-ins without notes), for the dashboard.
    func forEachKPI(_ body: (_ client: String, _ kpi: StoredKPI) -> Void) throws(StoreError)
    func addCheckin(kpi: KPIID, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?) throws(StoreError)
    /// Changes a target or due date, or retires the KPI, keeping each change with its reason.
    func adjust(kpi: KPIID, client: String, _ change: KPIChange, why: String) throws(StoreError)
}

/// Everything the application keeps: one value that is all three stores.
public typealias CoachStorage = ClientStore & ConversationStore & PlanStore
