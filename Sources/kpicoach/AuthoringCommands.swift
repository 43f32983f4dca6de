import ArgumentParser
import CoachApp
import CoachCore
import CoachLoader

struct LintCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check interview scripts; prints file:line:col: error[CODE]: message.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Files or folders to check (default: the Prompts/ folder in use).") var paths: [String] = []

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let files = Setup.yamlFiles(paths.isEmpty ? [try app.setup.library().directory, try app.setup.rulesDirectory()] : paths)
        let problems = Authoring.lint(files, today: try app.setup.today())
        problems.forEach { print($0) }
        guard problems.isEmpty else { throw .lintProblems(problems.count) }
        print("ok: \(files.count) file\(files.count == 1 ? "" : "s") checked, no problems")
    }
}

/// `kpicoach test`: conversation tests for script authors, and a seeded random walk.
struct TestCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run conversation test files against the interviews; --walk N explores them at random.",
        discussion: """
        Each file names a script and lists client lines with what the coach should say and save \
        (see Prompts/tests/). Without files, every test in the Prompts/tests/ folder runs. With \
        --walk N, each test's interview is also walked for N turns of valid and hostile answers, \
        commands, Ctrl-C and resumes, reporting dead ends, questions never asked and broken turns.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Test files or folders (default: Prompts/tests/).") var paths: [String] = []
    @Option(help: "Walk each interview at random for this many turns.") var walk: Int?
    @Option(help: "Seed of the random walk; the same seed repeats the same walk.") var seed: UInt64 = 1
    @Flag(help: "Print only failures and the totals.") var quiet = false

    func validate() throws {
        if let walk, walk <= 0 { throw ValidationError("--walk needs a number of turns above 0.") }
    }

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let files = Setup.yamlFiles(paths.isEmpty ? [try app.setup.library().directory + "/tests"] : paths)
        guard !files.isEmpty else { throw .noTests }
        let run = try Authoring.runTests(files, setup: app.setup, walk: walk, seed: seed, quiet: quiet)
        run.lines.forEach { print($0) }
        if run.failures > 0 { throw .testsFailed(run.failures) }
    }
}

/// `kpicoach smart "goal"`: the SMART critique without an interview, for coaches and scripts.
struct SmartCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "smart", abstract: "Critique a goal against SMART, offline and explained.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The goal, in quotes.") var goal: String
    @Option(help: "The client's current role (for Relevant).") var role: String?
    @Option(name: .customLong("target-role"), help: "The role the client aims for (for Relevant).") var targetRole: String?
    @Option(help: "An objective the goal should serve (for Relevant).") var objective: String?
    @Option(help: "The current level on the goal's measure (for Achievable).") var baseline: Double?
    @Flag(help: "Print JSON: {goal, smart, criteria: {specific, measurable, achievable, relevant, time_bound}}.") var json = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let context = SmartContext(role: role, targetRole: targetRole, objective: objective, baseline: baseline, today: try app.setup.today())
        let critique = SmartAnalyzer(vocabulary: try app.setup.smartVocabulary()).analyze(goal, context: context)
        print(json ? critique.json : critique.report(of: goal))
    }
}

/// `kpicoach suggest`: ranked KPI suggestions with the reasons, without an interview.
struct SuggestCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Suggest KPIs for a role and a goal, with the reasons.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's current role.") var role: String
    @Option(help: "The goal, in the client's words or as a SMART goal.") var goal: String
    @Option(help: "The kind of goal: promotion, new skill, higher salary, more satisfaction, better balance, bigger network, career change.") var type: String?
    @Option(name: .customLong("target-role"), help: "The role the client aims for.") var targetRole: String?
    @Option(help: "The client's industry.") var industry: String?
    @Option(help: "The closest kind of work, for a title Rules/roles.yaml does not know (e.g. \"software engineering\").") var family: String?
    @Option(help: "How many suggestions (1–50).") var limit = 5
    @Flag(help: "Print JSON: {suggestions: [{id, name, family, unit, direction, score, reasons}]}.") var json = false

    func validate() throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be from 1 to 50.") }
    }

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let report = try SuggestionReport(role: role, goal: goal, type: type, targetRole: targetRole, industry: industry, family: family,
                                          catalogue: try app.setup.catalogue(), today: try app.setup.today(), limit: limit)
        if json { return print(report.json.text()) }
        report.lines.forEach { print($0) }
    }
}
