public import CoachCore
import Foundation
import GRDB

/// The `conversation` table (the resumable state, the named answers) and the append-only `event` log.
extension AppDatabase: ConversationStore {
    public func createConversation(_ snapshot: ConversationSnapshot, log: [LogEntry], changes: [PlanChange]) throws(StoreError) -> ConversationID {
        try guarded { db in
            let now = Instant.now()
            let clientID = try snapshot.clientName.map { try Self.clientID(named: $0, in: db) }
            try db.execute(sql: """
                INSERT INTO conversation (clientId, scriptId, scriptHash, step, status, snapshot, variables, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [clientID, snapshot.state.scriptID, snapshot.scriptHash, snapshot.step,
                                 snapshot.status.rawValue, try Self.encode(snapshot.state), AnswerJSON.text(of: snapshot.variables), now.iso, now.iso])
            let id = db.lastInsertedRowID
            try Self.insert(log, conversation: id, at: now, in: db)
            for change in changes { try Self.apply(change, conversation: id, in: db) }
            return ConversationID(id)
        }
    }

    public func record(_ log: [LogEntry], snapshot: ConversationSnapshot?, conversation id: ConversationID, changes: [PlanChange]) throws(StoreError) {
        try guarded { db in
            let now = Instant.now()
            try Self.insert(log, conversation: id.rawValue, at: now, in: db)
            if let snapshot {
                let clientID = try snapshot.clientName.map { try Self.clientID(named: $0, in: db) }
                try db.execute(sql: """
                    UPDATE conversation SET clientId = coalesce(?, clientId), scriptHash = ?, step = ?, status = ?, snapshot = ?,
                        variables = ?, updatedAt = ?
                    WHERE id = ?
                    """, arguments: [clientID, snapshot.scriptHash, snapshot.step, snapshot.status.rawValue,
                                     try Self.encode(snapshot.state), AnswerJSON.text(of: snapshot.variables), now.iso, id.rawValue])
            } else {
                try db.execute(sql: "UPDATE conversation SET updatedAt = ? WHERE id = ?", arguments: [now.iso, id.rawValue])
            }
            if db.changesCount == 0 { throw StoreError.noConversation(id: id.description) }
            for change in changes { try Self.apply(change, conversation: id.rawValue, in: db) }
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

    public func conversations() throws(StoreError) -> [ConversationSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: Self.summarySelection + " ORDER BY c.updatedAt DESC, c.id DESC").map(Self.summary)
        }
    }

    public func conversation(_ id: ConversationID) throws(StoreError) -> StoredConversation {
        let found: StoredConversation? = try reading { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, cl.name AS clientName FROM conversation c LEFT JOIN client cl ON cl.id = c.clientId WHERE c.id = ?
                """, arguments: [id.rawValue]) else { return nil }
            let state = try JSONDecoder().decode(ConversationState.self, from: Data((row["snapshot"] as String).utf8))
            return StoredConversation(summary: Self.summary(row), scriptHash: row["scriptHash"], state: state,
                                      variables: AnswerJSON.variables(from: row["variables"]))
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

    public func knownAnswers(client name: String) throws(StoreError) -> [String: AnswerValue] {
        try knownAnswers(where: "WHERE cl.name = ?", arguments: [name])[name] ?? [:]
    }

    public func knownAnswersByClient() throws(StoreError) -> [String: [String: AnswerValue]] {
        try knownAnswers(where: "", arguments: [])
    }

    /// Later conversations' answers win over earlier ones, name by name.
    private func knownAnswers(where filter: String, arguments: StatementArguments) throws(StoreError) -> [String: [String: AnswerValue]] {
        try reading { db in
            var merged: [String: [String: AnswerValue]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT cl.name, c.variables FROM conversation c JOIN client cl ON cl.id = c.clientId
                \(filter) ORDER BY c.updatedAt, c.id
                """, arguments: arguments) {
                merged[row[0], default: [:]].merge(AnswerJSON.variables(from: row[1])) { $1 }
            }
            return merged
        }
    }

    /// The summary columns only: a list of conversations must not read every snapshot.
    private static let summarySelection = """
        SELECT c.id, c.scriptId, c.status, c.step, c.createdAt, c.updatedAt, cl.name AS clientName
        FROM conversation c LEFT JOIN client cl ON cl.id = c.clientId
        """

    private static func summary(_ row: Row) -> ConversationSummary {
        ConversationSummary(id: ConversationID(row["id"]), client: row["clientName"], scriptID: row["scriptId"],
                            status: ConversationSnapshot.Status(rawValue: row["status"]) ?? .active, step: row["step"],
                            createdAt: Timestamp.read(row["createdAt"]), updatedAt: Timestamp.read(row["updatedAt"]))
    }

    private static func encode(_ state: ConversationState) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }
}
