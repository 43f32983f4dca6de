import Foundation
import Testing

/// Coach's quick commands: a client, two KPIs, back-dated check-ins, an adjustment, and the
/// JSON report agreeing with figures worked out by hand.
@Suite(.serialized) struct QuickCommandTests {
    @Test(arguments: Store.available) func reportAgreesWithTheMathsByHand(_ store: Store) throws {
        let db = try store.fresh()
        func run(_ args: [String]) throws -> Binary.Result {
            let r = try Binary.run(args + ["--db", db])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return r
        }
        _ = try run(["client", "add", "Bea"])
        #expect(try run(["client", "add", "bea"]).stdout.contains("already a client"))
        _ = try run(["kpi", "add", "--client", "Bea", "--name", "Deals closed", "--unit", "count", "--direction", "increase",
                     "--baseline", "10", "--baseline-date", "2026-09-01", "--target", "20", "--due", "2027-03-01"])
        _ = try run(["kpi", "add", "--client", "Bea", "--name", "Hours worked", "--unit", "hours", "--direction", "stay below",
                     "--baseline", "55", "--baseline-date", "2026-09-01", "--target", "45", "--due", "2027-03-01",
                     "--cadence", "weekly", "--weight", "2"])
        _ = try run(["checkin", "--client", "Bea", "--kpi", "1", "--value", "12", "--date", "2026-10-01", "--confidence", "6"])
        _ = try run(["checkin", "--client", "Bea", "--kpi", "1", "--value", "15", "--date", "2026-11-01", "--confidence", "9", "--note", "won the big one"])
        _ = try run(["checkin", "--client", "Bea", "--kpi", "2", "--value", "48"])
        _ = try run(["kpi", "adjust", "--client", "Bea", "--kpi", "1", "--target", "18", "--why", "territory shrank"])

        let out = try run(["report", "--client", "Bea", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let kpis = try #require(report["kpis"] as? [[String: Any]])
        #expect(kpis.count == 2)
        let deals = kpis[0]
        // p = (15 − 10)/(18 − 10) = 0.625; e = 83 days of 181 (2026-09-01 → 2026-11-23 → 2027-03-01).
        #expect(deals["current"] as? Double == 15)
        #expect(deals["progress"] as? Double == 0.625)
        #expect(abs((deals["expected"] as? Double ?? 0) - 83.0 / 181.0) < 1e-12)
        #expect(deals["status"] as? String == "on_track")
        #expect((deals["target"] as? [String: Any])?["value"] as? Double == 18)
        let adjustments = try #require(deals["adjustments"] as? [[String: Any]])
        #expect(adjustments.count == 1)
        #expect(adjustments[0]["from"] as? String == "20" && adjustments[0]["to"] as? String == "18")
        #expect(adjustments[0]["why"] as? String == "territory shrank")
        #expect((deals["checkins"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2026-10-01", "2026-11-01"])
        let hours = kpis[1]
        #expect(hours["status"] as? String == "at_risk", "48 hours is above the 45 to stay below")
        // Roll-up Σwp/Σw = (0.625 × 1 + 0 × 2)/3.
        #expect(abs((report["rollup"] as? Double ?? 0) - 0.625 / 3) < 1e-12)
        #expect(report["roi"] is NSNull)

        // Retiring keeps the history but leaves the roll-up: now only “Deals closed” counts.
        _ = try run(["kpi", "adjust", "--client", "Bea", "--kpi", "2", "--retire", "--why", "hours are no longer the issue"])
        let after = try #require(try JSONSerialization.jsonObject(with: Data(try run(["report", "--client", "Bea", "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect(abs((after["rollup"] as? Double ?? 0) - 0.625) < 1e-12)
        let retired = try #require((after["kpis"] as? [[String: Any]])?.last)
        #expect(retired["retired"] as? Bool == true)
        #expect((retired["adjustments"] as? [[String: Any]])?.last?["to"] as? String == "retired")
        #expect((retired["checkins"] as? [[String: Any]])?.count == 1, "the past is kept")

        let file = Binary.temporaryFolder() + "/bea.json"
        _ = try run(["report", "--client", "Bea", "-o", file])
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// The Phillips example worked by hand: cost 10,000; salary increase 15,000 × 60 % × 80 % = 7,200;
    /// revenue 40,000 × 25 % × 50 % = 5,000; adjusted 12,200; ROI (12,200 − 10,000)/10,000 = 22 %; BCR 1.22.
    @Test(arguments: Store.available) func reviewInterviewComputesTheROIOfCoaching(_ store: Store) throws {
        let db = try store.fresh()
        let lines = ["$10,000", "salary increase", "15k", "60", "80", "yes", "revenue", "40000", "25%", "50", "no"]
        let result = try Binary.run(["start", "--script", "review", "--client", "Bea", "--db", db], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Adjusted benefits 12,200 · ROI 22% · benefit-cost ratio 1.22"))
        let out = try Binary.run(["report", "--client", "Bea", "--format", "json", "--db", db])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let roi = try #require(report["roi"] as? [String: Any])
        #expect(roi["adjusted_benefits"] as? Double == 12_200)
        #expect(roi["roi_percent"] as? Double == 22)
        #expect(roi["benefit_cost_ratio"] as? Double == 1.22)
        #expect((roi["benefits"] as? [[String: Any]])?.map { $0["adjusted_value"] as? Double } == [7_200, 5_000])
    }

    @Test(arguments: Store.available) func badQuickInputIsOneSentence(_ store: Store) throws {
        let db = try store.fresh()
        try Binary.run(["client", "add", "Cy", "--db", db])
        let cases: [([String], String)] = [
            (["kpi", "add", "--client", "Cy", "--name", "X", "--unit", "litres", "--direction", "increase", "--baseline", "1",
              "--baseline-date", "2026-01-01", "--target", "2", "--due", "2027-01-01"], "--unit must be one of"),
            (["kpi", "add", "--client", "Cy", "--name", "X", "--unit", "count", "--direction", "increase", "--baseline", "1",
              "--baseline-date", "2024-02-30", "--target", "2", "--due", "2027-01-01"], "February 2024 has only 29 days"),
            // Not a date at all: one list of examples, ending the sentence.
            (["kpi", "add", "--client", "Cy", "--name", "X", "--unit", "count", "--direction", "increase", "--baseline", "1",
              "--baseline-date", "2026-01-01", "--target", "2", "--due", "10 hours a week"], "end of next month), not “10 hours a week”.\n"),
            // A sentence with one date in it: the date is named, not guessed.
            (["kpi", "add", "--client", "Cy", "--name", "X", "--unit", "count", "--direction", "increase", "--baseline", "1",
              "--baseline-date", "2026-01-01", "--target", "2", "--due", "done by 1 March 2027 I hope"],
             "“by 1 March 2027” in it is Monday 1 March 2027; give just that part"),
            (["checkin", "--client", "Cy", "--kpi", "9", "--value", "3"], "Cy has no KPI 9"),
            (["checkin", "--client", "Cy", "--kpi", "1", "--value", "inf"], "--value needs a figure"),
            (["checkin", "--client", "Cy", "--kpi", "1", "--value", "lots"], "--value needs a figure (e.g. 12, 12.5, about 12), not “lots”"),
            (["kpi", "adjust", "--client", "Cy", "--kpi", "1", "--why", "x"], "Say what changes"),
            (["report", "--client", "Nobody"], "There is no client called"),
        ]
        for (args, message) in cases {
            let r = try Binary.run(args + ["--db", db])
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Fatal error"))
        }
    }

    /// Figures given to quick commands are read as an interview reads them.
    @Test(arguments: Store.available) func figureOptionsReadWordsAsTheInterviewDoes(_ store: Store) throws {
        let db = try store.fresh()
        let added = try Binary.run(["kpi", "add", "--client", "Cy", "--name", "Rating", "--unit", "score", "--direction", "increase",
                                    "--baseline", "3.5 out of 5", "--baseline-date", "2026-11-01", "--target", "about 4.5", "--due", "2027-06-30",
                                    "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try Binary.run(["checkin", "--client", "Cy", "--kpi", "1", "--value", "nearly 4", "--db", db]).status == 0)
        #expect(try Binary.run(["kpi", "adjust", "--client", "Cy", "--kpi", "1", "--target", "4 or 5", "--why", "a stretch", "--db", db]).status == 0)
        let kpi = try #require((try Binary.json(["kpi", "list", "--client", "Cy", "--json", "--db", db])["kpis"] as? [[String: Any]])?.first)
        #expect((kpi["baseline"] as? [String: Any])?["value"] as? Double == 3.5)
        #expect((kpi["target"] as? [String: Any])?["value"] as? Double == 4.5, "4 or 5 is read as its midpoint")
        #expect(kpi["current"] as? Double == 4)
    }

    /// The one date grammar behind every date option: read in the client's words, echoed with the
    /// weekday, an ambiguous numeric date refused with both readings unless --date-order settles it,
    /// and a check-in after today refused. Today is Monday 23 November 2026.
    @Test(arguments: Store.available) func dateOptionsReadWordsAndEchoTheDay(_ store: Store) throws {
        let db = try store.fresh()
        _ = try Binary.run(["client", "add", "Cy", "--db", db])
        let base = ["kpi", "add", "--client", "Cy", "--name", "Calls", "--unit", "count", "--direction", "increase",
                    "--baseline", "1", "--baseline-date", "last Monday", "--target", "5", "--db", db]
        let added = try Binary.run(base + ["--due", "end of next month"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("due Thursday 31 December 2026"))
        let ambiguous = try Binary.run(base + ["--due", "03/04/2027"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("Thursday 4 March 2027 or Saturday 3 April 2027"))
        // An option cannot answer a numbered choice: the message says how to settle it instead.
        #expect(ambiguous.stderr.contains("--date-order dmy|mdy") && !ambiguous.stderr.contains("1)"))
        let settled = try Binary.run(base + ["--due", "03/04/2027", "--date-order", "dmy"])
        #expect(settled.stdout.contains("due Saturday 3 April 2027"), "\(settled.stderr)")
        let monthFirst = try Binary.run(base + ["--due", "03/04/2027"], env: ["KPICOACH_DATE_ORDER": "mdy"])
        #expect(monthFirst.stdout.contains("due Thursday 4 March 2027"), "\(monthFirst.stderr)")
        let badOption = try Binary.run(base + ["--due", "03/04/2027", "--date-order", "ymd"])
        #expect(badOption.status == 64 && badOption.stderr.contains("dmy"))
        let badEnvironment = try Binary.run(base + ["--due", "03/04/2027"], env: ["KPICOACH_DATE_ORDER": "ymd"])
        #expect(badEnvironment.status == 1 && badEnvironment.stderr.contains("KPICOACH_DATE_ORDER must be one of: dmy, mdy."))
        let impossible = try Binary.run(base + ["--due", "2027-02-29"])
        #expect(impossible.status == 1 && impossible.stderr.contains("February 2027 has only 28 days"))
        let future = try Binary.run(["checkin", "--client", "Cy", "--kpi", "1", "--value", "2", "--date", "next Friday", "--db", db])
        #expect(future.status == 1 && future.stderr.contains("after today"))
        let past = try Binary.run(["checkin", "--client", "Cy", "--kpi", "1", "--value", "2", "--date", "yesterday", "--db", db])
        #expect(past.status == 0 && past.stdout.contains("on Sunday 22 November 2026"), "\(past.stderr)")
    }
}
