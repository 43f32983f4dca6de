public import CoachCore
public import CoachLoader

/// Every way a command can fail, turned into words in one place.
public enum CoachFailure: Error, CustomStringConvertible {
    case store(StoreError)
    case prompts(PromptLibrary.Problem)
    case badToday(String)
    case badClientName
    case nothingToResume
    case saveFailed(String)
    case lintProblems(Int)
    case testsFailed(Int)
    case noTests
    case noClient(String)
    case noKPIs(String)
    case badOption(String, [String])
    case noMetric(String)
    case outsideScale(String, ClosedRange<Double>)
    case badNumber
    case nothingToAdjust
    case cannotWrite(String)
    /// `why` is nil when the text is simply not a date: the examples say enough.
    case badDate(option: String, text: String, why: String?)
    /// A numeric date an option cannot ask about: both readings and how to settle it.
    case ambiguousDate(option: String, text: String, readings: [LocalDate])
    case badNumberOption(option: String, text: String, why: String)
    case futureCheckin(String)
    case badDatabaseURL(String)
    /// What needs a practice's shared database, asked of a SQLite file.
    case needsPractice(String)
    case notALead

    public var description: String {
        switch self {
        case .store(let error): return error.description
        case .badDatabaseURL(let why): return why
        case .needsPractice(let what):
            return "\(what) needs a practice's shared database: pass --db postgresql://USER@HOST/DB (or set KPICOACH_DB); see “A practice on PostgreSQL” in the README."
        case .notALead: return "Only a lead coach sees the whole practice; `kpicoach clients` lists yours."
        case .prompts(.notFound(let searched)):
            return "Cannot find the interview scripts (a Prompts/ folder); looked in \(searched.first ?? "?") and \(searched.count - 1) other places. Pass --prompts DIR."
        case .prompts(.noScript(let id, let dir, let available)):
            return "There is no interview called “\(id)” in \(dir); available: \(available.joined(separator: ", "))."
        case .prompts(.invalid(let failure)):
            return failure.diagnostics.map(\.description).joined(separator: "\n")
        case .badToday(let text): return "--today needs a real date as YYYY-MM-DD, not “\(text)”."
        case .badClientName: return "A client name needs 1 to 100 printable characters."
        case .nothingToResume: return "There is no unfinished conversation to resume. Start one with: kpicoach start"
        case .saveFailed(let why): return why
        case .noClient(let name): return "There is no client called “\(TerminalText.sanitize(name))”. `kpicoach sessions` lists who has talked with KPI Coach."
        case .noKPIs(let name): return "\(TerminalText.sanitize(name)) has no KPIs yet; choose some with: kpicoach start --script kpi-selection --client \"\(TerminalText.sanitize(name))\""
        case .badOption(let option, let allowed): return "\(option) must be one of: \(allowed.joined(separator: ", "))."
        case .noMetric(let id): return "--catalog names no metric of Rules/catalogue.yaml: “\(TerminalText.sanitize(id))” (`kpicoach suggest` shows metric ids with --json)."
        case .outsideScale(let name, let scale):
            return "“\(TerminalText.sanitize(name))” runs from \(NumberFormat.plain(scale.lowerBound)) to \(NumberFormat.plain(scale.upperBound)); give a figure in that range."
        case .badNumber: return "Numbers must be real figures (no inf or NaN, at most a trillion), and a weight must be above 0."
        case .nothingToAdjust: return "Say what changes (--target, --due or --retire) and why (--why \"…\"); the history keeps both."
        case .badDate(let option, let text, let why):
            return "\(option) needs a date (e.g. 2027-06-30, 30 June 2027, end of next month), not “\(TerminalText.sanitize(text))”" + (why.map { ": \($0)" } ?? ".")
        case .ambiguousDate(let option, let text, let readings):
            return "\(option) “\(TerminalText.sanitize(text))” can be read as " + readings.map(\.spelledOut).joined(separator: " or ")
                + ": write the month as a word (e.g. 3 April 2027), or say how you write dates with --date-order dmy|mdy (or KPICOACH_DATE_ORDER)."
        case .badNumberOption(let option, let text, let why):
            return "\(option) needs a figure (e.g. 12, 12.5, about 12), not “\(TerminalText.sanitize(text))”: \(why)"
        case .futureCheckin(let day): return "A check-in records figures already reached, so it can't be dated \(day), after today."
        case .cannotWrite(let path): return "Cannot write \(path); check the folder exists and is writable."
        case .lintProblems(let count): return "\(count) problem\(count == 1 ? "" : "s") found."
        case .testsFailed(let count): return "\(count) failure\(count == 1 ? "" : "s") in the conversation tests (failed steps, problems in test files, walk findings)."
        case .noTests: return "No conversation test files found; write some in Prompts/tests/ (see the README) or name them."
        }
    }
}

/// Runs a store call, wrapping its error as a `CoachFailure`.
public func store<T>(_ body: () throws(StoreError) -> T) throws(CoachFailure) -> T {
    do { return try body() } catch { throw .store(error) }
}
