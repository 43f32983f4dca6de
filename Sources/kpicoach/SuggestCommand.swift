import ArgumentParser
import CoachApp
import CoachCore
import Foundation

/// `kpicoach suggest`: ranked KPI suggestions with the reasons, without an interview.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Suggest KPIs for a role and a goal, with the reasons.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's current role.")
    var role: String

    @Option(help: "The goal, in the client's words or as a SMART goal.")
    var goal: String

    @Option(help: "The kind of goal: promotion, new skill, higher salary, more satisfaction, better balance, bigger network, career change.")
    var type: String?

    @Option(name: .customLong("target-role"), help: "The role the client aims for.")
    var targetRole: String?

    @Option(help: "The client's industry.")
    var industry: String?

    @Option(help: "The closest kind of work, for a title Rules/roles.yaml does not know (e.g. \"software engineering\").")
    var family: String?

    @Option(help: "How many suggestions (1–50).")
    var limit = 5

    @Flag(help: "Print JSON: {suggestions: [{id, name, family, unit, direction, score, reasons}]}.")
    var json = false

    func validate() throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be from 1 to 50.") }
    }

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            var answers: [String: AnswerValue] = ["profile.role": .text(role), "goal.final": .text(goal)]
            answers["goal.type"] = type.map(AnswerValue.choice)
            answers["goal.target_role"] = targetRole.map(AnswerValue.text)
            answers["profile.industry"] = industry.map(AnswerValue.text)
            let catalogue = try app.catalogue()
            if let family {
                guard let known = catalogue.roles.family(named: family) else {
                    throw .badOption("--family", catalogue.roles.families.map(\.name))
                }
                answers[Suggester.chosenFamily] = .choice(known.name)
            }
            let suggester = Suggester(catalogue: catalogue, today: try app.today())
            let suggestions = suggester.suggest(answers, limit: limit)
            let placement = suggester.placement(answers)
            let note = placement == nil ? unplaced(chosen: answers[Suggester.chosenFamily]?.display) : nil
            if json {
                var output: [String: JSONValue] = ["suggestions": .array(suggestions.map { s in
                    ["id": .string(s.metric.id), "name": .string(s.metric.name), "family": .string(s.metric.family), "unit": .string(s.metric.unit.rawValue),
                     "direction": .string(s.metric.direction.rawValue), "score": JSONValue(s.score), "reasons": JSONValue(s.reasons)]
                })]
                if let placement {
                    output["role"] = ["title": .string(placement.title), "job_family": .string(placement.family.name), "seniority": .string(placement.seniority.name)]
                }
                if let note { output["note"] = .string(note) }
                print(JSONValue.object(output).text())
                return
            }
            if let note { print(note) }
            for (i, s) in suggestions.enumerated() {
                print("\(i + 1). \(s.metric.name) (\(s.metric.family); \(s.metric.unit.rawValue), \(s.metric.direction.rawValue)) — score \(s.score)")
                for reason in s.reasons { print("     · " + TerminalText.sanitize(reason)) }
            }
        }
    }

    /// The honest sentence for a title no family claims.
    private func unplaced(chosen: String?) -> String {
        let title = "“" + TerminalText.sanitize(role) + "”"
        if let chosen { return "I couldn't place \(title) in a job family, so these use the kind of work you named: \(chosen)." }
        return "I couldn't place \(title) in a job family (Rules/roles.yaml), so these come from the goal alone; "
            + "name the closest kind of work with --family, e.g. --family \"software engineering\"."
    }
}
