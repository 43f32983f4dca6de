import Foundation

/// Achievable: judged from the implied pace, the change from a baseline (the context's, or a
/// "from X to Y" in the text) over the time available, or the number of career levels a promotion
/// jumps. Without a baseline or a time frame the honest answer is "unknown", with a question.
struct AchievableCriterion: SmartCriterionRule {
    let criterion = SmartCriterion.achievable

    /// How much the goal moves its measure: target divided by starting level.
    private struct Change {
        let ratio: Double
        let span: Range<Int>
        /// Measured against the baseline the client gave, not a "from X to Y" in the goal.
        var fromBaseline = false
    }

    func evaluate(_ goal: ParsedGoal, context: SmartContext) -> CriterionFinding {
        var context = context
        if let stated = statedStart(goal) { context.baseline = stated }
        let deadline = goal.times.deadlineExpression
        if let deadline, let date = deadline.date, date < goal.today {
            return CriterionFinding(
                met: false,
                reason: "\(goal.quote(deadline.span)) is already past (\(date.iso)), so the goal cannot be met as written.",
                question: "What new date would be realistic?",
                evidence: goal.evidence([deadline.span])
            )
        }
        // A title the goal serves ("…, so I can make senior rep") is its reason: the goal's own measure is judged.
        if let outcome = goal.outcomes.first(where: { $0.to != nil }), let target = outcome.to,
           goal.measures.isEmpty || !isReason(target.span, goal) {
            return promotion(to: target, from: outcome.from, goal, context, deadline)
        }
        if let change = change(goal, context) {
            let judged = judge(change, goal, deadline)
            // "40 stand-ups" from 1 is not +3900% growth but a total to reach: judge its pace.
            if judged.met == false, change.fromBaseline, let baseline = context.baseline, let deadline,
               let pace = pace(goal, from: baseline, deadline) {
                return pace
            }
            return judged
        }
        if context.baseline == 0, let deadline, let pace = pace(goal, from: 0, deadline) {
            return pace
        }
        if let more = moreTime(goal, deadline) { return more }
        return unknown(goal, deadline)
    }

    /// Whether `span` comes after a reason marker that follows the goal's own words.
    private func isReason(_ span: Range<Int>, _ goal: ParsedGoal) -> Bool {
        (1..<max(1, span.lowerBound)).contains { RelevantCriterion.reasonMarkers.match(in: goal.text, at: $0) != nil }
    }

    // MARK: - More time spent

    /// "10 hours a week …, starting from 2 hours a week": time spent is not a result that grows at
    /// a plausible rate but a choice made each week, so what decides it is where the extra time comes from.
    private func moreTime(_ goal: ParsedGoal, _ deadline: TimeExpression?) -> CriterionFinding? {
        guard let target = goal.quantities.first(where: { $0.kind == .effort && goal.rank($0) < 2 }),
              let unit = QuantityScanner.timeUnit(goal.text[target.phrase.upperBound - 1]),
              let start = goal.quantities.last(where: { goal.rank($0) == 2 && QuantityScanner.timeUnit(goal.text[$0.phrase.upperBound - 1]) == unit }),
              target.value > start.value else { return nil }
        let written = goal.text[target.span.upperBound - 1].text
        let per = (target.phrase.upperBound..<min(goal.text.count, target.phrase.upperBound + 3))
            .compactMap { goal.time(at: $0) }.first { $0.kind == .cadence || $0.kind == .rate }
        let extra = "\(Figures.plain(target.value - start.value)) more \(written)" + (per.map { " " + goal.text.quote($0.span) } ?? "")
        return CriterionFinding(
            met: nil,
            reason: "\(goal.quote(target.phrase)) from \(goal.quote(start.phrase)) today is \(extra): time is found, not grown, so it is achievable if that time is free.",
            question: "Where will the \(extra) come from?",
            evidence: goal.evidence([target.phrase, start.phrase, deadline?.span].compactMap { $0 })
        )
    }

    // MARK: - Promotions

    private func promotion(
        to target: RankedTitle,
        from start: RankedTitle?,
        _ goal: ParsedGoal,
        _ context: SmartContext,
        _ deadline: TimeExpression?
    ) -> CriterionFinding {
        let targetQuote = goal.quote(target.span)
        let current: (level: Int, quote: String)?
        if let start {
            current = (start.level, goal.quote(start.span))
        } else if let role = context.role {
            let roleText = GoalText(role)
            current = goal.vocabulary.rank(in: roleText, span: 0..<roleText.count).map { ($0, "your role \(Quote.text(role))") }
        } else {
            current = nil
        }
        let evidence = goal.evidence([start?.span, target.span, deadline?.span].compactMap { $0 })
        guard let current else {
            return CriterionFinding(
                met: nil,
                reason: "\(targetQuote) cannot be judged without knowing your current level.",
                question: "What is your current title, and by when do you want to reach \(targetQuote)?",
                evidence: evidence
            )
        }
        let jump = target.level - current.level
        let levels = jump == 1 ? "one level" : "\(jump) levels"
        guard jump > 0 else {
            return CriterionFinding(
                met: nil,
                reason: "\(targetQuote) is not above \(current.quote), so there is no step up to judge.",
                question: "Which title beyond \(current.quote) are you aiming for?",
                evidence: evidence
            )
        }
        guard let deadline, let date = deadline.date else {
            return CriterionFinding(
                met: nil,
                reason: "Going from \(current.quote) to \(targetQuote) is \(levels), but there is no time frame to judge the pace.",
                question: "By when do you want to reach \(targetQuote)?",
                evidence: evidence
            )
        }
        let days = goal.today.days(until: date)
        let within = "\(days) days (\(goal.quote(deadline.span)))"
        if jump >= 2, goal.today.months(until: date) < goal.vocabulary.growth.monthsPerExtraLevel * Double(jump - 1) {
            return CriterionFinding(
                met: false,
                reason: "Going from \(current.quote) to \(targetQuote) is \(levels) in \(within), while promotions rarely come faster than one level a year.",
                question: "Which single next step towards \(targetQuote) could you reach by then, or what later date fits \(levels)?",
                evidence: evidence
            )
        }
        if jump == 1, days < goal.vocabulary.growth.shortestPromotionDays {
            return CriterionFinding(
                met: nil,
                reason: "\(targetQuote) is one level up, but \(within) is only realistic if a promotion is already under way.",
                question: "Is a promotion to \(targetQuote) already in progress, or would a later date be more realistic?",
                evidence: evidence
            )
        }
        return CriterionFinding(
            met: true,
            reason: "Going from \(current.quote) to \(targetQuote) is \(levels) in \(within), a plausible pace.",
            question: nil,
            evidence: evidence
        )
    }

    // MARK: - Numeric change

    private func change(_ goal: ParsedGoal, _ context: SmartContext) -> Change? {
        fromTo(goal) ?? multiple(goal) ?? percentChange(goal) ?? baselineChange(goal, context)
    }

    /// "from $40k to $50k", "from 20% to 10%".
    private func fromTo(_ goal: ParsedGoal) -> Change? {
        for (position, start) in goal.quantities.enumerated()
        where goal.text.word(at: start.span.lowerBound - 1) == "from" && start.value > 0 {
            guard let target = goal.quantities.dropFirst(position + 1).first,
                  target.span.lowerBound - start.span.upperBound <= 3,
                  goal.text.word(at: target.span.lowerBound - 1) == "to" else { continue }
            return Change(ratio: target.value / start.value, span: (start.span.lowerBound - 1)..<target.span.upperBound)
        }
        return nil
    }

    /// "double", "3x", "cut in half".
    private func multiple(_ goal: ParsedGoal) -> Change? {
        for quantity in goal.quantities where quantity.kind == .multiple {
            if quantity.value >= 2 { return Change(ratio: quantity.value, span: quantity.span) }
            let before = goal.text.word(at: quantity.span.lowerBound - 1)
            if goal.text[quantity.span.lowerBound].text.hasPrefix("halv") || before == "in" || before == "by" {
                return Change(ratio: quantity.value, span: quantity.span)
            }
        }
        return nil
    }

    private static let upWords: Set<String> = ["more", "increase", "growth", "raise", "rise", "higher", "uplift", "boost", "up"]
    private static let downWords: Set<String> = ["fewer", "less", "lower", "reduction", "decrease", "cut", "drop", "down"]

    /// "increase revenue by 15%", "a 10% salary increase", "25% fewer complaints".
    private func percentChange(_ goal: ParsedGoal) -> Change? {
        for quantity in goal.quantities where quantity.kind == .percentage {
            guard let direction = direction(of: quantity, goal) else { continue }
            let fraction = quantity.value / 100
            return Change(ratio: direction == .up ? 1 + fraction : 1 - fraction, span: quantity.span)
        }
        return nil
    }

    private func direction(of quantity: Quantity, _ goal: ParsedGoal) -> ActionVerb.Direction? {
        let text = goal.text
        if text.word(at: quantity.span.lowerBound - 1) == "by" {
            return verbDirection(at: quantity.span.lowerBound, goal)
        }
        // "up 15%", "down 10%".
        if quantity.span.lowerBound > 0 {
            let before = text[quantity.span.lowerBound - 1].forms
            if before.contains(where: Self.upWords.contains) { return .up }
            if before.contains(where: Self.downWords.contains) { return .down }
        }
        for index in quantity.span.upperBound..<min(text.count, quantity.span.upperBound + 3) {
            if text[index].forms.contains(where: Self.upWords.contains) { return .up }
            if text[index].forms.contains(where: Self.downWords.contains) { return .down }
        }
        return nil
    }

    /// Which way the main verb of the clause around `index` moves its measure ("increase", "cut").
    private func verbDirection(at index: Int, _ goal: ParsedGoal) -> ActionVerb.Direction? {
        goal.clause(containing: index).flatMap { goal.verb(in: $0)?.value.direction }
    }

    /// With a known baseline: "by 10 points" or a target level ("to 92%", "12 deals").
    private func baselineChange(_ goal: ParsedGoal, _ context: SmartContext) -> Change? {
        guard let baseline = context.baseline, baseline > 0 else { return nil }
        let targets = goal.measures.filter { goal.rank($0) < 2 && [.count, .money, .percentage, .score, .range].contains($0.kind) }
        for quantity in targets where goal.text.word(at: quantity.span.lowerBound - 1) == "by" {
            guard let direction = verbDirection(at: quantity.span.lowerBound, goal) else { continue }
            let moved = direction == .up ? baseline + quantity.value : baseline - quantity.value
            return Change(ratio: moved / baseline, span: quantity.phrase, fromBaseline: true)
        }
        let target = targets.first { goal.text.word(at: $0.span.lowerBound - 1) == "to" } ?? targets.first
        return target.map { Change(ratio: $0.value / baseline, span: $0.phrase, fromBaseline: true) }
    }

    private func judge(_ change: Change, _ goal: ParsedGoal, _ deadline: TimeExpression?) -> CriterionFinding {
        let quoted = goal.quote(change.span)
        let total = Figures.change(change.ratio)
        let evidence = goal.evidence([change.span, deadline?.span].compactMap { $0 })
        if change.ratio < 0 {
            return CriterionFinding(
                met: false,
                reason: "\(quoted) would take the measure below zero, which is impossible.",
                question: "What reduction, at most 100%, do you want to reach?",
                evidence: evidence
            )
        }
        guard let deadline, let date = deadline.date else {
            if change.ratio >= goal.vocabulary.growth.implausibleMultiple {
                return CriterionFinding(
                    met: false,
                    reason: "\(quoted) means \(total), beyond a plausible change in any time frame.",
                    question: "What smaller step, say a third or a half more than today, would stretch you without being out of reach?",
                    evidence: evidence
                )
            }
            return CriterionFinding(
                met: nil,
                reason: "\(quoted) means \(total), but there is no time frame to judge the pace.",
                question: "By when do you want to reach this?",
                evidence: evidence
            )
        }
        let days = goal.today.days(until: date)
        let months = max(goal.today.months(until: date), 1)
        let monthly = pow(change.ratio, 1 / months)
        let plausible = change.ratio >= 1 ? monthly - 1 <= goal.vocabulary.growth.fastestMonthly : monthly >= goal.vocabulary.growth.slowestMonthlyKeep
        let verdict: String
        if plausible {
            verdict = "a plausible pace"
        } else if change.ratio >= 1 {
            verdict = "well above the \(Figures.change(1 + goal.vocabulary.growth.fastestMonthly)) a month that is plausible"
        } else {
            verdict = "steeper than the \(Figures.change(goal.vocabulary.growth.slowestMonthlyKeep)) a month that is plausible"
        }
        return CriterionFinding(
            met: plausible,
            reason: "\(quoted) means \(total) in \(days) days (\(goal.quote(deadline.span))), about \(Figures.change(monthly)) a month: \(verdict).",
            question: plausible ? nil : "What target could you reach by then at a realistic pace, or what later date fits \(quoted)?",
            evidence: evidence
        )
    }

    /// "…, starting from 8 deals a quarter": a starting figure the goal itself states (with no "to"
    /// after it) is where the client starts, over what the interview heard before.
    private func statedStart(_ goal: ParsedGoal) -> Double? {
        goal.quantities.last { quantity in
            goal.rank(quantity) == 2 && goal.text.word(at: quantity.phrase.upperBound) != "to"
                && !goal.quantities.contains { $0.span.lowerBound > quantity.span.upperBound && goal.text.word(at: $0.span.lowerBound - 1) == "to" }
        }?.value
    }

    // MARK: - A total to reach

    /// A count with no "a week" or "per month" after it is a total to reach by the deadline
    /// ("40 stand-ups by June"), not a level to grow to ("12 deals a quarter").
    private func isTotal(_ quantity: Quantity, _ goal: ParsedGoal) -> Bool {
        guard quantity.kind == .count else { return false }
        let after = quantity.phrase.upperBound
        return !(after..<min(goal.text.count, after + 2)).contains { index in
            guard let time = goal.time(at: index) else { return false }
            return time.kind == .cadence || time.kind == .rate || time.kind == .period
        }
    }

    /// For a total, growth rates mean nothing (from zero they are infinite); what can be judged is
    /// the pace it needs, which only the client can say is the plan ("40 stand-ups by June is more
    /// than one a week").
    private func pace(_ goal: ParsedGoal, from baseline: Double, _ deadline: TimeExpression) -> CriterionFinding? {
        guard let date = deadline.date,
              let target = goal.measures.first(where: { goal.rank($0) < 2 && $0.kind == .count }),
              baseline == 0 || isTotal(target, goal), target.value > baseline else { return nil }
        let remaining = target.value - baseline
        let days = max(goal.today.days(until: date), 1)
        let weeks = Double(days) / 7
        let weekly = remaining / weeks
        let more = baseline == 0 ? "" : " more"
        let pace = weekly >= 1 || weeks < 5
            ? "about \(Figures.plain(weekly))\(more) a week, every week"
            : "about \(Figures.plain(remaining / max(goal.today.months(until: date), 1)))\(more) a month, every month"
        let when = goal.quote(deadline.span).contains(date.dayMonthYear)
            ? goal.text.quote(deadline.span) : "\(goal.text.quote(deadline.span)) (\(date.dayMonthYear))"
        let start = baseline == 0 ? "zero" : Figures.plain(baseline)
        return CriterionFinding(
            met: nil,
            reason: "\(goal.quote(target.phrase)) from \(start) \(when) means \(pace) from today: say if that is not the plan.",
            question: "Is \(pace) the plan, or would a smaller number or a later date fit better?",
            evidence: goal.evidence([target.phrase, deadline.span])
        )
    }

    // MARK: - Not enough information

    private func unknown(_ goal: ParsedGoal, _ deadline: TimeExpression?) -> CriterionFinding {
        // Not the starting point the goal states ("…, starting from 2 hrs a week").
        let target = goal.measures.first { $0.kind != .effort && $0.kind != .clockTime && goal.rank($0) < 2 }?.phrase
            ?? goal.outcomes.first(where: \.isNamed)?.span
        let evidence = goal.evidence([target, deadline?.span].compactMap { $0 })
        switch (target, deadline) {
        case let (target?, nil):
            return CriterionFinding(
                met: nil,
                reason: "\(goal.quote(target)) has no baseline and no time frame to judge it against.",
                question: "Where are you today, and by when do you want to reach \(goal.quote(target))?",
                evidence: evidence
            )
        case let (target?, deadline?):
            return CriterionFinding(
                met: nil,
                reason: "\(goal.quote(target)) (\(goal.quote(deadline.span))) cannot be judged without knowing where you start.",
                question: "How far along are you today towards \(goal.quote(target))?",
                evidence: evidence
            )
        case let (nil, deadline?):
            return CriterionFinding(
                met: nil,
                reason: "\(goal.quote(deadline.span)) gives a time frame, but there is no target or baseline to judge the pace against.",
                question: "What number do you want to reach, and where are you today?",
                evidence: evidence
            )
        case (nil, nil):
            return CriterionFinding(
                met: nil,
                reason: "There is no target, baseline or time frame in \(goal.quotedGoal) to judge achievability.",
                question: "Where are you today, what exactly do you want to reach, and by when?",
                evidence: evidence
            )
        }
    }
}
