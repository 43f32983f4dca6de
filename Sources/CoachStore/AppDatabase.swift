public import CoachCore
import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// The coaching database: clients, conversations with their snapshot, and the append-only
/// event log. One SQLite file in WAL mode, created readable by its owner only.
public struct AppDatabase: Sendable {
    private let writer: any DatabaseWriter
    public let path: String

    /// Opens the database at `path` and migrates it; creates it only when `create` is true, so
    /// reading commands pointed at a wrong path say so instead of making an empty database.
    public static func open(path: String, create: Bool = true) throws(StoreError) -> AppDatabase {
        if !create, !FileManager.default.fileExists(atPath: path) { throw .missing(path: path) }
        try prepareFile(at: path)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            let db = AppDatabase(writer: pool, path: path)
            try db.migrate()
            return db
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// A private in-memory database, for tests.
    public static func inMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let db = AppDatabase(writer: try DatabaseQueue(configuration: config), path: ":memory:")
        try db.migrate()
        return db
    }

    /// Coaching data is personal: the folder is 0700, the file and its WAL companions 0600.
    private static func prepareFile(at path: String) throws(StoreError) {
        umask(0o077)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let fm = FileManager.default
        if !fm.fileExists(atPath: dir) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotCreate(path: path, reason: "its folder cannot be created")
            }
        }
        if fm.fileExists(atPath: path) {
            if access(path, R_OK | W_OK) != 0 || access(dir, W_OK) != 0 { throw .readOnly(path: path) }
            return
        }
        let fd = Glibc.open(path, O_CREAT | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw errno == EACCES || errno == EROFS ? .readOnly(path: path) : .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
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

    // MARK: writing

    /// Starts a conversation and saves its first snapshot.
    public func createConversation(_ snapshot: ConversationSnapshot) throws(StoreError) -> Int64 {
        try guarded { db in
            let now = Self.timestamp()
            let clientID = try snapshot.clientName.map { try Self.clientID(named: $0, in: db, now: now) }
            try db.execute(sql: """
                INSERT INTO conversation (clientId, scriptId, scriptHash, step, status, snapshot, variables, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [clientID, snapshot.state.scriptID, snapshot.scriptHash, snapshot.step,
                                 snapshot.status.rawValue, try Self.encode(snapshot.state), AnswerJSON.text(of: snapshot.variables), now, now])
            return db.lastInsertedRowID
        }
    }

    /// Appends the turn's events and replaces the snapshot in one transaction, with the plan
    /// changes a finished interview makes.
    public func record(_ log: [LogEntry], snapshot: ConversationSnapshot, conversation id: Int64, changes: [PlanChange] = []) throws(StoreError) {
        try guarded { db in
            let now = Self.timestamp()
            let clientID = try snapshot.clientName.map { try Self.clientID(named: $0, in: db, now: now) }
            try Self.insert(log, conversation: id, at: now, in: db)
            try db.execute(sql: """
                UPDATE conversation SET clientId = coalesce(?, clientId), scriptHash = ?, step = ?, status = ?, snapshot = ?,
                    variables = ?, updatedAt = ?
                WHERE id = ?
                """, arguments: [clientID, snapshot.scriptHash, snapshot.step, snapshot.status.rawValue,
                                 try Self.encode(snapshot.state), AnswerJSON.text(of: snapshot.variables), now, id])
            if db.changesCount == 0 { throw StoreError.noConversation(id: String(id)) }
            for change in changes { try Self.apply(change, conversation: id, in: db) }
        }
    }

    private static func apply(_ change: PlanChange, conversation: Int64?, in db: Database) throws {
        switch change {
        case .addKPIs(let kpis, let client): try insert(kpis, client: client, conversation: conversation, in: db)
        case .checkin(let kpi, let client, let date, let value, let confidence, let note):
            try insertCheckin(kpi: kpi, client: client, date: date, value: value, confidence: confidence, note: note, in: db)
        case .adjust(let kpi, let client, let target, let due, let retire, let why):
            try adjust(kpi: kpi, client: client, target: target, due: due, retire: retire, why: why, in: db)
        }
    }

    /// Appends events to a conversation whose snapshot has not changed (a question shown
    /// again, a command): a long conversation's snapshot is not rewritten for nothing.
    public func append(_ log: [LogEntry], conversation id: Int64) throws(StoreError) {
        try guarded { db in
            let now = Self.timestamp()
            try Self.insert(log, conversation: id, at: now, in: db)
            try db.execute(sql: "UPDATE conversation SET updatedAt = ? WHERE id = ?", arguments: [now, id])
            if db.changesCount == 0 { throw StoreError.noConversation(id: String(id)) }
        }
    }

    private static func insert(_ log: [LogEntry], conversation id: Int64, at now: String, in db: Database) throws {
        for entry in log {
            let row = EventRow(entry)
            try db.execute(sql: """
                INSERT INTO event (conversationId, at, kind, step, raw, value, message) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, now, row.kind, row.step, row.raw.map { Data($0.utf8) }, row.value, row.message])
        }
    }

    private static func clientID(named name: String, in db: Database, now: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ?", arguments: [name]) { return id }
        try db.execute(sql: "INSERT INTO client (name, createdAt) VALUES (?, ?)", arguments: [name, now])
        return db.lastInsertedRowID
    }

    /// Adds the KPIs a conversation agreed to the client's plan, all or none.
    public func addKPIs(_ kpis: [PlannedKPI], client: String, conversation: Int64?) throws(StoreError) {
        try guarded { db in try Self.insert(kpis, client: client, conversation: conversation, in: db) }
    }

    private static func insert(_ kpis: [PlannedKPI], client: String, conversation: Int64?, in db: Database) throws {
        let now = timestamp()
        let clientID = try clientID(named: client, in: db, now: now)
        for k in kpis {
            try db.execute(sql: """
                INSERT INTO kpi (clientId, conversationId, name, catalogueId, unit, direction, baselineValue, baselineDate,
                                 baselineSource, targetValue, dueDate, cadence, weight, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [clientID, conversation, k.name, k.catalogueID, k.unit.rawValue, k.direction.rawValue,
                                 k.baselineValue, k.baselineDate.iso, k.baselineSource, k.targetValue, k.dueDate.iso,
                                 k.cadence.rawValue, k.weight, now])
        }
    }

    /// The client's plan, in the order the KPIs were agreed, each with its check-ins and
    /// adjustments; nil when there is no such client.
    public func kpis(client: String) throws(StoreError) -> [StoredKPI]? {
        try reading { db in
            guard let clientID = try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ?", arguments: [client]) else { return nil }
            return try Row.fetchAll(db, sql: "SELECT * FROM kpi WHERE clientId = ? ORDER BY id", arguments: [clientID]).compactMap { row in
                let id: Int64 = row["id"]
                let checkins = try Row.fetchAll(db, sql: "SELECT \(StoredCheckin.columns) FROM checkin WHERE kpiId = ? ORDER BY date, id", arguments: [id]).compactMap(StoredCheckin.init)
                let adjustments = try Row.fetchAll(db, sql: "SELECT * FROM adjustment WHERE kpiId = ? ORDER BY id", arguments: [id]).map(StoredAdjustment.init)
                return StoredKPI(row, checkins: checkins, adjustments: adjustments)
            }
        }
    }

    /// Every KPI of every client, one at a time with its check-ins in date order: the dashboard
    /// reads a whole practice in three queries instead of a few per client, and holds one KPI's
    /// history at a time rather than every check-in. Check-ins come without their notes and
    /// recording times, which the dashboard does not show.
    public func forEachKPI(_ body: (_ client: String, _ kpi: StoredKPI) -> Void) throws(StoreError) {
        try reading { db in
            var adjustments: [Int64: [StoredAdjustment]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM adjustment ORDER BY id") {
                adjustments[row["kpiId"], default: []].append(StoredAdjustment(row))
            }
            var pending: [Int64: (client: String, row: Row)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kpi.*, client.name AS clientName FROM kpi JOIN client ON client.id = kpi.clientId") {
                pending[row["id"]] = (row["clientName"], row)
            }
            func finish(_ id: Int64, _ checkins: [StoredCheckin]) {
                guard let (client, row) = pending.removeValue(forKey: id) else { return }
                let dated = checkins.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
                if let kpi = StoredKPI(row, checkins: dated, adjustments: adjustments[id] ?? []) { body(client, kpi) }
            }
            // Columns are read straight from SQLite, in the order of the kpiId index: decoding a
            // hundred thousand rows through generic row accessors, or sorting them all by date,
            // took longer than everything else the dashboard does.
            let statement = try db.makeStatement(sql: "SELECT date, value, confidence, kpiId FROM checkin ORDER BY kpiId, id")
            let rows = try Row.fetchCursor(statement)
            let raw = statement.sqliteStatement
            var current: Int64?
            var checkins: [StoredCheckin] = []
            while try rows.next() != nil {
                let kpi = sqlite3_column_int64(raw, 3)
                if kpi != current {
                    if let current { finish(current, checkins) }
                    current = kpi
                    checkins.removeAll(keepingCapacity: true)
                }
                guard let text = sqlite3_column_text(raw, 0),
                      let date = LocalDate(isoUTF8: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(raw, 0)))) else { continue }
                let confidence = sqlite3_column_type(raw, 2) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(raw, 2))
                checkins.append(StoredCheckin(date: date, value: sqlite3_column_double(raw, 1), confidence: confidence, note: nil, recordedAt: ""))
            }
            if let current { finish(current, checkins) }
            for id in pending.keys.sorted() { finish(id, []) }
        }
    }

    /// The coach's private notes about a client, oldest first.
    public func notes(client: String) throws(StoreError) -> [(at: String, text: String)] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT e.at, e.message FROM event e JOIN conversation c ON c.id = e.conversationId JOIN client cl ON cl.id = c.clientId
                WHERE cl.name = ? AND e.kind = 'note' ORDER BY e.id
                """, arguments: [client]).map { (at: $0["at"], text: $0["message"]) }
        }
    }

    /// Every client's name, with whether it is archived, by name.
    public func clients() throws(StoreError) -> [(name: String, archived: Bool)] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT name, archived FROM client ORDER BY name COLLATE NOCASE").map { (name: $0["name"], archived: $0["archived"]) }
        }
    }

    /// Renames a client; false when there is no such client.
    public func renameClient(_ old: String, to new: String) throws(StoreError) -> Bool {
        try guarded { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ? AND name <> ?", arguments: [new, old]) != nil {
                throw StoreError.clientExists(name: new)
            }
            try db.execute(sql: "UPDATE client SET name = ? WHERE name = ?", arguments: [new, old])
            return db.changesCount > 0
        }
    }

    /// Archives (or restores) a client: kept, but out of the dashboard.
    public func archiveClient(_ name: String, archived: Bool = true) throws(StoreError) -> Bool {
        try guarded { db in
            try db.execute(sql: "UPDATE client SET archived = ? WHERE name = ?", arguments: [archived, name])
            return db.changesCount > 0
        }
    }

    /// Deletes a client and every row about them: conversations, events, KPIs, check-ins, adjustments.
    public func deleteClient(_ name: String) throws(StoreError) -> Bool {
        try guarded { db in
            try db.execute(sql: "DELETE FROM client WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Adds a client; false when one of that name (in any case) is already there.
    public func addClient(_ name: String) throws(StoreError) -> Bool {
        try guarded { db in
            if try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ?", arguments: [name]) != nil { return false }
            try db.execute(sql: "INSERT INTO client (name, createdAt) VALUES (?, ?)", arguments: [name, Self.timestamp()])
            return true
        }
    }

    /// Records a measurement of one of the client's KPIs.
    public func addCheckin(kpi id: Int64, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?) throws(StoreError) {
        try guarded { db in try Self.insertCheckin(kpi: id, client: client, date: date, value: value, confidence: confidence, note: note, in: db) }
    }

    private static func insertCheckin(kpi id: Int64, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?, in db: Database) throws {
        try requireKPI(id, of: client, in: db)
        try db.execute(sql: "INSERT INTO checkin (kpiId, date, value, confidence, note, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [id, date.iso, value, confidence, note, timestamp()])
    }

    /// Changes a KPI's target or due date, or retires it, and keeps each change with the reason
    /// in its history; a retired KPI keeps its check-ins but leaves check-ins and the roll-up.
    public func adjust(kpi id: Int64, client: String, target: Double?, due: LocalDate?, retire: Bool = false, why: String) throws(StoreError) {
        try guarded { db in try Self.adjust(kpi: id, client: client, target: target, due: due, retire: retire, why: why, in: db) }
    }

    private static func adjust(kpi id: Int64, client: String, target: Double?, due: LocalDate?, retire: Bool, why: String, in db: Database) throws {
        try requireKPI(id, of: client, in: db)
        let now = timestamp()
        if retire {
            try db.execute(sql: "UPDATE kpi SET retired = 1 WHERE id = ?", arguments: [id])
            try db.execute(sql: "INSERT INTO adjustment (kpiId, field, fromValue, toValue, why, at) VALUES (?, 'status', 'active', 'retired', ?, ?)",
                           arguments: [id, why, now])
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT targetValue, dueDate FROM kpi WHERE id = ?", arguments: [id]) else { return }
        if let target {
            let old: Double = row["targetValue"]
            try db.execute(sql: "UPDATE kpi SET targetValue = ? WHERE id = ?", arguments: [target, id])
            try db.execute(sql: "INSERT INTO adjustment (kpiId, field, fromValue, toValue, why, at) VALUES (?, 'target', ?, ?, ?, ?)",
                           arguments: [id, NumberFormat.plain(old), NumberFormat.plain(target), why, now])
        }
        if let due {
            let old: String = row["dueDate"]
            try db.execute(sql: "UPDATE kpi SET dueDate = ? WHERE id = ?", arguments: [due.iso, id])
            try db.execute(sql: "INSERT INTO adjustment (kpiId, field, fromValue, toValue, why, at) VALUES (?, 'due', ?, ?, ?, ?)",
                           arguments: [id, old, due.iso, why, now])
        }
    }

    private static func requireKPI(_ id: Int64, of client: String, in db: Database) throws {
        let found = try Int64.fetchOne(db, sql: """
            SELECT k.id FROM kpi k JOIN client c ON c.id = k.clientId WHERE k.id = ? AND c.name = ?
            """, arguments: [id, client])
        if found == nil { throw StoreError.noKPI(id: id, client: client) }
    }

    // MARK: reading

    public func conversations() throws(StoreError) -> [ConversationSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: ConversationSummary.selection + " ORDER BY c.updatedAt DESC, c.id DESC").map(ConversationSummary.init)
        }
    }

    public func conversation(_ id: Int64) throws(StoreError) -> StoredConversation {
        let found: StoredConversation? = try reading { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.*, cl.name AS clientName FROM conversation c LEFT JOIN client cl ON cl.id = c.clientId WHERE c.id = ?
                """, arguments: [id]) else { return nil }
            let state = try JSONDecoder().decode(ConversationState.self, from: Data((row["snapshot"] as String).utf8))
            return StoredConversation(summary: ConversationSummary(row), scriptHash: row["scriptHash"], state: state, variablesJSON: row["variables"])
        }
        guard let found else { throw .noConversation(id: String(id)) }
        return found
    }

    public func events(of id: Int64) throws(StoreError) -> [StoredEvent] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE conversationId = ? ORDER BY id", arguments: [id]).map(StoredEvent.init)
        }
    }

    /// The named answers of the client's most recent conversations, newer ones winning, so a
    /// later interview can build on what onboarding learnt.
    public func knownAnswers(client name: String) throws(StoreError) -> [String: AnswerValue] {
        try knownAnswers(where: "WHERE cl.name = ?", arguments: [name])[name] ?? [:]
    }

    /// Every client's known answers at once, by client name, for the dashboard.
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

    /// The most recently touched unfinished conversation, for `kpicoach` with no arguments.
    public func latestUnfinished() throws(StoreError) -> ConversationSummary? {
        try latest(where: "c.status = 'active'")
    }

    /// The client's most recently touched conversation, or anyone's when `client` is nil.
    public func latestConversation(client: String?) throws(StoreError) -> ConversationSummary? {
        guard let client else { return try latest(where: "cl.name IS NOT NULL") }
        return try latest(where: "cl.name = ?", arguments: [client])
    }

    /// The first of `conversations()` that matches, without reading the rest.
    private func latest(where filter: String, arguments: StatementArguments = []) throws(StoreError) -> ConversationSummary? {
        try reading { db in
            try Row.fetchOne(db, sql: ConversationSummary.selection + " WHERE \(filter) ORDER BY c.updatedAt DESC, c.id DESC LIMIT 1",
                             arguments: arguments).map(ConversationSummary.init)
        }
    }

    // MARK: plumbing

    private func guarded<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch let error as StoreError { throw error } catch { throw StoreError(error, path: path) }
    }

    private func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch let error as StoreError { throw error } catch { throw StoreError(error, path: path) }
    }

    private static func encode(_ state: ConversationState) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }

    /// `2026-11-23T18:42:07.123Z`, written by hand: a date formatter costs more to create than
    /// a whole turn's commit.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let millis = Int(now.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
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

/// Saves each turn of one conversation: the store side of the engine's recorder port.
/// It remembers the snapshot it last wrote, so a turn that changed nothing but the log
/// (a question shown again, `/help`) only appends its events.
public final class StoreRecorder: ConversationRecorder {
    public let database: AppDatabase
    public let conversationID: Int64
    private var written: (state: ConversationState, hash: String)?
    private let finishing: (ConversationSnapshot) -> [PlanChange]

    /// `saved`: the state and script hash already in the database, when resuming.
    /// `finishing`: the plan changes the interview makes, saved with its last answer.
    public init(database: AppDatabase, conversationID: Int64, saved: (state: ConversationState, hash: String)? = nil,
                finishing: @escaping (ConversationSnapshot) -> [PlanChange] = { _ in [] }) {
        self.database = database
        self.conversationID = conversationID
        self.written = saved
        self.finishing = finishing
    }

    public func record(_ log: [LogEntry], snapshot: ConversationSnapshot) throws {
        if let written, written.state == snapshot.state, written.hash == snapshot.scriptHash {
            try database.append(log, conversation: conversationID)
            return
        }
        let finishes = snapshot.status == .finished && written?.state.isFinished != true
        try database.record(log, snapshot: snapshot, conversation: conversationID, changes: finishes ? finishing(snapshot) : [])
        written = (snapshot.state, snapshot.scriptHash)
    }
}
