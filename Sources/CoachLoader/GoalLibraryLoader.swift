public import CoachCore
import Foundation
import Yams

/// Reads `Rules/goal-library.yaml`: `examples:` mapping each goal type to a list of goals.
public enum GoalLibraryLoader {
    public static func load(source: String, file: String) -> Result<GoalLibrary, LoadFailure> {
        var reader = NodeReader(file: file)
        let root: Node?
        do { root = try NodeReader.compose(source) } catch {
            return .failure(LoadFailure([ScriptLoader.syntaxDiagnostic(error, file: file)]))
        }
        guard let root, let pairs = reader.mapping(root, "the goal library", allowed: ["id", "version", "examples"]),
              let examplesNode = pairs.first(where: { $0.key == "examples" })?.value,
              let types = reader.mapping(examplesNode, "examples", allowed: []) else {
            if reader.diagnostics.isEmpty { reader.report(.missingField, "the goal library needs 'examples'", at: nil) }
            return .failure(LoadFailure(reader.diagnostics))
        }
        let examples = types.compactMap { pair in reader.strings(pair.value, "examples of \(pair.key)").map { (pair.key, $0) } }
        guard reader.diagnostics.isEmpty else { return .failure(LoadFailure(reader.diagnostics)) }
        return .success(GoalLibrary(examples: examples))
    }

    /// The library beside a Prompts/ folder (`../Rules/goal-library.yaml`), or in `rules`.
    public static func load(rulesDirectory: String, cache: ParseCache = .off) -> Result<GoalLibrary, LoadFailure> {
        let path = (rulesDirectory as NSString).appendingPathComponent("goal-library.yaml")
        return cache.load("goal-library", files: [path]) { contents in
            guard let data = contents[0] else { return .success(.empty) }
            return load(source: String(decoding: data, as: UTF8.self), file: path)
        }
    }
}
