public import CoachCore
import Foundation

/// The folder of interview scripts. Found from `--prompts`, `KPICOACH_PROMPTS`, or beside the
/// installed binary, so `kpicoach` works from any working directory.
public struct PromptLibrary: Sendable {
    public let directory: String

    public enum Problem: Error, Sendable {
        case notFound(searched: [String])
        case noScript(id: String, directory: String, available: [String])
        case invalid(LoadFailure)
    }

    public init(directory: String) { self.directory = directory }

    /// Looks for `Prompts/` in the given place, then next to the executable and its parents
    /// (also as `share/kpicoach/Prompts` for an installed copy), then in the working directory
    /// and its parents.
    public static func locate(explicit: String?, environment: [String: String], executable: String) -> Result<PromptLibrary, Problem> {
        if let dir = explicit ?? environment["KPICOACH_PROMPTS"] {
            return isDirectory(dir) ? .success(PromptLibrary(directory: dir)) : .failure(.notFound(searched: [dir]))
        }
        var searched: [String] = []
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for base in [exe, cwd] {
            var dir = base
            for _ in 0..<6 {
                for relative in ["Prompts", "share/kpicoach/Prompts"] {
                    let candidate = dir.appendingPathComponent(relative).path
                    searched.append(candidate)
                    if isDirectory(candidate) { return .success(PromptLibrary(directory: candidate)) }
                }
                dir.deleteLastPathComponent()
            }
        }
        return .failure(.notFound(searched: searched))
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Script ids available here, from the `.yaml` file names.
    public var scriptIDs: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .map { String($0.prefix(while: { $0 != "." })) }.sorted()
    }

    public func path(of id: String) -> String? {
        for ext in ["yaml", "yml"] {
            let path = (directory as NSString).appendingPathComponent("\(id).\(ext)")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// The script `id`, from `cache` when its file has not changed since it was last read.
    public func load(_ id: String, cache: ParseCache = .off) -> Result<Script, Problem> {
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), let path = path(of: id) else {
            return .failure(.noScript(id: id, directory: directory, available: scriptIDs))
        }
        return cache.load("script-" + id, files: [path]) { Self.load($0[0], file: path) }.mapError { .invalid($0) }
    }

    /// Reads and checks one file; an unreadable file is a diagnostic, not a crash.
    public static func loadFile(_ path: String) -> Result<Script, LoadFailure> {
        load(FileManager.default.contents(atPath: path), file: path)
    }

    static func load(_ data: Data?, file: String) -> Result<Script, LoadFailure> {
        NodeReader.source(data, of: file).flatMap { ScriptLoader.load(source: $0, file: file) }
    }
}
