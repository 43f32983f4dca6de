import Foundation
import GRDB
import Testing

/// Broken scripts and unusable databases: one clear sentence (or file:line:col) and a
/// non-zero exit, never a stack trace.
@Suite struct FailureTests {
    func copyOfPrompts() throws -> String {
        let dir = Binary.temporaryFolder() + "/Prompts"
        try FileManager.default.copyItem(atPath: Binary.repository.appendingPathComponent("Prompts").path, toPath: dir)
        return dir
    }

    func expectNoCrash(_ result: Binary.Result) {
        #expect(result.status == 1)
        for marker in ["Fatal error", "Stack dump", "SIGSEGV", "Swift runtime failure", "backtrace"] {
            #expect(!result.stderr.contains(marker), "\(result.stderr)")
        }
    }

    @Test func lintIsCleanOnTheShippedPrompts() throws {
        let result = try Binary.run(["lint"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("ok:"))
    }

    @Test func brokenScriptIsReportedByLintAndAtStartUp() throws {
        let dir = try copyOfPrompts()
        let file = dir + "/onboarding.yaml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "    next: industry", with: "    next: industy")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("next: industy") }! + 1
        let expected = "onboarding.yaml:\(line):11: error[P006]: there is no step 'industy' (did you mean 'industry'?)"

        let lint = try Binary.run(["lint", dir])
        expectNoCrash(lint)
        #expect(lint.stdout.contains(expected), "\(lint.stdout)")

        let start = try Binary.run(["start", "--client", "Ana", "--prompts", dir, "--db", Binary.temporaryFolder() + "/k.sqlite"], stdin: "x\n")
        expectNoCrash(start)
        #expect(start.stderr.contains(expected), "\(start.stderr)")
    }

    @Test func missingPromptsFolderIsOneSentence() throws {
        let result = try Binary.run(["start", "--prompts", "/nonexistent/Prompts", "--db", Binary.temporaryFolder() + "/k.sqlite"])
        expectNoCrash(result)
        #expect(result.stderr.contains("Cannot find the interview scripts"))
    }

    @Test func shippedPromptsAreFoundFromAnyWorkingDirectory() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["lint"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.environment = Binary.environment()
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func corruptDatabaseIsOneSentence() throws {
        let db = Binary.temporaryFolder() + "/corrupt.sqlite"
        try Data(repeating: 0x42, count: 10_000).write(to: URL(fileURLWithPath: db))
        let result = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "x\n")
        expectNoCrash(result)
        #expect(result.stderr == "kpicoach: The file at \(db) is not a KPI Coach database or is damaged; restore a backup or use --db PATH for a new one.\n")
    }

    @Test func readOnlyDatabaseIsOneSentence() throws {
        let folder = Binary.temporaryFolder()
        let db = folder + "/kpi.sqlite"
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n/quit\n")
        chmod(db, 0o444)
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        // Root may write anyway, so run as an ordinary user when the tests run as root.
        let user = getuid() == 0 ? "65534" : nil
        if user != nil { chmod(NSTemporaryDirectory(), 0o1777) }
        let result = try Binary.run(["resume", "1", "--db", db], stdin: "sales\n", user: user)
        expectNoCrash(result)
        #expect(result.stderr.contains("is read-only"), "\(result.stderr)")
    }

    /// Another program holds the write lock past the five-second busy timeout.
    @Test func lockedDatabaseIsOneSentence() throws {
        let db = Binary.temporaryFolder() + "/locked.sqlite"
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n/quit\n")
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: db, configuration: holding)
        try holder.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        defer { try? holder.inDatabase { try $0.execute(sql: "ROLLBACK") } }
        let result = try Binary.run(["resume", "1", "--db", db], stdin: "sales\n")
        expectNoCrash(result)
        #expect(result.stderr == "kpicoach: The database at \(db) is locked by another program; try again in a moment.\n", "\(result.stderr)")
    }

    /// Writes fail as on a full disk (a file-size limit, with SIGXFSZ ignored as a full disk sends none):
    /// the answer that could not be saved is reported, the earlier ones are intact.
    @Test func fullDiskIsOneSentenceAndLosesNothingSaved() throws {
        let db = Binary.temporaryFolder() + "/full.sqlite"
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n")
        let limited = try Binary.run(["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\"", Binary.path, "resume", "1", "--db", db],
                                     stdin: "B2B software\n6\n", executable: "/bin/sh")
        expectNoCrash(limited)
        #expect(limited.stderr.contains("The disk holding \(db) is full or refuses writes, so answers could not be saved; free some space and resume."), "\(limited.stderr)")
        let answers = try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any]
        #expect(answers?["role"] as? String == "Account executive")
        #expect(try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func newerSchemaIsOneSentence() throws {
        let db = Binary.temporaryFolder() + "/newer.sqlite"
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n/quit\n")
        try DatabaseQueue(path: db).write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        let result = try Binary.run(["sessions", "--db", db])
        expectNoCrash(result)
        #expect(result.stderr == "kpicoach: The database at \(db) was written by a newer version of kpicoach; please upgrade kpicoach to open it.\n")
    }

    @Test func badTodayAndUnknownScriptAreExplained() throws {
        let db = Binary.temporaryFolder() + "/k.sqlite"
        let today = try Binary.run(["start", "--db", db], env: ["KPICOACH_TODAY": "2024-02-30"])
        expectNoCrash(today)
        #expect(today.stderr.contains("needs a real date"))
        let script = try Binary.run(["start", "--script", "nope", "--db", db])
        expectNoCrash(script)
        #expect(script.stderr.contains("There is no interview called “nope”"))
    }
}

@Suite struct MissingDatabaseTests {
    @Test(arguments: [["sessions"], ["show", "1"], ["resume"]])
    func readingCommandsDoNotCreateADatabase(_ command: [String]) throws {
        let db = Binary.temporaryFolder() + "/nothing-here.sqlite"
        let result = try Binary.run(command + ["--db", db])
        #expect(result.status == 1)
        #expect(result.stderr == "kpicoach: There is no database at \(db) yet; start a conversation with `kpicoach start`, or point --db at an existing file.\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}

@Suite struct ConcurrencyTests {
    /// Several kpicoach processes creating and writing the same new store at once (a SQLite file,
    /// or one coach's practice): every conversation is saved, none is lost.
    @Test(arguments: Store.available)
    func concurrentProcessesLoseNoWrite(_ store: Store) throws {
        let db = try store.fresh()
        let processes = try (0..<6).map { i -> (Process, Pipe, Pipe) in
            let (process, input, _, errors) = try Binary.launch(["start", "--client", "C\(i)", "--db", db])
            return (process, input, errors)
        }
        for (_, input, _) in processes {
            input.fileHandleForWriting.write(Data("account executive\nsoftware\n/quit\n".utf8))
            try input.fileHandleForWriting.close()
        }
        for (process, _, errors) in processes {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(said)")
        }
        let sessions = try #require(try Binary.json(["sessions", "--db", db])["sessions"] as? [[String: Any]])
        #expect(sessions.count == 6)
        #expect(Set(sessions.compactMap { $0["client"] as? String }) == Set((0..<6).map { "C\($0)" }))
        for s in sessions {
            let answers = try Binary.json(["show", String(s["id"] as? Int ?? 0), "--db", db])["answers"] as? [String: Any]
            #expect(answers?["industry"] as? String == "software")
        }
        if store == .sqlite {
            #expect(try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        }
    }
}
