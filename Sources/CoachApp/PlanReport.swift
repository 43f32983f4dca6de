public import CoachCore
import Foundation

/// Everything a report shows about one client, gathered once and rendered as JSON, Markdown,
/// CSV or HTML, so the formats cannot disagree.
public struct PlanReport {
    /// The formats a report is rendered in.
    public enum Format: String, CaseIterable, Sendable {
        case md, json, csv, html
    }

    /// Gathers the report from the store: nil notes unless asked for, since they are private.
    public static func gather(client: String, from storage: any CoachStorage, today: LocalDate, includeNotes: Bool) throws(CoachFailure) -> PlanReport {
        let kpis = try storage.plan(of: client)
        let known = try store { () throws(StoreError) in try storage.knownAnswers(client: client) }
        let notes = includeNotes ? try store { () throws(StoreError) in try storage.notes(client: client) } : nil
        let goals = try store { () throws(StoreError) in try GoalHistory.of(client: client, in: storage) }
        let handovers = try store { () throws(StoreError) in try storage.handovers(client: client) }
        return PlanReport(client: client, today: today, known: known, kpis: kpis, notes: notes, goals: goals, handovers: handovers)
    }

    /// The report in one format, as written to a file or standard output.
    public func rendered(as format: Format) -> String {
        switch format {
        case .json: json.text() + "\n"
        case .md: markdown
        case .csv: csv
        case .html: html
        }
    }

    let client: String
    let today: LocalDate
    let known: [String: AnswerValue]
    let kpis: [StoredKPI]
    let notes: [CoachNote]?
    let goals: GoalHistory
    let handovers: [Handover]

    var rollup: Double? {
        Rollup.weighted(kpis.filter { !$0.retired }.map { (progress: status($0).progress, weight: $0.kpi.weight) })
    }

    var roi: ROIReview? { ROIReview.fromAnswers { known[$0].map(ExpressionValue.init) ?? .null } }

    func status(_ k: StoredKPI) -> KPIStatus { k.figures.evaluate(today: today, cadence: k.kpi.cadence) }

    func text(_ name: String) -> String? { known[name].map(\.display).flatMap { $0.isEmpty ? nil : $0 } }

    /// The profile lines every format shows, label first.
    var profile: [(label: String, value: String)] {
        [("Role", "profile.role"), ("Industry", "profile.industry"), ("Experience (years)", "profile.years"), ("Aiming for", "goal.target_role"),
         ("Kind of goal", "goal.type"), ("Time per week (hours)", "constraints.hours"), ("Coach", "coach.name")]
            .compactMap { label, name in text(name).map { (label, $0) } }
            + handovers.map { ("Handed over", "from \($0.from) to \($0.to) on \($0.at.day.iso)") }
    }

    /// The currency the ROI review was answered in, if the client named one.
    var currency: String? { if case .money(_, let currency)? = known["roi.cost"] { currency } else { nil } }

    func money(_ amount: Double) -> String { AnswerValue.money((amount * 100).rounded() / 100, currency: currency).display }

    /// The figures as they stood at each check-in, for CSV rows and milestones: later changes to
    /// the plan do not rewrite them.
    func history(_ k: StoredKPI) -> [(checkin: StoredCheckin, status: KPIStatus)] {
        k.checkins.indices.map { i in (k.checkins[i], k.figures(atCheckin: i).evaluate(today: k.checkins[i].date, cadence: k.kpi.cadence)) }
    }

    /// "25% on 2026-10-01", one per check-in that crossed any, naming the highest crossed; once a
    /// lowered target re-bases them, the line says so.
    func milestones(_ history: [(checkin: StoredCheckin, status: KPIStatus)]) -> [String] {
        var highest = 0
        return history.compactMap { c, s in
            guard let top = s.milestonesCrossed.max() else { return nil }
            defer { highest = max(highest, top) }
            return "\(top)% on \(c.date.iso)" + (s.milestonesCrossed.min()! <= highest ? " (counted from the changed target)" : "")
        }
    }

    // MARK: JSON

    var json: JSONValue {
        var goal: [String: JSONValue] = [:]
        for (key, name) in [("text", "goal.final"), ("type", "goal.type"), ("target_role", "goal.target_role"),
                            ("deadline", "goal.deadline"), ("critique", "goal.final_critique")] {
            if let value = known[name] { goal[key] = AnswerJSON.object(of: value) }
        }
        let roi: JSONValue = self.roi.map { r in
            ["cost": .number(r.cost), "currency": JSONValue(currency), "adjusted_benefits": .number(r.adjustedBenefits),
             "roi_percent": JSONValue(r.roiPercent), "benefit_cost_ratio": JSONValue(r.benefitCostRatio),
             "benefits": .array(r.benefits.map {
                 ["name": .string($0.name), "annual_value": .number($0.annualValue), "attribution_percent": .number($0.attributionPercent),
                  "confidence_percent": .number($0.confidencePercent), "adjusted_value": .number($0.adjustedValue)]
             })]
        } ?? .null
        let kpiIDs = { (g: GoalHistory.Goal) in JSONValue.array(goals.kpis(serving: g, in: kpis).map { .integer($0.id.rawValue) }) }
        let history: JSONValue = .array(goals.goals.map { g in
            ["text": .string(g.text), "type": JSONValue(g.type), "deadline": JSONValue(g.deadline), "set_on": .string(g.setOn.iso),
             "current": .bool(g.text == text("goal.final")), "kpis": kpiIDs(g)]
        })
        var object: [String: JSONValue] = ["client": ["name": .string(client)], "goal": .object(goal), "goals": history, "today": .string(today.iso),
                                           "kpis": .array(kpis.map { JSONOutput.kpi($0, today: today) }), "rollup": JSONValue(rollup), "roi": roi,
                                           "handovers": .array(handovers.map { ["at": .string($0.at.iso), "from": .string($0.from), "to": .string($0.to)] })]
        if let notes { object["notes"] = .array(notes.map { ["at": .string($0.at.iso), "text": .string($0.text), "author": JSONValue($0.author)] }) }
        return .object(object)
    }

    // MARK: CSV

    /// One row per check-in: client, kpi, date, value, confidence, progress, status.
    var csv: String {
        func field(_ s: String) -> String {
            let safe = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s  // no formulas in spreadsheets
            return safe.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        var lines = ["client,kpi,date,value,confidence,progress,status"]
        for k in kpis {
            for (c, s) in history(k) {
                lines.append([client, k.kpi.name, c.date.iso, NumberFormat.plain(c.value), c.confidence.map(String.init) ?? "",
                              NumberFormat.plain((s.progress * 10_000).rounded() / 10_000), s.status.rawValue].map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
