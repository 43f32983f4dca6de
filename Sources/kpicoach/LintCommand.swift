import ArgumentParser
import CoachApp
import CoachLoader
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check interview scripts; prints file:line:col: error[CODE]: message.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files or folders to check (default: the Prompts/ folder in use).")
    var paths: [String] = []

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let targets = paths.isEmpty ? [try app.library().directory, try app.rulesDirectory()] : paths
            let files = AppEnvironment.yamlFiles(targets)
            var problems = 0
            // The catalogue, its rules and the roles are checked together, once per folder that holds them.
            let ruleFiles = [CatalogueLoader.catalogueFile, CatalogueLoader.rulesFile, CatalogueLoader.rolesFile]
            let isRuleFile = { (file: String) in ruleFiles.contains { file.hasSuffix("/" + $0) || file == $0 } }
            let catalogueFolders = Set(files.filter(isRuleFile).map { ($0 as NSString).deletingLastPathComponent })
            for folder in catalogueFolders.sorted() {
                if case .failure(let failure) = CatalogueLoader.load(rulesDirectory: folder, today: try app.today()) {
                    problems += failure.diagnostics.count
                    failure.diagnostics.forEach { print($0) }
                }
            }
            for file in files where !isRuleFile(file) {
                if case .failure(let failure) = Self.check(file) {
                    problems += failure.diagnostics.count
                    failure.diagnostics.forEach { print($0) }
                }
            }
            guard problems == 0 else { throw .lintProblems(problems) }
            print("ok: \(files.count) file\(files.count == 1 ? "" : "s") checked, no problems")
        }
    }

    /// The goal library has its own shape; every other file is an interview script.
    private static func check(_ file: String) -> Result<Void, LoadFailure> {
        guard file.hasSuffix("goal-library.yaml") else { return PromptLibrary.loadFile(file).map { _ in () } }
        let source = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return GoalLibraryLoader.load(source: source, file: file).map { _ in () }
    }
}
