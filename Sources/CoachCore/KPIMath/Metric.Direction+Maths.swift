/// What "better" means for each direction, for the KPI maths.
extension Metric.Direction {
    /// Stay above / stay below have no finish line: they are judged healthy or not, not by progress.
    public var isHealthCheck: Bool { self == .stayAbove || self == .stayBelow }

    /// Whether `value` has reached `target` in this direction; reaching it exactly counts.
    public func hasReached(_ value: Double, target: Double) -> Bool {
        switch self {
        case .increase, .stayAbove: value >= target
        case .decrease, .stayBelow: value <= target
        }
    }

    /// Strictly better, so matching an earlier value is not a new personal best.
    public func isBetter(_ value: Double, than other: Double) -> Bool {
        switch self {
        case .increase, .stayAbove: value > other
        case .decrease, .stayBelow: value < other
        }
    }
}
