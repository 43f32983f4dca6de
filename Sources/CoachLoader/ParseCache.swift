import CoachCore
import Crypto
import Foundation

/// Parsed Prompts/ and Rules/ files kept between runs (in `$XDG_CACHE_HOME/kpicoach/`), so that
/// start-up reads no YAML when nothing changed. An entry is keyed by the bytes of every file it
/// came from, their paths and the build that wrote it: a changed file or a new kpicoach is a new
/// key, and an entry that is unreadable, does not read back whole or names another key is parsed
/// again and rewritten. Only files that loaded without a problem are kept, so every diagnostic
/// still comes from the files themselves. Entries are archives (`Archivable`), which plain code
/// reads several times faster than the YAML.
public struct ParseCache: Sendable {
    /// Bumped when the shape of what an entry holds changes.
    static let format = 8

    /// Where entries live; nil parses every time (lint, tests of the loaders).
    public let directory: String?
    /// What tells one build of kpicoach from another (the executable's path, size and time).
    let build: String

    public static let off = ParseCache(directory: nil, build: "")

    public init(directory: String?, build: String) {
        self.directory = directory
        self.build = build
    }

    /// The value `parse` makes of `files` (each nil when it cannot be read), from the cache when
    /// it holds one for exactly these bytes. `salt` is anything else the value depends on.
    func load<Value: Archivable>(_ kind: String, files: [String], salt: String = "",
                                 parse: ([Data?]) -> Result<Value, LoadFailure>) -> Result<Value, LoadFailure> {
        let contents = files.map { FileManager.default.contents(atPath: $0) }
        guard let directory else { return parse(contents) }
        let key = Self.key(kind: kind, build: build, salt: salt, files: files, contents: contents)
        let path = directory + "/" + kind + "." + key.prefix(24) + ".cache"
        let header = Array("kpicoach \(key)\n".utf8)
        if let data = FileManager.default.contents(atPath: path), data.starts(with: header),
           let value = try? Value(archived: Array(data.dropFirst(header.count))) {
            return .success(value)
        }
        let result = parse(contents)
        if case .success(let value) = result { store(header + value.archived, at: path, replacing: kind + ".", in: directory) }
        return result
    }

    static func key(kind: String, build: String, salt: String, files: [String], contents: [Data?]) -> String {
        var hash = SHA256()
        hash.update(data: Data("kpicoach parsed files \(format)\n\(build)\n\(kind)\n\(salt)\n".utf8))
        for (file, data) in zip(files, contents) {
            hash.update(data: Data("\(file)\n\(data.map { String($0.count) } ?? "absent")\n".utf8))
            if let data { hash.update(data: data) }
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Writes the entry privately (0600 in a 0700 folder) and in one step, so a reader sees the
    /// old entry or the new one, never half; older entries of the same kind are removed. A cache
    /// that cannot be written is only slower, never an error.
    private func store(_ data: [UInt8], at path: String, replacing prefix: String, in directory: String) {
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])) != nil else { return }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == data.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
        let name = (path as NSString).lastPathComponent
        for old in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where old.hasPrefix(prefix) && old.hasSuffix(".cache") && old != name {
            unlink(directory + "/" + old)
        }
    }
}
