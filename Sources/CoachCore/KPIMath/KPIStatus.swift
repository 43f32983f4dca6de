/// Everything the app shows about one KPI on a given day, computed by `KPIFigures.evaluate`.
public struct KPIStatus: Equatable, Sendable {
    /// The latest check-in's value, or the baseline when there is none.
    public let current: Double
    /// (current − baseline) / (target − baseline), unclamped so over-achievement and slipping
    /// back below the baseline stay visible.
    public let progressRaw: Double
    /// `progressRaw` clamped to 0…1, for bars and roll-ups.
    public let progress: Double
    /// Share of the period elapsed (0…1): the progress a straight line would have by today.
    public let expected: Double
    public let status: PaceStatus
    /// When the target will be reached at the recent rate; nil when already reached or when the
    /// recent rate does not move toward the target.
    public let forecast: LocalDate?
    /// The next scheduled check-in, the day `bareMinimum` refers to.
    public let nextCheckin: LocalDate
    /// The value needed at `nextCheckin` to be on the straight line again (the target itself for
    /// stay above / stay below); nil once achieved.
    public let bareMinimum: Double?
    /// Milestones (25, 50, 75, 100 %) the latest check-in reached for the first time.
    public let milestonesCrossed: [Int]
    /// The latest check-in beats the baseline and every earlier check-in.
    public let personalBest: Bool
    /// The latest check-in's confidence contradicts `status` (see `PaceStatus.disagrees`).
    public let confidenceDisagrees: Bool
    /// Check-ins dated before the baseline: left out of everything above.
    public let ignoredCheckins: Int
}
