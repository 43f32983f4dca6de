public import CoachCore
public import CoachLoader
import Foundation

/// Where the interviews, rules and data live and which day it is, from the command's options
/// and the environment: everything a command needs besides the terminal and the database.
public struct Setup: InterviewSource {
    /// What the command line said; nil where it said nothing.
    public struct Options: Sendable {
        public var database: String?
        public var prompts: String?
        public var rules: String?
        public var today: String?
        public var dateOrder: DateOrder?

        public init(database: String?, prompts: String?, rules: String?, today: String?, dateOrder: DateOrder?) {
            self.database = database
            self.prompts = prompts
            self.rules = rules
            self.today = today
            self.dateOrder = dateOrder
        }
    }

    let options: Options
    let environment: [String: String]
    let executable: String
    /// The parsed Prompts/ and Rules/ files of earlier runs, under $XDG_CACHE_HOME.
    public let parseCache: ParseCache

    public init(_ options: Options, environment: [String: String], executable: String) {
        self.options = options
        self.environment = environment
        self.executable = executable
        parseCache = ParseCache(directory: Self.home(xdg: "XDG_CACHE_HOME", fallback: ".cache", environment),
                                build: Self.build(executable))
    }

    /// Tells one build of kpicoach from another: the executable's path, size and modification time.
    private static func build(_ executable: String) -> String {
        var exe = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &exe, exe.count - 1)
        let path = length > 0 ? String(decoding: exe[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : executable
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        #if canImport(Glibc)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(path) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// `--db`, KPICOACH_DB, or the file under $XDG_DATA_HOME.
    public var databaseLocation: String {
        if let path = options.database ?? environment["KPICOACH_DB"], !path.isEmpty { return path }
        return home(xdg: "XDG_DATA_HOME", fallback: ".local/share") + "/kpicoach.sqlite"
    }

    /// Where readline keeps the history of answers typed.
    public var historyFile: String { home(xdg: "XDG_STATE_HOME", fallback: ".local/state") + "/history" }

    private func home(xdg: String, fallback: String) -> String { Self.home(xdg: xdg, fallback: fallback, environment) }

    private static func home(xdg: String, fallback: String, _ environment: [String: String]) -> String {
        let base = environment[xdg].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (NSHomeDirectory() + "/" + fallback)
        return base + "/kpicoach"
    }

    public func today() throws(CoachFailure) -> LocalDate {
        if let text = options.today ?? environment["KPICOACH_TODAY"] {
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
    public var minutesNow: Int? {
        guard options.today == nil, environment["KPICOACH_TODAY"] == nil else { return nil }
        let local = Self.localTime()
        return Int(local.tm_hour) * 60 + Int(local.tm_min)
    }

    /// How numeric dates are read: `--date-order` or KPICOACH_DATE_ORDER; nil asks.
    public func dateOrder() throws(CoachFailure) -> DateOrder? {
        if let order = options.dateOrder { return order }
        guard let text = environment["KPICOACH_DATE_ORDER"], !text.isEmpty else { return nil }
        guard let order = DateOrder(rawValue: text.lowercased()) else { throw .badOption("KPICOACH_DATE_ORDER", DateOrder.allCases.map(\.rawValue)) }
        return order
    }

    /// A date given on the command line: ISO, or the forms the interviews accept ("today").
    public func date(_ text: String, option: String) throws(CoachFailure) -> LocalDate {
        switch DateGrammar(today: try today(), order: try dateOrder(), minutesNow: minutesNow).read(text) {
        case .success(let date): return date
        case .failure(.notUnderstood): throw .badDate(option: option, text: text, why: nil)
        case .failure(.ambiguousDate(let readings)): throw .ambiguousDate(option: option, text: text, readings: readings)
        case .failure(.dateInSentence(let words, let day)):
            throw .badDate(option: option, text: text, why: "“\(TerminalText.sanitize(words))” in it is \(day.spelledOut); give just that part")
        case .failure(let problem): throw .badDate(option: option, text: text, why: problem.message)
        }
    }

    /// A figure given to a quick command, read as an interview reads one ("about 12", "3.5 out of
    /// 5", "12,5"), so `--value` and `--target` take what a question would.
    public func number(_ text: String, option: String) throws(CoachFailure) -> Double {
        switch AnswerParser(today: try today()).parse(text, as: .number) {
        case .success(.number(let value)): return value
        case .success: throw .badNumberOption(option: option, text: text, why: AnswerKind.number.formatHint)
        case .failure(let problem): throw .badNumberOption(option: option, text: text, why: problem.message)
        }
    }

    public func library() throws(CoachFailure) -> PromptLibrary {
        switch PromptLibrary.locate(explicit: options.prompts, environment: environment, executable: executable) {
        case .success(let library): return library
        case .failure(let problem): throw .prompts(problem)
        }
    }

    public func script(_ id: String) throws(CoachFailure) -> Script {
        switch try library().load(id, cache: parseCache) {
        case .success(let script): return script
        case .failure(let problem): throw .prompts(problem)
        }
    }

    public func rulesDirectory() throws(CoachFailure) -> String {
        if let dir = options.rules ?? environment["KPICOACH_RULES"] { return dir }
        return (try library().directory as NSString).deletingLastPathComponent + "/Rules"
    }

    /// The KPI catalogue and suggestion rules from the rules folder.
    public func catalogue() throws(CoachFailure) -> Catalogue {
        try loaded(CatalogueLoader.load(rulesDirectory: try rulesDirectory(), today: try today(), cache: parseCache))
    }

    /// The SMART critique's word tables (Rules/smart.yaml) from the rules folder.
    public func smartVocabulary() throws(CoachFailure) -> SmartVocabulary {
        try loaded(SmartVocabularyLoader.load(rulesDirectory: try rulesDirectory(), cache: parseCache))
    }

    /// The goal library from `--rules`, `KPICOACH_RULES` or `Rules/` beside the prompts.
    public func goalLibrary() throws(CoachFailure) -> GoalLibrary {
        try loaded(GoalLibraryLoader.load(rulesDirectory: try rulesDirectory(), cache: parseCache))
    }

    private func loaded<Value>(_ result: Result<Value, LoadFailure>) throws(CoachFailure) -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let failure): throw .prompts(.invalid(failure))
        }
    }

    /// What an interview reads besides the answers: the goal library for `/examples`, the KPI
    /// catalogue when it offers suggestions or reads a metric's fields, only the job titles when it
    /// places a title, and the SMART word tables when it judges or rewrites a goal.
    public func context(for script: Script) throws(CoachFailure) -> ConversationContext {
        try context(for: script, today: nil)
    }

    public func context(for script: Script, today: LocalDate?) throws(CoachFailure) -> ConversationContext {
        let sources = Set(script.steps.compactMap(\.choicesFrom))
        var catalogue: Catalogue?
        if sources.contains(.suggestions) || script.calls(.catalogue) {
            catalogue = try self.catalogue()
        } else if sources.contains(.jobFamilies) || script.steps.contains(where: { $0.completesFrom == .jobTitles }) {
            catalogue = try loaded(CatalogueLoader.loadRoles(rulesDirectory: try rulesDirectory(), cache: parseCache))
        }
        let day = if let today { today } else { try self.today() }
        let smart = Expression.Function.smartFunctions.contains(where: script.calls) ? try smartVocabulary() : .empty
        return ConversationContext(today: day, dateOrder: try dateOrder(), minutesNow: minutesNow,
                                   catalogue: catalogue, library: try goalLibrary(), smart: smart)
    }

    /// The `.yaml`/`.yml` files named, with each folder standing for the files directly in it, by name.
    public static func yamlFiles(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
        }
    }
}
