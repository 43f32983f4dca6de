/// "Since last time": what changed in a client's plan between their last session and now —
/// new check-ins, status changes, milestones crossed, KPIs gone stale — as lines to open with.
public enum PlanChanges {
    public struct Entry: Sendable {
        public let name: String
        public let cadence: Metric.Cadence
        /// The KPI as it stood at the last session (only the check-ins recorded before it).
        public let before: KPIFigures
        public let now: KPIFigures
        /// Changes to the plan since, oldest first.
        public let adjustments: [StoredAdjustment]

        public init(name: String, cadence: Metric.Cadence, before: KPIFigures, now: KPIFigures, adjustments: [StoredAdjustment] = []) {
            self.name = name
            self.cadence = cadence
            self.before = before
            self.now = now
            self.adjustments = adjustments
        }
    }

    /// `lastTime`: the day of the last session, on the same calendar as `today` (with `--today`
    /// in the past, the last session cannot be later than it). What the client saw then is the
    /// plan evaluated on that day; KPIs not measured since a check-in fell due share one line.
    public static func summary(_ entries: [Entry], lastTime: LocalDate, today: LocalDate) -> [String] {
        var lines: [String] = []
        var stale: [String] = []
        let then = min(lastTime, today)
        let added = entries.reduce(0) { $0 + max(0, $1.now.checkins.count - $1.before.checkins.count) }
        if added > 0 { lines.append("\(added) new check-in\(added == 1 ? "" : "s") since we last talked.") }
        for e in entries {
            let was = e.before.evaluate(today: then, cadence: e.cadence), isNow = e.now.evaluate(today: today, cadence: e.cadence)
            let name = TerminalText.sanitize(e.name)
            lines += e.adjustments.map { change(of: name, $0) }
            if was.status != isNow.status { lines.append("“\(name)” went from \(was.status.words) to \(isNow.status.words).") }
            let tolerance = KPIFigures.tolerance * 100
            for m in KPIFigures.milestones where was.progress * 100 < Double(m) - tolerance && isNow.progress * 100 >= Double(m) - tolerance {
                lines.append(m == 100 ? "🎉 “\(name)” reached its target." : "🎉 “\(name)” passed \(m)%.")
            }
            let last = e.now.checkins.map(\.date).max() ?? e.now.baselineDate
            let due = e.cadence.nextCheckin(after: last, notBefore: last.adding(days: 1))
            if due < today, isNow.status != .achieved { stale.append("“\(name)” (last \(last.iso), due \(due.iso))") }
        }
        if !stale.isEmpty { lines.append("Not measured since a check-in fell due: " + stale.joined(separator: ", ") + ".") }
        return lines
    }

    /// A change to the plan in words: a target lowered or raised (milestones count afresh from
    /// it), a date moved, a KPI retired — each with its reason.
    static func change(of name: String, _ a: StoredAdjustment) -> String {
        let why = TerminalText.sanitize(a.why)
        switch a.field {
        case .target:
            let lowered = Double(a.to).flatMap { to in Double(a.from).map { to < $0 } } ?? false
            return "“\(name)” target \(lowered ? "lowered" : "raised") from \(a.from) to \(a.to) (\(why)); milestones count from there."
        case .due: return "“\(name)” now due \(a.to) instead of \(a.from) (\(why))."
        case .status: return "“\(name)” retired (\(why))."
        }
    }
}
