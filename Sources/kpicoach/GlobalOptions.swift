public import ArgumentParser
public import CoachApp
public import CoachCore
import Foundation

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $XDG_DATA_HOME/kpicoach/kpicoach.sqlite; or KPICOACH_DB).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The folder of interview scripts (default: the shipped Prompts/; or KPICOACH_PROMPTS).", valueName: "dir"))
    var prompts: String?

    @Option(name: .long, help: ArgumentHelp("The folder of rule files (default: Rules/ beside Prompts/; or KPICOACH_RULES).", valueName: "dir"))
    var rules: String?

    @Flag(name: .long, help: "Plain output without colour (also NO_COLOR).")
    var noColor = false

    @Option(name: .long, help: ArgumentHelp("Treat this day as today, YYYY-MM-DD (or KPICOACH_TODAY).", valueName: "date"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp("Read numeric dates such as 03/04/2027 day-first (dmy) or month-first (mdy) instead of asking (or KPICOACH_DATE_ORDER).", valueName: "dmy|mdy"))
    var dateOrder: DateOrder?
}

/// A command that runs on this run's environment; a `CoachFailure` becomes its sentence on
/// stderr and exit status 1.
protocol CoachCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func run(_ app: AppEnvironment) throws(CoachFailure)
}

extension CoachCommand {
    func run() throws {
        do { try run(AppEnvironment(options: global)) } catch {
            FileHandle.standardError.write(Data(("kpicoach: " + error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

extension DateOrder: ExpressibleByArgument {}

extension ConversationID: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int64(argument) else { return nil }
        self.init(value)
    }
}

extension KPIID: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int64(argument) else { return nil }
        self.init(value)
    }
}

extension PlanReport.Format: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument == "markdown" ? "md" : argument)
    }
}
