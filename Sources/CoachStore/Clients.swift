public import CoachCore
import GRDB

/// The `client` table: one row per client, the name unique in any case.
extension AppDatabase: ClientStore {
    public func clients() throws(StoreError) -> [ClientEntry] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT name, archived FROM client ORDER BY name COLLATE NOCASE").map { ClientEntry(name: $0["name"], archived: $0["archived"]) }
        }
    }

    public func addClient(_ name: String) throws(StoreError) -> Bool {
        try guarded { db in
            if try Self.existingClient(named: name, in: db) != nil { return false }
            _ = try Self.clientID(named: name, in: db)
            return true
        }
    }

    public func renameClient(_ old: String, to new: String) throws(StoreError) -> Bool {
        try guarded { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ? AND name <> ?", arguments: [new, old]) != nil {
                throw StoreError.clientExists(name: new)
            }
            try db.execute(sql: "UPDATE client SET name = ? WHERE name = ?", arguments: [new, old])
            return db.changesCount > 0
        }
    }

    public func archiveClient(_ name: String, archived: Bool) throws(StoreError) -> Bool {
        try guarded { db in
            try db.execute(sql: "UPDATE client SET archived = ? WHERE name = ?", arguments: [archived, name])
            return db.changesCount > 0
        }
    }

    /// Conversations, events, KPIs, check-ins and adjustments go with it (the foreign keys cascade).
    public func deleteClient(_ name: String) throws(StoreError) -> Bool {
        try guarded { db in
            try db.execute(sql: "DELETE FROM client WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    public func notes(client: String) throws(StoreError) -> [CoachNote] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT e.at, e.message, json_extract(c.snapshot, '$.presets."coach.name".text') AS author
                FROM event e JOIN conversation c ON c.id = e.conversationId JOIN client cl ON cl.id = c.clientId
                WHERE cl.name = ? AND e.kind = 'note' ORDER BY e.id
                """, arguments: [client]).map { CoachNote(at: Timestamp.read($0["at"]), text: $0["message"], author: $0["author"]) }
        }
    }

    static func existingClient(named name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ?", arguments: [name])
    }

    /// The client's id, adding the client when new.
    static func clientID(named name: String, in db: Database) throws -> Int64 {
        if let id = try existingClient(named: name, in: db) { return id }
        try db.execute(sql: "INSERT INTO client (name, createdAt) VALUES (?, ?)", arguments: [name, Instant.now().iso])
        return db.lastInsertedRowID
    }
}

/// Timestamps are kept as ISO-8601 text, which sorts as time does; they leave the store as instants.
enum Timestamp {
    static func read(_ text: String) -> Instant { Instant(iso: text) ?? Instant(millisecondsSince1970: 0) }
}
