/// The numbers of one KPI — where it started, where it should be by when, which way is better and
/// what was measured since — and the coaching maths over them (product brief §5).
public struct KPIFigures: Equatable, Sendable {
    public var baseline: Double
    public var baselineDate: LocalDate
    public var target: Double
    public var dueDate: LocalDate
    public var direction: Metric.Direction
    /// Share of this KPI in its goal's roll-up; 0 or less leaves it out.
    public var weight: Double
    public var checkins: [KPICheckin]
    /// The reading at which the target last changed: milestones count from it to the new target,
    /// so they are earned by the figures, not by moving the target. Nil: from the baseline.
    public var rebasedOn: KPICheckin?

    public init(baseline: Double, baselineDate: LocalDate, target: Double, dueDate: LocalDate,
                direction: Metric.Direction, weight: Double = 1, checkins: [KPICheckin] = []) {
        self.baseline = baseline
        self.baselineDate = baselineDate
        self.target = target
        self.dueDate = dueDate
        self.direction = direction
        self.weight = weight
        self.checkins = checkins
    }

    /// Milestones celebrated, in percent of the way from baseline to target.
    static let milestones = [25, 50, 75, 100]
    /// Absorbs floating-point noise so 0.3 of the way from 0.1 to 0.5 still counts as 50 %.
    static let tolerance = 1e-9
    /// 9999-12-31, the last day `LocalDate` can name: a forecast beyond it is no forecast.
    private static let lastDay = LocalDate(dayNumber: 2_932_896)

    /// The KPI as it stands on `today`, with the next check-in `cadence` apart.
    ///
    /// Stay above / stay below are health checks: progress is 1 when healthy and 0 when not, and
    /// the status is `on_track` when healthy and `at_risk` when not. They are never `achieved`
    /// (staying above is never finished) nor `overdue` (there is no finish line to miss), but
    /// like every KPI they are `not_started` before the baseline date.
    public func evaluate(today: LocalDate, cadence: Metric.Cadence) -> KPIStatus {
        let history = checkinsSinceBaseline
        let current = history.last?.value ?? baseline
        let raw = progress(of: current)
        let expected = expected(on: today)
        let forecast = forecast(history)
        var status = status(progress: raw, expected: expected, today: today)
        // One pace model: a pace that finishes after the due date is not on track.
        if status == .onTrack, let forecast, forecast > dueDate { status = .behind }
        let next = cadence.nextCheckin(after: history.last?.date ?? baselineDate, notBefore: today)
        return KPIStatus(
            current: current,
            progressRaw: raw,
            progress: min(max(raw, 0), 1),
            expected: expected,
            status: status,
            forecast: forecast,
            nextCheckin: next,
            bareMinimum: status == .achieved ? nil : bareMinimum(on: next, current: current),
            milestonesCrossed: milestonesCrossed(history),
            personalBest: isPersonalBest(history),
            confidenceDisagrees: history.last.map { status.disagrees(withConfidence: $0.confidence) } ?? false,
            ignoredCheckins: checkins.count - history.count)
    }

    /// Check-ins on or after the baseline date in date order; same-day entries keep their list
    /// order so the one entered last wins. Earlier check-ins predate the starting point and would
    /// measure progress from somewhere else.
    private var checkinsSinceBaseline: [KPICheckin] {
        checkins.enumerated()
            .filter { $0.element.date >= baselineDate }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// Progress of `value`. A zero-length range (target == baseline) and the health checks have
    /// no "way" to divide, so they are all-or-nothing: 1 once the target is reached.
    private func progress(of value: Double) -> Double {
        if direction.isHealthCheck || target == baseline {
            return direction.hasReached(value, target: target) ? 1 : 0
        }
        return (value - baseline) / (target - baseline)
    }

    /// Share of the baseline-to-due period elapsed on `day`, clamped to 0…1. A period of no days
    /// (or a due date before the baseline) is all due at once on the due date.
    private func expected(on day: LocalDate) -> Double {
        let total = baselineDate.days(until: dueDate)
        guard total > 0 else { return day >= dueDate ? 1 : 0 }
        return min(max(Double(baselineDate.days(until: day)) / Double(total), 0), 1)
    }

    /// Order matters: nothing is judged before the start, a reached target stays achieved even
    /// after the due date, and only then does a passed due date override the gap. The gap uses
    /// raw progress so slipping back below the baseline counts against the pace.
    private func status(progress raw: Double, expected: Double, today: LocalDate) -> PaceStatus {
        if today < baselineDate { return .notStarted }
        if direction.isHealthCheck { return raw == 1 ? .onTrack : .atRisk }
        if raw >= 1 - Self.tolerance { return .achieved }
        if today > dueDate { return .overdue }
        return PaceStatus(gap: expected - raw)
    }

    /// Extrapolates the recent rate. The window is the last three check-ins; while there are at
    /// most three, the baseline is its first point, so a single check-in already gives a rate.
    /// The rate is first-to-last point (value change per day); days are rounded up, and are at
    /// least one, because a target not reached yet is not reached part-way through a day.
    private func forecast(_ history: [KPICheckin]) -> LocalDate? {
        guard let last = history.last, !direction.hasReached(last.value, target: target) else { return nil }
        let first = history.count > 3
            ? (date: history[history.count - 3].date, value: history[history.count - 3].value)
            : (date: baselineDate, value: baseline)
        let span = first.date.days(until: last.date)
        let moved = last.value - first.value
        let remaining = target - last.value
        guard span > 0, moved != 0, (moved > 0) == (remaining > 0) else { return nil }
        let days = max(1, (remaining * Double(span) / moved - Self.tolerance).rounded(.up))
        guard days <= Double(last.date.days(until: Self.lastDay)) else { return nil }
        return last.date.adding(days: Int(days))
    }

    /// The straight-line value on `day`: baseline + e(day) × (target − baseline), and never less
    /// than where the client already is (more for a KPI that should fall): the minimum for the
    /// next check-in is not a step back. A health check has no line; its minimum is the threshold.
    private func bareMinimum(on day: LocalDate, current: Double) -> Double {
        guard !direction.isHealthCheck else { return target }
        let line = baseline + expected(on: day) * (target - baseline)
        return direction == .increase ? max(line, current) : min(line, current)
    }

    /// Milestones the latest check-in reaches that no earlier reading (baseline included) had, so
    /// dipping below 50 % and climbing back does not celebrate 50 % twice. Health checks have no
    /// milestones.
    private func milestonesCrossed(_ history: [KPICheckin]) -> [Int] {
        guard !direction.isHealthCheck, let latest = history.last else { return [] }
        let start = rebasedOn?.value ?? baseline
        func way(_ value: Double) -> Double {
            target == start ? (direction.hasReached(value, target: target) ? 1 : 0) : (value - start) / (target - start)
        }
        let since = history.dropLast().filter { reading in rebasedOn.map { reading.date > $0.date } ?? true }
        let best = ([start] + since.map(\.value)).map(way).max() ?? 0
        let now = way(latest.value)
        return Self.milestones.filter { percent in
            let mark = Double(percent) / 100 - Self.tolerance
            return best < mark && now >= mark
        }
    }

    /// Better than the baseline and every earlier check-in; a first figure has nothing to beat yet.
    private func isPersonalBest(_ history: [KPICheckin]) -> Bool {
        guard let latest = history.last, history.count >= 2 else { return false }
        return earlierValues(history).allSatisfy { direction.isBetter(latest.value, than: $0) }
    }

    /// The baseline and every check-in before the latest one.
    private func earlierValues(_ history: [KPICheckin]) -> [Double] {
        [baseline] + history.dropLast().map(\.value)
    }
}
