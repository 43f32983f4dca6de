/// Time-bound: a deadline, a date, a window from today or a recurring cadence. Vague timing
/// ("soon", "someday", "asap") does not count.
struct TimeBoundCriterion: SmartCriterionRule {
    let criterion = SmartCriterion.timeBound

    func evaluate(_ goal: ParsedGoal, context: SmartContext) -> CriterionFinding {
        let binding = goal.times.filter(\.bindsTime)
        // The date the plan stores (the latest named) is the one quoted back.
        let stored = goal.times.deadlineExpression.flatMap { $0.bindsTime && $0.isFrame ? $0 : nil }
        if let first = stored ?? binding.first(where: \.isFrame) ?? binding.first {
            return CriterionFinding(met: true, reason: reason(first, goal), question: nil,
                                    evidence: goal.evidence(binding.map(\.span)))
        }
        let vague = goal.times.filter { $0.kind == .vague }
        if let first = vague.first {
            return CriterionFinding(
                met: false,
                reason: "\(goal.quote(first.span)) is not a date, a window or a cadence.",
                question: "Instead of \(goal.quote(first.span)), by what date will this be done?",
                evidence: goal.evidence(vague.map(\.span))
            )
        }
        if let level = goal.times.first(where: { $0.kind == .rate }) {
            return CriterionFinding(
                met: false,
                reason: "\(goal.quote(level.span)) says how much in each period, not by when it will be reached.",
                question: "By when do you want to be there: a date or a window such as \"within 3 months\"?",
                evidence: goal.evidence([level.span])
            )
        }
        return CriterionFinding(
            met: false,
            reason: "No date, window or cadence appears in \(goal.quotedGoal).",
            question: "By when will this be done: a date, a window such as \"within 3 months\", or a cadence such as \"every week\"?",
            evidence: []
        )
    }

    /// Why the day of a written deadline is not known yet, as the critique says it.
    private static func words(_ problem: DateProblem) -> String {
        switch problem {
        case .ambiguous(let monthFirst, let dayFirst):
            "it can be read as \(monthFirst.dayMonthYear) or \(dayFirst.dayMonthYear): write the month as a word to settle which."
        case .impossible(let why):
            "no such day exists: \(why)"
        case .weekdayMismatch(let day, let written):
            "\(day.dayMonthYear) is a \(DateWords.weekdayNames[day.weekday - 1].capitalisedFirst), not a \(DateWords.weekdayNames[written - 1].capitalisedFirst): which day is meant?"
        }
    }

    private func reason(_ time: TimeExpression, _ goal: ParsedGoal) -> String {
        let quoted = goal.quote(time.span)
        switch time.kind {
        case .deadline(let date?):
            return "\(quoted) sets a deadline (\(date.iso))."
        case .window(let date?):
            return "\(quoted) sets a window ending \(date.iso)."
        case .timeOfDay(let date):
            return "\(quoted) sets a time of day (\(date.iso))."
        case .cadence:
            return "\(quoted) sets a recurring cadence."
        case .occasion:
            return "\(quoted) ties the deadline to an occasion; its date is set with the plan."
        case .turnaround:
            return "\(quoted) sets the time allowed for each one, a standard that recurs."
        case .deadline(nil) where time.problem != nil:
            return "\(quoted) sets a deadline, but \(Self.words(time.problem!))"
        default:
            return "\(quoted) sets a deadline."
        }
    }
}
