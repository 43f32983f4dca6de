import Foundation
import Testing

/// Runs the built `kpicoach` as a user would: arguments, piped stdin, environment.
struct Binary {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable sits next to the test bundle in the build folder.
    static let path: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("kpicoach").path
    }()

    static let today = "2026-11-23"

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["KPICOACH_TODAY"] = today
        env["KPICOACH_DB"] = nil
        env["KPICOACH_PROMPTS"] = nil
        env["PGPASSWORD"] = nil
        env["XDG_STATE_HOME"] = NSTemporaryDirectory() + "kpicoach-state"
        env["XDG_CACHE_HOME"] = NSTemporaryDirectory() + "kpicoach-cache"
        return env.merging(extra) { $1 }
    }

    /// `executable`: run another program instead (a shell that sets limits, then starts kpicoach).
    static func launch(_ arguments: [String], env: [String: String] = [:], user: String? = nil, executable: String? = nil) throws -> (Process, Pipe, Pipe, Pipe) {
        let process = Process()
        let input = Pipe(), output = Pipe(), errors = Pipe()
        if let executable {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        process.environment = environment(env)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, input, output, errors)
    }

    /// Feeds `stdin` whole and waits for the exit.
    @discardableResult
    static func run(_ arguments: [String], stdin: String = "", env: [String: String] = [:], user: String? = nil, executable: String? = nil) throws -> Result {
        let (process, input, output, errors) = try launch(arguments, env: env, user: user, executable: executable)
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { usleep(1_000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// Parsed JSON output, or nil when the command fails (for polling while another process writes).
    static func jsonIfReady(_ arguments: [String]) -> [String: Any]? {
        guard let result = try? run(arguments + ["--json"]), result.status == 0 else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any]
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try run(arguments + ["--json"])
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func temporaryFolder() -> String {
        let dir = NSTemporaryDirectory() + "kpicoach-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func example(_ name: String) throws -> [String] {
        let text = try String(contentsOf: repository.appendingPathComponent("Examples/\(name)"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false

    func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
