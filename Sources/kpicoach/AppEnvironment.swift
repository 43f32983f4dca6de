import CoachApp
import CoachCore
import CoachPostgres
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

    /// The store: a practice's PostgreSQL database when `--db` is a URL, else the SQLite file;
    /// `create: false` for commands that only read, so a wrong path says so.
    func openDatabase(create: Bool = true) throws(CoachFailure) -> any CoachStorage {
        if PostgresLocation.isURL(setup.databaseLocation) {
            let (location, password) = try practiceLogin()
            do { return try PracticeDatabase.open(location, password: password) } catch .loginRefused(_, _) where password == nil && interactive {
                do { return try PracticeDatabase.open(location, password: askPassword(location)) } catch { throw .store(error) }
            } catch { throw .store(error) }
        }
        do { return try AppDatabase.open(path: setup.databaseLocation, create: create) } catch { throw .store(error) }
    }

    /// The practice's URL and the password to log in with (URL, PGPASSWORD or ~/.pgpass); a
    /// password in the URL works but is warned about, since shells and process lists keep it.
    func practiceLogin() throws(CoachFailure) -> (PostgresLocation, String?) {
        let location: PostgresLocation
        do { location = try PostgresLocation(url: setup.databaseLocation) } catch { throw .badDatabaseURL(error.description) }
        if location.passwordInURL != nil {
            warn("a password written in the database URL can be read from your shell history and the process list; use PGPASSWORD or ~/.pgpass instead.")
        }
        return (location, location.password(warn: warn))
    }

    /// Asks for the password without echoing it (the terminal's own no-echo prompt).
    func askPassword(_ location: PostgresLocation) -> String? {
        guard let typed = getpass("Password for \(location.user) at \(location.display): ") else { return nil }
        return String(cString: typed)
    }

    func warn(_ text: String) {
        FileHandle.standardError.write(Data(("kpicoach: warning: " + text + "\n").utf8))
    }

    /// The plan use cases on the existing store.
    func planDesk(create: Bool = false) throws(CoachFailure) -> PlanDesk {
        PlanDesk(storage: try openDatabase(create: create), today: try setup.today(), catalogue: { [setup] () throws(CoachFailure) in try setup.catalogue() })
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
