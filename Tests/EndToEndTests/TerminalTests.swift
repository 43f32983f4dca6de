import Foundation
import Testing

/// A real pseudo-terminal (tmux) in front of the binary: readline's line editing, TAB
/// completion, Ctrl-C and Ctrl-D as a person meets them.
struct TmuxSession {
    let socket = "kpicoach-test-" + UUID().uuidString.prefix(8)

    /// Runs a tmux command with posix_spawn and waitpid. Foundation's Process is not used:
    /// the tmux server forked by `new-session` outlives the client and confuses its exit
    /// monitoring. Output goes to a file, which the server may keep open harmlessly.
    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        let outputPath = NSTemporaryDirectory() + socket + ".out"
        let argv = ["tmux", "-L", socket] + arguments
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, environ) == 0 else {
            throw CocoaError(.executableNotLoadable)
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    func start(_ command: String) throws {
        try tmux("new-session", "-d", "-x", "120", "-y", "40", command)
    }

    func screen() throws -> String { try tmux("capture-pane", "-p", "-S", "-200") }

    /// Waits until the screen shows `text`; returns the screen either way.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        Issue.record("the terminal never showed “\(text)”:\n\(last)")
        return last
    }

    func type(_ keys: String...) throws {
        for key in keys { try tmux("send-keys", "-t", "0", key) }
        usleep(150_000)
    }

    func stop() { _ = try? tmux("kill-server") }
}

@Suite(.serialized) struct TerminalTests {
    static let tmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

    @Test(.enabled(if: tmuxAvailable, "tmux is installed by .ci/run and the README set-up"))
    func tabCompletesChoicesAndControlCClearsTheLine() throws {
        let folder = Binary.temporaryFolder()
        let db = folder + "/kpi.sqlite"
        let session = TmuxSession()
        defer { session.stop() }
        let env = "NO_COLOR=1 KPICOACH_TODAY=\(Binary.today) XDG_STATE_HOME=\(folder)/state"
        try session.start("env \(env) \(Binary.path) start --client Ana --db \(db); echo EXITED-$?; sleep 30")

        try session.waitFor("What is your current role, Ana?")
        try session.type("account executive", "Enter")
        try session.waitFor("Which industry")

        // Ctrl-C with text on the line: the text is dropped and the same question waits.
        try session.type("half-typed answer")
        try session.waitFor("half-typed answer")
        try session.type("C-c")
        var screen = try session.waitFor("Line cleared.")
        try session.type("software", "Enter")
        screen = try session.waitFor("How many years")
        #expect(!screen.contains("half-typed answersoftware"))
        try session.type("6", "Enter")
        try session.waitFor("7) career change")

        // TAB completes the question's choices.
        try session.type("pro", "Tab")
        screen = try session.waitFor("you › promotion")
        try session.type("Enter")
        try session.waitFor("What role are you aiming for?")

        // TAB completes slash commands too.
        try session.type("/sum", "Tab", "Enter")
        screen = try session.waitFor("goal: promotion")

        // Ctrl-C twice on an empty line saves and quits.
        try session.type("C-c")
        try session.waitFor("Press Ctrl-C again")
        try session.type("C-c")
        screen = try session.waitFor("EXITED-0")
        #expect(screen.contains("Resume with: kpicoach resume 1"))

        let answers = try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any]
        #expect(answers?["industry"] as? String == "software")
        #expect(answers?["goal_type"] as? String == "promotion")
        #expect(FileManager.default.fileExists(atPath: folder + "/state/kpicoach/history"))
    }

    /// "edit" puts the rewritten goal on the line: Left-arrow and typing change it, Enter saves;
    /// `/edit` of a text answer does the same with that answer.
    @Test(.enabled(if: tmuxAvailable, "tmux is installed by .ci/run and the README set-up"))
    func editPutsTheGoalOnTheLineToChange() throws {
        let folder = Binary.temporaryFolder()
        let db = folder + "/kpi.sqlite"
        let session = TmuxSession()
        defer { session.stop() }
        let env = "NO_COLOR=1 KPICOACH_TODAY=\(Binary.today) XDG_STATE_HOME=\(folder)/state"
        try session.start("env \(env) \(Binary.path) start --script smart-goal --client Ana --db \(db); echo EXITED-$?; sleep 30")

        try session.waitFor("what is your goal")
        try session.type("Close 12 new deals a quarter by 2027-05-31", "Enter")
        try session.waitFor("Where are you starting from")
        try session.type("8 deals", "Enter")
        try session.waitFor("Why does this matter")
        try session.type("my next role is judged by it", "Enter")
        try session.waitFor("Accept it, edit it")
        try session.type("edit", "Enter")
        let draft = "Close 12 new deals a quarter by 2027-05-31, starting from 8 deals, because my next role is judged by it"
        var screen = try session.waitFor("Enter keeps it")
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("› " + draft), "\(screen)")
        // The cursor is at the end of the draft: Left-arrow back to just before " by 2027-05-31".
        let tail = try #require(draft.range(of: " by 2027-05-31"))
        for _ in 0..<draft[tail.lowerBound...].count { try session.tmux("send-keys", "-t", "0", "Left") }
        try session.type(" at a 20% margin", "Enter")
        screen = try session.waitFor("Keep this version")
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("“Close 12 new deals a quarter at a 20% margin by 2027-05-31"), "\(screen)")
        try session.type("keep", "Enter")
        try session.waitFor("Shall we choose the KPIs")
        try session.type("no", "Enter")
        try session.waitFor("EXITED-0")
        let answers = try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any]
        #expect(answers?["edited"] as? String == "Close 12 new deals a quarter at a 20% margin by 2027-05-31, starting from 8 deals, because my next role is judged by it")
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is installed by .ci/run and the README set-up"))
    func controlDSavesAndSaysHowToResume() throws {
        let folder = Binary.temporaryFolder()
        let db = folder + "/kpi.sqlite"
        let session = TmuxSession()
        defer { session.stop() }
        try session.start("env NO_COLOR=1 XDG_STATE_HOME=\(folder)/state \(Binary.path) start --client Bo --db \(db); echo EXITED-$?; sleep 30")
        try session.waitFor("What is your current role, Bo?")
        try session.type("designer", "Enter")
        try session.waitFor("Which industry")
        try session.type("C-d")
        let screen = try session.waitFor("EXITED-0")
        #expect(screen.contains("Saved. Resume with: kpicoach resume 1"))
        let answers = try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any]
        #expect(answers?["role"] as? String == "designer")
    }
}
