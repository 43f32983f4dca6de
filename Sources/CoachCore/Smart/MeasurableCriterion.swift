/// Measurable: a number that could be checked (count, percentage, money, multiple, score, range,
/// time spent, clock-time limit) or a yes-or-no outcome that can be verified (a named certification,
/// a promotion to a named title, a job offer). Numbers that only say when do not count.
struct MeasurableCriterion: SmartCriterionRule {
    let criterion = SmartCriterion.measurable

    private enum Measure {
        case quantity(Quantity)
        case outcome(VerifiableOutcome)

        var span: Range<Int> {
            switch self {
            case .quantity(let quantity): quantity.phrase
            case .outcome(let outcome): outcome.span
            }
        }
    }

    func evaluate(_ goal: ParsedGoal, context: SmartContext) -> CriterionFinding {
        func rank(_ measure: Measure) -> Int {
            if case .quantity(let quantity) = measure { goal.rank(quantity) } else { 0 }
        }
        let measures = (goal.quantities.map(Measure.quantity) + goal.outcomes.filter(\.isNamed).map(Measure.outcome))
            .sorted { (rank($0), $0.span.lowerBound) < (rank($1), $1.span.lowerBound) }
        if let first = measures.first {
            return CriterionFinding(met: true, reason: reason(first, goal), question: nil,
                                    evidence: goal.evidence(measures.map(\.span)))
        }
        if let grades = goal.clauses.lazy.compactMap({ LetterGrades.grade(in: goal, within: $0.span) }).first {
            return CriterionFinding(met: true, reason: "\(goal.quote(grades)) is a grade on a letter scale that can be checked.",
                                    question: nil, evidence: goal.evidence([grades]))
        }
        if let done = SpecificCriterion().completions(in: goal).first {
            return CriterionFinding(met: true, reason: "\(goal.quote(done)) is done or not done: a yes-or-no completion that can be checked.",
                                    question: nil, evidence: goal.evidence([done]))
        }
        if let unnamed = goal.outcomes.first {
            return CriterionFinding(
                met: false,
                reason: "\(goal.quote(unnamed.span)) does not say \(unnamed.kind.missingName), so success cannot be verified.",
                question: "Can you name \(unnamed.kind.missingName) exactly, so success can be checked?",
                evidence: goal.evidence([unnamed.span])
            )
        }
        let timeNumbers = goal.times.filter { time in
            time.span.contains { goal.text.isNumber(at: $0) || NumberLexicon.isCountWord(goal.text[$0].text) }
        }
        if let first = timeNumbers.first {
            return CriterionFinding(
                met: false,
                reason: "The only number, in \(goal.quote(first.span)), says when, not how much.",
                question: "\(goal.quote(first.span)) says when; what number will show how much you achieved?",
                evidence: goal.evidence(timeNumbers.map(\.span))
            )
        }
        return CriterionFinding(
            met: false,
            reason: "Nothing in \(goal.quotedGoal) can be counted, scored or verified.",
            question: "How many, how much or what score will show this is done?",
            evidence: []
        )
    }

    private func reason(_ measure: Measure, _ goal: ParsedGoal) -> String {
        let quoted = goal.quote(measure.span)
        switch measure {
        case .outcome:
            return "\(quoted) is a yes-or-no outcome that can be verified."
        case .quantity(let quantity):
            let what = switch quantity.kind {
            case .count: "a count"
            case .percentage: "a percentage"
            case .money: "a money amount"
            case .multiple: "a multiple of today's level"
            case .score: "a score"
            case .range: "a numeric range"
            case .effort: "an amount of time spent"
            case .clockTime: "a clock-time limit"
            case .frequency: "a frequency"
            }
            return "\(quoted) is \(what) that can be checked."
        }
    }
}
