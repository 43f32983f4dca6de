/// The KPI catalogue and its suggestion rules, as loaded from Rules/.
public struct Catalogue: Hashable, Sendable {
    public static func == (a: Catalogue, b: Catalogue) -> Bool {
        a.metrics == b.metrics && a.rules == b.rules && a.roles.families == b.roles.families
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metrics)
        hasher.combine(rules)
    }

    /// The families the coaching literature names; lint wants at least four metrics in each.
    public static let families = [
        "goal & milestone achievement", "performance & productivity", "satisfaction & engagement", "ROI", "salary",
        "promotion", "skill development", "networking", "work-life balance", "client feedback",
        "quantitative performance", "project impact", "leadership & teamwork", "career advancement", "thought leadership",
    ]
    public static let minimumPerFamily = 4

    public let metrics: [Metric]
    public let rules: [SuggestionRule]
    /// Job titles and the families they belong to, with each family's metrics.
    public let roles: RoleLexicon
    private let index: [String: Int]
    /// Narrows the rules to evaluate for a client's answers.
    let ruleIndex: RuleIndex

    public init(metrics: [Metric], rules: [SuggestionRule], roles: RoleLexicon = .empty) {
        self.metrics = metrics
        self.rules = rules
        self.roles = roles
        var index: [String: Int] = [:]
        for (i, metric) in metrics.enumerated() where index[metric.id] == nil { index[metric.id] = i }
        self.index = index
        ruleIndex = RuleIndex(rules)
    }

    public subscript(id: String) -> Metric? { index[id].map { metrics[$0] } }

    /// The metric a client picked by name (case does not matter).
    public func metric(named name: String) -> Metric? {
        metrics.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Catalogue order, which breaks ties between equal scores.
    public func position(of id: String) -> Int { index[id] ?? Int.max }
}
