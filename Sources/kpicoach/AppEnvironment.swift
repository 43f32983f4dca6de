import CoachApp
import CoachCore
import CoachStore
import CoachTerminal
import Foundation

/// This run's wiring: the setup from options and environment, the terminal, the database.
struct AppEnvironment {
    let options: GlobalOptions
    let setup: Setup
    private let consoleBox = ConsoleBox()

    private final class ConsoleBox {
        var console: (any Console)?
    }

    init(options: GlobalOptions) {
        self.options = options
        setup = Setup(Setup.Options(database: options.db, prompts: options.prompts, rules: options.rules, today: options.today, dateOrder: options.dateOrder),
                      environment: ProcessInfo.processInfo.environment, executable: CommandLine.arguments[0])
    }

    var interactive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    var style: ChatStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let width = tty && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return ChatStyle(color: !options.noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && tty, width: width)
    }

    /// The store; `create: false` for commands that only read, so a wrong path says so.
    func openDatabase(create: Bool = true) throws(CoachFailure) -> any CoachStorage {
        do { return try AppDatabase.open(path: setup.databaseLocation, create: create) } catch { throw .store(error) }
    }

    /// The plan use cases on the existing store.
    func planDesk(create: Bool = false) throws(CoachFailure) -> PlanDesk {
        PlanDesk(storage: try openDatabase(create: create), today: try setup.today())
    }

    /// Asks until the answer is yes or no; nil when the input ended, which means leaving.
    func askYesNo(_ question: String) -> Bool? {
        YesNoQuestion(console: makeConsole(), style: style).ask(question)
    }

    /// The conversation use cases on this run's store, console and day.
    func sessions(_ storage: any CoachStorage) throws(CoachFailure) -> Sessions {
        Sessions(storage: storage, interviews: setup, console: makeConsole(), style: style, today: try setup.today())
    }

    /// One console per run: readline's history and signal handling are set up once, however
    /// many conversations follow each other (resume offer, onboarding, then the SMART goal).
    func makeConsole() -> any Console {
        if let console = consoleBox.console { return console }
        let console: any Console = interactive ? ReadlineConsole(historyPath: setup.historyFile) : PipedConsole()
        consoleBox.console = console
        return console
    }
}
