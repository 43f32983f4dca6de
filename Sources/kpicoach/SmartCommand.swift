import ArgumentParser
import CoachCore
import CoachApp
import Foundation

/// `kpicoach smart "goal"`: the SMART critique without an interview, for coaches and scripts.
struct SmartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "smart", abstract: "Critique a goal against SMART, offline and explained.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The goal, in quotes.")
    var goal: String

    @Option(help: "The client's current role (for Relevant).")
    var role: String?

    @Option(name: .customLong("target-role"), help: "The role the client aims for (for Relevant).")
    var targetRole: String?

    @Option(help: "An objective the goal should serve (for Relevant).")
    var objective: String?

    @Option(help: "The current level on the goal's measure (for Achievable).")
    var baseline: Double?

    @Flag(help: "Print JSON: {goal, smart, criteria: {specific, measurable, achievable, relevant, time_bound}}.")
    var json = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let context = SmartContext(role: role, targetRole: targetRole, objective: objective, baseline: baseline, today: try app.today())
            let critique = SmartAnalyzer().analyze(goal, context: context)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: (try? encoder.encode(critique)) ?? Data(), as: UTF8.self))
                return
            }
            let verdict = critique.isSmart ? "SMART — every letter is met."
                : critique.hasNoFailures ? "Not SMART yet: nothing fails, but " + critique.open.map(\.title).joined(separator: " and ") + " cannot be judged until the questions below are answered."
                : "Not SMART yet."
            print(TerminalText.sanitize("“\(goal)”\n\(verdict)\n\(critique.text(questions: true))", keepNewlines: true))
        }
    }
}
