import CoachCore
import Foundation

extension PlanReport {
    private func md(_ s: String) -> String { TerminalText.sanitize(s).replacingOccurrences(of: "|", with: "\\|") }

    private func measuredBy(_ goal: GoalHistory.Goal) -> String {
        let serving = goals.kpis(serving: goal, in: kpis)
        return "Measured by: " + (serving.isEmpty ? "no KPIs yet" : serving.map { md($0.kpi.name) }.joined(separator: ", ")) + "."
    }

    /// The plan a client can take home: profile, SMART goal and critique, KPIs, history,
    /// adjustments, milestones and ROI; the coach's notes only when asked for.
    var markdown: String {
        var out = ["# Plan for \(md(client))", "", "_As of \(today.iso)._", "", "## Profile", ""]
        out += profile.map { "- **\($0.label):** \(md($0.value))" }
        out += ["", "## SMART goal", ""]
        let current = text("goal.final")
        if let goal = current {
            out.append("> \(md(goal))")
            if let critique = text("goal.final_critique") { out += [""] + critique.split(separator: "\n").map { "- " + md(String($0)) } }
            if let recorded = goals.goals.first(where: { $0.text == goal }) { out += ["", measuredBy(recorded)] }
        } else {
            out.append("No SMART goal yet.")
        }
        let earlier = goals.goals.filter { $0.text != current }
        if !earlier.isEmpty {
            out += ["", "### Earlier goals", ""]
            out += earlier.reversed().map { "- \(md($0.text)) (set on \($0.setOn.iso)). \(measuredBy($0))" }
        }
        out += ["", "## KPIs", ""]
        if kpis.isEmpty { out.append("No KPIs yet.") } else {
            out += ["| KPI | Baseline | Target | Current | Progress | Status | Forecast |", "|---|---|---|---|---|---|---|"]
            for k in kpis {
                let s = status(k)
                out.append("| \(md(k.kpi.name))\(k.retired ? " (retired)" : "") | \(NumberFormat.plain(k.kpi.baselineValue)) (\(k.kpi.baselineDate.iso)) "
                           + "| \(NumberFormat.plain(k.kpi.targetValue)) by \(k.kpi.dueDate.iso) | \(NumberFormat.plain(s.current)) | \(NumberFormat.percent(s.progress)) "
                           + "| \(s.status.words) | \(s.forecast?.iso ?? "—") |")
            }
            if let rollup { out += ["", "Overall progress (weighted): **\(NumberFormat.percent(rollup))**"] }
        }
        for k in kpis {
            out += ["", "### \(md(k.kpi.name))", "", "\(k.kpi.unit.rawValue), \(k.kpi.direction.rawValue), checked \(k.kpi.cadence.rawValue); baseline from \(md(k.kpi.baselineSource)).", ""]
            let history = history(k)
            if history.isEmpty { out.append("No check-ins yet.") } else {
                out += ["| Date | Value | Confidence | Progress | Status | Note |", "|---|---|---|---|---|---|"]
                for (c, s) in history {
                    out.append("| \(c.date.iso) | \(NumberFormat.plain(c.value)) | \(c.confidence.map(String.init) ?? "—") | \(NumberFormat.percent(s.progress)) | \(s.status.words) | \(md(c.note ?? "")) |")
                }
                let milestones = milestones(history)
                if !milestones.isEmpty { out += ["", "Milestones: " + milestones.joined(separator: ", ") + "."] }
            }
            if !k.adjustments.isEmpty {
                out += ["", "Adjustments:"]
                out += k.adjustments.map { "- \($0.at.day.iso): \($0.field.rawValue) \(md($0.from)) → \(md($0.to)) — \(md($0.why))" }
            }
        }
        out += ["", "## ROI of coaching", ""]
        if let roi {
            out += roi.benefits.map { "- \(md($0.name)): \(money($0.annualValue)) a year, \(NumberFormat.plain($0.attributionPercent))% due to coaching, "
                + "\(NumberFormat.plain($0.confidencePercent))% sure: \(money($0.adjustedValue)) counted" }
            out += ["- Cost of coaching: \(money(roi.cost))", "", roi.summary + "."]
        } else { out.append("No ROI review yet (`kpicoach start --script review --client \(md(client))`).") }
        if let notes {
            out += ["", "## Coach's notes (private)", ""]
            out += notes.isEmpty ? ["None."] : notes.map { "- \(md($0.byline)): \(md($0.text))" }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
