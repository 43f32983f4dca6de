/// The analyzer's full answer for one goal; encodes to the stable JSON shape the app stores and prints.
public struct SmartCritique: Equatable, Sendable, Encodable {
    /// The goal exactly as given, so evidence can be located in it.
    public let goal: String
    /// Keyed by criterion; encoding always emits all five in a fixed order.
    public let findings: [SmartCriterion: CriterionFinding]

    public init(goal: String, findings: [SmartCriterion: CriterionFinding]) {
        self.goal = goal
        self.findings = findings
    }

    /// SMART only when every letter is confirmed: an open question (where you start, why it
    /// matters) is not a pass, though it is not a failure either.
    public var isSmart: Bool {
        SmartCriterion.allCases.allSatisfy { self[$0].met == true }
    }

    /// No letter fails; some may still be open questions.
    public var hasNoFailures: Bool {
        SmartCriterion.allCases.allSatisfy { self[$0].met != false }
    }

    /// The letters that cannot be judged from what is known yet.
    public var open: [SmartCriterion] {
        SmartCriterion.allCases.filter { self[$0].met == nil }
    }

    /// Never optional, so callers need no unwrapping; a critique built without a criterion
    /// reports it as unknown.
    public subscript(_ criterion: SmartCriterion) -> CriterionFinding {
        findings[criterion] ?? CriterionFinding(
            met: nil,
            reason: "This criterion was not evaluated.",
            question: nil,
            evidence: []
        )
    }

    private enum CodingKeys: String, CodingKey {
        case goal, smart, criteria
    }

    private struct CriterionKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(goal, forKey: .goal)
        try container.encode(isSmart, forKey: .smart)
        var criteria = container.nestedContainer(keyedBy: CriterionKey.self, forKey: .criteria)
        for criterion in SmartCriterion.allCases {
            try criteria.encode(self[criterion], forKey: CriterionKey(stringValue: criterion.rawValue))
        }
    }
}
