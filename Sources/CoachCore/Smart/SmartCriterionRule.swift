/// One SMART rule. Each rule owns its lexicon and its wording, so a reason and the follow-up
/// question that fixes it are always edited together.
protocol SmartCriterionRule: Sendable {
    var criterion: SmartCriterion { get }
    func evaluate(_ goal: ParsedGoal, context: SmartContext) -> CriterionFinding
}
