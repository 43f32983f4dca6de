/// When the next check-in falls, for each cadence.
extension Metric.Cadence {
    /// The first scheduled check-in after `anchor` that is not before `today`, so a check-in due
    /// today still counts as the next one. Steps are counted from the anchor rather than chained,
    /// so a month-end anchor does not drift (Jan 31 → Feb 28 → Mar 31, not Mar 28).
    public func nextCheckin(after anchor: LocalDate, notBefore today: LocalDate) -> LocalDate {
        var steps = 1
        while date(steps: steps, from: anchor) < today { steps += 1 }
        return date(steps: steps, from: anchor)
    }

    private func date(steps: Int, from anchor: LocalDate) -> LocalDate {
        switch self {
        case .weekly: anchor.adding(days: 7 * steps)
        case .monthly: anchor.adding(months: steps)
        case .quarterly: anchor.adding(months: 3 * steps)
        }
    }
}
