public import CoachCore
import Foundation
import NIOCore
import PostgresNIO

// Every statement names the coach whose rows it is about (`sql.scope`: the connected coach, or
// a colleague a lead supervises); the server's policies decide what may be read at all, and only
// ever let a coach write their own rows.

extension PracticeDatabase: ClientStore {
    public func clients() throws(StoreError) -> [ClientEntry] {
        try transaction { sql in
            try sql.run("SELECT name, archived FROM client WHERE coach = \(sql.scope) ORDER BY lower(name), name").rows.map { row in
                let r = row.makeRandomAccess()
                return ClientEntry(name: try r[0].decode(String.self), archived: try r[1].decode(Bool.self))
            }
        }
    }

    public func addClient(_ name: String) throws(StoreError) -> Bool {
        try transaction { sql in
            if try Self.existingClient(named: name, sql) != nil { return false }
            _ = try Self.clientID(named: name, sql)
            return true
        }
    }

    public func renameClient(_ old: String, to new: String) throws(StoreError) -> Bool {
        try transaction { sql in
            if try !sql.run("SELECT 1 FROM client WHERE coach = \(sql.scope) AND lower(name) = lower(\(new)) AND lower(name) <> lower(\(old))").rows.isEmpty {
                throw StoreError.clientExists(name: new)
            }
            return try sql.changes("UPDATE client SET name = \(new) WHERE coach = \(sql.scope) AND lower(name) = lower(\(old))") > 0
        }
    }

    public func archiveClient(_ name: String, archived: Bool) throws(StoreError) -> Bool {
        try transaction { sql in
            try sql.changes("UPDATE client SET archived = \(archived) WHERE coach = \(sql.scope) AND lower(name) = lower(\(name))") > 0
        }
    }

    public func deleteClient(_ name: String) throws(StoreError) -> Bool {
        try transaction { sql in try sql.changes("DELETE FROM client WHERE coach = \(sql.scope) AND lower(name) = lower(\(name))") > 0 }
    }

    /// The author is the coach who led the session (its `coach.name`), else the practice's name
    /// for the login that wrote it.
    public func notes(client: String) throws(StoreError) -> [CoachNote] {
        try transaction { sql in
            try sql.run("""
                SELECT \(unescaped: SQLTime.millis("e.at")), e.message,
                       coalesce(c.snapshot::jsonb -> 'presets' -> 'coach.name' ->> 'text', co.name, e.author)
                FROM event e JOIN conversation c ON c.id = e.conversation_id JOIN client cl ON cl.id = c.client_id
                LEFT JOIN coach co ON co.login = e.author
                WHERE cl.coach = \(sql.scope) AND lower(cl.name) = lower(\(client)) AND e.kind = 'note' ORDER BY e.id
                """).rows.map { row in
                let r = row.makeRandomAccess()
                return CoachNote(at: try SQLTime.instant(r[0]), text: try r[1].decode(String?.self) ?? "", author: try r[2].decode(String?.self))
            }
        }
    }

    public func handovers(client: String) throws(StoreError) -> [Handover] {
        try transaction { sql in
            try sql.run("""
                SELECT \(unescaped: SQLTime.millis("t.at")), t.from_coach, t.to_coach
                FROM transfer t JOIN client cl ON cl.id = t.client_id
                WHERE cl.coach = \(sql.scope) AND lower(cl.name) = lower(\(client)) ORDER BY t.at, t.id
                """).rows.map { row in
                let r = row.makeRandomAccess()
                return Handover(at: try SQLTime.instant(r[0]), from: try r[1].decode(String.self), to: try r[2].decode(String.self))
            }
        }
    }

    static func existingClient(named name: String, _ sql: Statements) throws -> Int64? {
        try sql.run("SELECT id FROM client WHERE coach = \(sql.scope) AND lower(name) = lower(\(name))").rows.first?.makeRandomAccess()[0].decode(Int64.self)
    }

    /// The client's id, adding the client when new.
    static func clientID(named name: String, _ sql: Statements) throws -> Int64 {
        if let id = try existingClient(named: name, sql) { return id }
        return try sql.run("INSERT INTO client (name, created_at) VALUES (\(name), to_timestamp(\(SQLTime.seconds(.now())))) RETURNING id")
            .rows[0].makeRandomAccess()[0].decode(Int64.self)
    }
}

extension PracticeDatabase: ConversationStore {
    public func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange],
                                   leasedTo holder: ConversationLease.Holder?) throws(StoreError) -> ConversationID {
        try transaction { sql in
            let now = Instant.now()
            let clientID = try snapshot.clientName.map { try Self.clientID(named: $0, sql) }
            let id = try sql.run("""
                INSERT INTO conversation (client_id, script_id, script_hash, step, status, snapshot, created_at, updated_at)
                VALUES (\(clientID), \(snapshot.state.scriptID), \(snapshot.scriptHash), \(snapshot.step), \(snapshot.status.rawValue),
                        \(try Self.encode(snapshot.state.withoutAnswers)), to_timestamp(\(SQLTime.seconds(now))), to_timestamp(\(SQLTime.seconds(now))))
                RETURNING id
                """).rows[0].makeRandomAccess()[0].decode(Int64.self)
            if let holder { try Self.lease(id, to: holder, at: now, sql) }
            for (position, record) in snapshot.state.records.enumerated() { try Self.insert(record, at: position, conversation: id, sql) }
            for (name, value) in snapshot.variables { try Self.set(name, to: value, conversation: id, sql) }
            try Self.insert(log, conversation: id, at: now, sql)
            for change in changes { try Self.apply(change, conversation: id, sql) }
            return ConversationID(id)
        }
    }

    public func record(_ log: [LogEntry], update: ConversationUpdate?, conversation id: ConversationID, changes: [PlanChange]) throws(StoreError) {
        try transaction { sql in
            let now = Instant.now()
            let conversation = id.rawValue
            try Self.insert(log, conversation: conversation, at: now, sql)
            if let update {
                let clientID = try update.clientName.map { try Self.clientID(named: $0, sql) }
                let changed = try sql.changes("""
                    UPDATE conversation SET client_id = coalesce(\(clientID), client_id), script_hash = \(update.scriptHash), step = \(update.step),
                        status = \(update.status.rawValue), snapshot = \(try Self.encode(update.state)), updated_at = to_timestamp(\(SQLTime.seconds(now)))
                    WHERE id = \(conversation) AND coach = \(sql.scope)
                    """)
                if changed == 0 { throw StoreError.noConversation(id: id.description) }
                try sql.run("DELETE FROM answer WHERE conversation_id = \(conversation) AND position >= \(update.keptAnswers)")
                for (offset, record) in update.appendedAnswers.enumerated() {
                    try Self.insert(record, at: update.keptAnswers + offset, conversation: conversation, sql)
                }
                for name in update.removedVariables { try sql.run("DELETE FROM variable WHERE conversation_id = \(conversation) AND name = \(name)") }
                for (name, value) in update.setVariables { try Self.set(name, to: value, conversation: conversation, sql) }
                for (name, added) in update.extendedVariables {
                    try sql.run("DELETE FROM variable WHERE conversation_id = \(conversation) AND name = \(name) AND (item = -1 OR item >= \(added.from))")
                    try Self.insert(added.items, from: added.from, of: name, conversation: conversation, sql)
                }
            } else if try sql.changes("UPDATE conversation SET updated_at = to_timestamp(\(SQLTime.seconds(now))) WHERE id = \(conversation) AND coach = \(sql.scope)") == 0 {
                throw StoreError.noConversation(id: id.description)
            }
            for change in changes { try Self.apply(change, conversation: conversation, sql) }
        }
    }

    /// A turn that wrote a private note keeps the line and the command that wrote it private too.
    private static func insert(_ log: [LogEntry], conversation id: Int64, at now: Instant, _ sql: Statements) throws {
        let events = log.map { StoredEvent($0, seq: 0, at: now) }
        let noted = events.contains { $0.kind == .note }
        for event in events {
            let secret = Self.isPrivate(event, inTurnWithNote: noted)
            try sql.run("""
                INSERT INTO event (conversation_id, at, kind, step, raw, value, message, private)
                VALUES (\(id), to_timestamp(\(SQLTime.seconds(now))), \(event.kind.rawValue), \(event.step), \(event.raw.map(ByteBuffer.init(exactly:))),
                        \(event.value.map { AnswerJSON.text(of: $0) }), \(event.message?.withoutNUL), \(secret))
                """)
        }
    }

    /// Private: a note, and the typed line and command of the turn (events recorded at one
    /// moment) that wrote one.
    static func isPrivate(_ event: StoredEvent, inTurnWithNote noted: Bool) -> Bool {
        event.kind == .note || (noted && (event.kind == .input || event.kind == .command))
    }

    private static func insert(_ record: AnswerRecord, at position: Int, conversation id: Int64, _ sql: Statements) throws {
        try sql.run("""
            INSERT INTO answer (conversation_id, position, step, raw, value)
            VALUES (\(id), \(position), \(record.step), \(ByteBuffer(exactly: record.raw)), \(try record.value.map(Self.encode)))
            """)
    }

    private static func set(_ name: String, to value: AnswerValue, conversation id: Int64, _ sql: Statements) throws {
        try sql.run("DELETE FROM variable WHERE conversation_id = \(id) AND name = \(name)")
        if case .list(let items) = value, !items.isEmpty { return try insert(items, from: 0, of: name, conversation: id, sql) }
        try sql.run("INSERT INTO variable (conversation_id, name, item, value) VALUES (\(id), \(name), -1, \(try encode(value)))")
    }

    private static func insert(_ items: [AnswerValue], from first: Int, of name: String, conversation id: Int64, _ sql: Statements) throws {
        for (offset, item) in items.enumerated() {
            try sql.run("INSERT INTO variable (conversation_id, name, item, value) VALUES (\(id), \(name), \(first + offset), \(try encode(item)))")
        }
    }

    /// Named answers from rows of (conversation, name, item, value) ordered so: item −1 is a
    /// whole value, items 0… are a list's.
    private static func variables(_ rows: [PostgresRow], each: (_ conversation: Int64, _ name: String, _ value: AnswerValue) -> Void) throws {
        try withoutActuallyEscaping(each) { each in
            var folder = VariableRows(each: each)
            for row in rows {
                let r = row.makeRandomAccess()
                folder.add(conversation: try r[0].decode(Int64.self), name: try r[1].decode(String.self), item: try r[2].decode(Int.self),
                           value: try decodeValue(try r[3].decode(String.self)))
            }
            folder.finish()
        }
    }

    public func conversations() throws(StoreError) -> [ConversationSummary] {
        try transaction { sql in try sql.run(Self.summaries(sql)).rows.map(Self.summary) }
    }

    public func conversation(_ id: ConversationID) throws(StoreError) -> StoredConversation {
        let found: StoredConversation? = try transaction { sql in
            guard let row = try sql.run(Self.summaries(sql, id: id.rawValue)).rows.first else { return nil }
            let summary = try Self.summary(row)
            let extra = try sql.run("SELECT script_hash, snapshot FROM conversation WHERE id = \(id.rawValue)").rows[0].makeRandomAccess()
            var state = try Self.decodeState(try extra[1].decode(String.self))
            state.restore(try sql.run("SELECT step, raw, value FROM answer WHERE conversation_id = \(id.rawValue) ORDER BY position").rows.map { answer in
                let a = answer.makeRandomAccess()
                return AnswerRecord(step: try a[0].decode(String.self), raw: try a[1].decode(ByteBuffer.self).text,
                                    value: try (try a[2].decode(String?.self)).map(Self.decodeValue))
            })
            var variables: [String: AnswerValue] = [:]
            try Self.variables(try sql.run("""
                SELECT conversation_id, name, item, value FROM variable WHERE conversation_id = \(id.rawValue) ORDER BY name, item
                """).rows) { _, name, value in variables[name] = value }
            return StoredConversation(summary: summary, scriptHash: try extra[0].decode(String.self), state: state, variables: variables)
        }
        guard let found else { throw .noConversation(id: id.description) }
        return found
    }

    public func events(of id: ConversationID) throws(StoreError) -> [StoredEvent] {
        try transaction { sql in
            try sql.run("""
                SELECT e.id, \(unescaped: SQLTime.millis("e.at")), e.kind, e.step, e.raw, e.value, e.message FROM event e
                JOIN conversation c ON c.id = e.conversation_id WHERE c.id = \(id.rawValue) AND c.coach = \(sql.scope) ORDER BY e.id
                """).rows.compactMap { row in
                let r = row.makeRandomAccess()
                guard let kind = StoredEvent.Kind(rawValue: try r[2].decode(String.self)) else { return nil }
                return StoredEvent(seq: try r[0].decode(Int64.self), at: try SQLTime.instant(r[1]), kind: kind, step: try r[3].decode(String?.self),
                                   raw: try r[4].decode(ByteBuffer?.self)?.text, value: try r[5].decode(String?.self).flatMap(AnswerJSON.value(from:)),
                                   message: try r[6].decode(String?.self))
            }
        }
    }

    public func latestUnfinished() throws(StoreError) -> ConversationSummary? {
        try transaction { sql in try sql.run(Self.summaries(sql, activeOnly: true, limit: 1)).rows.first.map(Self.summary) }
    }

    public func latestConversation(client: String?) throws(StoreError) -> ConversationSummary? {
        try transaction { sql in try sql.run(Self.summaries(sql, client: client, namedOnly: true, limit: 1)).rows.first.map(Self.summary) }
    }

    public func discardConversation(_ id: ConversationID) throws(StoreError) -> Bool {
        try transaction { sql in try sql.changes("DELETE FROM conversation WHERE id = \(id.rawValue) AND coach = \(sql.scope)") > 0 }
    }

    public func claim(_ id: ConversationID, for holder: ConversationLease.Holder, isAlive: (ConversationLease) -> Bool) throws(StoreError) -> ConversationLease? {
        try transaction { sql in
            guard !(try sql.run("SELECT 1 FROM conversation WHERE id = \(id.rawValue) AND coach = \(sql.scope) FOR UPDATE").rows.isEmpty) else {
                throw StoreError.noConversation(id: id.description)
            }
            if let row = try sql.run("SELECT pid, host, \(unescaped: SQLTime.millis("since")) FROM lease WHERE conversation_id = \(id.rawValue)").rows.first {
                let r = row.makeRandomAccess()
                let held = ConversationLease(holder: .init(pid: Int32(try r[0].decode(Int.self)), host: try r[1].decode(String.self)), since: try SQLTime.instant(r[2]))
                if held.holder != holder, isAlive(held) { return held }
            }
            try Self.lease(id.rawValue, to: holder, at: .now(), sql)
            return nil
        }
    }

    private static func lease(_ id: Int64, to holder: ConversationLease.Holder, at now: Instant, _ sql: Statements) throws {
        try sql.run("""
            INSERT INTO lease (conversation_id, pid, host, since) VALUES (\(id), \(Int(holder.pid)), \(holder.host), to_timestamp(\(SQLTime.seconds(now))))
            ON CONFLICT (conversation_id) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since
            """)
    }

    public func release(_ id: ConversationID, for holder: ConversationLease.Holder) throws(StoreError) {
        try transaction { sql in
            try sql.run("DELETE FROM lease WHERE conversation_id = \(id.rawValue) AND pid = \(Int(holder.pid)) AND host = \(holder.host)")
        }
    }

    public func knownAnswers(client name: String) throws(StoreError) -> [String: AnswerValue] {
        try knownAnswers(client: name).values.first ?? [:]
    }

    public func knownAnswersByClient() throws(StoreError) -> [String: [String: AnswerValue]] {
        try knownAnswers(client: nil)
    }

    /// Later conversations' answers win over earlier ones, name by name.
    private func knownAnswers(client: String?) throws(StoreError) -> [String: [String: AnswerValue]] {
        try transaction { sql in
            var clients: [Int64: String] = [:]
            for row in try sql.run("""
                SELECT c.id, cl.name FROM conversation c JOIN client cl ON cl.id = c.client_id
                WHERE c.coach = \(sql.scope) AND (\(client)::text IS NULL OR lower(cl.name) = lower(\(client)))
                """).rows {
                let r = row.makeRandomAccess()
                clients[try r[0].decode(Int64.self)] = try r[1].decode(String.self)
            }
            var merged: [String: [String: AnswerValue]] = [:]
            let values: PostgresQuery = """
                SELECT v.conversation_id, v.name, v.item, v.value FROM variable v JOIN conversation c ON c.id = v.conversation_id
                JOIN client cl ON cl.id = c.client_id WHERE c.coach = \(sql.scope) AND (\(client)::text IS NULL OR lower(cl.name) = lower(\(client)))
                ORDER BY c.updated_at, c.id, v.name, v.item
                """
            try Self.variables(try sql.run(values).rows) { conversation, name, value in
                if let client = clients[conversation] { merged[client, default: [:]][name] = value }
            }
            return merged
        }
    }

    /// Most recently touched first; each argument narrows the list.
    private static func summaries(_ sql: Statements, id: Int64? = nil, activeOnly: Bool = false, client: String? = nil, namedOnly: Bool = false,
                                  limit: Int = Int.max) -> PostgresQuery {
        """
        SELECT c.id, c.script_id, c.status, c.step, \(unescaped: SQLTime.millis("c.created_at")), \(unescaped: SQLTime.millis("c.updated_at")), cl.name,
            (SELECT count(*) FROM answer a WHERE a.conversation_id = c.id)
        FROM conversation c LEFT JOIN client cl ON cl.id = c.client_id
        WHERE c.coach = \(sql.scope) AND (\(id)::bigint IS NULL OR c.id = \(id)) AND (NOT \(activeOnly) OR c.status = 'active')
            AND (\(client)::text IS NULL OR lower(cl.name) = lower(\(client))) AND (NOT \(namedOnly) OR cl.name IS NOT NULL)
        ORDER BY c.updated_at DESC, c.id DESC LIMIT \(limit)
        """
    }

    private static func summary(_ row: PostgresRow) throws -> ConversationSummary {
        let r = row.makeRandomAccess()
        return ConversationSummary(id: ConversationID(try r[0].decode(Int64.self)), client: try r[6].decode(String?.self), scriptID: try r[1].decode(String.self),
                                   status: ConversationSnapshot.Status(rawValue: try r[2].decode(String.self)) ?? .active, step: try r[3].decode(String?.self),
                                   createdAt: try SQLTime.instant(r[4]), updatedAt: try SQLTime.instant(r[5]), answers: try r[7].decode(Int.self))
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeState(_ text: String) throws -> ConversationState { try JSONDecoder().decode(ConversationState.self, from: Data(text.utf8)) }

    static func decodeValue(_ text: String) throws -> AnswerValue { try JSONDecoder().decode(AnswerValue.self, from: Data(text.utf8)) }
}

extension PracticeDatabase: PlanStore {
    public func addKPIs(_ kpis: [PlannedKPI], client: String, conversation: ConversationID?) throws(StoreError) {
        try transaction { sql in try Self.apply(.addKPIs(kpis, client: client), conversation: conversation?.rawValue, sql) }
    }

    public func kpis(client: String) throws(StoreError) -> [StoredKPI]? {
        try transaction { sql in
            guard let clientID = try Self.existingClient(named: client, sql) else { return nil }
            var adjustments: [Int64: [StoredAdjustment]] = [:], checkins: [Int64: [StoredCheckin]] = [:]
            for row in try sql.run(Self.adjustments(sql, client: clientID)).rows {
                let (kpi, adjustment) = try Self.adjustment(row)
                if let adjustment { adjustments[kpi, default: []].append(adjustment) }
            }
            for row in try sql.run("""
                SELECT ch.kpi_id, to_char(ch.date, 'YYYY-MM-DD'), ch.value, ch.confidence, ch.note, \(unescaped: SQLTime.millis("ch.created_at"))
                FROM checkin ch JOIN kpi k ON k.id = ch.kpi_id WHERE k.client_id = \(clientID) ORDER BY ch.date, ch.id
                """).rows {
                let r = row.makeRandomAccess()
                guard let date = LocalDate(iso: try r[1].decode(String.self)) else { continue }
                checkins[try r[0].decode(Int64.self), default: []].append(StoredCheckin(
                    date: date, value: try r[2].decode(Double.self), confidence: try r[3].decode(Int?.self), note: try r[4].decode(String?.self),
                    recordedAt: try SQLTime.instant(r[5])))
            }
            return try sql.run(Self.kpiSelection(sql, client: clientID)).rows.compactMap { row in
                try Self.kpi(row) { checkins[$0] ?? [] } adjustments: { adjustments[$0] ?? [] }
            }
        }
    }

    public func forEachKPI(_ body: (_ client: String, _ kpi: StoredKPI) -> Void) throws(StoreError) {
        try transaction { sql in
            var adjustments: [Int64: [StoredAdjustment]] = [:], checkins: [Int64: [StoredCheckin]] = [:]
            for row in try sql.run(Self.adjustments(sql, client: nil)).rows {
                let (kpi, adjustment) = try Self.adjustment(row)
                if let adjustment { adjustments[kpi, default: []].append(adjustment) }
            }
            for row in try sql.run("""
                SELECT kpi_id, to_char(date, 'YYYY-MM-DD'), value, confidence FROM checkin WHERE coach = \(sql.scope) ORDER BY kpi_id, date, id
                """).rows {
                let r = row.makeRandomAccess()
                guard let date = LocalDate(iso: try r[1].decode(String.self)) else { continue }
                checkins[try r[0].decode(Int64.self), default: []].append(StoredCheckin(date: date, value: try r[2].decode(Double.self),
                                                                                         confidence: try r[3].decode(Int?.self), note: nil, recordedAt: nil))
            }
            for row in try sql.run(Self.kpiSelection(sql, client: nil)).rows {
                if let kpi = try Self.kpi(row, checkins: { checkins[$0] ?? [] }, adjustments: { adjustments[$0] ?? [] }) {
                    body(try row.makeRandomAccess()[15].decode(String.self), kpi)
                }
            }
        }
    }

    public func addCheckin(kpi: KPIID, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?) throws(StoreError) {
        try transaction { sql in
            try Self.apply(.checkin(kpi: kpi, client: client, date: date, value: value, confidence: confidence, note: note), conversation: nil, sql)
        }
    }

    public func adjust(kpi: KPIID, client: String, _ change: KPIChange, why: String) throws(StoreError) {
        try transaction { sql in try Self.apply(.adjust(kpi: kpi, client: client, change, why: why), conversation: nil, sql) }
    }

    static func apply(_ change: PlanChange, conversation: Int64?, _ sql: Statements) throws {
        let now = SQLTime.seconds(.now())
        switch change {
        case .addKPIs(let kpis, let client):
            let clientID = try clientID(named: client, sql)
            for k in kpis {
                try sql.run("""
                    INSERT INTO kpi (client_id, conversation_id, name, catalogue_id, unit, direction, baseline_value, baseline_date,
                                     baseline_source, target_value, due_date, cadence, weight, created_at)
                    VALUES (\(clientID), \(conversation), \(k.name), \(k.catalogueID), \(k.unit.rawValue), \(k.direction.rawValue),
                            \(k.baselineValue), \(k.baselineDate.iso)::date, \(k.baselineSource), \(k.targetValue), \(k.dueDate.iso)::date,
                            \(k.cadence.rawValue), \(k.weight), to_timestamp(\(now)))
                    """)
            }
        case .checkin(let id, let client, let date, let value, let confidence, let note):
            try requireKPI(id, of: client, sql)
            try sql.run("""
                INSERT INTO checkin (kpi_id, date, value, confidence, note, created_at)
                VALUES (\(id.rawValue), \(date.iso)::date, \(value), \(confidence), \(note?.withoutNUL), to_timestamp(\(now)))
                """)
        case .adjust(let id, let client, let change, let why):
            try requireKPI(id, of: client, sql)
            guard case .move(let target, let due) = change else {
                try sql.run("UPDATE kpi SET retired = true WHERE id = \(id.rawValue)")
                try sql.run("""
                    INSERT INTO adjustment (kpi_id, field, from_value, to_value, why, at) VALUES (\(id.rawValue), 'status', 'active', 'retired', \(why), to_timestamp(\(now)))
                    """)
                return
            }
            guard let row = try sql.run("SELECT target_value, to_char(due_date, 'YYYY-MM-DD') FROM kpi WHERE id = \(id.rawValue)").rows.first?.makeRandomAccess() else { return }
            if let target {
                let old = try row[0].decode(Double.self)
                try sql.run("UPDATE kpi SET target_value = \(target) WHERE id = \(id.rawValue)")
                try sql.run("""
                    INSERT INTO adjustment (kpi_id, field, from_value, to_value, why, at)
                    VALUES (\(id.rawValue), 'target', \(NumberFormat.plain(old)), \(NumberFormat.plain(target)), \(why), to_timestamp(\(now)))
                    """)
            }
            if let due {
                let old = try row[1].decode(String.self)
                try sql.run("UPDATE kpi SET due_date = \(due.iso)::date WHERE id = \(id.rawValue)")
                try sql.run("""
                    INSERT INTO adjustment (kpi_id, field, from_value, to_value, why, at) VALUES (\(id.rawValue), 'due', \(old), \(due.iso), \(why), to_timestamp(\(now)))
                    """)
            }
        }
    }

    private static func requireKPI(_ id: KPIID, of client: String, _ sql: Statements) throws {
        if try sql.run("""
            SELECT 1 FROM kpi k JOIN client c ON c.id = k.client_id WHERE k.id = \(id.rawValue) AND c.coach = \(sql.scope) AND lower(c.name) = lower(\(client))
            """).rows.isEmpty { throw StoreError.noKPI(id: id, client: client) }
    }

    /// Columns 0–14 are the KPI's, 15 its client's name; one client's, or all the coach's.
    private static func kpiSelection(_ sql: Statements, client: Int64?) -> PostgresQuery {
        """
        SELECT k.id, k.name, k.catalogue_id, k.unit, k.direction, k.baseline_value, to_char(k.baseline_date, 'YYYY-MM-DD'), k.baseline_source,
               k.target_value, to_char(k.due_date, 'YYYY-MM-DD'), k.cadence, k.weight, k.retired, k.conversation_id,
               \(unescaped: SQLTime.millis("k.created_at")), c.name
        FROM kpi k JOIN client c ON c.id = k.client_id
        WHERE k.coach = \(sql.scope) AND (\(client)::bigint IS NULL OR k.client_id = \(client)) ORDER BY k.id
        """
    }

    private static func kpi(_ row: PostgresRow, checkins: (Int64) -> [StoredCheckin], adjustments: (Int64) -> [StoredAdjustment]) throws -> StoredKPI? {
        let r = row.makeRandomAccess()
        guard let unit = Metric.Unit(rawValue: try r[3].decode(String.self)), let direction = Metric.Direction(rawValue: try r[4].decode(String.self)),
              let baselineDate = LocalDate(iso: try r[6].decode(String.self)), let due = LocalDate(iso: try r[9].decode(String.self)),
              let cadence = Metric.Cadence(rawValue: try r[10].decode(String.self)) else { return nil }
        let id = try r[0].decode(Int64.self)
        let planned = PlannedKPI(name: try r[1].decode(String.self), catalogueID: try r[2].decode(String?.self), unit: unit, direction: direction,
                                 baselineValue: try r[5].decode(Double.self), baselineDate: baselineDate, baselineSource: try r[7].decode(String.self),
                                 targetValue: try r[8].decode(Double.self), dueDate: due, cadence: cadence, weight: try r[11].decode(Double.self))
        return StoredKPI(id: KPIID(id), kpi: planned, checkins: checkins(id), adjustments: adjustments(id), retired: try r[12].decode(Bool.self),
                         conversation: try r[13].decode(Int64?.self).map { ConversationID($0) }, addedAt: try SQLTime.instant(r[14]))
    }

    private static func adjustments(_ sql: Statements, client: Int64?) -> PostgresQuery {
        """
        SELECT a.kpi_id, a.field, a.from_value, a.to_value, a.why, \(unescaped: SQLTime.millis("a.at")) FROM adjustment a JOIN kpi k ON k.id = a.kpi_id
        WHERE k.coach = \(sql.scope) AND (\(client)::bigint IS NULL OR k.client_id = \(client)) ORDER BY a.id
        """
    }

    private static func adjustment(_ row: PostgresRow) throws -> (Int64, StoredAdjustment?) {
        let r = row.makeRandomAccess()
        let adjustment = StoredAdjustment.Field(rawValue: try r[1].decode(String.self)).map { field in
            StoredAdjustment(field: field, from: (try? r[2].decode(String.self)) ?? "", to: (try? r[3].decode(String.self)) ?? "",
                             why: (try? r[4].decode(String.self)) ?? "", at: (try? SQLTime.instant(r[5])) ?? Instant(millisecondsSince1970: 0))
        }
        return (try r[0].decode(Int64.self), adjustment)
    }
}
