import Foundation

/// The whole store in memory, made fresh in each test of the use cases: the same contract as
/// the database backends (names unique in any case, a transaction all or nothing), nothing kept.
public final class InMemoryStorage: CoachStorage, @unchecked Sendable {
    private struct Client { var id: Int64; var name: String; var archived = false }
    private struct Conversation { var id: Int64; var client: Int64?; var snapshot: ConversationSnapshot; var created: Instant; var updated: Instant }
    private struct KPI { var id: Int64; var client: Int64; var kpi: PlannedKPI; var conversation: Int64?; var added: Instant; var retired = false }
    private struct Checkin { var id: Int64; var kpi: Int64; var checkin: StoredCheckin }

    private struct Tables {
        var clients: [Client] = []
        var conversations: [Conversation] = []
        var events: [(conversation: Int64, event: StoredEvent)] = []
        var leases: [Int64: ConversationLease] = [:]
        var kpis: [KPI] = []
        var checkins: [Checkin] = []
        var adjustments: [(kpi: Int64, adjustment: StoredAdjustment)] = []
        var nextID: Int64 = 1
        var lastInstant: Int64 = 0

        mutating func id() -> Int64 {
            defer { nextID += 1 }
            return nextID
        }

        /// Strictly increasing, so "most recent" is never a tie within a test.
        mutating func now() -> Instant {
            lastInstant = max(lastInstant + 1, Instant.now().millisecondsSince1970)
            return Instant(millisecondsSince1970: lastInstant)
        }

        func client(named name: String) -> Client? { clients.first { $0.name.lowercased() == name.lowercased() } }

        mutating func clientID(named name: String) -> Int64 {
            if let found = client(named: name) { return found.id }
            let id = id()
            clients.append(Client(id: id, name: name))
            return id
        }

        func summary(_ c: Conversation) -> ConversationSummary {
            ConversationSummary(id: ConversationID(c.id), client: c.client.flatMap { id in clients.first { $0.id == id }?.name },
                                scriptID: c.snapshot.state.scriptID, status: c.snapshot.status, step: c.snapshot.step,
                                createdAt: c.created, updatedAt: c.updated, answers: c.snapshot.state.records.count)
        }

        mutating func append(_ log: [LogEntry], to conversation: Int64, at: Instant) {
            for entry in log { events.append((conversation, StoredEvent(entry, seq: id(), at: at))) }
        }

        mutating func requireKPI(_ id: KPIID, of client: String) throws(StoreError) -> Int {
            guard let owner = self.client(named: client), let index = kpis.firstIndex(where: { $0.id == id.rawValue && $0.client == owner.id }) else {
                throw .noKPI(id: id, client: client)
            }
            return index
        }

        mutating func apply(_ change: PlanChange, conversation: Int64?) throws(StoreError) {
            switch change {
            case .addKPIs(let planned, let client):
                let owner = clientID(named: client)
                for kpi in planned { kpis.append(KPI(id: id(), client: owner, kpi: kpi, conversation: conversation, added: now())) }
            case .checkin(let kpi, let client, let date, let value, let confidence, let note):
                _ = try requireKPI(kpi, of: client)
                checkins.append(Checkin(id: id(), kpi: kpi.rawValue, checkin: StoredCheckin(date: date, value: value, confidence: confidence, note: note, recordedAt: now())))
            case .adjust(let kpi, let client, let change, let why):
                let index = try requireKPI(kpi, of: client)
                let at = now()
                guard case .move(let target, let due) = change else {
                    kpis[index].retired = true
                    adjustments.append((kpi.rawValue, StoredAdjustment(field: .status, from: "active", to: "retired", why: why, at: at)))
                    return
                }
                let old = kpis[index].kpi
                if let target {
                    kpis[index].kpi.targetValue = target
                    adjustments.append((kpi.rawValue, StoredAdjustment(field: .target, from: NumberFormat.plain(old.targetValue), to: NumberFormat.plain(target), why: why, at: at)))
                }
                if let due {
                    kpis[index].kpi.dueDate = due
                    adjustments.append((kpi.rawValue, StoredAdjustment(field: .due, from: old.dueDate.iso, to: due.iso, why: why, at: at)))
                }
            }
        }

        func stored(_ k: KPI, notes: Bool = true) -> StoredKPI {
            let measured = checkins.filter { $0.kpi == k.id }.sorted { ($0.checkin.date, $0.id) < ($1.checkin.date, $1.id) }.map(\.checkin)
            return StoredKPI(id: KPIID(k.id), kpi: k.kpi, checkins: measured, adjustments: adjustments.filter { $0.kpi == k.id }.map(\.adjustment),
                             retired: k.retired, conversation: k.conversation.map { ConversationID($0) }, addedAt: k.added)
        }

        func known(_ clientID: Int64) -> [String: AnswerValue] {
            conversations.filter { $0.client == clientID }.sorted { ($0.updated, $0.id) < ($1.updated, $1.id) }
                .reduce(into: [:]) { merged, c in merged.merge(c.snapshot.variables) { $1 } }
        }
    }

    private let lock = NSLock()
    private var tables = Tables()

    public init() {}

    /// Runs `body` on a copy and keeps it only if it succeeds: a transaction.
    private func transaction<T>(_ body: (inout Tables) throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        var copy = tables
        let result = try body(&copy)
        tables = copy
        return result
    }

    private func read<T>(_ body: (Tables) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(tables)
    }

    // MARK: clients

    public func clients() throws(StoreError) -> [ClientEntry] {
        read { $0.clients.sorted { $0.name.lowercased() < $1.name.lowercased() }.map { ClientEntry(name: $0.name, archived: $0.archived) } }
    }

    public func addClient(_ name: String) throws(StoreError) -> Bool {
        try transaction { t throws(StoreError) in
            guard t.client(named: name) == nil else { return false }
            _ = t.clientID(named: name)
            return true
        }
    }

    public func renameClient(_ old: String, to new: String) throws(StoreError) -> Bool {
        try transaction { t throws(StoreError) in
            if let other = t.client(named: new), other.name.lowercased() != old.lowercased() { throw .clientExists(name: new) }
            guard let index = t.clients.firstIndex(where: { $0.name.lowercased() == old.lowercased() }) else { return false }
            t.clients[index].name = new
            return true
        }
    }

    public func archiveClient(_ name: String, archived: Bool) throws(StoreError) -> Bool {
        try transaction { t throws(StoreError) in
            guard let index = t.clients.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { return false }
            t.clients[index].archived = archived
            return true
        }
    }

    public func deleteClient(_ name: String) throws(StoreError) -> Bool {
        try transaction { t throws(StoreError) in
            guard let client = t.client(named: name) else { return false }
            let conversations = Set(t.conversations.filter { $0.client == client.id }.map(\.id))
            let kpis = Set(t.kpis.filter { $0.client == client.id }.map(\.id))
            t.clients.removeAll { $0.id == client.id }
            t.conversations.removeAll { conversations.contains($0.id) }
            t.events.removeAll { conversations.contains($0.conversation) }
            t.kpis.removeAll { kpis.contains($0.id) }
            t.checkins.removeAll { kpis.contains($0.kpi) }
            t.adjustments.removeAll { kpis.contains($0.kpi) }
            return true
        }
    }

    public func notes(client: String) throws(StoreError) -> [CoachNote] {
        read { t in
            guard let owner = t.client(named: client) else { return [] }
            let leads = Dictionary(uniqueKeysWithValues: t.conversations.filter { $0.client == owner.id }
                .map { ($0.id, $0.snapshot.state.presets["coach.name"]?.display) })
            return t.events.filter { leads[$0.conversation] != nil && $0.event.kind == .note }
                .map { CoachNote(at: $0.event.at, text: $0.event.message ?? "", author: leads[$0.conversation] ?? nil) }
        }
    }

    // MARK: conversations

    public func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange],
                                   leasedTo holder: ConversationLease.Holder?) throws(StoreError) -> ConversationID {
        try transaction { t throws(StoreError) in
            let now = t.now()
            let client = snapshot.clientName.map { t.clientID(named: $0) }
            let id = t.id()
            t.conversations.append(Conversation(id: id, client: client, snapshot: snapshot, created: now, updated: now))
            if let holder { t.leases[id] = ConversationLease(holder: holder, since: now) }
            t.append(log, to: id, at: now)
            for change in changes { try t.apply(change, conversation: id) }
            return ConversationID(id)
        }
    }

    public func record(_ log: [LogEntry], update: ConversationUpdate?, conversation id: ConversationID, changes: [PlanChange]) throws(StoreError) {
        try transaction { t throws(StoreError) in
            guard let index = t.conversations.firstIndex(where: { $0.id == id.rawValue }) else { throw .noConversation(id: id.description) }
            let now = t.now()
            t.append(log, to: id.rawValue, at: now)
            t.conversations[index].updated = now
            if let update {
                if let name = update.clientName { t.conversations[index].client = t.clientID(named: name) }
                let old = t.conversations[index].snapshot
                var state = update.state
                state.restore(update.applied(to: old.state.records))
                t.conversations[index].snapshot = ConversationSnapshot(state: state, scriptHash: update.scriptHash, clientName: update.clientName,
                                                                       variables: update.applied(to: old.variables))
            }
            for change in changes { try t.apply(change, conversation: id.rawValue) }
        }
    }

    public func conversations() throws(StoreError) -> [ConversationSummary] {
        read { t in t.conversations.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }.map(t.summary) }
    }

    public func conversation(_ id: ConversationID) throws(StoreError) -> StoredConversation {
        let found = read { t in
            t.conversations.first { $0.id == id.rawValue }.map {
                StoredConversation(summary: t.summary($0), scriptHash: $0.snapshot.scriptHash, state: $0.snapshot.state, variables: $0.snapshot.variables)
            }
        }
        guard let found else { throw .noConversation(id: id.description) }
        return found
    }

    public func events(of id: ConversationID) throws(StoreError) -> [StoredEvent] {
        read { t in t.events.filter { $0.conversation == id.rawValue }.map(\.event) }
    }

    public func latestUnfinished() throws(StoreError) -> ConversationSummary? {
        try conversations().first { $0.status == .active }
    }

    public func latestConversation(client: String?) throws(StoreError) -> ConversationSummary? {
        try conversations().first { summary in
            guard let name = summary.client else { return false }
            return client.map { $0.lowercased() == name.lowercased() } ?? true
        }
    }

    public func discardConversation(_ id: ConversationID) throws(StoreError) -> Bool {
        try transaction { t throws(StoreError) in
            guard t.conversations.contains(where: { $0.id == id.rawValue }) else { return false }
            t.conversations.removeAll { $0.id == id.rawValue }
            t.events.removeAll { $0.conversation == id.rawValue }
            t.leases[id.rawValue] = nil
            return true
        }
    }

    public func claim(_ id: ConversationID, for holder: ConversationLease.Holder, isAlive: (ConversationLease) -> Bool) throws(StoreError) -> ConversationLease? {
        try transaction { t throws(StoreError) in
            guard t.conversations.contains(where: { $0.id == id.rawValue }) else { throw .noConversation(id: id.description) }
            if let held = t.leases[id.rawValue], held.holder != holder, isAlive(held) { return held }
            t.leases[id.rawValue] = ConversationLease(holder: holder, since: t.now())
            return nil
        }
    }

    public func release(_ id: ConversationID, for holder: ConversationLease.Holder) throws(StoreError) {
        try transaction { t throws(StoreError) in
            if t.leases[id.rawValue]?.holder == holder { t.leases[id.rawValue] = nil }
        }
    }

    public func knownAnswers(client: String) throws(StoreError) -> [String: AnswerValue] {
        read { t in t.client(named: client).map { t.known($0.id) } ?? [:] }
    }

    public func knownAnswersByClient() throws(StoreError) -> [String: [String: AnswerValue]] {
        read { t in
            var result: [String: [String: AnswerValue]] = [:]
            for client in t.clients where t.conversations.contains(where: { $0.client == client.id }) { result[client.name] = t.known(client.id) }
            return result
        }
    }

    // MARK: plan

    public func addKPIs(_ kpis: [PlannedKPI], client: String, conversation: ConversationID?) throws(StoreError) {
        try transaction { t throws(StoreError) in try t.apply(.addKPIs(kpis, client: client), conversation: conversation?.rawValue) }
    }

    public func kpis(client: String) throws(StoreError) -> [StoredKPI]? {
        read { t in
            guard let owner = t.client(named: client) else { return nil }
            return t.kpis.filter { $0.client == owner.id }.map { t.stored($0) }
        }
    }

    public func forEachKPI(_ body: (String, StoredKPI) -> Void) throws(StoreError) {
        let all = read { t in
            t.kpis.map { k in (t.clients.first { $0.id == k.client }?.name ?? "", t.stored(k)) }
        }
        for (client, kpi) in all { body(client, kpi) }
    }

    public func addCheckin(kpi: KPIID, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?) throws(StoreError) {
        try transaction { t throws(StoreError) in
            try t.apply(.checkin(kpi: kpi, client: client, date: date, value: value, confidence: confidence, note: note), conversation: nil)
        }
    }

    public func adjust(kpi: KPIID, client: String, _ change: KPIChange, why: String) throws(StoreError) {
        try transaction { t throws(StoreError) in
            try t.apply(.adjust(kpi: kpi, client: client, change, why: why), conversation: nil)
        }
    }
}
