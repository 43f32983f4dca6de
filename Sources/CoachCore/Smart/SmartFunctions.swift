import Synchronization

/// The SMART analyzer as functions of the expression language, so interview scripts can ask
/// only the follow-up questions a goal needs: `when: "met(goal.statement, 'measurable') == false"`,
/// `ask: "{followup(goal.statement, 'measurable')}"`, `say: "{critique(goal.draft)}"`.
enum SmartFunctions {
    /// Names the analyzer reads for relevance and achievability, as saved by onboarding and by
    /// the smart-goal interview's starting-point question (`fix.baseline`).
    static func context(_ lookup: (String) -> ExpressionValue, today: LocalDate, smart: SmartVocabulary) -> SmartContext {
        func text(_ name: String) -> String? {
            let shown = lookup(name).display
            return shown.isEmpty ? nil : shown
        }
        let startingPoint = text("fix.baseline")
        let baseline = startingPoint.flatMap(GoalComposer(today: today, vocabulary: smart).startingFigure)
        // A starting point that is a title ("shift lead on nights, 2 yrs") says the current role when onboarding did not.
        let startingTitle = startingPoint.map { GoalComposer.kept($0, cutAtComma: true) }.flatMap { kept -> String? in
            let words = GoalText(kept)
            return smart.rank(in: words, span: 0..<words.count) == nil ? nil : kept
        }
        return SmartContext(role: text("profile.role") ?? startingTitle, targetRole: text("goal.target_role"),
                            objective: text("discovery.org_goals") ?? text("goal.focus"), baseline: baseline, today: today)
    }

    /// Conditions re-read the same goal on every turn (`met(goal.statement, …)` on each step of
    /// the path), so critiques are remembered; the analyzer is pure, the memo only saves time.
    private static let memo = Mutex<[MemoKey: SmartCritique]>([:])
    private struct MemoKey: Hashable { let goal: String; let context: SmartContext; let vocabulary: SmartVocabulary }

    static func analyzed(_ goal: String, context: SmartContext, smart: SmartVocabulary) -> SmartCritique {
        let key = MemoKey(goal: goal, context: context, vocabulary: smart)
        if let known = memo.withLock({ $0[key] }) { return known }
        let critique = SmartAnalyzer(vocabulary: smart).analyze(goal, context: context)
        memo.withLock { cache in
            if cache.count >= 512 { cache.removeAll(keepingCapacity: true) }
            cache[key] = critique
        }
        return critique
    }

    /// Returns nil for functions that are not SMART ones (`Expression.Function.smartFunctions`).
    static func call(_ f: Expression.Function, _ args: [ExpressionValue], lookup: (String) -> ExpressionValue, today: LocalDate,
                     smart: SmartVocabulary) -> ExpressionValue? {
        switch f {
        case .smart, .met, .critique, .followup, .deadline: break
        case .rewrite: return .string(rewrite(args, today: today, smart: smart))
        default: return nil
        }
        guard case .string(let goal)? = args.first, !goal.isEmpty else { return .null }
        if f == .deadline { return SmartAnalyzer(vocabulary: smart).deadline(in: goal, today: today).map(ExpressionValue.date) ?? .null }
        let critique = analyzed(goal, context: context(lookup, today: today, smart: smart), smart: smart)
        let criterion: SmartCriterion? = if case .string(let name)? = args.dropFirst().first {
            SmartCriterion(rawValue: name.lowercased().replacingAll("-", with: "_"))
        } else { nil }
        switch f {
        case .smart: return .bool(critique.isSmart)
        case .critique: return .string(critique.text())
        case .met: return criterion.map { critique[$0].met.map(ExpressionValue.bool) ?? .null } ?? .null
        default: return criterion.flatMap { critique[$0].question }.map(ExpressionValue.string) ?? .null
        }
    }

    /// `rewrite(statement, outcome, measure, deadline, baseline, why)`, each part as answered.
    private static func rewrite(_ args: [ExpressionValue], today: LocalDate, smart: SmartVocabulary) -> String {
        func text(_ position: Int) -> String? {
            guard position < args.count else { return nil }
            let shown = args[position].display
            return shown.isEmpty ? nil : shown
        }
        let deadline: LocalDate? = switch args.count > 3 ? args[3] : .null {
        case .date(let date): date
        case .string(let iso): LocalDate(iso: iso)
        default: nil
        }
        let parts = GoalComposer.Parts(statement: text(0) ?? "", outcome: text(1), measure: text(2), deadline: deadline,
                                       baseline: text(4), why: text(5))
        return GoalComposer(today: today, vocabulary: smart).compose(parts)
    }
}

extension SmartCritique {
    /// One line per criterion — ✓ met, ✗ not met, ? unknown — each followed, when asked for,
    /// by the question that would settle it.
    public func text(questions: Bool = false) -> String {
        SmartCriterion.allCases.map { criterion in
            let finding = self[criterion]
            let mark = finding.met.map { $0 ? "✓" : "✗" } ?? "?"
            let line = "\(mark) \(criterion.title): \(finding.reason)"
            guard questions, finding.met != true, let question = finding.question else { return line }
            return line + "\n    → " + question
        }.joined(separator: "\n")
    }
}

extension SmartCriterion {
    public var title: String {
        switch self {
        case .specific: return "Specific"
        case .measurable: return "Measurable"
        case .achievable: return "Achievable"
        case .relevant: return "Relevant"
        case .timeBound: return "Time-bound"
        }
    }
}
