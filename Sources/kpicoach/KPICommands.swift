import ArgumentParser
import CoachApp
import CoachCore
import CoachStore
import Foundation

/// `kpicoach kpi …`: the client's plan without an interview, for coaches who know what they want.
struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kpi", abstract: "Work with a client's KPIs.",
                                                    subcommands: [KPIListCommand.self, KPIAddCommand.self, KPIAdjustCommand.self])
}

struct KPIListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A client's KPIs with baseline, target, progress and pace.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's name.")
    var client: String

    @Flag(help: "Print JSON: {client, kpis: [...]} with the same KPI objects as `report --format json`.")
    var json = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }) else { throw .noClient(client) }
            let today = try app.today()
            if json {
                print(JSONValue.object(["client": .string(client), "kpis": .array(kpis.map { JSONOutput.kpi($0, today: today) })]).text())
                return
            }
            guard !kpis.isEmpty else { print("No KPIs yet. Choose some with: kpicoach start --script kpi-selection --client \(TerminalText.sanitize(client))"); return }
            for s in kpis {
                let k = s.kpi
                let figures = s.figures.evaluate(today: today, cadence: k.cadence)
                print("\(s.id)\t" + TerminalText.sanitize(k.name)
                      + "\t\(NumberFormat.plain(k.baselineValue)) → \(NumberFormat.plain(figures.current)) → \(NumberFormat.plain(k.targetValue)) \(k.unit.rawValue)"
                      + "\t\(Int((figures.progress * 100).rounded()))%\t\(figures.status.words)"
                      + "\tby \(k.dueDate.iso)\t\(k.cadence.rawValue)\tweight \(NumberFormat.plain(k.weight))" + (s.retired ? "\tretired" : ""))
            }
        }
    }
}

struct KPIAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a KPI to a client's plan.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "What the KPI is called.") var name: String
    @Option(help: "count, money, percent, hours, score or yes/no.") var unit: String
    @Option(help: "increase, decrease, 'stay above' or 'stay below'.") var direction: String
    @Option(help: "Where the client starts.") var baseline: Double
    @Option(name: .customLong("baseline-date"), help: "When the baseline was measured (2026-11-01, last Monday, …).") var baselineDate: String
    @Option(name: .customLong("baseline-source"), help: "Where the baseline comes from.") var baselineSource = "entered by the coach"
    @Option(help: "Where the client wants to be.") var target: Double
    @Option(help: "By when (2027-06-30, 30 June 2027, end of next month, Q3 2027, …).") var due: String
    @Option(help: "weekly, monthly or quarterly.") var cadence = "monthly"
    @Option(help: "Its share in the goal's roll-up (> 0).") var weight = 1.0
    @Option(name: .customLong("catalog"), help: "The catalogue metric id it follows.") var catalogue: String?

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            guard let unit = Metric.Unit(rawValue: unit) else { throw .badOption("--unit", Metric.Unit.allCases.map(\.rawValue)) }
            guard let direction = Metric.Direction(rawValue: direction) else { throw .badOption("--direction", Metric.Direction.allCases.map(\.rawValue)) }
            guard let cadence = Metric.Cadence(rawValue: cadence) else { throw .badOption("--cadence", Metric.Cadence.allCases.map(\.rawValue)) }
            guard weight > 0, weight.isFinite, baseline.isFinite, target.isFinite else { throw .badNumber }
            let dueDate = try app.date(due, option: "--due")
            let kpi = PlannedKPI(name: name, catalogueID: catalogue, unit: unit, direction: direction, baselineValue: baseline,
                                 baselineDate: try app.date(baselineDate, option: "--baseline-date"), baselineSource: baselineSource,
                                 targetValue: target, dueDate: dueDate, cadence: cadence, weight: weight)
            let database = try app.openDatabase()
            try store { () throws(StoreError) in try database.addKPIs([kpi], client: client, conversation: nil) }
            print("Added “\(TerminalText.sanitize(name))” to \(TerminalText.sanitize(client))'s plan, due \(dueDate.spelledOut).")
        }
    }
}

struct KPIAdjustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "adjust", abstract: "Change a KPI's target or due date; the change and its reason are kept.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "The KPI id (kpi list shows it).") var kpi: KPIID
    @Option(help: "The new target.") var target: Double?
    @Option(help: "The new due date (2027-06-30, 30 June 2027, end of next month, …).") var due: String?
    @Flag(help: "Retire the KPI: its history stays, it leaves check-ins and the roll-up.") var retire = false
    @Option(help: "Why it changes, in a sentence.") var why: String

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            guard target != nil || due != nil || retire else { throw .nothingToAdjust }
            guard !why.trimmingCharacters(in: .whitespaces).isEmpty else { throw .nothingToAdjust }
            let dueDate = try due.map { (text: String) throws(CoachFailure) in try app.date(text, option: "--due") }
            let database = try app.openDatabase(create: false)
            try store { () throws(StoreError) in try database.adjust(kpi: kpi, client: client, target: target, due: dueDate, retire: retire, why: why) }
            print("Adjusted KPI \(kpi)" + (dueDate.map { ", now due \($0.spelledOut)" } ?? "") + "; the change is kept in its history.")
        }
    }
}

/// `kpicoach checkin --client NAME --kpi ID --value V`: one measurement, without an interview.
struct CheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkin",
                                                    abstract: "Check in: the interview over every KPI due, or one measurement with --kpi and --value.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name.") var client: String
    @Option(help: "The KPI id (kpi list shows it); without it, the check-in interview runs.") var kpi: KPIID?
    @Option(help: "The value measured (with --kpi).") var value: Double?
    @Option(help: "When it was measured (2026-11-30, yesterday, last Friday; default today).") var date: String?
    @Option(help: "How confident the client is of reaching the target, 0–10.") var confidence: Int?
    @Option(help: "Wins, obstacles, what they need.") var note: String?

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            guard let kpi, let value else {
                guard kpi == nil, value == nil else { throw .badOption("--kpi and --value", ["both, or neither for the interview"]) }
                let database = try app.openDatabase(create: false)
                return try app.sessions(database).start(scriptID: "checkin", client: client)
            }
            guard value.isFinite, abs(value) <= AnswerParser.maxMagnitude else { throw .badNumber }
            if let confidence, !(0...10).contains(confidence) { throw .badOption("--confidence", ["0 to 10"]) }
            let day = if let date { try app.date(date, option: "--date") } else { try app.today() }
            guard day <= (try app.today()) else { throw .futureCheckin(day.spelledOut) }
            let database = try app.openDatabase(create: false)
            try store { () throws(StoreError) in
                try database.addCheckin(kpi: kpi, client: client, date: day, value: value, confidence: confidence, note: note)
            }
            guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }),
                  let saved = kpis.first(where: { $0.id == kpi }) else { return }
            let figures = saved.figures.evaluate(today: try app.today(), cadence: saved.kpi.cadence)
            print("Saved \(NumberFormat.plain(value)) for “\(TerminalText.sanitize(saved.kpi.name))” on \(day.spelledOut): "
                  + "\(Int((figures.progress * 100).rounded()))% of the way, \(figures.status.words).")
        }
    }
}
