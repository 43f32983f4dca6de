import ArgumentParser
import CoachCore
import CoachStore
import Foundation

/// `kpicoach report --client NAME --format json`: the plan with its figures, for other tools.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A client's plan with progress, pace and history.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's name.")
    var client: String

    @Option(help: "json (md, csv and html come later).")
    var format = "json"

    @Option(name: .shortAndLong, help: "Write to this file (created 0600) instead of standard output.")
    var output: String?

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            guard format == "json" else { throw .badOption("--format", ["json"]) }
            let database = try app.openDatabase(create: false)
            guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }) else { throw .noClient(client) }
            let known = AnswerJSON.variables(from: try store { () throws(StoreError) in try database.knownAnswers(client: client) })
            let today = try app.today()
            var goal: [String: Any] = [:]
            for (key, name) in [("text", "goal.final"), ("type", "goal.type"), ("target_role", "goal.target_role"), ("deadline", "goal.deadline")] {
                if let value = known[name] { goal[key] = AnswerJSON.object(of: value) }
            }
            let rollup = Rollup.weighted(kpis.filter { !$0.retired }.map { (progress: $0.figures.evaluate(today: today, cadence: $0.kpi.cadence).progress, weight: $0.kpi.weight) })
            let review = ROIReview.fromAnswers { known[$0].map(ExpressionValue.init) ?? .null }
            let roi: Any = review.map { r -> [String: Any] in
                ["cost": r.cost, "adjusted_benefits": r.adjustedBenefits, "roi_percent": r.roiPercent ?? NSNull(),
                 "benefit_cost_ratio": r.benefitCostRatio ?? NSNull(),
                 "benefits": r.benefits.map { ["name": $0.name, "annual_value": $0.annualValue, "attribution_percent": $0.attributionPercent,
                                               "confidence_percent": $0.confidencePercent, "adjusted_value": $0.adjustedValue] }]
            } ?? NSNull()
            let report: [String: Any] = ["client": ["name": client], "goal": goal, "today": today.iso,
                                         "kpis": kpis.map { JSONOutput.kpi($0, today: today) },
                                         "rollup": rollup ?? NSNull(), "roi": roi]
            let text = JSONOutput.text(report) + "\n"
            guard let output else { print(text, terminator: ""); return }
            umask(0o077)
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw .cannotWrite(output)
            }
        }
    }
}
