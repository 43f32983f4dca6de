import ArgumentParser
import CoachApp
import CoachCore
import CoachLoader

/// `kpicoach test`: conversation tests for script authors, and a seeded random walk.
struct TestCommand: ParsableCommand {
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

    @Argument(help: "Test files or folders (default: Prompts/tests/).")
    var paths: [String] = []

    @Option(help: "Walk each interview at random for this many turns.")
    var walk: Int?

    @Option(help: "Seed of the random walk; the same seed repeats the same walk.")
    var seed: UInt64 = 1

    @Flag(help: "Print only failures and the totals.")
    var quiet = false

    func validate() throws {
        if let walk, walk <= 0 { throw ValidationError("--walk needs a number of turns above 0.") }
    }

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let files = AppEnvironment.yamlFiles(paths.isEmpty ? [try app.library().directory + "/tests"] : paths)
            guard !files.isEmpty else { throw .noTests }
            var failed = 0, passed = 0, problems = 0
            var walks: [ConversationEngine] = []
            for file in files {
                guard let (test, engine) = try prepare(file, app: app, problems: &problems) else { continue }
                let results = ConversationTestRunner.run(test, engine: engine)
                let bad = results.filter { !$0.passed }
                failed += bad.count
                passed += results.count - bad.count
                if !quiet || !bad.isEmpty { print("\(file) (\(test.scriptID)): \(results.count - bad.count) of \(results.count) steps passed") }
                for result in results where !quiet || !result.passed { print(line(for: result, file: file)) }
                walks.append(engine)
            }
            let steps = passed + failed
            let outcome = steps == 0 ? "none run" : failed == 0 ? "all passed" : "\(failed) failed"
            print("\(files.count) file\(files.count == 1 ? "" : "s"), \(steps) step\(steps == 1 ? "" : "s"): " + outcome
                  + (problems == 0 ? "" : "; \(problems) problem\(problems == 1 ? "" : "s") in the test files"))
            failed += problems
            if let turns = walk {
                for engine in walks { failed += report(ConversationWalk.run(start: engine, turns: turns, seed: seed), script: engine.script, turns) }
            }
            if failed > 0 { throw .testsFailed(failed) }
        }
    }

    /// Loads a test and begins its interview the way `kpicoach start` would; problems print as `file:line:col`.
    private func prepare(_ file: String, app: AppEnvironment, problems: inout Int) throws(CoachFailure) -> (ConversationTest, ConversationEngine)? {
        let loaded: ConversationTestLoader.Loaded
        switch ConversationTestLoader.loadFile(file) {
        case .success(let value): loaded = value
        case .failure(let failure):
            failure.diagnostics.forEach { print($0) }
            problems += failure.diagnostics.count
            return nil
        }
        let test = loaded.test
        let script: Script
        switch try app.library().load(test.scriptID) {
        case .success(let value): script = value
        case .failure(let problem):
            print(Diagnostic(file: file, line: loaded.scriptLine, column: loaded.scriptColumn, code: .unknownTarget, message: CoachFailure.prompts(problem).description))
            problems += 1
            return nil
        }
        let engine = ConversationEngine.begin(script, presets: test.presets, context: try app.context(for: script, today: test.today))
        return (test, engine)
    }

    private func line(for result: ConversationTestRunner.StepResult, file: String) -> String {
        let at = "\(result.action.line):\(result.action.column)"
        guard let difference = result.difference else { return "  ok    \(at)  \(result.action.kind.title)" }
        let detail = difference.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n")
        return "\(file):\(at): FAIL \(result.action.kind.title)\n\(detail)"
    }

    /// Prints the walk's figures and findings; returns how many findings count as failures.
    private func report(_ walk: ConversationWalk.Report, script: Script, _ turns: Int) -> Int {
        let questions = script.steps.filter(\.isQuestion).count
        print("walk \(script.id) (seed \(seed), \(turns) turns): \(walk.finished) finished, \(walk.resumed) resumed, \(walk.accepted) answers kept, \(walk.refused) refused, \(walk.commands) commands; \(walk.asked.count) of \(questions) questions asked")
        for finding in walk.findings { print("  \(finding)") }
        if walk.findings.isEmpty { print("  no dead ends, every question reached, nothing unsafe shown, nothing lost on resume") }
        return walk.findings.count
    }
}
