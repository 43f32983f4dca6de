import ArgumentParser
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
            let targets = paths.isEmpty ? [try app.library().directory] : paths
            var files: [String] = []
            for path in targets {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { path + "/" + $0 }
                } else {
                    files.append(path)
                }
            }
            var problems = 0
            for file in files {
                if case .failure(let failure) = PromptLibrary.loadFile(file) {
                    problems += failure.diagnostics.count
                    failure.diagnostics.forEach { print($0) }
                }
            }
            guard problems == 0 else { throw .lintProblems(problems) }
            print("ok: \(files.count) file\(files.count == 1 ? "" : "s") checked, no problems")
        }
    }
}
