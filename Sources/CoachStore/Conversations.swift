public import CoachCore
import Foundation
import GRDB

/// The `conversation` table (the resumable state, the named answers) and the append-only `event` log.
extension AppDatabase: ConversationStore {
    public func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange],
                                   leasedTo holder: ConversationLease.Holder?) throws(StoreError) -> ConversationID {
        try guarded { db in
            let now = Instant.now()
            let clientID = try snapshot.clientName.map { try Self.clientID(named: $0, in: db) }
            try db.execute(sql: """
                INSERT INTO conversation (clientId, scriptId, scriptHash, step, status, snapshot, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [clientID, snapshot.state.scriptID, snapshot.scriptHash, snapshot.step,
                                 snapshot.status.rawValue, try Self.encode(snapshot.state.withoutAnswers), now.iso, now.iso])
            let id = db.lastInsertedRowID
            if let holder { try Self.lease(id, to: holder, at: now, in: db) }
            for (position, record) in snapshot.state.records.enumerated() { try Self.insert(record, at: position, conversation: id, in: db) }
            for (name, value) in snapshot.variables { try Self.set(name, to: value, conversation: id, in: db) }
            try Self.insert(log, conversation: id, at: now, in: db)
            for change in changes { try Self.apply(change, conversation: id, in: db) }
            return ConversationID(id)
        }
    }

    public func record(_ log: [LogEntry], update: ConversationUpdate?, conversation id: ConversationID, changes: [PlanChange]) throws(StoreError) {
        try guarded { db in
            let now = Instant.now()
            let conversation = id.rawValue
            try Self.insert(log, conversation: conversation, at: now, in: db)
            if let update {
                let clientID = try update.clientName.map { try Self.clientID(named: $0, in: db) }
                try db.execute(sql: """
                    UPDATE conversation SET clientId = coalesce(?, clientId), scriptHash = ?, step = ?, status = ?, snapshot = ?, updatedAt = ?
                    WHERE id = ?
                    """, arguments: [clientID, update.scriptHash, update.step, update.status.rawValue, try Self.encode(update.state), now.iso, conversation])
                if db.changesCount == 0 { throw StoreError.noConversation(id: id.description) }
                try db.execute(sql: "DELETE FROM answer WHERE conversationId = ? AND position >= ?", arguments: [conversation, update.keptAnswers])
                for (offset, record) in update.appendedAnswers.enumerated() {
                    try Self.insert(record, at: update.keptAnswers + offset, conversation: conversation, in: db)
                }
                for name in update.removedVariables { try Self.unset(name, conversation: conversation, in: db) }
                for (name, value) in update.setVariables { try Self.set(name, to: value, conversation: conversation, in: db) }
                for (name, added) in update.extendedVariables {
                    try db.execute(sql: "DELETE FROM variable WHERE conversationId = ? AND name = ? AND (item = -1 OR item >= ?)",
                                   arguments: [conversation, name, added.from])
                    try Self.insert(added.items, from: added.from, of: name, conversation: conversation, in: db)
                }
            } else {
                try db.execute(sql: "UPDATE conversation SET updatedAt = ? WHERE id = ?", arguments: [now.iso, conversation])
                if db.changesCount == 0 { throw StoreError.noConversation(id: id.description) }
            }
            for change in changes { try Self.apply(change, conversation: conversation, in: db) }
        }
    }

    /// The event's `seq` is the row id SQLite assigns.
    private static func insert(_ log: [LogEntry], conversation id: Int64, at now: Instant, in db: Database) throws {
        for entry in log {
            let event = StoredEvent(entry, seq: 0, at: now)
            try db.execute(sql: """
                INSERT INTO event (conversationId, at, kind, step, raw, value, message) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, now.iso, event.kind.rawValue, event.step, event.raw.map { Data($0.utf8) },
                                 event.value.map { AnswerJSON.text(of: $0) }, event.message])
        }
    }

    static func insert(_ record: AnswerRecord, at position: Int, conversation id: Int64, in db: Database) throws {
        try db.execute(sql: "INSERT INTO answer (conversationId, position, step, raw, value) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, position, record.step, Data(record.raw.utf8), try record.value.map(Self.encode)])
    }

    static func set(_ name: String, to value: AnswerValue, conversation id: Int64, in db: Database) throws {
        try unset(name, conversation: id, in: db)
        if case .list(let items) = value, !items.isEmpty { return try insert(items, from: 0, of: name, conversation: id, in: db) }
        try db.execute(sql: "INSERT INTO variable (conversationId, name, item, value) VALUES (?, ?, -1, ?)",
                       arguments: [id, name, try encode(value)])
    }

    private static func unset(_ name: String, conversation id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM variable WHERE conversationId = ? AND name = ?", arguments: [id, name])
    }

    private static func insert(_ items: [AnswerValue], from first: Int, of name: String, conversation id: Int64, in db: Database) throws {
        for (offset, item) in items.enumerated() {
            try db.execute(sql: "INSERT INTO variable (conversationId, name, item, value) VALUES (?, ?, ?, ?)",
                           arguments: [id, name, first + offset, try encode(item)])
        }
    }

    /// Named answers back from their rows (`conversationId, name, item, value`, ordered so),
    /// conversation by conversation.
    private static func variables(_ rows: RowCursor, each: (_ conversation: Int64, _ name: String, _ value: AnswerValue) -> Void) throws {
        try withoutActuallyEscaping(each) { each in
            var folder = VariableRows(each: each)
            while let row = try rows.next() {
                folder.add(conversation: row[0], name: row[1], item: row[2], value: try decodeValue(row[3]))
            }
            folder.finish()
        }
    }

    public func conversations() throws(StoreError) -> [ConversationSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: Self.summarySelection + " ORDER BY c.updatedAt DESC, c.id DESC").map(Self.summary)
        }
    }

    public func conversation(_ id: ConversationID) throws(StoreError) -> StoredConversation {
        let found: StoredConversation? = try reading { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, cl.name AS clientName, (SELECT count(*) FROM answer a WHERE a.conversationId = c.id) AS answers
                FROM conversation c LEFT JOIN client cl ON cl.id = c.clientId WHERE c.id = ?
                """, arguments: [id.rawValue]) else { return nil }
            var state = try Self.decodeState(row["snapshot"])
            state.restore(try Row.fetchAll(db, sql: "SELECT step, raw, value FROM answer WHERE conversationId = ? ORDER BY position",
                                             arguments: [id.rawValue]).map { answer in
                AnswerRecord(step: answer[0], raw: String(decoding: answer[1] as Data, as: UTF8.self),
                             value: try (answer[2] as String?).map(Self.decodeValue))
            })
            var variables: [String: AnswerValue] = [:]
            try Self.variables(try Row.fetchCursor(db, sql: """
                SELECT conversationId, name, item, value FROM variable WHERE conversationId = ? ORDER BY name, item
                """, arguments: [id.rawValue])) { _, name, value in variables[name] = value }
            return StoredConversation(summary: Self.summary(row), scriptHash: row["scriptHash"], state: state, variables: variables)
        }
        guard let found else { throw .noConversation(id: id.description) }
        return found
    }

    public func events(of id: ConversationID) throws(StoreError) -> [StoredEvent] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE conversationId = ? ORDER BY id", arguments: [id.rawValue]).compactMap { row in
                guard let kind = StoredEvent.Kind(rawValue: row["kind"]) else { return nil }
                return StoredEvent(seq: row["id"], at: Timestamp.read(row["at"]), kind: kind, step: row["step"],
                                   raw: (row["raw"] as Data?).map { String(decoding: $0, as: UTF8.self) },
                                   value: (row["value"] as String?).flatMap(AnswerJSON.value(from:)), message: row["message"])
            }
        }
    }

    public func latestUnfinished() throws(StoreError) -> ConversationSummary? {
        try latest(where: "c.status = 'active'")
    }

    public func latestConversation(client: String?) throws(StoreError) -> ConversationSummary? {
        guard let client else { return try latest(where: "cl.name IS NOT NULL") }
        return try latest(where: "cl.name = ?", arguments: [client])
    }

    /// The first of `conversations()` that matches, without reading the rest.
    private func latest(where filter: String, arguments: StatementArguments = []) throws(StoreError) -> ConversationSummary? {
        try reading { db in
            try Row.fetchOne(db, sql: Self.summarySelection + " WHERE \(filter) ORDER BY c.updatedAt DESC, c.id DESC LIMIT 1",
                             arguments: arguments).map(Self.summary)
        }
    }

    public func discardConversation(_ id: ConversationID) throws(StoreError) -> Bool {
        try guarded { db in
            try db.execute(sql: "DELETE FROM conversation WHERE id = ?", arguments: [id.rawValue])
            return db.changesCount > 0
        }
    }

    public func claim(_ id: ConversationID, for holder: ConversationLease.Holder, isAlive: (ConversationLease) -> Bool) throws(StoreError) -> ConversationLease? {
        try guarded { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM conversation WHERE id = ?", arguments: [id.rawValue]) != nil else {
                throw StoreError.noConversation(id: id.description)
            }
            if let row = try Row.fetchOne(db, sql: "SELECT pid, host, since FROM lease WHERE conversationId = ?", arguments: [id.rawValue]) {
                let held = ConversationLease(holder: .init(pid: row[0], host: row[1]), since: Timestamp.read(row[2]))
                if held.holder != holder, isAlive(held) { return held }
            }
            try Self.lease(id.rawValue, to: holder, at: Instant.now(), in: db)
            return nil
        }
    }

    private static func lease(_ id: Int64, to holder: ConversationLease.Holder, at now: Instant, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO lease (conversationId, pid, host, since) VALUES (?, ?, ?, ?)
            ON CONFLICT (conversationId) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since
            """, arguments: [id, holder.pid, holder.host, now.iso])
    }

    public func release(_ id: ConversationID, for holder: ConversationLease.Holder) throws(StoreError) {
        try guarded { db in
            try db.execute(sql: "DELETE FROM lease WHERE conversationId = ? AND pid = ? AND host = ?", arguments: [id.rawValue, holder.pid, holder.host])
        }
    }

    public func knownAnswers(client name: String) throws(StoreError) -> [String: AnswerValue] {
        try knownAnswers(where: "WHERE cl.name = ?", arguments: [name])[name] ?? [:]
    }

    public func knownAnswersByClient() throws(StoreError) -> [String: [String: AnswerValue]] {
        try knownAnswers(where: "", arguments: [])
    }

    /// Later conversations' answers win over earlier ones, name by name.
    private func knownAnswers(where filter: String, arguments: StatementArguments) throws(StoreError) -> [String: [String: AnswerValue]] {
        try reading { db in
            var clients: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT c.id, cl.name FROM conversation c JOIN client cl ON cl.id = c.clientId \(filter)",
                                        arguments: arguments) {
                clients[row[0]] = row[1]
            }
            var merged: [String: [String: AnswerValue]] = [:]
            try Self.variables(try Row.fetchCursor(db, sql: """
                SELECT v.conversationId, v.name, v.item, v.value FROM variable v JOIN conversation c ON c.id = v.conversationId
                JOIN client cl ON cl.id = c.clientId \(filter) ORDER BY c.updatedAt, c.id, v.name, v.item
                """, arguments: arguments)) { conversation, name, value in
                if let client = clients[conversation] { merged[client, default: [:]][name] = value }
            }
            return merged
        }
    }

    /// The summary columns only: a list of conversations must not read every snapshot.
    private static let summarySelection = """
        SELECT c.id, c.scriptId, c.status, c.step, c.createdAt, c.updatedAt, cl.name AS clientName,
            (SELECT count(*) FROM answer a WHERE a.conversationId = c.id) AS answers
        FROM conversation c LEFT JOIN client cl ON cl.id = c.clientId
        """

    private static func summary(_ row: Row) -> ConversationSummary {
        ConversationSummary(id: ConversationID(row["id"]), client: row["clientName"], scriptID: row["scriptId"],
                            status: ConversationSnapshot.Status(rawValue: row["status"]) ?? .active, step: row["step"],
                            createdAt: Timestamp.read(row["createdAt"]), updatedAt: Timestamp.read(row["updatedAt"]), answers: row["answers"])
    }

    /// The state, or an answer as the engine knows it (money keeps its currency, a date stays a
    /// date), in Swift's own form, for resume.
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeState(_ text: String) throws -> ConversationState {
        try JSONDecoder().decode(ConversationState.self, from: Data(text.utf8))
    }

    static func decodeValue(_ text: String) throws -> AnswerValue {
        try JSONDecoder().decode(AnswerValue.self, from: Data(text.utf8))
    }
}
