public import CoachCore

/// How a KPI's standing looks in the terminal: a progress bar, a sparkline of its history,
/// the pace status and the forecast, and a word of celebration when a milestone is crossed.
public struct ProgressView: Sendable {
    let style: ChatStyle

    public init(style: ChatStyle) { self.style = style }

    /// `[██████░░░░░░░░░░] 38%`; the bar is clamped, the number is not.
    public static func bar(_ progress: Double, raw: Double, width: Int = 16) -> String {
        let filled = Int((max(0, min(1, progress)) * Double(width)).rounded())
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + NumberFormat.percent(raw)
    }

    /// `▁▃▄▆█` over the values, lowest to highest; one character per value.
    public static func sparkline(_ values: [Double]) -> String {
        let ticks = Array("▁▂▃▄▅▆▇█")
        guard let low = values.min(), let high = values.max() else { return "" }
        guard high > low else { return String(repeating: ticks[3], count: values.count) }
        return String(values.map { ticks[Int(((($0 - low) / (high - low)) * Double(ticks.count - 1)).rounded())] })
    }

    /// The lines shown for one KPI after a check-in.
    public func render(name: String, unit: String, history: [Double], status: KPIStatus) -> [Message] {
        let pace = status.status.words
        let forecast = status.forecast.map { " · on this pace done by \($0.iso)" } ?? ""
        let minimum = status.bareMinimum.map { " · next check-in \(status.nextCheckin.iso): at least \(NumberFormat.hundredths($0))" } ?? ""
        var lines = [Message("\(TerminalText.sanitize(name)) \(Self.bar(status.progress, raw: status.progressRaw)) \(Self.sparkline(history)) "
                             + "\(NumberFormat.plain(status.current)) \(unit) · \(pace)\(forecast)\(minimum)",
                             tone: status.status == .behind || status.status == .atRisk || status.status == .overdue ? .problem : .coach)]
        for milestone in status.milestonesCrossed {
            lines.append(Message(milestone == 100 ? "🎉 Target reached on “\(TerminalText.sanitize(name))”!" : "🎉 \(milestone)% of the way on “\(TerminalText.sanitize(name))” — well done.", tone: .success))
        }
        if status.personalBest { lines.append(Message("⭐ A personal best for “\(TerminalText.sanitize(name))”.", tone: .success)) }
        return lines
    }
}
