public import CoachCore
import Foundation

/// One line of the coach's dashboard.
public struct ClientLine {
    public let name: String
    public let goal: String?
    public let kpis: Int
    public let rollup: Double?
    public let worst: PaceStatus?
    public let lastCheckin: LocalDate?
    public let nextDue: LocalDate?
    public let openConversation: ConversationID?
    /// The coach the client belongs to, on a lead's view of the whole practice.
    public var coach: String?

    /// Who needs attention comes first: the worst pace status, then the earliest check-in due.
    public static let severity: [PaceStatus] = [.overdue, .atRisk, .behind, .notStarted, .onTrack, .achieved]

    var rank: (Int, Int, String) {
        (worst.flatMap { Self.severity.firstIndex(of: $0) } ?? Self.severity.count, nextDue?.dayNumber ?? Int.max, name.lowercased())
    }

    public var json: JSONValue {
        var fields: [String: JSONValue] = ["name": .string(name), "goal": JSONValue(goal), "kpis": JSONValue(kpis), "rollup": JSONValue(rollup), "worst_status": JSONValue(worst?.rawValue),
         "last_checkin": JSONValue(lastCheckin?.iso), "next_checkin": JSONValue(nextDue?.iso), "open_conversation": JSONValue(openConversation?.rawValue)]
        if let coach { fields["coach"] = .string(coach) }
        return .object(fields)
    }
}

/// The coach's dashboard: every client's plan at a glance, who needs attention first.
public enum Dashboard {
    public static func lines(from storage: any CoachStorage, today: LocalDate, includeArchived: Bool) throws(CoachFailure) -> [ClientLine] {
        var open: [String: ConversationID] = [:]
        for c in try store({ () throws(StoreError) in try storage.conversations() }) where c.status == .active {
            if let client = c.client, open[client] == nil { open[client] = c.id }
        }
        var plans: [String: [(weight: Double, status: KPIStatus, last: LocalDate?)]] = [:]
        try store { () throws(StoreError) in
            try storage.forEachKPI { client, kpi in
                guard !kpi.retired else { return }
                plans[client, default: []].append((kpi.kpi.weight, kpi.figures.evaluate(today: today, cadence: kpi.kpi.cadence), kpi.checkins.last?.date))
            }
        }
        let answers = try store { () throws(StoreError) in try storage.knownAnswersByClient() }
        var lines: [ClientLine] = []
        for client in try store({ () throws(StoreError) in try storage.clients() }) where includeArchived || !client.archived {
            let kpis = plans[client.name] ?? []
            let known = answers[client.name] ?? [:]
            lines.append(ClientLine(
                name: client.name,
                goal: (known["goal.final"] ?? known["goal.focus"] ?? known["goal.type"])?.display,
                kpis: kpis.count,
                rollup: Rollup.weighted(kpis.map { (progress: $0.status.progress, weight: $0.weight) }),
                worst: kpis.map(\.status.status).min { (ClientLine.severity.firstIndex(of: $0) ?? 9) < (ClientLine.severity.firstIndex(of: $1) ?? 9) },
                lastCheckin: kpis.compactMap(\.last).max(),
                nextDue: kpis.map(\.status.nextCheckin).min(),
                openConversation: open[client.name]))
        }
        lines.sort { $0.rank < $1.rank }
        return lines
    }

    /// A lead's dashboard across the practice: every coach's clients, each line naming its coach,
    /// who needs attention first.
    public static func lines(across coaches: [(coach: String, storage: any CoachStorage)], today: LocalDate,
                             includeArchived: Bool) throws(CoachFailure) -> [ClientLine] {
        var all: [ClientLine] = []
        for (coach, storage) in coaches {
            for var line in try lines(from: storage, today: today, includeArchived: includeArchived) {
                line.coach = coach
                all.append(line)
            }
        }
        return all.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : ($0.coach ?? "") < ($1.coach ?? "") }
    }
}
