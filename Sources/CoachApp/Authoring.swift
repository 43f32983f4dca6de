public import CoachCore
public import CoachLoader
import Foundation

/// What a script author runs: lint over the interviews and rules, and the conversation tests
/// with their random walk. Both answer with the lines to print and what counts as failing.
public enum Authoring {
    /// Every problem in the files, as `file:line:col: error[CODE]: message`. The catalogue, its
    /// rules and the roles are checked together, once per folder that holds them.
    public static func lint(_ files: [String], today: LocalDate) -> [Diagnostic] {
        let ruleFiles = [CatalogueLoader.catalogueFile, CatalogueLoader.rulesFile, CatalogueLoader.rolesFile]
        let isRuleFile = { (file: String) in ruleFiles.contains { file.hasSuffix("/" + $0) || file == $0 } }
        var problems: [Diagnostic] = []
        for folder in Set(files.filter(isRuleFile).map { ($0 as NSString).deletingLastPathComponent }).sorted() {
            if case .failure(let failure) = CatalogueLoader.load(rulesDirectory: folder, today: today) { problems += failure.diagnostics }
        }
        for file in files where !isRuleFile(file) {
            if case .failure(let failure) = check(file) { problems += failure.diagnostics }
        }
        return problems
    }

    /// The goal library and the SMART word tables have their own shapes; every other file is an
    /// interview script.
    private static func check(_ file: String) -> Result<Void, LoadFailure> {
        let name = (file as NSString).lastPathComponent
        guard name == "goal-library.yaml" || name == SmartVocabularyLoader.file else { return PromptLibrary.loadFile(file).map { _ in () } }
        let source = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if name == SmartVocabularyLoader.file {
            // The titles beside it are professions its examples may name; their own problems are the catalogue's to report.
            let roles = try? CatalogueLoader.loadRoles(rulesDirectory: (file as NSString).deletingLastPathComponent).get()
            return SmartVocabularyLoader.load(source: source, file: file, professions: roles?.roles.knownTitles ?? []).map { _ in () }
        }
        return GoalLibraryLoader.load(source: source, file: file).map { _ in () }
    }

    /// The conversation tests in `files`, each run on its interview begun the way `kpicoach
    /// start` would; with `walk`, each interview is also walked at random for that many turns.
    public static func runTests(_ files: [String], setup: Setup, walk: Int?, seed: UInt64, quiet: Bool) throws(CoachFailure) -> (lines: [String], failures: Int) {
        var lines: [String] = []
        var failed = 0, passed = 0, problems = 0
        var walks: [ConversationEngine] = []
        for file in files {
            guard let (test, engine) = try prepare(file, setup: setup, lines: &lines, problems: &problems) else { continue }
            let results = ConversationTestRunner.run(test, engine: engine)
            let bad = results.filter { !$0.passed }
            failed += bad.count
            passed += results.count - bad.count
            if !quiet || !bad.isEmpty { lines.append("\(file) (\(test.scriptID)): \(results.count - bad.count) of \(results.count) steps passed") }
            for result in results where !quiet || !result.passed { lines.append(line(for: result, file: file)) }
            walks.append(engine)
        }
        let steps = passed + failed
        let outcome = steps == 0 ? "none run" : failed == 0 ? "all passed" : "\(failed) failed"
        lines.append("\(files.count) file\(files.count == 1 ? "" : "s"), \(steps) step\(steps == 1 ? "" : "s"): " + outcome
                     + (problems == 0 ? "" : "; \(problems) problem\(problems == 1 ? "" : "s") in the test files"))
        failed += problems
        if let turns = walk {
            for engine in walks {
                let report = ConversationWalk.run(start: engine, turns: turns, seed: seed)
                lines += Self.lines(report, script: engine.script, turns: turns, seed: seed)
                failed += report.findings.count
            }
        }
        return (lines, failed)
    }

    /// Loads a test and begins its interview; problems are printed as `file:line:col`.
    private static func prepare(_ file: String, setup: Setup, lines: inout [String], problems: inout Int) throws(CoachFailure) -> (ConversationTest, ConversationEngine)? {
        let loaded: ConversationTestLoader.Loaded
        switch ConversationTestLoader.loadFile(file) {
        case .success(let value): loaded = value
        case .failure(let failure):
            lines += failure.diagnostics.map(\.description)
            problems += failure.diagnostics.count
            return nil
        }
        let test = loaded.test
        let script: Script
        switch try setup.library().load(test.scriptID) {
        case .success(let value): script = value
        case .failure(let problem):
            lines.append(Diagnostic(file: file, line: loaded.scriptLine, column: loaded.scriptColumn, code: .unknownTarget,
                                    message: CoachFailure.prompts(problem).description).description)
            problems += 1
            return nil
        }
        return (test, ConversationEngine.begin(script, presets: test.presets, context: try setup.context(for: script, today: test.today)))
    }

    private static func line(for result: ConversationTestRunner.StepResult, file: String) -> String {
        let at = "\(result.action.line):\(result.action.column)"
        guard let difference = result.difference else { return "  ok    \(at)  \(result.action.kind.title)" }
        let detail = difference.split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }.joined(separator: "\n")
        return "\(file):\(at): FAIL \(result.action.kind.title)\n\(detail)"
    }

    /// The walk's figures and findings.
    private static func lines(_ walk: ConversationWalk.Report, script: Script, turns: Int, seed: UInt64) -> [String] {
        let questions = script.steps.filter(\.isQuestion).count
        var lines = ["walk \(script.id) (seed \(seed), \(turns) turns): \(walk.finished) finished, \(walk.resumed) resumed, \(walk.accepted) answers kept, \(walk.refused) refused, \(walk.commands) commands; \(walk.asked.count) of \(questions) questions asked"]
        lines += walk.findings.map { "  \($0)" }
        if walk.findings.isEmpty { lines.append("  no dead ends, every question reached, nothing unsafe shown, nothing lost on resume") }
        return lines
    }
}
