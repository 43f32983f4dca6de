import Foundation
import Testing

/// The coaching loop through one pipe after another: onboarding → SMART goal → two KPIs →
/// three check-ins on different dates → statuses, milestones, an adjustment → ROI review; the
/// report agrees with figures worked out by hand.
@Suite(.serialized) struct CheckinTests {
    @Test func threeCheckinsThenReviewAgreeWithTheMaths() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30", "8 deals a quarter", "accept"]
        var kpis = ["1, 2", "no"]
        for (baseline, target) in [("100", "200"), ("10", "20")] {
            kpis += ["", "count", "increase", baseline, "2026-09-01", "CRM", target, "2027-06-30", "monthly", "3"]
        }
        let setup = try Binary.example("onboarding-ana.txt") + ["yes"] + smart + ["yes"] + kpis + ["yes"]
        let first = try Binary.run(["start", "--client", "Ana", "--db", db], stdin: setup.joined(separator: "\n") + "\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 KPIs added to Ana's plan"))

        let checkins: [[String]] = [
            ["2026-10-15", "130", "5", "/skip", "10", "5", "/skip"],
            // +30: a cumulative increment on 130; KPI 2 is then behind (1 up in 61 days, 9 to go), so it offers to adjust.
            ["2026-11-01", "+30", "5", "/skip", "11", "5", "/skip", "keep"],
            ["", "180", "5", "/skip", "11", "5", "/skip", "target", "15", "scope changed"],
        ]
        var transcript = ""
        for lines in checkins {
            let r = try Binary.run(["checkin", "--client", "Ana", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
            #expect(r.status == 0, "\(r.stderr)")
            transcript += r.stdout
        }
        #expect(transcript.contains("🎉 25% of the way"))
        #expect(transcript.contains("🎉 50% of the way"))
        #expect(transcript.contains("🎉 75% of the way"))
        #expect(transcript.components(separatedBy: "🎉 50% of the way").count == 2, "each milestone is celebrated once")
        #expect(transcript.contains("is behind. Adjust it?"))

        let review = try Binary.run(["start", "--script", "review", "--client", "Ana", "--db", db],
                                    stdin: ["10000", "salary increase", "15000", "60", "80", "no"].joined(separator: "\n") + "\n")
        #expect(review.stdout.contains("ROI -28%"), "7,200 of benefits against a 10,000 cost")

        let out = try Binary.run(["report", "--client", "Ana", "--format", "json", "--db", db])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let list = try #require(report["kpis"] as? [[String: Any]])
        #expect(list.count == 2)
        // KPI 1: (180 − 100)/(200 − 100) = 0.8; expected 83 of 302 days (2026-09-01 → 11-23 → 2027-06-30).
        #expect(list[0]["current"] as? Double == 180)
        #expect(abs((list[0]["progress"] as? Double ?? 0) - 0.8) < 1e-12)
        #expect(abs((list[0]["expected"] as? Double ?? 0) - 83.0 / 302.0) < 1e-12)
        #expect(list[0]["status"] as? String == "on_track")
        #expect((list[0]["checkins"] as? [[String: Any]])?.map { $0["value"] as? Double } == [130, 160, 180])
        #expect((list[0]["checkins"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2026-10-15", "2026-11-01", "2026-11-23"])
        // KPI 2 after the adjustment 20 → 15: (11 − 10)/(15 − 10) = 0.2, gap 0.275 − 0.2 < 0.165 on the straight
        // line, but at its pace (1 up in 83 days, 4 to go) it is done 332 days later, after the due date: behind.
        #expect((list[1]["target"] as? [String: Any])?["value"] as? Double == 15)
        #expect(abs((list[1]["progress"] as? Double ?? 0) - 0.2) < 1e-12)
        #expect(list[1]["status"] as? String == "behind")
        #expect(list[1]["forecast"] as? String == "2027-10-21")
        let adjustments = try #require(list[1]["adjustments"] as? [[String: Any]])
        #expect(adjustments.count == 1)
        #expect(adjustments[0]["from"] as? String == "20" && adjustments[0]["to"] as? String == "15" && adjustments[0]["why"] as? String == "scope changed")
        // Roll-up with equal weights: (0.8 + 0.2)/2.
        #expect(abs((report["rollup"] as? Double ?? 0) - 0.5) < 1e-12)
        let roi = try #require(report["roi"] as? [String: Any])
        #expect(roi["roi_percent"] as? Double == -28)

        // The check-in conversations hold the same values the report shows.
        let sessions = try #require(try Binary.json(["sessions", "--db", db])["sessions"] as? [[String: Any]])
        let checkinIDs = sessions.filter { $0["script"] as? String == "checkin" }.compactMap { $0["id"] as? Int }.sorted()
        #expect(checkinIDs.count == 3)
        let last = try Binary.json(["show", String(checkinIDs.last!), "--db", db])
        let variables = try #require(last["variables"] as? [String: Any])
        #expect(variables["checkin.value"] as? [Double] == [180, 11])
    }

    /// The same KPIs and measurements entered with quick commands and through the check-in
    /// interview give the same report.
    @Test func quickCommandsAndTheInterviewAgree() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        func run(_ args: [String], stdin: String = "") throws {
            let r = try Binary.run(args + ["--db", db], stdin: stdin)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        for client in ["Quick", "Talk"] {
            try run(["client", "add", client])
            try run(["kpi", "add", "--client", client, "--name", "Deals", "--unit", "count", "--direction", "increase",
                     "--baseline", "4", "--baseline-date", "2026-09-01", "--target", "12", "--due", "2027-03-01"])
            try run(["kpi", "add", "--client", client, "--name", "Hours", "--unit", "hours", "--direction", "stay below",
                     "--baseline", "52", "--baseline-date", "2026-09-01", "--target", "45", "--due", "2027-03-01", "--weight", "2"])
        }
        let ids = { (client: String) throws -> [Int] in
            try #require(try Binary.json(["kpi", "list", "--client", client, "--db", db])["kpis"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
        }
        let quick = try ids("Quick")
        // 50 hours is above the 45 to stay below, so the interview offers to adjust: "keep".
        for (date, deals, hours, offer) in [("2026-10-01", "6", "50", ["keep"]), ("2026-11-01", "9", "44", [])] {
            try run(["checkin", "--client", "Quick", "--kpi", String(quick[0]), "--value", deals, "--date", date, "--confidence", "7", "--note", "ok"])
            try run(["checkin", "--client", "Quick", "--kpi", String(quick[1]), "--value", hours, "--date", date, "--confidence", "6"])
            try run(["checkin", "--client", "Talk"], stdin: ([date, deals, "7", "ok", hours, "6", "/skip"] + offer).joined(separator: "\n") + "\n")
        }
        func report(_ client: String) throws -> [[String: Any]] {
            let out = try Binary.run(["report", "--client", client, "--format", "json", "--db", db])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
            return try #require(object["kpis"] as? [[String: Any]]).map { kpi in kpi.filter { $0.key != "id" } }
        }
        let viaCommands = try report("Quick"), viaInterview = try report("Talk")
        #expect(viaCommands.count == 2)
        for (a, b) in zip(viaCommands, viaInterview) {
            #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: b), "\(a["name"] ?? "?")")
        }
    }

    /// `kpicoach` offers a due check-in, and a client's session opens with what changed since.
    @Test func dueCheckinIsOfferedAndSinceLastTimeIsTold() throws {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        try Binary.run(["client", "add", "Dee", "--db", db])
        try Binary.run(["kpi", "add", "--client", "Dee", "--name", "Deals", "--unit", "count", "--direction", "increase", "--baseline", "10",
                        "--baseline-date", "2026-09-01", "--target", "20", "--due", "2027-03-01", "--db", db])
        try Binary.run(["start", "--script", "review", "--client", "Dee", "--db", db], stdin: "2000\n/quit\n")
        try Binary.run(["start", "--script", "review", "--client", "Dee", "--db", db], stdin: "2000\n/quit\n")
        try Binary.run(["checkin", "--client", "Dee", "--kpi", "1", "--value", "16", "--date", "2026-10-01", "--db", db])
        // Both reviews were left unfinished: say no to resuming, yes to the due check-in.
        let home = try Binary.run(["--db", db], stdin: "no\nyes\n\n18\n7\n/skip\n")
        #expect(home.status == 0, "\(home.stderr)")
        #expect(home.stdout.contains("A check-in is due for Dee: “Deals”. Check in now?"))
        #expect(home.stdout.contains("Since last time"))
        #expect(home.stdout.contains("1 new check-in since we last talked."))
        #expect(home.stdout.contains("“Deals” went from at risk to on track."))
        #expect(home.stdout.contains("🎉 “Deals” passed 50%."))
        let kpis = try #require(try Binary.json(["kpi", "list", "--client", "Dee", "--db", db])["kpis"] as? [[String: Any]])
        #expect((kpis[0]["checkins"] as? [[String: Any]])?.map { $0["value"] as? Double } == [16, 18])
    }
}
