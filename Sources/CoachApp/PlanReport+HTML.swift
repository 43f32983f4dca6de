import CoachCore
import Foundation

extension PlanReport {
    /// One self-contained page (no network, no scripts) a coach can hand over or print on A4:
    /// profile, every goal with the KPIs that serve it, each KPI's chart and check-in history
    /// with status colours, milestones and adjustments, the ROI review, and notes only when asked.
    var html: String {
        var body = "<header><h1>Plan for \(esc(client))</h1><p class=\"as-of\">As of \(today.iso)</p></header>"
        body += profileSection + goalSection + "<h2>KPIs</h2>"
        if kpis.isEmpty { body += "<p>No KPIs yet.</p>" }
        if let rollup { body += "<p>Overall progress (weighted): <strong>\(NumberFormat.percent(rollup))</strong></p>" }
        body += kpis.map(kpiSection).joined() + roiSection
        if let notes {
            body += "<section class=\"notes\"><h2>Coach's notes (private)</h2>"
                + (notes.isEmpty ? "<p>None.</p>" : "<ul>" + notes.map { "<li>\(esc($0.byline)): \(esc($0.text))</li>" }.joined() + "</ul>") + "</section>"
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Plan for \(esc(client))</title><style>\(Self.style)</style></head>"
            + "<body>\(body)</body></html>\n"
    }

    private static let style = """
        @page { size: A4; margin: 16mm; } * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10.5pt; color: #1f2328; max-width: 178mm; margin: auto; }
        h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: 2px; margin-top: 1.4em; } h3 { margin-bottom: .3em; }
        .as-of, .muted { color: #656d76; } dl.profile { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
        dt { font-weight: bold; } dd { margin: 0; }
        .goal { border-left: 4px solid #8c959f; padding: 4px 0 4px 10px; margin: 8px 0; break-inside: avoid; }
        .goal.current { border-color: #2da44e; } .goal blockquote { margin: 0; font-size: 1.1em; }
        section.kpi { break-inside: avoid; margin-top: 1em; } svg { width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 9.5pt; }
        th, td { border-bottom: 1px solid #d8dee4; padding: 3px 6px; text-align: left; vertical-align: top; } td.n, th.n { text-align: right; }
        .status { display: inline-block; padding: 0 6px; border-radius: 8px; color: #fff; font-size: 9pt; white-space: nowrap; }
        .legend { font-size: 9pt; color: #656d76; } .legend span { margin-right: 14px; }
        """ + PaceStatus.allCases.map { ".\($0.rawValue) { background: \(colour($0)); }" }.joined(separator: " ")

    private func esc(_ s: String) -> String {
        TerminalText.sanitize(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func badge(_ status: PaceStatus) -> String { "<span class=\"status \(status.rawValue)\">\(status.words)</span>" }

    private var profileSection: String {
        guard !profile.isEmpty else { return "" }
        return "<section class=\"profile\"><h2>Profile</h2><dl class=\"profile\">"
            + profile.map { "<dt>\(esc($0.label))</dt><dd>\(esc($0.value))</dd>" }.joined() + "</dl></section>"
    }

    /// Newest goal first; each says when it was set and which KPIs measure it.
    private var goalSection: String {
        var out = "<section class=\"goals\"><h2>Goals</h2>"
        if goals.goals.isEmpty { out += "<p>No SMART goal yet.</p>" }
        let current = text("goal.final")
        for goal in goals.goals.reversed() {
            let isCurrent = goal.text == current
            let facts = [goal.type.map { "kind: \(esc($0))" }, goal.deadline.map { "by \(esc($0))" }, "set on \(goal.setOn.iso)"].compactMap { $0 }
            out += "<div class=\"goal\(isCurrent ? " current" : "")\"><p class=\"muted\">\(isCurrent ? "Current goal" : "Earlier goal") · \(facts.joined(separator: " · "))</p>"
                + "<blockquote>\(esc(goal.text))</blockquote>"
            if isCurrent, let critique = text("goal.final_critique") {
                out += "<ul>" + critique.split(separator: "\n").map { "<li>\(esc(String($0)))</li>" }.joined() + "</ul>"
            }
            let serving = goals.kpis(serving: goal, in: kpis)
            out += "<p>Measured by: " + (serving.isEmpty ? "no KPIs yet" : serving.map { "<a href=\"#kpi-\($0.id)\">\(esc($0.kpi.name))</a>" }.joined(separator: ", ")) + "</p></div>"
        }
        let loose = kpis.filter { goals.goal(of: $0) == nil }
        if !loose.isEmpty { out += "<p class=\"muted\">Not tied to a goal: " + loose.map { esc($0.kpi.name) }.joined(separator: ", ") + "</p>" }
        return out + "</section>"
    }

    private func kpiSection(_ k: StoredKPI) -> String {
        let s = status(k), unit = esc(k.kpi.unit.rawValue)
        var out = "<section class=\"kpi\" id=\"kpi-\(k.id)\"><h3>\(esc(k.kpi.name))\(k.retired ? " (retired)" : "") \(badge(s.status))</h3>"
            + "<p>\(NumberFormat.plain(k.kpi.baselineValue)) on \(k.kpi.baselineDate.iso) → now <strong>\(NumberFormat.plain(s.current))</strong> → "
            + "target \(NumberFormat.plain(k.kpi.targetValue)) \(unit) by \(k.kpi.dueDate.iso) (\(esc(k.kpi.direction.rawValue)), checked \(esc(k.kpi.cadence.rawValue)))"
            + " · \(NumberFormat.percent(s.progress)) of the way" + (s.forecast.map { " · on this pace done by \($0.iso)" } ?? "") + "</p>"
        let history = history(k)
        out += chart(k, history: history)
        if history.isEmpty { out += "<p class=\"muted\">No check-ins yet.</p>" } else {
            out += "<table class=\"history\"><tr><th>Date</th><th class=\"n\">Value</th><th class=\"n\">Confidence</th><th class=\"n\">Progress</th><th>Status</th><th>Note</th></tr>"
                + history.map { c, st in
                    "<tr><td>\(c.date.iso)</td><td class=\"n\">\(NumberFormat.plain(c.value))</td><td class=\"n\">\(c.confidence.map { "\($0)/10" } ?? "—")</td>"
                        + "<td class=\"n\">\(NumberFormat.percent(st.progress))</td><td>\(badge(st.status))</td><td>\(esc(c.note ?? ""))</td></tr>"
                }.joined() + "</table>"
            let milestones = milestones(history)
            out += "<p class=\"milestones\">Milestones: " + (milestones.isEmpty ? "none yet" : milestones.joined(separator: ", ")) + "</p>"
        }
        if !k.adjustments.isEmpty {
            out += "<p>Adjustments:</p><ul class=\"adjustments\">" + k.adjustments.map {
                "<li>\($0.at.day.iso): \(esc($0.field.rawValue)) \(esc($0.from)) → \(esc($0.to)) — \(esc($0.why))</li>"
            }.joined() + "</ul>"
        }
        return out + "</section>"
    }

    private var roiSection: String {
        guard let roi else { return "<h2>ROI of coaching</h2><p class=\"muted\">No ROI review yet.</p>" }
        var out = "<section class=\"roi\"><h2>ROI of coaching</h2>"
            + (currency.map { "<p class=\"muted\">Amounts in \(esc($0)).</p>" } ?? "")
            + "<table><tr><th>Benefit</th><th class=\"n\">Per year</th><th class=\"n\">Due to coaching</th><th class=\"n\">Confidence</th><th class=\"n\">Counted</th></tr>"
        for b in roi.benefits {
            out += "<tr><td>\(esc(b.name))</td><td class=\"n\">\(money(b.annualValue))</td><td class=\"n\">\(NumberFormat.plain(b.attributionPercent))%</td>"
                + "<td class=\"n\">\(NumberFormat.plain(b.confidencePercent))%</td><td class=\"n\">\(money(b.adjustedValue))</td></tr>"
        }
        out += "<tr><th>Benefits counted</th><td></td><td></td><td></td><th class=\"n\">\(money(roi.adjustedBenefits))</th></tr>"
            + "<tr><th>Cost of coaching</th><td></td><td></td><td></td><th class=\"n\">\(money(roi.cost))</th></tr></table>"
        out += "<p>" + [roi.roiPercent.map { "ROI <strong>\(NumberFormat.hundredths($0))%</strong>" } ?? "ROI undefined without a cost",
                        roi.benefitCostRatio.map { "benefit-cost ratio \(NumberFormat.hundredths($0))" }].compactMap { $0 }.joined(separator: " · ") + "</p>"
        return out + "</section>"
    }

    /// History as a line with each check-in coloured by its status that day, the target as a
    /// line, the expected pace as a dashed diagonal, a value axis with the unit and a date axis.
    private func chart(_ k: StoredKPI, history: [(checkin: StoredCheckin, status: KPIStatus)]) -> String {
        let w = 640.0, h = 250.0, left = 58.0, right = 16.0, top = 14.0, bottom = 40.0
        let start = k.kpi.baselineDate, end = max(k.kpi.dueDate, k.checkins.map(\.date).max() ?? k.kpi.dueDate)
        let span = Double(max(1, start.days(until: end)))
        let axis = ValueAxis(values: [k.kpi.baselineValue, k.kpi.targetValue] + k.checkins.map(\.value))
        func x(_ d: LocalDate) -> Double { left + Double(start.days(until: d)) / span * (w - left - right) }
        func y(_ v: Double) -> Double { h - bottom - (v - axis.low) / (axis.high - axis.low) * (h - top - bottom) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let health = k.kpi.direction.isHealthCheck
        let targetLabel = health ? "\(k.kpi.direction.rawValue) \(NumberFormat.plain(k.kpi.targetValue))" : "target \(NumberFormat.plain(k.kpi.targetValue)) by \(k.kpi.dueDate.iso)"
        var svg = "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"history of \(esc(k.kpi.name))\" font-size=\"11\">"
        svg += "<g class=\"value-axis\">" + axis.ticks.map { v in
            "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(w - right))\" y2=\"\(f(y(v)))\" stroke=\"#eaeef2\"/>"
                + "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" fill=\"#656d76\">\(NumberFormat.plain(v))</text>"
        }.joined() + "<text x=\"12\" y=\"\(f((top + h - bottom) / 2))\" transform=\"rotate(-90 12 \(f((top + h - bottom) / 2)))\" text-anchor=\"middle\" fill=\"#656d76\">\(esc(k.kpi.unit.rawValue))</text></g>"
        svg += "<g class=\"date-axis\"><line x1=\"\(f(left))\" y1=\"\(f(h - bottom))\" x2=\"\(f(w - right))\" y2=\"\(f(h - bottom))\" stroke=\"#8c959f\"/>"
            + DateAxis.ticks(from: start, to: end).enumerated().map { i, d in
                "<line x1=\"\(f(x(d)))\" y1=\"\(f(h - bottom))\" x2=\"\(f(x(d)))\" y2=\"\(f(h - bottom + 4))\" stroke=\"#8c959f\"/>"
                    + "<text x=\"\(f(x(d)))\" y=\"\(f(h - bottom + 16))\" text-anchor=\"middle\" fill=\"#656d76\">\(DateAxis.label(d, withYear: i == 0))</text>"
            }.joined() + "</g>"
        if today > start && today < end {
            svg += "<line class=\"today\" x1=\"\(f(x(today)))\" y1=\"\(f(top))\" x2=\"\(f(x(today)))\" y2=\"\(f(h - bottom))\" stroke=\"#8c959f\" stroke-dasharray=\"2 3\"/>"
                + "<text x=\"\(f(x(today)))\" y=\"\(f(h - bottom + 30))\" text-anchor=\"middle\" fill=\"#1f2328\">today \(today.iso)</text>"
        }
        svg += "<line class=\"baseline\" x1=\"\(f(left))\" y1=\"\(f(y(k.kpi.baselineValue)))\" x2=\"\(f(w - right))\" y2=\"\(f(y(k.kpi.baselineValue)))\" stroke=\"#afb8c1\"/>"
            + "<line class=\"target\" x1=\"\(f(left))\" y1=\"\(f(y(k.kpi.targetValue)))\" x2=\"\(f(w - right))\" y2=\"\(f(y(k.kpi.targetValue)))\" stroke=\"#1a7f37\" stroke-width=\"2\"/>"
            + "<text x=\"\(f(w - right))\" y=\"\(f(y(k.kpi.targetValue) - 4))\" text-anchor=\"end\" fill=\"#1a7f37\">\(targetLabel)</text>"
            + (health ? "" : "<line class=\"expected\" x1=\"\(f(x(start)))\" y1=\"\(f(y(k.kpi.baselineValue)))\" x2=\"\(f(x(k.kpi.dueDate)))\" y2=\"\(f(y(k.kpi.targetValue)))\" stroke=\"#6e7781\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
        let history = history.filter { $0.checkin.date >= start }
        let points = [(start, k.kpi.baselineValue)] + history.map { ($0.checkin.date, $0.checkin.value) }
        svg += "<polyline class=\"history\" points=\"\(points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2.5\"/>"
            + "<circle cx=\"\(f(x(start)))\" cy=\"\(f(y(k.kpi.baselineValue)))\" r=\"4\" fill=\"#afb8c1\"/>"
            + history.map { "<circle class=\"status \($0.status.status.rawValue)\" cx=\"\(f(x($0.checkin.date)))\" cy=\"\(f(y($0.checkin.value)))\" r=\"5\" fill=\"\(Self.colour($0.status.status))\" stroke=\"#fff\"/>" }.joined()
        svg += "</svg>"
        return svg + "<p class=\"legend\"><span style=\"color:#0969da\">━ measured</span>" + (health ? "" : "<span style=\"color:#6e7781\">╌ expected pace</span>")
            + "<span style=\"color:#1a7f37\">━ target</span><span style=\"color:#afb8c1\">━ baseline</span><span>● check-in, coloured by status</span></p>"
    }

    private static func colour(_ status: PaceStatus) -> String {
        switch status {
        case .achieved: "#1a7f37"
        case .onTrack: "#2da44e"
        case .behind: "#bf8700"
        case .atRisk: "#cf222e"
        case .overdue: "#82071e"
        case .notStarted: "#6e7781"
        }
    }
}

/// Round numbers for a chart's value axis: four to eight steps of 1, 2 or 5 × a power of ten
/// that cover every value.
struct ValueAxis {
    let low: Double, high: Double, ticks: [Double]

    init(values: [Double]) {
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if hi - lo < 1e-9 { (lo, hi) = (lo - 1, hi + 1) }
        let raw = (hi - lo) / 5, magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        low = first * step
        high = last * step
        ticks = stride(from: first, through: last, by: 1).map { ($0 * step * 1e6).rounded() / 1e6 }
    }
}

/// First days of months along a chart's date axis, at most seven of them.
enum DateAxis {
    static func ticks(from start: LocalDate, to end: LocalDate) -> [LocalDate] {
        var months: [LocalDate] = []
        var year = start.year, month = start.month
        while let d = LocalDate(year: year, month: month, day: 1), d <= end {
            if d >= start { months.append(d) }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        let every = max(1, (months.count + 6) / 7)
        return months.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }

    /// "Oct 2026" for the first tick and each January, "Nov" for the rest.
    static func label(_ d: LocalDate, withYear: Bool) -> String {
        d.monthAbbreviation + (withYear || d.month == 1 ? " \(d.year)" : "")
    }
}
