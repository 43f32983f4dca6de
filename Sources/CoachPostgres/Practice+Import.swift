public import CoachCore
import NIOCore
import PostgresNIO

/// What `practice import` moved, counted in the file and in the practice.
public struct ImportReport: Sendable {
    public struct Line: Sendable {
        public let kind: String
        /// Rows of that kind in the file, rows now in the practice for the coach, and how many
        /// of those this run added.
        public let inFile: Int, inPractice: Int, added: Int
    }

    public let lines: [Line]
}

extension Practice {
    /// Brings a coach's own database (read through the storage port) into the practice as theirs:
    /// every client, conversation with its log and answers, KPI, check-in and adjustment. Each
    /// row is keyed by where it came from, so running it again adds only what is new.
    public func importing(from source: any CoachStorage, coach: String) throws(StoreError) -> ImportReport {
        let clients = try source.clients()
        let conversations = try source.conversations().sorted { $0.id < $1.id }
        var plans: [(client: String, kpis: [StoredKPI])] = []
        for client in clients { plans.append((client.name, try source.kpis(client: client.name) ?? [])) }
        var stored: [ConversationID: (StoredConversation, [StoredEvent])] = [:]
        for summary in conversations { stored[summary.id] = (try source.conversation(summary.id), try source.events(of: summary.id)) }
        return try link.transaction { sql in
            guard !(try sql.run("SELECT 1 FROM coach WHERE login = \(coach)").rows.isEmpty) else {
                throw StoreError.notACoach(role: coach, server: location.display)
            }
            var added: [String: Int] = [:]
            func insert(_ kind: String, _ query: PostgresQuery) throws -> Bool {
                let new = try sql.changes(query) > 0
                if new { added[kind, default: 0] += 1 }
                return new
            }
            func id(_ table: String, origin: String) throws -> Int64 {
                guard let row = try sql.run(PostgresQuery(unsafeSQL: "SELECT id FROM \(table) WHERE origin = $1", binds: binds(origin))).rows.first else {
                    throw StoreError.failed(path: location.display, detail: "the imported \(table) row could not be found again")
                }
                return try row.makeRandomAccess()[0].decode(Int64.self)
            }
            var clientIDs: [String: Int64] = [:]
            for client in clients {
                let origin = "\(coach)/client/\(client.name.lowercased())"
                _ = try insert("clients", """
                    INSERT INTO client (coach, name, archived, created_at, origin) VALUES (\(coach), \(client.name), \(client.archived), now(), \(origin))
                    ON CONFLICT DO NOTHING
                    """)
                // A client the coach already has in the practice under that name is the same client.
                clientIDs[client.name.lowercased()] = try sql.run("SELECT id FROM client WHERE coach = \(coach) AND lower(name) = lower(\(client.name))")
                    .rows.first?.makeRandomAccess()[0].decode(Int64.self)
            }
            var conversationIDs: [ConversationID: Int64] = [:]
            for summary in conversations {
                guard let (conversation, events) = stored[summary.id] else { continue }
                let origin = "\(coach)/conversation/\(summary.client?.lowercased() ?? "")/\(summary.createdAt.millisecondsSince1970)/\(summary.scriptID)"
                let clientID = summary.client.flatMap { clientIDs[$0.lowercased()] }
                let new = try insert("conversations", """
                    INSERT INTO conversation (coach, client_id, script_id, script_hash, step, status, snapshot, created_at, updated_at, origin)
                    VALUES (\(coach), \(clientID), \(summary.scriptID), \(conversation.scriptHash), \(summary.step), \(summary.status.rawValue),
                            \(try PracticeDatabase.encode(conversation.state.withoutAnswers)), to_timestamp(\(SQLTime.seconds(summary.createdAt))),
                            to_timestamp(\(SQLTime.seconds(summary.updatedAt))), \(origin))
                    ON CONFLICT DO NOTHING
                    """)
                let id = try id("conversation", origin: origin)
                conversationIDs[summary.id] = id
                guard new else { continue }
                for (position, record) in conversation.state.records.enumerated() {
                    try sql.run("""
                        INSERT INTO answer (coach, conversation_id, position, step, raw, value)
                        VALUES (\(coach), \(id), \(position), \(record.step), \(ByteBuffer(exactly: record.raw)), \(try record.value.map(PracticeDatabase.encode)))
                        """)
                }
                for (name, value) in conversation.variables {
                    let items: [(Int, AnswerValue)] = if case .list(let list) = value, !list.isEmpty { Array(list.enumerated()) } else { [(-1, value)] }
                    for (item, value) in items {
                        try sql.run("INSERT INTO variable (coach, conversation_id, name, item, value) VALUES (\(coach), \(id), \(name), \(item), \(try PracticeDatabase.encode(value)))")
                    }
                }
                let noted = Set(events.filter { $0.kind == .note }.map(\.at))
                for event in events {
                    added["events", default: 0] += 1
                    let secret = PracticeDatabase.isPrivate(event, inTurnWithNote: noted.contains(event.at))
                    try sql.run("""
                        INSERT INTO event (coach, author, conversation_id, at, kind, step, raw, value, message, private)
                        VALUES (\(coach), \(coach), \(id), to_timestamp(\(SQLTime.seconds(event.at))), \(event.kind.rawValue), \(event.step),
                                \(event.raw.map(ByteBuffer.init(exactly:))), \(event.value.map { AnswerJSON.text(of: $0) }), \(event.message?.withoutNUL), \(secret))
                        """)
                }
            }
            for (client, kpis) in plans {
                guard let clientID = clientIDs[client.lowercased()] else { continue }
                for k in kpis {
                    let origin = "\(coach)/kpi/\(client.lowercased())/\(k.id)/\(k.kpi.name)"
                    let p = k.kpi
                    _ = try insert("KPIs", """
                        INSERT INTO kpi (coach, client_id, conversation_id, name, catalogue_id, unit, direction, baseline_value, baseline_date, baseline_source,
                                         target_value, due_date, cadence, weight, retired, created_at, origin)
                        VALUES (\(coach), \(clientID), \(k.conversation.flatMap { conversationIDs[$0] }), \(p.name), \(p.catalogueID), \(p.unit.rawValue),
                                \(p.direction.rawValue), \(p.baselineValue), \(p.baselineDate.iso)::date, \(p.baselineSource), \(p.targetValue),
                                \(p.dueDate.iso)::date, \(p.cadence.rawValue), \(p.weight), \(k.retired),
                                to_timestamp(\(SQLTime.seconds(k.addedAt ?? .now()))), \(origin))
                        ON CONFLICT DO NOTHING
                        """)
                    let kpiID = try id("kpi", origin: origin)
                    for (n, c) in k.checkins.enumerated() {
                        _ = try insert("check-ins", """
                            INSERT INTO checkin (coach, kpi_id, date, value, confidence, note, created_at, origin)
                            VALUES (\(coach), \(kpiID), \(c.date.iso)::date, \(c.value), \(c.confidence), \(c.note?.withoutNUL),
                                    to_timestamp(\(SQLTime.seconds(c.recordedAt ?? .now()))), \("\(origin)/checkin/\(n)/\(c.date.iso)"))
                            ON CONFLICT DO NOTHING
                            """)
                    }
                    for (n, a) in k.adjustments.enumerated() {
                        _ = try insert("adjustments", """
                            INSERT INTO adjustment (coach, kpi_id, field, from_value, to_value, why, at, origin)
                            VALUES (\(coach), \(kpiID), \(a.field.rawValue), \(a.from), \(a.to), \(a.why), to_timestamp(\(SQLTime.seconds(a.at))),
                                    \("\(origin)/adjustment/\(n)"))
                            ON CONFLICT DO NOTHING
                            """)
                    }
                }
            }
            let inFile = ["clients": clients.count, "conversations": conversations.count, "events": stored.values.reduce(0) { $0 + $1.1.count },
                          "KPIs": plans.reduce(0) { $0 + $1.kpis.count }, "check-ins": plans.reduce(0) { $0 + $1.kpis.reduce(0) { $0 + $1.checkins.count } },
                          "adjustments": plans.reduce(0) { $0 + $1.kpis.reduce(0) { $0 + $1.adjustments.count } }]
            let tables = [("clients", "client"), ("conversations", "conversation"), ("events", "event"), ("KPIs", "kpi"), ("check-ins", "checkin"),
                          ("adjustments", "adjustment")]
            return ImportReport(lines: try tables.map { kind, table in
                let count = try sql.run(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table) WHERE coach = $1", binds: binds(coach))).rows[0]
                    .makeRandomAccess()[0].decode(Int.self)
                return ImportReport.Line(kind: kind, inFile: inFile[kind] ?? 0, inPractice: count, added: added[kind] ?? 0)
            })
        }
    }

    private func binds(_ text: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(text)
        return binds
    }
}
