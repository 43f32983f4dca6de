import CoachCore
import CoachLoader
import CoachApp
import CoachStore
import CoachTerminal
import Foundation

/// Where things live and how to talk to the person at the keyboard, resolved once per run
/// from options and the environment.
struct AppEnvironment: InterviewSource {
    let options: GlobalOptions
    let env = ProcessInfo.processInfo.environment
    private let consoleBox = ConsoleBox()

    private final class ConsoleBox {
        var console: (any Console)?
    }

    var interactive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    var style: ChatStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        let width = tty && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return ChatStyle(color: !options.noColor && env["NO_COLOR"] == nil && tty, width: width)
    }

    func databasePath() -> String {
        if let path = options.db ?? env["KPICOACH_DB"], !path.isEmpty { return path }
        return dataHome(xdg: "XDG_DATA_HOME", fallback: ".local/share") + "/kpicoach.sqlite"
    }

    private func dataHome(xdg: String, fallback: String) -> String {
        let base = env[xdg].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (NSHomeDirectory() + "/" + fallback)
        return base + "/kpicoach"
    }

    func today() throws(CoachFailure) -> LocalDate {
        if let text = options.today ?? env["KPICOACH_TODAY"] {
            guard let date = LocalDate(iso: text) else { throw .badToday(text) }
            return date
        }
        let local = Self.localTime()
        return LocalDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))!
    }

    /// The C library's local time: Foundation's calendar costs a fifth of the time to the first question.
    private static func localTime() -> tm {
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        return local
    }

    /// The wall clock in minutes since midnight, unless `--today` fixes the day (then times of day stay on it).
    var minutesNow: Int? {
        guard options.today == nil, env["KPICOACH_TODAY"] == nil else { return nil }
        let local = Self.localTime()
        return Int(local.tm_hour) * 60 + Int(local.tm_min)
    }

    /// How numeric dates are read: `--date-order` or KPICOACH_DATE_ORDER; nil asks.
    func dateOrder() throws(CoachFailure) -> DateOrder? {
        if let order = options.dateOrder { return order }
        guard let text = env["KPICOACH_DATE_ORDER"], !text.isEmpty else { return nil }
        guard let order = DateOrder(rawValue: text.lowercased()) else { throw .badOption("KPICOACH_DATE_ORDER", DateOrder.allCases.map(\.rawValue)) }
        return order
    }

    /// A date given on the command line: ISO, or the forms the interviews accept ("today").
    func date(_ text: String, option: String) throws(CoachFailure) -> LocalDate {
        switch DateGrammar(today: try today(), order: try dateOrder(), minutesNow: minutesNow).read(text) {
        case .success(let date): return date
        case .failure(let problem): throw .badDate(option: option, text: text, why: problem.message)
        }
    }

    func openDatabase(create: Bool = true) throws(CoachFailure) -> AppDatabase {
        do { return try AppDatabase.open(path: databasePath(), create: create) } catch { throw .store(error) }
    }

    func library() throws(CoachFailure) -> PromptLibrary {
        switch PromptLibrary.locate(explicit: options.prompts, environment: env, executable: CommandLine.arguments[0]) {
        case .success(let library): return library
        case .failure(let problem): throw .prompts(problem)
        }
    }

    func script(_ id: String) throws(CoachFailure) -> Script {
        switch try library().load(id) {
        case .success(let script): return script
        case .failure(let problem): throw .prompts(problem)
        }
    }

    func rulesDirectory() throws(CoachFailure) -> String {
        if let dir = options.rules ?? env["KPICOACH_RULES"] { return dir }
        return (try library().directory as NSString).deletingLastPathComponent + "/Rules"
    }

    /// The KPI catalogue and suggestion rules from the rules folder.
    func catalogue() throws(CoachFailure) -> Catalogue {
        switch CatalogueLoader.load(rulesDirectory: try rulesDirectory(), today: try today()) {
        case .success(let catalogue): return catalogue
        case .failure(let failure): throw .prompts(.invalid(failure))
        }
    }

    /// What an interview reads besides the answers: the goal library for `/examples`, the KPI
    /// catalogue when it offers suggestions, and only the job titles when it places a title.
    func context(for script: Script) throws(CoachFailure) -> ConversationContext {
        try context(for: script, today: nil)
    }

    func context(for script: Script, today: LocalDate?) throws(CoachFailure) -> ConversationContext {
        let sources = Set(script.steps.compactMap(\.choicesFrom))
        var catalogue: Catalogue?
        if sources.contains(.suggestions) {
            catalogue = try self.catalogue()
        } else if sources.contains(.jobFamilies) {
            switch CatalogueLoader.loadRoles(rulesDirectory: try rulesDirectory()) {
            case .success(let roles): catalogue = roles
            case .failure(let failure): throw .prompts(.invalid(failure))
            }
        }
        let day = if let today { today } else { try self.today() }
        return ConversationContext(today: day, dateOrder: try dateOrder(), minutesNow: minutesNow,
                                   catalogue: catalogue, library: try goalLibrary())
    }

    /// The `.yaml`/`.yml` files named, with each folder standing for the files directly in it, by name.
    static func yamlFiles(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
        }
    }

    /// The goal library from `--rules`, `KPICOACH_RULES` or `Rules/` beside the prompts.
    func goalLibrary() throws(CoachFailure) -> GoalLibrary {
        switch GoalLibraryLoader.load(rulesDirectory: try rulesDirectory()) {
        case .success(let library): return library
        case .failure(let failure): throw .prompts(.invalid(failure))
        }
    }

    /// Asks until the answer is yes or no; the end of input counts as no.
    func askYesNo(_ question: String) -> Bool {
        YesNoQuestion(console: makeConsole(), style: style).ask(question)
    }

    /// The conversation use cases on this run's store, console and day.
    func sessions(_ storage: any CoachStorage) throws(CoachFailure) -> Sessions {
        Sessions(storage: storage, interviews: self, console: makeConsole(), style: style, today: try today())
    }

    /// One console per run: readline's history and signal handling are set up once, however
    /// many conversations follow each other (resume offer, onboarding, then the SMART goal).
    func makeConsole() -> any Console {
        if let console = consoleBox.console { return console }
        let console: any Console = interactive
            ? ReadlineConsole(historyPath: dataHome(xdg: "XDG_STATE_HOME", fallback: ".local/state") + "/history")
            : PipedConsole()
        consoleBox.console = console
        return console
    }
}
