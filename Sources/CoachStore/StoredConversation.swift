public import CoachCore
import Foundation
import GRDB

/// One line of `kpicoach sessions`.
public struct ConversationSummary: Hashable, Sendable {
    public let id: Int64
    public let client: String?
    public let scriptID: String
    public let status: ConversationSnapshot.Status
    public let step: String?
    public let createdAt: String
    public let updatedAt: String

    /// The summary columns only: a list of conversations must not read every snapshot.
    static let selection = """
        SELECT c.id, c.scriptId, c.status, c.step, c.createdAt, c.updatedAt, cl.name AS clientName
        FROM conversation c LEFT JOIN client cl ON cl.id = c.clientId
        """

    init(_ row: Row) {
        id = row["id"]
        client = row["clientName"]
        scriptID = row["scriptId"]
        status = ConversationSnapshot.Status(rawValue: row["status"]) ?? .active
        step = row["step"]
        createdAt = row["createdAt"]
        updatedAt = row["updatedAt"]
    }
}

/// A conversation as saved: enough to resume it exactly.
public struct StoredConversation: Hashable, Sendable {
    public let summary: ConversationSummary
    public let scriptHash: String
    public let state: ConversationState
    /// Every named answer as a JSON object, as saved with the last turn.
    public let variablesJSON: String
}

/// One entry of the append-only event log, as stored.
public struct StoredEvent: Hashable, Sendable {
    public let seq: Int64
    public let at: String
    public let kind: String
    public let step: String?
    /// What was typed, byte for byte (kept as a blob so NUL bytes survive).
    public let raw: String?
    /// The parsed value as JSON text.
    public let value: String?
    public let message: String?

    init(_ row: Row) {
        seq = row["id"]
        at = row["at"]
        kind = row["kind"]
        step = row["step"]
        raw = (row["raw"] as Data?).map { String(decoding: $0, as: UTF8.self) }
        value = row["value"]
        message = row["message"]
    }
}

/// How a `LogEntry` maps onto the event table's columns.
struct EventRow {
    let kind: String
    var step: String?
    var raw: String?
    var value: String?
    var message: String?

    init(_ entry: LogEntry) {
        switch entry {
        case .promptShown(let step, let text): (kind, self.step, message) = ("prompt", step, text)
        case .inputReceived(let step, let raw): (kind, self.step, self.raw) = ("input", step, raw)
        case .answerAccepted(let step, let value):
            (kind, self.step) = (value == nil ? "skipped" : "accepted", step)
            self.value = value.map { AnswerJSON.text(of: $0) }
        case .answerRejected(let step, let reason): (kind, self.step, message) = ("rejected", step, reason)
        case .commandUsed(let step, let command): (kind, self.step, message) = ("command", step, command)
        case .answerWithdrawn(let step, let reason): (kind, self.step, message) = ("withdrawn", step, reason)
        case .noteAdded(let step, let text): (kind, self.step, message) = ("note", step, text)
        case .answerAgreed(let step): (kind, self.step) = ("agreed", step)
        case .conversationFinished: kind = "finished"
        }
    }
}

/// A KPI of a client's plan, as stored, with what was measured and changed since.
public struct StoredKPI: Hashable, Sendable {
    public let id: Int64
    public let kpi: PlannedKPI
    public let checkins: [StoredCheckin]
    public let adjustments: [StoredAdjustment]
    /// Retired KPIs stay in the history but are no longer checked in or rolled up.
    public let retired: Bool

    /// The figures the KPI maths works on. A check-in without a confidence counts as a neutral 5.
    public var figures: KPIFigures { figures(recordedBefore: nil) }

    /// The figures as they stood at a moment: only check-ins recorded before `moment` (ISO-8601).
    public func figures(recordedBefore moment: String?) -> KPIFigures {
        KPIFigures(baseline: kpi.baselineValue, baselineDate: kpi.baselineDate, target: kpi.targetValue, dueDate: kpi.dueDate,
                   direction: kpi.direction, weight: kpi.weight,
                   checkins: checkins.filter { moment == nil || $0.recordedAt < moment! }
                       .map { KPICheckin(date: $0.date, value: $0.value, confidence: $0.confidence ?? 5) })
    }

    init?(_ row: Row, checkins: [StoredCheckin], adjustments: [StoredAdjustment]) {
        self.checkins = checkins
        self.adjustments = adjustments
        retired = row["retired"]
        guard let unit = Metric.Unit(rawValue: row["unit"]), let direction = Metric.Direction(rawValue: row["direction"]),
              let cadence = Metric.Cadence(rawValue: row["cadence"]), let baselineDate = LocalDate(iso: row["baselineDate"] as String),
              let due = LocalDate(iso: row["dueDate"] as String) else { return nil }
        id = row["id"]
        kpi = PlannedKPI(name: row["name"], catalogueID: row["catalogueId"], unit: unit, direction: direction,
                         baselineValue: row["baselineValue"], baselineDate: baselineDate, baselineSource: row["baselineSource"],
                         targetValue: row["targetValue"], dueDate: due, cadence: cadence, weight: row["weight"])
    }
}

/// One measurement of a KPI.
public struct StoredCheckin: Hashable, Sendable {
    public let date: LocalDate
    public let value: Double
    public let confidence: Int?
    public let note: String?
    /// When it was recorded (ISO-8601 timestamp), for "since last time".
    public let recordedAt: String

    /// The columns `init(_:)` reads, in order, by position: a plan can hold thousands of
    /// check-ins, and looking columns up by name costs more than the rest of the row.
    static let columns = "date, value, confidence, note, createdAt"

    init(date: LocalDate, value: Double, confidence: Int?, note: String?, recordedAt: String) {
        self.date = date
        self.value = value
        self.confidence = confidence
        self.note = note
        self.recordedAt = recordedAt
    }

    init?(_ row: Row) {
        guard let date = LocalDate(iso: row[0] as String) else { return nil }
        self.date = date
        value = row[1]
        confidence = row[2]
        note = row[3]
        recordedAt = row[4]
    }
}

/// One change to a KPI: what, from, to, why and when — the past is kept, not rewritten.
public struct StoredAdjustment: Hashable, Sendable {
    public let field: String
    public let from: String
    public let to: String
    public let why: String
    public let at: String

    init(_ row: Row) {
        field = row["field"]
        from = row["fromValue"]
        to = row["toValue"]
        why = row["why"]
        at = row["at"]
    }
}
