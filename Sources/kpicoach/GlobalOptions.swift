public import ArgumentParser
import CoachApp
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

extension DateOrder: ExpressibleByArgument {}

extension CoachFailure {
    /// Prints the message to stderr and exits non-zero.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data(("kpicoach: " + description + "\n").utf8))
        return ExitCode(1)
    }
}

/// Runs a command body, turning a `CoachFailure` into a message and exit status 1.
func reporting(_ body: () throws(CoachFailure) -> Void) throws {
    do { try body() } catch { throw error.exit() }
}

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
