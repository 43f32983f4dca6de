import Foundation
import Testing

/// The real binary, driven through pipes as scripts and tests drive it.
@Suite(.serialized) struct PipedConversationTests {
    @Test func anaFinishesAndEveryAnswerIsSaved() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let lines = try Binary.example("onboarding-ana.txt")
        let result = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("All done — saved as conversation 1"))
        #expect(!result.stdout.contains("\u{1B}"), "NO_COLOR output must be plain")

        let sessions = try #require(try Binary.json(["sessions", "--db", db])["sessions"] as? [[String: Any]])
        #expect(sessions.count == 1)
        #expect(sessions[0]["status"] as? String == "finished")
        #expect(sessions[0]["client"] as? String == "Ana")

        let show = try Binary.json(["show", "1", "--db", db])
        for key in ["id", "client", "script", "status", "step", "answers", "events"] { #expect(show[key] != nil, "show --json lacks \(key)") }
        let answers = try #require(show["answers"] as? [String: Any])
        #expect(answers["role"] as? String == lines[0])
        #expect(answers["years"] as? Double == 6)
        #expect(answers["goal_type"] as? String == "promotion")
        #expect(answers["deadline"] as? String == "2027-06-30")
        #expect(answers["support"] as? [String] == ["manager", "mentor", "training budget"])
        #expect((answers["ally"] as? [String])?.count == 2)
        let inputs = (show["events"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "input" }.compactMap { $0["raw"] as? String }
        #expect(inputs == lines, "every line typed is in the event log")

        let attributes = try FileManager.default.attributesOfItem(atPath: db)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// "/quit" at the offer of the next interview stops for now and says how to start it later.
    @Test func quitAtTheOfferOfTheNextInterview() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let lines = try Binary.example("onboarding-ana.txt") + ["/quit"]
        let result = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("couldn't read that as yes or no"))
        #expect(result.stdout.contains("Later, run: kpicoach start --script smart-goal --client Ana"))
    }

    @Test(arguments: Store.available) func transcriptShowsWhoSaidWhat(_ store: Store) throws {
        let db = try store.fresh()
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "account executive\n/quit\n")
        let show = try Binary.run(["show", "1", "--db", db])
        #expect(show.stdout.contains("coach › What is your current role, Ana?"))
        #expect(show.stdout.contains("you › account executive"))
    }

    /// Hostile lines at every answer type, then the right answer: each gets a reason and the
    /// same question, and the saved answers equal a clean run's. Optional questions get fewer
    /// than the attempt cap (3), after which they are set aside by design.
    @Test(arguments: Store.available) func badInputAtEveryTypeGetsAReasonAndTheSameQuestion(_ store: Store) throws {
        let clean = try Binary.example("onboarding-ana.txt")
        let hostile: [Int: [String]] = [
            0: ["", String(repeating: "x", count: 100_000), "role\u{1B}[2J\u{1B}[H", "a\u{7}b"],  // text
            2: ["1e308", "🎯"],                                                                    // number
            3: ["zzz", "99", "\u{1B}[A"],                                                          // choice
            10: ["2024-02-30", "2020-01-01"],                                                      // date
            11: ["99", "manager, nobody yet, ghost"],                                              // multi-choice
            13: ["maybe", "1e308"],                                                                 // yes/no
            16: ["11", "0"],                                                                        // scale
        ]
        var lines: [String] = []
        for (index, line) in clean.enumerated() { lines += (hostile[index] ?? []) + [line] }
        let db = try store.fresh()
        let result = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"), "an escape sequence was printed back")
        #expect(!result.stdout.contains("\u{7}"))
        let rejected = hostile.values.reduce(0) { $0 + $1.count }
        let show = try Binary.json(["show", "1", "--db", db])
        let events = show["events"] as? [[String: Any]] ?? []
        #expect(events.filter { $0["kind"] as? String == "rejected" }.count == rejected)
        #expect(show["status"] as? String == "finished")

        let reference = try store.fresh()
        try Binary.run(["start", "--client", "Ana", "--db", reference], stdin: clean.joined(separator: "\n") + "\n")
        let expected = try Binary.json(["show", "1", "--db", reference])["answers"] as? NSDictionary
        #expect((show["answers"] as? NSDictionary) == expected)
        for reason in ["February 2024 has only 29 days", "too large to be a real figure", "control or escape characters",
                       "not in the future", "Please pick one of", "from 1 to 10"] {
            #expect(result.stdout.contains(reason), "no reason mentioning “\(reason)”")
        }
    }

    @Test(arguments: Store.available) func slashCommandsWorkThroughAPipe(_ store: Store) throws {
        let db = try store.fresh()
        let result = try Binary.run(["start", "--db", db], stdin: "Bo\ndesigner\n/back\n/summary\n/why\n/edit name\nBob\n/skip\ndesigner\n/skip\n/save\n/quit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("name: Bo\n"))
        #expect(result.stdout.contains("Resume with: kpicoach resume 1"))
        let answers = try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any]
        #expect(answers?["name"] as? String == "Bob")
        #expect(answers?["role"] as? String == "designer")
        #expect(answers?["industry"] is NSNull, "a skipped question is saved as null")
        #expect(result.stdout.contains("This one is needed to go on"))
    }

    @Test(arguments: Store.available) func resumeContinuesAndHomeOffersTheUnfinishedConversation(_ store: Store) throws {
        let db = try store.fresh()
        let lines = try Binary.example("onboarding-ana.txt")
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: lines[..<5].joined(separator: "\n") + "\n")
        let home = try Binary.run(["--db", db], stdin: "yes\n" + lines[5...].joined(separator: "\n") + "\n")
        #expect(home.status == 0, "\(home.stderr)")
        #expect(home.stdout.contains("Resume it?"))
        #expect(home.stdout.contains("Welcome back, Ana."))
        #expect(home.stdout.contains("All done"))
        let again = try Binary.run(["resume", "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("no unfinished conversation"))
    }

    /// SIGKILL after k answers: exactly those answers are saved, and resuming with the rest
    /// ends where an uninterrupted run ends.
    @Test(arguments: Store.available, [1, 4, 9, 14, 17])
    func killedMidConversationLosesNothing(_ store: Store, after k: Int) throws {
        let lines = try Binary.example("onboarding-ana.txt")
        let reference = try store.fresh()
        try Binary.run(["start", "--client", "Ana", "--db", reference], stdin: lines.joined(separator: "\n") + "\n")
        let expected = try Binary.json(["show", "1", "--db", reference])["answers"] as? NSDictionary

        let db = try store.fresh()
        let (process, input, _, _) = try Binary.launch(["start", "--client", "Ana", "--db", db])
        input.fileHandleForWriting.write(Data((lines[..<k].joined(separator: "\n") + "\n").utf8))
        var saved: [String] = []
        // Waits for the k answers by the clock, not by a count of polls: on a loaded machine each
        // `show` of a practice's database takes longer than on a quiet one.
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            if let show = Binary.jsonIfReady(["show", "1", "--db", db]) {
                saved = (show["events"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "accepted" }.compactMap { $0["step"] as? String }
                if saved.count == k { break }
            }
            usleep(25_000)
        }
        let exitedEarly = !process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(saved.count == k, "the process had \(exitedEarly ? "exited with \(process.terminationStatus)" : "not exited") before the kill")
        let afterKill = try Binary.json(["show", "1", "--db", db])
        let inputs = (afterKill["events"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "input" }.compactMap { $0["raw"] as? String }
        #expect(inputs == Array(lines[..<k]))

        let resumed = try Binary.run(["resume", "1", "--db", db], stdin: lines[k...].joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let final = try Binary.json(["show", "1", "--db", db])
        #expect((final["answers"] as? NSDictionary) == expected)
        #expect(final["status"] as? String == "finished")
    }

    /// Leaving means leaving: a conversation left before its first answer is not kept, and the
    /// end of input at the resume offer exits without starting another.
    @Test(arguments: Store.available) func leavingBeforeAnsweringKeepsNothing(_ store: Store) throws {
        let db = try store.fresh()
        let left = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "")
        #expect(left.status == 0, "\(left.stderr)")
        #expect(left.stdout.contains("Nothing was answered, so nothing was kept."))
        #expect((try Binary.json(["sessions", "--db", db])["sessions"] as? [Any])?.isEmpty == true)
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n")
        let home = try Binary.run(["--db", db], stdin: "")
        #expect(home.status == 0, "\(home.stderr)")
        #expect(home.stdout.contains("Resume it? (yes/no)"))
        #expect(!home.stdout.contains("What is your current role"), "no new interview after Ctrl-D")
        #expect((try Binary.json(["sessions", "--db", db])["sessions"] as? [Any])?.count == 1)
    }

    /// One writer per conversation: while one `resume 1` waits for input, a second is refused in
    /// one sentence and saves nothing; once the first is killed, its lease is taken over.
    @Test(arguments: Store.available) func aSecondResumeOfAnOpenConversationIsRefused(_ store: Store) throws {
        let db = try store.fresh()
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n")
        let (first, input, output, _) = try Binary.launch(["resume", "1", "--db", db])
        _ = output.fileHandleForReading.availableData
        let second = try Binary.run(["resume", "1", "--db", db], stdin: "Retail\n")
        #expect(second.status == 1)
        #expect(second.stderr.contains("Conversation 1 is open in another kpicoach (process \(first.processIdentifier)"), "\(second.stderr)")
        input.fileHandleForWriting.write(Data("B2B software\n".utf8))
        var industry: String?
        for _ in 0..<200 where industry == nil {
            industry = (Binary.jsonIfReady(["show", "1", "--db", db])?["answers"] as? [String: Any])?["industry"] as? String
            usleep(25_000)
        }
        #expect(industry == "B2B software", "the first process's answer is kept, the second's never written")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let third = try Binary.run(["resume", "1", "--db", db], stdin: "6\n/quit\n")
        #expect(third.status == 0, "\(third.stderr)")
        #expect((try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any])?["years"] as? Int == 6)
    }

    /// `discard` asks first, then removes the conversation; the client stays.
    @Test(arguments: Store.available) func discardAsksThenRemovesTheConversation(_ store: Store) throws {
        let db = try store.fresh()
        try Binary.run(["start", "--client", "Ana", "--db", db], stdin: "Account executive\n")
        let kept = try Binary.run(["discard", "1", "--db", db], stdin: "no\n")
        #expect(kept.stdout.contains("Discard conversation 1 (onboarding with Ana, 1 answer)?"))
        #expect(kept.stdout.contains("Nothing discarded."))
        #expect((try Binary.json(["sessions", "--db", db])["sessions"] as? [Any])?.count == 1)
        let gone = try Binary.run(["discard", "1", "--db", db], stdin: "yes\n")
        #expect(gone.status == 0, "\(gone.stderr)")
        #expect((try Binary.json(["sessions", "--db", db, "--all"])["sessions"] as? [Any])?.isEmpty == true)
        #expect(try Binary.run(["clients", "--db", db]).stdout.hasPrefix("Ana\t"))
    }

    /// Changing the goal type to one whose path asks something new first keeps every answer the
    /// two paths share; only what balance does not ask (the target role and its job description)
    /// is set aside.
    @Test(arguments: Store.available) func changingTheGoalTypeKeepsTheAnswersThatStillApply(_ store: Store) throws {
        let db = try store.fresh()
        let lines = Array(try Binary.example("onboarding-ana.txt").prefix(12)) + ["/edit goal", "better balance", "fewer late evenings", "/quit"]
        let r = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("These answers no longer apply and were set aside: “target role”, “job description demands”."))
        let answers = try #require(try Binary.json(["show", "1", "--db", db])["answers"] as? [String: Any])
        #expect(answers["mentor_guidance"] as? String == "lead a team, forecast accurately, grow key accounts")
        #expect(answers["org_goals"] != nil && answers["target_role"] == nil)
    }
}
