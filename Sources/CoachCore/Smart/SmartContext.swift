/// What the coach already knows about the user; relevance and achievability can only be
/// judged against it, and everything but `today` may be unknown.
public struct SmartContext: Sendable, Hashable {
    public var role: String?
    public var targetRole: String?
    public var objective: String?
    /// The current value of the goal's measure (e.g. deals closed per month today).
    public var baseline: Double?
    /// Injected rather than read from the clock so verdicts are reproducible.
    public var today: LocalDate

    public init(
        role: String? = nil,
        targetRole: String? = nil,
        objective: String? = nil,
        baseline: Double? = nil,
        today: LocalDate
    ) {
        self.role = role
        self.targetRole = targetRole
        self.objective = objective
        self.baseline = baseline
        self.today = today
    }
}
