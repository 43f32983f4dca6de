public import CoachCore

/// Glue between the client's stored plan and the check-in interview: the KPIs due become the
/// interview's `plan.*` lists, and the answers become check-ins and adjustments.
public struct CheckinPlan {
    public let due: [StoredKPI]
    /// The KPIs whose check-in was missed, with the day it was due.
    public let missed: [String]
    /// False when nothing is due and `due` holds every KPI (a check-in anyway).
    public let anyDue: Bool

    /// KPIs due by their cadence (or never measured); all of them when none is due yet.
    public init(_ all: [StoredKPI], today: LocalDate) {
        let kpis = all.filter { !$0.retired }
        func next(_ k: StoredKPI) -> LocalDate {
            let last = k.checkins.last?.date ?? k.kpi.baselineDate
            return k.kpi.cadence.nextCheckin(after: last, notBefore: last.adding(days: 1))
        }
        let due = kpis.filter { $0.checkins.isEmpty || next($0) <= today }
        anyDue = !due.isEmpty
        self.due = due.isEmpty ? kpis : due
        missed = due.compactMap { k in
            let scheduled = next(k)
            let overdueBy = k.kpi.cadence.nextCheckin(after: scheduled, notBefore: scheduled.adding(days: 1))
            return overdueBy <= today ? "“\(TerminalText.sanitize(k.kpi.name))” (due \(scheduled.iso))" : nil
        }
    }

    public var presets: [String: AnswerValue] {
        func list(_ f: (StoredKPI) -> AnswerValue) -> AnswerValue { .list(due.map(f)) }
        var p: [String: AnswerValue] = [
            "plan.kpi": list { .text($0.kpi.name) }, "plan.id": list { .number(Double($0.id.rawValue)) },
            "plan.unit": list { .text($0.kpi.unit.rawValue) }, "plan.baseline": list { .number($0.kpi.baselineValue) },
            "plan.baseline_date": list { .date($0.kpi.baselineDate) }, "plan.target": list { .number($0.kpi.targetValue) },
            "plan.due": list { .date($0.kpi.dueDate) }, "plan.direction": list { .text($0.kpi.direction.rawValue) },
            "plan.current": list { .number($0.checkins.last?.value ?? $0.kpi.baselineValue) },
        ]
        if !missed.isEmpty { p["plan.missed"] = .text("Missed check-ins: " + missed.joined(separator: ", ") + ".") }
        return p
    }

    /// What a finished check-in interview records: a check-in for each KPI given a figure (the
    /// interview's `plan.id` says which), and each adjustment agreed with its reason.
    public static func changes(_ answers: [String: AnswerValue], client: String) -> [PlanChange] {
        func list(_ name: String) -> [AnswerValue] { if case .list(let items)? = answers[name] { items } else { [] } }
        guard case .date(let date)? = answers["checkin.date"] else { return [] }
        let ids = list("plan.id").map { $0.numberValue.flatMap { Int64(exactly: $0) }.map { KPIID($0) } }
        let values = list("checkin.value"), confidences = list("checkin.confidence"), notes = list("checkin.note")
        var changes: [PlanChange] = []
        for (i, id) in ids.enumerated() where i < values.count {
            guard let id, let value = values[i].numberValue else { continue }
            let confidence = i < confidences.count ? confidences[i].numberValue.flatMap { Int(exactly: $0) } : nil
            let note = i < notes.count && !notes[i].display.isEmpty ? notes[i].display : nil
            changes.append(.checkin(kpi: id, client: client, date: date, value: value, confidence: confidence, note: note))
        }
        var targets = list("adjust.target").makeIterator(), dues = list("adjust.due").makeIterator()
        for (kpi, (kind, why)) in zip(list("adjust.kpi"), zip(list("adjust.kind"), list("adjust.why"))) {
            guard let raw = Int64(kpi.display), let kind = Adjustment(rawValue: kind.display) else { continue }
            let change: KPIChange = switch kind {
            case .target: .move(target: targets.next()?.numberValue, due: nil)
            case .date: .move(target: nil, due: { if case .date(let d)? = dues.next() { d } else { nil } }())
            case .retire: .retire
            }
            changes.append(.adjust(kpi: KPIID(raw), client: client, change, why: why.display))
        }
        return changes
    }

    /// The adjustments the check-in offers, as its `adjust.kind` list names them.
    enum Adjustment: String {
        case target, date, retire
    }
}
