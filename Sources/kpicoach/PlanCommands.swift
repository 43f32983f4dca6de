import ArgumentParser
import CoachApp
import CoachCore
import Foundation

/// `kpicoach kpi …`: the client's plan without an interview, for coaches who know what they want.
struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kpi", abstract: "Work with a client's KPIs.",
                                                    subcommands: [KPIListCommand.self, KPIAddCommand.self, KPIAdjustCommand.self])
}

struct KPIListCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A client's KPIs with baseline, target, progress and pace.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Flag(help: "Print JSON: {client, kpis: [...]} with the same KPI objects as `report --format json`.") var json = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let desk = try app.planDesk()
        if json { return print(try desk.json(of: client).text()) }
        try desk.listing(of: client).forEach { print($0) }
    }
}

struct KPIAddCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a KPI to a client's plan.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "What the KPI is called.") var name: String
    @Option(help: "count, money, percent, hours, score or yes/no.") var unit: String
    @Option(help: "increase, decrease, 'stay above' or 'stay below'.") var direction: String
    @Option(help: "Where the client starts (12, 12.5, about 12, 3.5 out of 5).") var baseline: String
    @Option(name: .customLong("baseline-date"), help: "When the baseline was measured (2026-11-01, last Monday, …).") var baselineDate: String
    @Option(name: .customLong("baseline-source"), help: "Where the baseline comes from.") var baselineSource = "entered by the coach"
    @Option(help: "Where the client wants to be.") var target: String
    @Option(help: "By when (2027-06-30, 30 June 2027, end of next month, Q3 2027, …).") var due: String
    @Option(help: "weekly, monthly or quarterly.") var cadence = "monthly"
    @Option(help: "Its share in the goal's roll-up (> 0).") var weight = 1.0
    @Option(name: .customLong("catalog"), help: "The catalogue metric id it follows.") var catalogue: String?

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        guard let unit = Metric.Unit(rawValue: unit) else { throw .badOption("--unit", Metric.Unit.allCases.map(\.rawValue)) }
        guard let direction = Metric.Direction(rawValue: direction) else { throw .badOption("--direction", Metric.Direction.allCases.map(\.rawValue)) }
        guard let cadence = Metric.Cadence(rawValue: cadence) else { throw .badOption("--cadence", Metric.Cadence.allCases.map(\.rawValue)) }
        let kpi = PlannedKPI(name: name, catalogueID: catalogue, unit: unit, direction: direction,
                             baselineValue: try app.setup.number(baseline, option: "--baseline"),
                             baselineDate: try app.setup.date(baselineDate, option: "--baseline-date"), baselineSource: baselineSource,
                             targetValue: try app.setup.number(target, option: "--target"), dueDate: try app.setup.date(due, option: "--due"), cadence: cadence, weight: weight)
        print(try app.planDesk(create: true).add(kpi, client: client))
    }
}

struct KPIAdjustCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "adjust", abstract: "Change a KPI's target or due date; the change and its reason are kept.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "The KPI id (kpi list shows it).") var kpi: KPIID
    @Option(help: "The new target (12, about 12, …).") var target: String?
    @Option(help: "The new due date (2027-06-30, 30 June 2027, end of next month, …).") var due: String?
    @Flag(help: "Retire the KPI: its history stays, it leaves check-ins and the roll-up.") var retire = false
    @Option(help: "Why it changes, in a sentence.") var why: String

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let change: KPIChange
        if retire {
            guard target == nil, due == nil else { throw .badOption("--retire", ["alone, without --target or --due"]) }
            change = .retire
        } else {
            change = .move(target: try target.map { (text: String) throws(CoachFailure) in try app.setup.number(text, option: "--target") },
                           due: try due.map { (text: String) throws(CoachFailure) in try app.setup.date(text, option: "--due") })
        }
        print(try app.planDesk().adjust(kpi, client: client, change, why: why))
    }
}

/// `kpicoach checkin --client NAME --kpi ID --value V`: one measurement, without an interview.
struct CheckinCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "checkin",
                                                    abstract: "Check in: the interview over every KPI due, or one measurement with --kpi and --value.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "The KPI id (kpi list shows it); without it, the check-in interview runs.") var kpi: KPIID?
    @Option(help: "The value measured (with --kpi): 12, 12.5, about 12, 3.5 out of 5.") var value: String?
    @Option(help: "When it was measured (2026-11-30, yesterday, last Friday; default today).") var date: String?
    @Option(help: "How confident the client is of reaching the target, 0–10.") var confidence: Int?
    @Option(help: "Wins, obstacles, what they need.") var note: String?

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        guard let kpi, let value else {
            guard kpi == nil, value == nil else { throw .badOption("--kpi and --value", ["both, or neither for the interview"]) }
            return try app.sessions(try app.openDatabase(create: false)).start(scriptID: "checkin", client: client)
        }
        let day = try date.map { (text: String) throws(CoachFailure) in try app.setup.date(text, option: "--date") }
        print(try app.planDesk().checkin(kpi, client: client, value: try app.setup.number(value, option: "--value"), on: day,
                                         confidence: confidence, note: note))
    }
}

/// `kpicoach report --client NAME [--format md|json|csv|html]`: the plan with its figures.
struct ReportCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A client's plan with progress, pace and history.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "md, json, csv or html.") var format: PlanReport.Format = .md
    @Flag(name: .customLong("include-notes"), help: "Include the coach's private notes.") var includeNotes = false
    @Option(name: .shortAndLong, help: "Write to this file (created 0600) instead of standard output.") var output: String?

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let report = try PlanReport.gather(client: client, from: try app.openDatabase(create: false), today: try app.setup.today(), includeNotes: includeNotes)
        let text = report.rendered(as: format)
        guard let output else { return print(text, terminator: "") }
        umask(0o077)
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .cannotWrite(output)
        }
    }
}
