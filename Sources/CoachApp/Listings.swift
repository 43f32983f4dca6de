public import CoachCore
import Foundation

extension ClientLine {
    /// The dashboard's line: (on a lead's view, the coach,) name, pace, KPIs, progress, last and next check-in, open conversation, goal.
    public var row: String {
        let fields = [TerminalText.sanitize(name), worst?.words ?? "no KPIs", "\(kpis) KPI\(kpis == 1 ? "" : "s")", rollup.map(NumberFormat.percent) ?? "—",
                      "last \(lastCheckin?.iso ?? "—")", "next \(nextDue?.iso ?? "—")",
                      openConversation.map { "open: resume \($0)" } ?? "", TerminalText.sanitize(goal ?? "")]
        return ((coach.map { [TerminalText.sanitize($0)] } ?? []) + fields).joined(separator: "\t")
    }
}

extension ConversationSummary {
    /// The line of `kpicoach sessions`: id, client, interview, where it stands (the question's
    /// label, as /summary names it, not the script's step id), last touched.
    public func row(label: (_ script: String, _ step: String) -> String?) -> String {
        let who = TerminalText.sanitize(client ?? "(no name yet)")
        let question = step.map { label(scriptID, $0) ?? $0 } ?? "?"
        let at = isAbandoned ? "nothing answered" : status == .active ? "at “\(TerminalText.sanitize(question))”" : "finished"
        return "\(id)\t\(who)\t\(scriptID)\t\(at)\t\(updatedAt.minute)"
    }
}

/// Ranked KPI suggestions for a role and a goal without an interview, with the reasons and the
/// job family the title was placed in.
public struct SuggestionReport {
    let role: String
    let suggestions: [Suggester.Suggestion]
    let placement: RoleReading?
    let chosenFamily: String?
    /// Families whose titles share words with an unplaced title or the industry, to name in the note.
    let related: [String]

    public init(role: String, goal: String, type: String?, targetRole: String?, industry: String?, family: String?,
                catalogue: Catalogue, today: LocalDate, limit: Int) throws(CoachFailure) {
        var answers: [String: AnswerValue] = ["profile.role": .text(role), "goal.final": .text(goal)]
        answers["goal.type"] = type.map(AnswerValue.choice)
        answers["goal.target_role"] = targetRole.map(AnswerValue.text)
        answers["profile.industry"] = industry.map(AnswerValue.text)
        if let family {
            guard let known = catalogue.roles.family(named: family) else { throw .badOption("--family", catalogue.roles.families.map(\.name)) }
            answers[Suggester.chosenFamily] = .choice(known.name)
        }
        let suggester = Suggester(catalogue: catalogue, today: today)
        self.role = role
        suggestions = suggester.suggest(answers, limit: limit)
        placement = suggester.placement(answers)
        chosenFamily = answers[Suggester.chosenFamily]?.display
        related = placement != nil ? [] : catalogue.roles.related(to: [role, industry].compactMap { $0 }.joined(separator: " ")).prefix(3).map(\.name)
    }

    /// The honest sentence for a title no family claims.
    var note: String? {
        guard placement == nil else { return nil }
        let title = "“" + TerminalText.sanitize(role) + "”"
        if let chosenFamily { return "I couldn't place \(title) in a job family, so these use the kind of work you named: \(chosenFamily)." }
        let near = related.map { "\"\($0)\"" }
        let example = near.isEmpty ? "e.g. --family \"software engineering\"" : "perhaps " + near.joined(separator: ", ")
        return "I couldn't place \(title) in a job family (Rules/roles.yaml), so these come from the goal alone; "
            + "name the closest kind of work with --family, \(example) (an unknown --family lists them all)."
    }

    public var lines: [String] {
        var lines = note.map { [$0] } ?? []
        for (i, s) in suggestions.enumerated() {
            lines.append("\(i + 1). \(s.metric.name) (\(s.metric.family); \(s.metric.unit.rawValue), \(s.metric.direction.rawValue)) — score \(s.score)")
            lines += s.reasons.map { "     · " + TerminalText.sanitize($0) }
        }
        return lines
    }

    public var json: JSONValue {
        var output: [String: JSONValue] = ["suggestions": .array(suggestions.map { s in
            ["id": .string(s.metric.id), "name": .string(s.metric.name), "family": .string(s.metric.family), "unit": .string(s.metric.unit.rawValue),
             "direction": .string(s.metric.direction.rawValue), "score": JSONValue(s.score), "reasons": JSONValue(s.reasons)]
        })]
        if let placement {
            output["role"] = ["title": .string(placement.title), "job_family": .string(placement.family.name), "seniority": .string(placement.seniority.name)]
        }
        if let note { output["note"] = .string(note) }
        return .object(output)
    }
}

extension SmartCritique {
    /// The critique as `kpicoach smart` prints it: the goal, the verdict, each letter.
    public func report(of goal: String) -> String {
        let verdict = isSmart ? "SMART — every letter is met."
            : hasNoFailures ? "Not SMART yet: nothing fails, but " + open.map(\.title).joined(separator: " and ") + " cannot be judged until the questions below are answered."
            : "Not SMART yet."
        return TerminalText.sanitize("“\(goal)”\n\(verdict)\n\(text(questions: true))", keepNewlines: true)
    }

    /// The critique as JSON: {goal, smart, criteria}.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
