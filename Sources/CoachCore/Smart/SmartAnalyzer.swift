/// Checks a goal statement against SMART offline and deterministically, explaining every verdict
/// so the coach can quote it back and ask the one question that fixes it.
public struct SmartAnalyzer: Sendable {
    private let rules: [any SmartCriterionRule] = [
        SpecificCriterion(),
        MeasurableCriterion(),
        AchievableCriterion(),
        RelevantCriterion(),
        TimeBoundCriterion(),
    ]

    /// The word tables of Rules/smart.yaml every criterion reads.
    public let vocabulary: SmartVocabulary

    public init(vocabulary: SmartVocabulary) { self.vocabulary = vocabulary }

    /// Every criterion is always present in the result; `context.today` is the only clock used.
    public func analyze(_ goal: String, context: SmartContext) -> SmartCritique {
        let parsed = ParsedGoal(goal, today: context.today, vocabulary: vocabulary)
        var findings: [SmartCriterion: CriterionFinding] = [:]
        for rule in rules {
            findings[rule.criterion] = rule.evaluate(parsed, context: context)
        }
        return SmartCritique(goal: goal, findings: findings)
    }

    /// The date a goal commits to, so check-ins can be scheduled against it; `nil` when the goal
    /// names no resolvable date or window. When several are named, the latest one wins, so a
    /// start date ("starting next month") never masquerades as the deadline.
    public func deadline(in goal: String, today: LocalDate) -> LocalDate? {
        TimeExpressionScanner(text: GoalText(goal), today: today).scan().deadline
    }
}
