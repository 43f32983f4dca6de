public import CoachCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The coaching database on SQLite: one file in WAL mode, created readable by its owner only,
/// behind the storage port (`CoachStorage`). This file holds the writer and the schema; the
/// records live in one file each (Clients, Conversations, Plan).
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    public let path: String

    /// Opens the database at `path` and migrates it; creates it only when `create` is true, so
    /// reading commands pointed at a wrong path say so instead of making an empty database.
    public static func open(path: String, create: Bool = true) throws(StoreError) -> AppDatabase {
        if !create, !FileManager.default.fileExists(atPath: path) { throw .missing(path: path) }
        try DatabaseFile.prepare(at: path)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        // Processes opening a new file at once race to switch it to WAL, which SQLite can refuse
        // as busy at once, without waiting (sqlite.org/wal.html, "Sometimes queries return
        // SQLITE_BUSY"): try again for a few seconds. A lock really held still fails as before.
        let started = Date()
        var pause = 0.02
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                let db = AppDatabase(writer: pool, path: path)
                try db.migrate()
                return db
            } catch let error as StoreError {
                throw error
            } catch {
                let failure = StoreError(error, path: path)
                guard case .busy = failure, Date().timeIntervalSince(started) < 5 else { throw failure }
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.5)
            }
        }
    }

    /// A private in-memory database, for tests of the SQL itself.
    public static func inMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let db = AppDatabase(writer: try DatabaseQueue(configuration: config), path: ":memory:")
        try db.migrate()
        return db
    }

    private init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    private var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "client") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique().collate(.nocase).check { length($0) > 0 }
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "conversation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("client", onDelete: .cascade)
                t.column("scriptId", .text).notNull()
                t.column("scriptHash", .text).notNull()
                t.column("step", .text)
                t.column("status", .text).notNull().check { [ "active", "finished" ].contains($0) }
                t.column("snapshot", .text).notNull()
                t.column("variables", .text).notNull().defaults(to: "{}")
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("conversation", onDelete: .cascade).notNull()
                t.column("at", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("step", .text)
                t.column("raw", .blob)
                t.column("value", .text)
                t.column("message", .text)
            }
        }
        migrator.registerMigration("v2-plan") { db in
            try db.create(table: "kpi") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("client", onDelete: .cascade).notNull()
                t.belongsTo("conversation", onDelete: .setNull)
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("catalogueId", .text)
                t.column("unit", .text).notNull().check { Metric.Unit.allCases.map(\.rawValue).contains($0) }
                t.column("direction", .text).notNull().check { Metric.Direction.allCases.map(\.rawValue).contains($0) }
                t.column("baselineValue", .double).notNull()
                t.column("baselineDate", .text).notNull()
                t.column("baselineSource", .text).notNull()
                t.column("targetValue", .double).notNull()
                t.column("dueDate", .text).notNull()
                t.column("cadence", .text).notNull().check { Metric.Cadence.allCases.map(\.rawValue).contains($0) }
                t.column("weight", .double).notNull().check { $0 > 0 }
                t.column("createdAt", .text).notNull()
            }
        }
        migrator.registerMigration("v3-checkins") { db in
            try db.create(table: "checkin") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("kpi", onDelete: .cascade).notNull()
                t.column("date", .text).notNull()
                t.column("value", .double).notNull()
                t.column("confidence", .integer).check { $0 >= 0 && $0 <= 10 }
                t.column("note", .text)
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "adjustment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("kpi", onDelete: .cascade).notNull()
                t.column("field", .text).notNull()
                t.column("fromValue", .text).notNull()
                t.column("toValue", .text).notNull()
                t.column("why", .text).notNull().check { length($0) > 0 }
                t.column("at", .text).notNull()
            }
        }
        migrator.registerMigration("v4-retire") { db in
            try db.alter(table: "kpi") { t in
                t.add(column: "retired", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v5-archive") { db in
            try db.alter(table: "client") { t in
                t.add(column: "archived", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v6-answer-rows") { db in
            try db.create(table: "answer") { t in
                t.belongsTo("conversation", onDelete: .cascade, indexed: false).notNull()
                t.column("position", .integer).notNull().check { $0 >= 0 }
                t.column("step", .text).notNull()
                t.column("raw", .blob).notNull()
                t.column("value", .text)
                t.primaryKey(["conversationId", "position"])
            }
            // A named answer is one row (item -1), or a collected list one row per item (0, 1, …),
            // so a loop's list grows by a row per answer instead of being rewritten.
            try db.create(table: "variable") { t in
                t.belongsTo("conversation", onDelete: .cascade, indexed: false).notNull()
                t.column("name", .text).notNull()
                t.column("item", .integer).notNull().check { $0 >= -1 }
                t.column("value", .text).notNull()
                t.primaryKey(["conversationId", "name", "item"])
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, snapshot, variables FROM conversation") {
                let id: Int64 = row["id"]
                let state = try Self.decodeState(row["snapshot"])
                for (position, record) in state.records.enumerated() { try Self.insert(record, at: position, conversation: id, in: db) }
                for (name, value) in AnswerJSON.variables(from: row["variables"]) { try Self.set(name, to: value, conversation: id, in: db) }
                try db.execute(sql: "UPDATE conversation SET snapshot = ? WHERE id = ?", arguments: [try Self.encode(state.withoutAnswers), id])
            }
            try db.alter(table: "conversation") { t in t.drop(column: "variables") }
        }
        migrator.registerMigration("v7-lease") { db in
            try db.create(table: "lease") { t in
                t.primaryKey("conversationId", .integer).references("conversation", onDelete: .cascade)
                t.column("pid", .integer).notNull()
                t.column("host", .text).notNull()
                t.column("since", .text).notNull()
            }
        }
        return migrator
    }

    private func migrate() throws {
        let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
        if superseded { throw StoreError.newerSchema(path: path) }
        // Another kpicoach may be migrating the same new file at the same moment: each migration
        // is its own transaction, so one of the two can find a table the other just made. Retry
        // until every migration is applied (by either), for up to five seconds.
        var attempts = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                attempts += 1
                if try writer.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                guard attempts < 100 else { throw error }
                usleep(50_000)
            }
        }
    }

    // MARK: plumbing

    func guarded<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch let error as StoreError { throw error } catch { throw StoreError(error, path: path) }
    }

    func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch let error as StoreError { throw error } catch { throw StoreError(error, path: path) }
    }
}

extension StoreError {
    /// Maps SQLite's result codes to the sentence a person needs.
    init(_ error: any Error, path: String) {
        guard let db = error as? DatabaseError else {
            self = .failed(path: path, detail: "\(type(of: error))")
            return
        }
        switch db.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly(path: path)
        case .SQLITE_CANTOPEN where access(path, W_OK) != 0: self = .readOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: self = .corrupt(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_FULL: self = .diskFull(path: path)
        // A write the system refused (no space, a quota, a size limit) comes back as an I/O error.
        case .SQLITE_IOERR where [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_SHMSIZE, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_FSYNC].contains(db.extendedResultCode):
            self = .diskFull(path: path)
        case .SQLITE_CANTOPEN: self = .cannotCreate(path: path, reason: "SQLite cannot open it")
        default: self = .failed(path: path, detail: db.message ?? "SQLite error \(db.resultCode.rawValue)")
        }
    }
}

