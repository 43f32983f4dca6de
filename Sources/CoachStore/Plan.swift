public import CoachCore
import GRDB
import GRDBSQLite

/// The plan's tables: `kpi`, its `checkin`s and its `adjustment`s (the history of changes).
extension AppDatabase: PlanStore {
    public func addKPIs(_ kpis: [PlannedKPI], client: String, conversation: ConversationID?) throws(StoreError) {
        try guarded { db in try Self.apply(.addKPIs(kpis, client: client), conversation: conversation?.rawValue, in: db) }
    }

    public func kpis(client: String) throws(StoreError) -> [StoredKPI]? {
        try reading { db in
            guard let clientID = try Self.existingClient(named: client, in: db) else { return nil }
            return try Row.fetchAll(db, sql: "SELECT * FROM kpi WHERE clientId = ? ORDER BY id", arguments: [clientID]).compactMap { row in
                let id: Int64 = row["id"]
                let checkins = try Row.fetchAll(db, sql: "SELECT date, value, confidence, note, createdAt FROM checkin WHERE kpiId = ? ORDER BY date, id",
                                                arguments: [id]).compactMap(Self.checkin)
                let adjustments = try Row.fetchAll(db, sql: "SELECT * FROM adjustment WHERE kpiId = ? ORDER BY id", arguments: [id]).compactMap(Self.adjustment)
                return Self.kpi(row, checkins: checkins, adjustments: adjustments)
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
                if let adjustment = Self.adjustment(row) { adjustments[row["kpiId"], default: []].append(adjustment) }
            }
            var pending: [Int64: (client: String, row: Row)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kpi.*, client.name AS clientName FROM kpi JOIN client ON client.id = kpi.clientId") {
                pending[row["id"]] = (row["clientName"], row)
            }
            func finish(_ id: Int64, _ checkins: [StoredCheckin]) {
                guard let (client, row) = pending.removeValue(forKey: id) else { return }
                let dated = checkins.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
                if let kpi = Self.kpi(row, checkins: dated, adjustments: adjustments[id] ?? []) { body(client, kpi) }
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
                checkins.append(StoredCheckin(date: date, value: sqlite3_column_double(raw, 1), confidence: confidence, note: nil, recordedAt: nil))
            }
            if let current { finish(current, checkins) }
            for id in pending.keys.sorted() { finish(id, []) }
        }
    }

    public func addCheckin(kpi: KPIID, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?) throws(StoreError) {
        try guarded { db in
            try Self.apply(.checkin(kpi: kpi, client: client, date: date, value: value, confidence: confidence, note: note), conversation: nil, in: db)
        }
    }

    public func adjust(kpi: KPIID, client: String, _ change: KPIChange, why: String) throws(StoreError) {
        try guarded { db in
            try Self.apply(.adjust(kpi: kpi, client: client, change, why: why), conversation: nil, in: db)
        }
    }

    /// One plan change, inside the caller's transaction.
    static func apply(_ change: PlanChange, conversation: Int64?, in db: Database) throws {
        let now = Instant.now().iso
        switch change {
        case .addKPIs(let kpis, let client):
            let clientID = try clientID(named: client, in: db)
            for k in kpis {
                try db.execute(sql: """
                    INSERT INTO kpi (clientId, conversationId, name, catalogueId, unit, direction, baselineValue, baselineDate,
                                     baselineSource, targetValue, dueDate, cadence, weight, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [clientID, conversation, k.name, k.catalogueID, k.unit.rawValue, k.direction.rawValue,
                                     k.baselineValue, k.baselineDate.iso, k.baselineSource, k.targetValue, k.dueDate.iso,
                                     k.cadence.rawValue, k.weight, now])
            }
        case .checkin(let id, let client, let date, let value, let confidence, let note):
            try requireKPI(id, of: client, in: db)
            try db.execute(sql: "INSERT INTO checkin (kpiId, date, value, confidence, note, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id.rawValue, date.iso, value, confidence, note, now])
        case .adjust(let id, let client, let change, let why):
            try requireKPI(id, of: client, in: db)
            guard case .move(let target, let due) = change else {
                try db.execute(sql: "UPDATE kpi SET retired = 1 WHERE id = ?", arguments: [id.rawValue])
                try db.execute(sql: "INSERT INTO adjustment (kpiId, field, fromValue, toValue, why, at) VALUES (?, 'status', 'active', 'retired', ?, ?)",
                               arguments: [id.rawValue, why, now])
                return
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT targetValue, dueDate FROM kpi WHERE id = ?", arguments: [id.rawValue]) else { return }
            if let target {
                let old: Double = row["targetValue"]
                try db.execute(sql: "UPDATE kpi SET targetValue = ? WHERE id = ?", arguments: [target, id.rawValue])
                try db.execute(sql: "INSERT INTO adjustment (kpiId, field, fromValue, toValue, why, at) VALUES (?, 'target', ?, ?, ?, ?)",
                               arguments: [id.rawValue, NumberFormat.plain(old), NumberFormat.plain(target), why, now])
            }
            if let due {
                let old: String = row["dueDate"]
                try db.execute(sql: "UPDATE kpi SET dueDate = ? WHERE id = ?", arguments: [due.iso, id.rawValue])
                try db.execute(sql: "INSERT INTO adjustment (kpiId, field, fromValue, toValue, why, at) VALUES (?, 'due', ?, ?, ?, ?)",
                               arguments: [id.rawValue, old, due.iso, why, now])
            }
        }
    }

    private static func requireKPI(_ id: KPIID, of client: String, in db: Database) throws {
        let found = try Int64.fetchOne(db, sql: """
            SELECT k.id FROM kpi k JOIN client c ON c.id = k.clientId WHERE k.id = ? AND c.name = ?
            """, arguments: [id.rawValue, client])
        if found == nil { throw StoreError.noKPI(id: id, client: client) }
    }

    // MARK: rows

    private static func kpi(_ row: Row, checkins: [StoredCheckin], adjustments: [StoredAdjustment]) -> StoredKPI? {
        guard let unit = Metric.Unit(rawValue: row["unit"]), let direction = Metric.Direction(rawValue: row["direction"]),
              let cadence = Metric.Cadence(rawValue: row["cadence"]), let baselineDate = LocalDate(iso: row["baselineDate"] as String),
              let due = LocalDate(iso: row["dueDate"] as String) else { return nil }
        let planned = PlannedKPI(name: row["name"], catalogueID: row["catalogueId"], unit: unit, direction: direction,
                                 baselineValue: row["baselineValue"], baselineDate: baselineDate, baselineSource: row["baselineSource"],
                                 targetValue: row["targetValue"], dueDate: due, cadence: cadence, weight: row["weight"])
        return StoredKPI(id: KPIID(row["id"]), kpi: planned, checkins: checkins, adjustments: adjustments, retired: row["retired"],
                         conversation: (row["conversationId"] as Int64?).map { ConversationID($0) }, addedAt: Instant(iso: row["createdAt"] as String))
    }

    /// Columns by position (date, value, confidence, note, createdAt): a plan can hold thousands
    /// of check-ins, and looking columns up by name costs more than the rest of the row.
    private static func checkin(_ row: Row) -> StoredCheckin? {
        guard let date = LocalDate(iso: row[0] as String) else { return nil }
        return StoredCheckin(date: date, value: row[1], confidence: row[2], note: row[3], recordedAt: Timestamp.read(row[4]))
    }

    private static func adjustment(_ row: Row) -> StoredAdjustment? {
        guard let field = StoredAdjustment.Field(rawValue: row["field"]) else { return nil }
        return StoredAdjustment(field: field, from: row["fromValue"], to: row["toValue"], why: row["why"], at: Timestamp.read(row["at"]))
    }
}
