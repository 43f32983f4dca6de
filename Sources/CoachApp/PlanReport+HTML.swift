import CoachCore
import Foundation

extension PlanReport {
    /// One self-contained page (no network, no scripts): the Markdown's content with an inline
    /// SVG chart per KPI — history, baseline, target and the expected pace — readable on A4.
    var html: String {
        func esc(_ s: String) -> String {
            TerminalText.sanitize(s).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var body = "<h1>Plan for \(esc(client))</h1><p class=\"as-of\">As of \(today.iso)</p>"
        if let goal = text("goal.final") {
            body += "<h2>SMART goal</h2><blockquote>\(esc(goal))</blockquote>"
            if let critique = text("goal.final_critique") {
                body += "<ul>" + critique.split(separator: "\n").map { "<li>\(esc(String($0)))</li>" }.joined() + "</ul>"
            }
        }
        body += "<h2>KPIs</h2>"
        if let rollup { body += "<p>Overall progress (weighted): <strong>\(NumberFormat.percent(rollup))</strong></p>" }
        for k in kpis {
            let s = status(k)
            body += "<section class=\"kpi\"><h3>\(esc(k.kpi.name))\(k.retired ? " (retired)" : "")</h3>"
                + "<p>\(NumberFormat.plain(k.kpi.baselineValue)) → <strong>\(NumberFormat.plain(s.current))</strong> → \(NumberFormat.plain(k.kpi.targetValue)) "
                + "\(esc(k.kpi.unit.rawValue)) by \(k.kpi.dueDate.iso) · \(NumberFormat.percent(s.progress)) · \(s.status.words)"
                + (s.forecast.map { " · forecast \($0.iso)" } ?? "") + "</p>" + chart(k) + "</section>"
        }
        if let roi { body += "<h2>ROI of coaching</h2><p>\(esc(roi.summary))</p>" }
        if let notes, !notes.isEmpty {
            body += "<h2>Coach's notes (private)</h2><ul>" + notes.map { "<li>\(esc($0.byline)): \(esc($0.text))</li>" }.joined() + "</ul>"
        }
        let style = """
            @page { size: A4; margin: 18mm; } body { font-family: sans-serif; color: #222; max-width: 180mm; margin: auto; }
            h1 { margin-bottom: 0; } .as-of { color: #666; } blockquote { font-size: 1.1em; border-left: 4px solid #4a7; margin: 0; padding-left: 1em; }
            section.kpi { break-inside: avoid; } svg { width: 100%; height: auto; border: 1px solid #ddd; }
            """
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Plan for \(esc(client))</title><style>\(style)</style></head><body>\(body)</body></html>\n"
    }

    /// History as a line, the baseline and target as horizontal lines, the expected pace as a
    /// dashed diagonal from baseline to target.
    private func chart(_ k: StoredKPI) -> String {
        let w = 600.0, h = 200.0, pad = 24.0
        let start = k.kpi.baselineDate, end = max(k.kpi.dueDate, k.checkins.map(\.date).max() ?? k.kpi.dueDate)
        let span = Double(max(1, start.days(until: end)))
        let values = [k.kpi.baselineValue, k.kpi.targetValue] + k.checkins.map(\.value)
        let low = values.min()!, high = values.max()!, range = max(high - low, 1e-9)
        func x(_ d: LocalDate) -> Double { pad + Double(start.days(until: d)) / span * (w - 2 * pad) }
        func y(_ v: Double) -> Double { h - pad - (v - low) / range * (h - 2 * pad) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let points = [(start, k.kpi.baselineValue)] + k.checkins.filter { $0.date >= start }.map { ($0.date, $0.value) }
        let up = k.kpi.targetValue >= k.kpi.baselineValue  // labels sit outside the band between the two lines
        let line = points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
        return "<svg viewBox=\"0 0 \(Int(w)) \(Int(h))\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"history of the KPI\">"
            + "<line class=\"baseline\" x1=\"\(f(pad))\" y1=\"\(f(y(k.kpi.baselineValue)))\" x2=\"\(f(w - pad))\" y2=\"\(f(y(k.kpi.baselineValue)))\" stroke=\"#999\"/>"
            + "<line class=\"target\" x1=\"\(f(pad))\" y1=\"\(f(y(k.kpi.targetValue)))\" x2=\"\(f(w - pad))\" y2=\"\(f(y(k.kpi.targetValue)))\" stroke=\"#4a7\" stroke-width=\"2\"/>"
            + "<line class=\"expected\" x1=\"\(f(x(start)))\" y1=\"\(f(y(k.kpi.baselineValue)))\" x2=\"\(f(x(k.kpi.dueDate)))\" y2=\"\(f(y(k.kpi.targetValue)))\" stroke=\"#aaa\" stroke-dasharray=\"6 4\"/>"
            + "<text x=\"\(f(w - pad))\" y=\"\(f(y(k.kpi.targetValue) + (up ? -4 : 14)))\" text-anchor=\"end\" font-size=\"12\" fill=\"#4a7\">target \(NumberFormat.plain(k.kpi.targetValue)) by \(k.kpi.dueDate.iso)</text>"
            + "<text x=\"\(f(w - pad))\" y=\"\(f(y(k.kpi.baselineValue) + (up ? 14 : -4)))\" text-anchor=\"end\" font-size=\"12\" fill=\"#777\">baseline \(NumberFormat.plain(k.kpi.baselineValue)) on \(k.kpi.baselineDate.iso)</text>"
            + "<polyline class=\"history\" points=\"\(line)\" fill=\"none\" stroke=\"#25c\" stroke-width=\"3\"/>"
            + points.map { "<circle cx=\"\(f(x($0.0)))\" cy=\"\(f(y($0.1)))\" r=\"4\" fill=\"#25c\"/>" }.joined()
            + "</svg>"
    }
}
