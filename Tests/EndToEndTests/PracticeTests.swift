import CoachTestSupport
import Foundation
import Testing

/// A practice on a real PostgreSQL server (a throwaway one on a Unix socket): set up from the
/// command line by its owner, each coach seeing only their own clients — enforced by the
/// database, so `psql` as a coach sees no more than `kpicoach` does.
@Suite(.serialized, .enabled(if: PracticeFixture.available)) struct PracticeTests {
    @Test func aCoachSeesOnlyTheirOwnClientsThroughKpicoachAndThroughSQL() throws {
        let practice = try PracticeFixture.fresh(coaches: ["lee", "mo"])
        var onboarding = try Binary.example("onboarding-ana.txt")
        onboarding.insert("/note Ana undersells her pipeline work", at: 1)
        let started = try Binary.run(["start", "--client", "Ana", "--db", practice.url("lee")], stdin: onboarding.joined(separator: "\n") + "\nno\n")
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("All done — saved as conversation 1"))
        #expect(try Binary.run(["clients", "--db", practice.url("lee")]).stdout.hasPrefix("Ana"))
        #expect(try Binary.run(["show", "1", "--db", practice.url("lee")]).stdout.contains("undersells"))

        let mo = try Binary.run(["clients", "--db", practice.url("mo")])
        #expect(mo.status == 0 && !mo.stdout.contains("Ana"))
        let show = try Binary.run(["show", "1", "--db", practice.url("mo")])
        #expect(show.status != 0 && show.stderr.contains("There is no conversation 1"))
        #expect(try Binary.run(["report", "--client", "Ana", "--db", practice.url("mo")]).status != 0)
        for table in PracticeFixture.clientTables {
            #expect(practice.count(table, as: "mo") == 0, "mo reads \(table) rows of lee's client")
        }
        #expect(practice.count("client", as: "lee") == 1 && practice.count("answer", as: "lee") == onboarding.count - 1)
        // Not even by naming the rows: a policy hides them, the program does not.
        #expect(practice.cluster.psql("SELECT count(*) FROM event WHERE conversation_id = 1", database: practice.database, user: "mo") == "0\n")
        #expect(practice.cluster.psql("UPDATE client SET name = 'x' RETURNING id", database: practice.database, user: "mo") == "")
        #expect(practice.count("client", as: "lee") == 1)
    }

    /// A lead reads every coach's plans and progress but no one's private notes; a note is its author's alone.
    @Test func aLeadSupervisesWithoutReadingPrivateNotes() throws {
        let practice = try PracticeFixture.fresh(coaches: ["lee"], leads: ["boss"])
        var onboarding = try Binary.example("onboarding-ana.txt")
        onboarding.insert("/note private thought", at: 1)
        #expect(try Binary.run(["start", "--client", "Ana", "--db", practice.url("lee")], stdin: onboarding.joined(separator: "\n") + "\nno\n").status == 0)
        #expect(practice.count("client", as: "boss") == 1)
        #expect(practice.count("answer", as: "boss") == onboarding.count - 1)
        #expect(practice.cluster.psql("SELECT count(*) FROM event WHERE kind = 'note'", database: practice.database, user: "boss") == "0\n")
        #expect(practice.cluster.psql("SELECT count(*) FROM event WHERE kind = 'note'", database: practice.database, user: "lee") == "1\n")
        #expect(practice.cluster.psql("DELETE FROM client RETURNING id", database: practice.database, user: "boss") == "", "a lead only reads")
        #expect(practice.count("client", as: "lee") == 1)
    }

    @Test func settingUpIsIdempotentAndSaysWhatIsWrong() throws {
        let practice = try PracticeFixture.fresh(coaches: ["lee"])
        let again = try Binary.run(["practice", "init", "--db", practice.url("postgres")])
        #expect(again.status == 0 && again.stdout.contains("up to date"), "\(again.stderr)")
        #expect(try Binary.run(["practice", "add-coach", "lee", "--name", "Lee Park", "--db", practice.url("postgres")]).status == 0)
        let coaches = try Binary.json(["practice", "coaches", "--db", practice.url("postgres")])["coaches"] as? [[String: Any]]
        #expect(coaches?.compactMap { $0["name"] as? String } == ["Lee Park"])

        let stranger = try Binary.run(["clients", "--db", practice.url("postgres")])
        #expect(stranger.status == 1 && stranger.stderr.contains("postgres is not a coach of the practice"), "\(stranger.stderr)")
        let fresh = practice.cluster.freshDatabase()
        let never = try Binary.run(["clients", "--db", practice.cluster.url(database: fresh)])
        #expect(never.status == 1 && never.stderr.contains("practice init"), "\(never.stderr)")
        let nowhere = try Binary.run(["clients", "--db", "postgresql://lee@/kpicoach?host=/nonexistent"])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("Cannot reach the database server"), "\(nowhere.stderr)")
        let bad = try Binary.run(["clients", "--db", "postgresql://lee@host:99999/db"])
        #expect(bad.status == 1 && bad.stderr.contains("port"))
        let secret = try Binary.run(["clients", "--db", "postgresql://lee:hunter2@/\(practice.database)?host=\(practice.cluster.folder)"])
        #expect(secret.stderr.contains("password written in the database URL"))
        #expect(!secret.stdout.contains("hunter2") && !secret.stderr.contains("hunter2"))
        practice.cluster.psql("DELETE FROM kpicoach_schema WHERE version = (SELECT max(version) FROM kpicoach_schema)", database: practice.database)
        let behind = try Binary.run(["clients", "--db", practice.url("lee")])
        #expect(behind.status == 1 && behind.stderr.contains("older kpicoach"), "\(behind.stderr)")
        practice.cluster.psql("INSERT INTO kpicoach_schema SELECT max(version) + 1 FROM kpicoach_schema", database: practice.database)
        #expect(try Binary.run(["clients", "--db", practice.url("lee")]).status == 0, "up to date again")
        for output in [stranger, never, nowhere, bad, behind] { #expect(!output.stderr.contains("Fatal") && !output.stderr.contains("PSQLError")) }
    }

    /// A coach who worked alone brings everything in; a second run adds nothing; the practice
    /// then reports the client exactly as the file did.
    @Test func aSoloCoachsDatabaseMovesInExactlyOnce() throws {
        let solo = try ReportTests.monthsLater()
        let practice = try PracticeFixture.fresh(coaches: ["lee"])
        let first = try Binary.run(["practice", "import", solo, "--coach", "lee", "--db", practice.url("postgres")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("conversations: 4 in the file, 4 added now, 4 in the practice for lee"), "\(first.stdout)")
        #expect(first.stdout.contains("check-ins: 3 in the file, 3 added now, 3 in the practice for lee"))
        let second = try Binary.run(["practice", "import", solo, "--coach", "lee", "--db", practice.url("postgres")])
        #expect(second.stdout.components(separatedBy: " 0 added now").count - 1 == 6, "\(second.stdout)")
        for format in ["md", "csv", "json"] {
            let before = try Binary.run(["report", "--client", "Ana", "--format", format, "--include-notes", "--db", solo]).stdout
            let after = try Binary.run(["report", "--client", "Ana", "--format", format, "--include-notes", "--db", practice.url("lee")]).stdout
            #expect(after == before, "\(format) differs after the import")
        }
        #expect(try Binary.run(["show", "1", "--db", practice.url("lee")]).stdout == (try Binary.run(["show", "1", "--db", solo]).stdout))
    }

    /// Over TCP the connection is encrypted as `sslmode` says, against a server that refuses
    /// plain connections: `require` encrypts, `verify-full` also checks the certificate (against
    /// `sslrootcert` when given), `disable` is turned away — each failure one sentence.
    @Test func sslModesOverTCP() throws {
        let server = try PostgresCluster.withTLS()
        let practice = try PracticeFixture.fresh(coaches: ["lee"], on: server)
        let port = try #require(server.port)
        func clients(_ query: String, host: String = "localhost") throws -> Binary.Result {
            try Binary.run(["clients", "--db", "postgresql://lee@\(host):\(port)/\(practice.database)?\(query)"])
        }
        for query in ["sslmode=require", "sslmode=verify-full&sslrootcert=\(server.certificate)"] {
            let run = try clients(query)
            #expect(run.status == 0, "\(query): \(run.stderr)")
        }
        #expect(try clients("").status == 0, "TCP without sslmode means require, as for libpq's default of prefer")
        let refusals = [("sslmode=disable", "localhost", "accepts only encrypted connections; use sslmode=require"),
                        ("sslmode=verify-full", "localhost", "is not signed by an authority this machine trusts; name the practice's certificate authority with sslrootcert=FILE"),
                        ("sslmode=verify-full&sslrootcert=\(server.certificate)", "127.0.0.1", "is not made out to 127.0.0.1"),
                        ("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", "localhost", "The certificate authority file /nonexistent/ca.pem (sslrootcert) cannot be read.")]
        for (query, host, sentence) in refusals {
            let run = try clients(query, host: host)
            #expect(run.status == 1, "\(query)")
            #expect(run.stderr.hasPrefix("kpicoach: ") && run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(sentence), "\(query): \(run.stderr)")
        }
    }

    /// A hand-over moves the client with their plan and history, and is kept in it; the old
    /// coach's private notes stay theirs, unreadable to the new coach.
    @Test func aClientHandedOverKeepsTheirHistory() throws {
        let practice = try PracticeFixture.fresh(coaches: ["lee", "mo", "kim"])
        var onboarding = try Binary.example("onboarding-ana.txt")
        onboarding.insert("/note lee's own thought", at: 1)
        #expect(try Binary.run(["start", "--client", "Ana", "--db", practice.url("lee")], stdin: onboarding.joined(separator: "\n") + "\nno\n").status == 0)
        let moved = try Binary.run(["client", "transfer", "Ana", "--to", "mo", "--db", practice.url("lee")])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(!(try Binary.run(["clients", "--db", practice.url("lee")]).stdout.contains("Ana")))
        #expect(try Binary.run(["clients", "--db", practice.url("mo")]).stdout.hasPrefix("Ana"))
        let show = try Binary.run(["show", "1", "--db", practice.url("mo")])
        #expect(show.status == 0 && show.stdout.contains("account executive") && !show.stdout.contains("own thought"))
        #expect(practice.cluster.psql("SELECT from_coach || '>' || to_coach FROM transfer", database: practice.database, user: "mo") == "lee>mo\n")
        #expect(try Binary.run(["client", "transfer", "Ana", "--to", "lee", "--db", practice.url("lee")]).status == 1, "no longer lee's to give")
        let privateRows = "SELECT count(*) FROM event WHERE private"
        #expect(practice.cluster.psql(privateRows, database: practice.database, user: "mo") == "0\n")
        #expect(practice.cluster.psql(privateRows, database: practice.database, user: "lee") != "0\n", "the author still reads their note")

        // Handed on again: the new coach sees both moves, in the plan, the report and the database.
        #expect(try Binary.run(["client", "transfer", "Ana", "--to", "kim", "--db", practice.url("mo")]).status == 0)
        let plan = try Binary.run(["client", "Ana", "--db", practice.url("kim")]).stdout
        #expect(plan.contains("Handed over from lee to mo on ") && plan.contains("Handed over from mo to kim on "), "\(plan)")
        let report = try Binary.run(["report", "--client", "Ana", "--db", practice.url("kim")]).stdout
        #expect(report.contains("**Handed over:** from lee to mo on ") && report.contains("**Handed over:** from mo to kim on "), "\(report)")
        let json = try JSONSerialization.jsonObject(with: Data(try Binary.run(["report", "--client", "Ana", "--format", "json", "--db", practice.url("kim")]).stdout.utf8)) as? [String: Any]
        #expect((json?["handovers"] as? [[String: Any]])?.map { "\($0["from"] ?? "")>\($0["to"] ?? "")" } == ["lee>mo", "mo>kim"])
        #expect(practice.cluster.psql("SELECT from_coach || '>' || to_coach FROM transfer ORDER BY id", database: practice.database, user: "kim") == "lee>mo\nmo>kim\n")
    }

    /// Twenty coaches answering at the same moment lose nothing, and their lead sees all twenty
    /// clients, each with its coach, and none of their private notes.
    @Test func twentyCoachesAtOnceLoseNothingAndTheirLeadSeesEveryClient() throws {
        let coaches = (1...20).map { String(format: "coach%02d", $0) }
        let practice = try PracticeFixture.fresh(coaches: coaches, leads: ["lead"])
        var onboarding = try Binary.example("onboarding-ana.txt")
        onboarding.insert("/note private to the coach", at: 2)
        let running = try coaches.map { coach in
            let launched = try Binary.launch(["start", "--client", "Client of \(coach)", "--db", practice.url(coach)])
            launched.1.fileHandleForWriting.write(Data((onboarding.joined(separator: "\n") + "\nno\n").utf8))
            try launched.1.fileHandleForWriting.close()
            return launched.0
        }
        running.forEach { $0.waitUntilExit() }
        #expect(running.allSatisfy { $0.terminationStatus == 0 })
        for coach in coaches {
            let sessions = try Binary.json(["sessions", "--db", practice.url(coach)])["sessions"] as? [[String: Any]] ?? []
            #expect(sessions.count == 1 && sessions.first?["status"] as? String == "finished", "\(coach)")
            #expect(practice.count("answer", as: coach) == onboarding.count - 1, "\(coach) lost answers")
        }
        let lines = try Binary.json(["clients", "--practice", "--db", practice.url("lead")])["clients"] as? [[String: Any]] ?? []
        #expect(Set(lines.compactMap { $0["coach"] as? String }) == Set(coaches))
        #expect(Set(lines.compactMap { $0["name"] as? String }) == Set(coaches.map { "Client of \($0)" }))
        #expect(practice.cluster.psql("SELECT count(*) FROM event WHERE message LIKE '%private to the coach%' OR convert_from(raw, 'UTF8') LIKE '%private to the coach%'",
                                      database: practice.database, user: "lead") == "0\n")
        #expect(practice.cluster.psql("SELECT count(*) FROM event WHERE kind = 'note'", database: practice.database, user: "coach01") == "1\n")
        let notLead = try Binary.run(["clients", "--practice", "--db", practice.url("coach01")])
        #expect(notLead.status == 1 && notLead.stderr.contains("Only a lead coach"))
    }

    /// A coach whose role needs a password gives it by PGPASSWORD, a private ~/.pgpass, the URL
    /// (warned about) or a prompt that does not echo; a wrong one is one sentence, never shown.
    @Test func aPasswordComesFromTheEnvironmentThePassFileTheURLOrThePrompt() throws {
        let role = PostgresCluster.passwordRole
        let practice = try PracticeFixture.fresh(coaches: [role])
        practice.cluster.psql("ALTER ROLE \(role) PASSWORD 'sesame'", database: practice.database)
        let home = Binary.temporaryFolder()
        let none = try Binary.run(["clients", "--db", practice.url(role)], env: ["HOME": home])
        #expect(none.status == 1 && none.stderr.contains("refused the login of \(role)"), "\(none.stderr)")
        #expect(try Binary.run(["clients", "--db", practice.url(role)], env: ["PGPASSWORD": "sesame", "HOME": home]).status == 0)
        let wrong = try Binary.run(["clients", "--db", practice.url(role)], env: ["PGPASSWORD": "open up", "HOME": home])
        #expect(wrong.status == 1 && wrong.stderr.contains("refused") && !wrong.stderr.contains("open up"))

        let passFile = home + "/.pgpass"
        try "# host:port:database:user:password\nlocalhost:5432:\(practice.database):\(role):sesame\n".write(toFile: passFile, atomically: false, encoding: .utf8)
        chmod(passFile, 0o644)
        let open = try Binary.run(["clients", "--db", practice.url(role)], env: ["HOME": home])
        #expect(open.status == 1 && open.stderr.contains("can be read by others"), "\(open.stderr)")
        chmod(passFile, 0o600)
        #expect(try Binary.run(["clients", "--db", practice.url(role)], env: ["HOME": home]).status == 0)
        try FileManager.default.removeItem(atPath: passFile)

        let inURL = "postgresql://\(role):sesame@/\(practice.database)?host=\(practice.cluster.folder)"
        let warned = try Binary.run(["clients", "--db", inURL], env: ["HOME": home])
        #expect(warned.status == 0 && warned.stderr.contains("password written in the database URL") && !warned.stderr.contains("sesame"))

        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { return }
        let session = TmuxSession()
        defer { session.stop() }
        try session.start("env -u PGPASSWORD HOME=\(home) NO_COLOR=1 KPICOACH_TODAY=\(Binary.today) \(Binary.path) clients --db '\(practice.url(role))'; echo EXITED-$?; sleep 30")
        try session.waitFor("Password for \(role)")
        try session.type("sesame", "Enter")
        let screen = try session.waitFor("EXITED-0")
        #expect(!screen.contains("sesame"), "the password is not echoed")
    }

    /// SIGKILL between and inside turns over PostgreSQL, then resume: every answer is there and
    /// the end is the same as an uninterrupted run; a server restart mid-conversation loses nothing.
    @Test func killsAndAServerRestartLoseNothing() throws {
        let lines = try Binary.example("onboarding-ana.txt")
        let reference = try PracticeFixture.fresh(coaches: ["lee"])
        try Binary.run(["start", "--client", "Ana", "--db", reference.url("lee")], stdin: lines.joined(separator: "\n") + "\nno\n")
        let expected = try Binary.json(["show", "1", "--db", reference.url("lee")])["answers"] as? NSDictionary
        #expect((expected?.count ?? 0) > 10)
        for (round, (k, delay)) in [(3, 0), (7, 20_000), (12, 5_000), (lines.count - 1, 40_000)].enumerated() {
            let practice = try PracticeFixture.fresh(coaches: ["lee"])
            let (process, input, output, _) = try Binary.launch(["start", "--client", "Ana", "--db", practice.url("lee")])
            _ = output.fileHandleForReading.availableData
            input.fileHandleForWriting.write(Data((lines[..<k].joined(separator: "\n") + "\n").utf8))
            usleep(UInt32(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard let show = Binary.jsonIfReady(["show", "1", "--db", practice.url("lee")]) else { continue }
            let accepted = (show["events"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "accepted" }.count
            #expect(accepted <= k)
            let rest = try Binary.run(["resume", "1", "--db", practice.url("lee")], stdin: lines[accepted...].joined(separator: "\n") + "\nno\n")
            #expect(rest.status == 0, "round \(round): \(rest.stderr)")
            #expect((try Binary.json(["show", "1", "--db", practice.url("lee")])["answers"] as? NSDictionary) == expected, "round \(round)")
        }

        // The restart gets a server of its own: the other suites keep using the shared one meanwhile.
        let practice = try PracticeFixture.fresh(coaches: ["lee"], on: try PostgresCluster.dedicated())
        let (process, input, output, _) = try Binary.launch(["start", "--client", "Ana", "--db", practice.url("lee")])
        _ = output.fileHandleForReading.availableData
        input.fileHandleForWriting.write(Data((lines[..<6].joined(separator: "\n") + "\n").utf8))
        while practice.count("answer", as: "lee") < 6 { usleep(20_000) }
        practice.cluster.restart()
        input.fileHandleForWriting.write(Data((lines[6...].joined(separator: "\n") + "\nno\n").utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let saved = try Binary.json(["show", "1", "--db", practice.url("lee")])
        let answered = (saved["answers"] as? NSDictionary)?.count ?? 0
        #expect(answered >= 6, "answers saved before the restart are kept")
        if saved["status"] as? String != "finished" {
            let accepted = (saved["events"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "accepted" }.count
            let rest = try Binary.run(["resume", "1", "--db", practice.url("lee")], stdin: lines[accepted...].joined(separator: "\n") + "\nno\n")
            #expect(rest.status == 0, "\(rest.stderr)")
        }
        #expect((try Binary.json(["show", "1", "--db", practice.url("lee")])["answers"] as? NSDictionary) == expected)
    }
}

/// A fresh practice database on the shared throwaway server, set up through `kpicoach practice`.
struct PracticeFixture {
    static let clientTables = ["client", "conversation", "event", "answer", "variable", "lease", "kpi", "checkin", "adjustment"]

    /// In CI the suite must run; elsewhere it says why it is skipped.
    static let available: Bool = {
        switch PostgresCluster.shared {
        case .success: return true
        case .failure(let why):
            if PostgresCluster.required { return true }
            print("PracticeTests skipped: \(why)")
            return false
        }
    }()

    let cluster: PostgresCluster
    let database: String

    func url(_ user: String) -> String { cluster.url(database: database, user: user) }

    func count(_ table: String, as user: String) -> Int {
        Int(cluster.psql("SELECT count(*) FROM \(table)", database: database, user: user).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func fresh(coaches: [String], leads: [String] = [], on server: PostgresCluster? = nil) throws -> PracticeFixture {
        let cluster = try server ?? PostgresCluster.shared.get()
        let practice = PracticeFixture(cluster: cluster, database: cluster.freshDatabase())
        let owner = practice.url(cluster.owner)
        let made = try Binary.run(["practice", "init", "--db", owner])
        try #require(made.status == 0, "\(made.stderr)")
        for (login, lead) in coaches.map({ ($0, false) }) + leads.map({ ($0, true) }) {
            let added = try Binary.run(["practice", "add-coach", login, "--db", owner] + (lead ? ["--lead"] : []))
            try #require(added.status == 0, "\(added.stderr)")
        }
        return practice
    }
}

/// The suites that matter for data run on both stores: a SQLite file, and a fresh practice on
/// the throwaway PostgreSQL server, connected as its coach.
enum Store: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }

    static let available: [Store] = PracticeFixture.available ? allCases : [.sqlite]

    /// A new, empty store, named as `--db` takes it.
    func fresh() throws -> String {
        switch self {
        case .sqlite: return Binary.temporaryFolder() + "/kpi.sqlite"
        case .postgres: return try PracticeFixture.fresh(coaches: ["lee"]).url("lee")
        }
    }
}
