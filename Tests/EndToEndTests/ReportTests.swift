import Foundation
import Testing

/// Reports a client can take home: Markdown, CSV, HTML with a chart per KPI; private notes only
/// when asked for.
@Suite(.serialized) struct ReportTests {
    /// A coach-led onboarding with two notes, a SMART goal, two KPIs and check-ins.
    static func seeded(_ store: Store = .sqlite) throws -> String {
        let db = try store.fresh()
        var onboarding = try Binary.example("onboarding-ana.txt")
        onboarding.insert("/note Ana undersells her pipeline work", at: 1)
        onboarding.insert("/note ask about weekend work", at: 5)
        onboarding.insert("/agreed", at: 6)
        let smart = ["get better at sales", "close more new-business deals", "12 new deals a quarter", "2027-06-30", "8 deals a quarter", "accept"]
        let r = try Binary.run(["start", "--client", "Ana", "--coach-name", "Maria", "--db", db],
                               stdin: (onboarding + ["yes"] + smart).joined(separator: "\n") + "\n")
        #expect(r.status == 0, "\(r.stderr)")
        for (name, baseline, target) in [("Deals per quarter", "8", "12"), ("Hours worked", "52", "45")] {
            try Binary.run(["kpi", "add", "--client", "Ana", "--name", name, "--unit", "count", "--direction", name.hasPrefix("Hours") ? "stay below" : "increase",
                            "--baseline", baseline, "--baseline-date", "2026-09-01", "--target", target, "--due", "2027-06-30", "--db", db])
        }
        for (kpi, value, date) in [("1", "9", "2026-10-01"), ("1", "10", "2026-11-01"), ("2", "47", "2026-11-01")] {
            try Binary.run(["checkin", "--client", "Ana", "--kpi", kpi, "--value", value, "--date", date, "--confidence", "7", "--note", "a, \"quoted\" note", "--db", db])
        }
        return db
    }

    @Test(arguments: Store.available) func notesAreInTheTranscriptAndOnlyInTheReportWhenAskedFor(_ store: Store) throws {
        let db = try Self.seeded(store)
        let show = try Binary.run(["show", "1", "--db", db])
        #expect(show.stdout.contains("led by Maria"))
        #expect(show.stdout.contains("note by Maria (private): Ana undersells her pipeline work"))
        #expect(show.stdout.contains("agreed together"))
        let plain = try Binary.run(["report", "--client", "Ana", "--db", db]).stdout
        let withNotes = try Binary.run(["report", "--client", "Ana", "--include-notes", "--db", db]).stdout
        #expect(!plain.contains("undersells") && !plain.contains("weekend work"))
        #expect(withNotes.contains("Ana undersells her pipeline work") && withNotes.contains("ask about weekend work"))
        #expect(withNotes.contains(", Maria: ask about weekend work"), "a note says which coach wrote it")
        for format in ["json", "csv", "html"] {
            #expect(!(try Binary.run(["report", "--client", "Ana", "--format", format, "--db", db]).stdout.contains("undersells")), "\(format)")
        }
    }

    @Test(arguments: Store.available) func markdownHasEverySection(_ store: Store) throws {
        let md = try Binary.run(["report", "--client", "Ana", "--db", try Self.seeded(store)]).stdout
        for heading in ["# Plan for Ana", "## Profile", "## SMART goal", "## KPIs", "### Deals per quarter", "### Hours worked", "## ROI of coaching"] {
            #expect(md.contains(heading + "\n"), "missing \(heading)")
        }
        #expect(md.contains("> Close more new-business deals: 12 new deals a quarter by 30 June 2027"))
        #expect(md.contains("- **Role:** account executive"))
        #expect(md.contains("| 2026-11-01 | 10 | 7 | 50% |"))
        #expect(md.contains("Milestones: 25% on 2026-10-01, 50% on 2026-11-01."))
    }

    @Test(arguments: Store.available) func csvHasOneRowPerCheckin(_ store: Store) throws {
        let csv = try Binary.run(["report", "--client", "Ana", "--format", "csv", "--db", try Self.seeded(store)]).stdout
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows.first == "client,kpi,date,value,confidence,progress,status")
        #expect(rows.count == 4)
        #expect(rows[1] == "Ana,Deals per quarter,2026-10-01,9,7,0.25,on_track")
        #expect(rows[2] == "Ana,Deals per quarter,2026-11-01,10,7,0.5,on_track")
        #expect(rows[3].hasPrefix("Ana,Hours worked,2026-11-01,47,7,0,at_risk"))
    }

    /// A check-in is a fact as of its day: lowering the target afterwards does not rewrite how it
    /// read, while the plan itself moves on.
    @Test(arguments: Store.available) func aLaterTargetChangeLeavesPastCheckinsAsRecorded(_ store: Store) throws {
        let db = try Self.seeded(store)
        let before = try Binary.run(["report", "--client", "Ana", "--format", "csv", "--db", db]).stdout
        let changed = try Binary.run(["kpi", "adjust", "--client", "Ana", "--kpi", "1", "--target", "10", "--why", "quarter target cut", "--db", db])
        #expect(changed.status == 0, "\(changed.stderr)")
        let after = try Binary.run(["report", "--client", "Ana", "--format", "csv", "--db", db]).stdout
        #expect(after == before)
        let kpi = try #require((try Binary.json(["kpi", "list", "--client", "Ana", "--db", db])["kpis"] as? [[String: Any]])?.first)
        #expect((kpi["target"] as? [String: Any])?["value"] as? Double == 10)
        #expect(kpi["progress"] as? Double == 1, "today's figures use the new target")
    }

    @Test func htmlIsSelfContainedWithAChartPerKPI() throws {
        let db = try Self.seeded()
        let file = Binary.temporaryFolder() + "/ana.html"
        let r = try Binary.run(["report", "--client", "Ana", "--format", "html", "-o", file, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2, "one chart per KPI")
        for element in ["<polyline class=\"history\"", "class=\"target\"", "class=\"baseline\"", "class=\"value-axis\"", "class=\"date-axis\""] {
            #expect(html.components(separatedBy: element).count - 1 == 2, "\(element) in each chart")
        }
        #expect(html.components(separatedBy: "class=\"expected\"").count - 1 == 1, "a pace line for the KPI with a finish line, none for the health check")
        #expect(!html.contains("<script"), "no scripts")
        #expect(!html.contains("https://") && !html.contains("src="), "no network resources")
        #expect(html.contains("@page { size: A4"))
    }

    /// The seeded client a few months on: a target lowered with a reason, an ROI review in
    /// pounds, and a second goal set after the KPIs of the first.
    static func monthsLater(_ store: Store = .sqlite) throws -> String {
        let db = try seeded(store)
        #expect(try Binary.run(["kpi", "adjust", "--client", "Ana", "--kpi", "1", "--target", "11", "--why", "territory cut in November", "--db", db]).status == 0)
        let review = ["£3,000", "salary increase", "£6,000", "50", "80", "yes", "extra commission", "£2,400", "40", "60", "no"]
        #expect(try Binary.run(["start", "--script", "review", "--client", "Ana", "--db", db], stdin: review.joined(separator: "\n") + "\n").status == 0)
        let goal = ["be a better manager", "hold weekly one-to-ones with my reports", "48 one-to-ones held", "2027-09-30", "none so far", "accept", "no"]
        #expect(try Binary.run(["start", "--script", "smart-goal", "--client", "Ana", "--db", db], stdin: goal.joined(separator: "\n") + "\n").status == 0)
        return db
    }

    /// What a coach hands over: profile, every goal with the KPIs that serve it, history with
    /// status colours, milestones, adjustments with reasons, charts with axes, the ROI in detail.
    @Test(arguments: Store.available) func htmlReportShowsEveryPartACoachHandsOver(_ store: Store) throws {
        let db = try Self.monthsLater(store)
        let html = try Binary.run(["report", "--client", "Ana", "--format", "html", "--db", db]).stdout
        for part in ["<h2>Profile</h2>", "<dt>Role</dt><dd>account executive</dd>", "<dt>Coach</dt><dd>Maria</dd>",
                     "<h2>Goals</h2>", "Current goal", "Hold weekly one-to-ones with my reports", "Earlier goal", "Close more new-business deals",
                     "Measured by: <a href=\"#kpi-1\">Deals per quarter</a>, <a href=\"#kpi-2\">Hours worked</a>", "Measured by: no KPIs yet",
                     "<table class=\"history\">", "<span class=\"status on_track\">on track</span>", "<span class=\"status at_risk\">at risk</span>",
                     "Milestones: 25% on 2026-10-01, 50% on 2026-11-01", "target 12 → 11 — territory cut in November",
                     "Amounts in £.", "<td>salary increase</td><td class=\"n\">£6,000</td>", "<td>extra commission</td><td class=\"n\">£2,400</td>",
                     "Cost of coaching</th><td></td><td></td><td></td><th class=\"n\">£3,000", "ROI <strong>-0.8%</strong>"] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(html.firstRange(of: "Current goal")!.lowerBound < html.firstRange(of: "Earlier goal")!.lowerBound, "the newest goal first")
        let ticks = html.components(separatedBy: "<g class=\"value-axis\">")[1].components(separatedBy: "</g>")[0]
        #expect(ticks.components(separatedBy: "<text").count - 1 >= 4, "a value axis with numbers and the unit")
        #expect(html.contains(">Sep 2026</text>") && html.contains(">Jan 2027</text>"), "a date axis from the baseline towards the due date")
        #expect(!html.contains("undersells"))
        let md = try Binary.run(["report", "--client", "Ana", "--db", db]).stdout
        #expect(md.contains("### Earlier goals\n\n- Close more new-business deals"))
        #expect(md.contains("Measured by: Deals per quarter, Hours worked."))
        #expect(md.contains("- Cost of coaching: £3,000"))
    }

    /// Headless Chromium renders the page: a screenshot at A4 width is kept under the build
    /// folder, and the print preview is A4 pages.
    @Test func chromiumRendersTheReportOnA4() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            print("skipped: Chromium is not installed here (.ci/run installs it with apt-get install chromium)")
            return
        }
        let db = try Self.monthsLater()
        let folder = Binary.repository.appendingPathComponent(".build/report-screenshots").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let html = folder + "/ana.html", png = folder + "/ana.png", pdf = folder + "/ana.pdf"
        for file in [png, pdf] { try? FileManager.default.removeItem(atPath: file) }
        #expect(try Binary.run(["report", "--client", "Ana", "--format", "html", "--include-notes", "-o", html, "--db", db]).status == 0)
        func render(_ output: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-pdf-header-footer", output,
                                 "--window-size=794,3400", "file://\(html)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        try render("--screenshot=\(png)")
        try render("--print-to-pdf=\(pdf)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.count > 50_000, "the screenshot of the report is empty")
        let width = image.count > 24 ? image[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
        #expect(width == 794, "rendered at A4 width (210 mm at 96 dpi)")
        let printed = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let boxes = printed.components(separatedBy: "/MediaBox [").dropFirst().map { $0.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) } }
        #expect(boxes.count >= 2, "the report prints on more than one page")
        #expect(boxes.allSatisfy { $0.count == 4 && abs($0[2] - 595.3) < 1.5 && abs($0[3] - 841.9) < 1.5 }, "every page is A4: \(boxes)")
    }
}
