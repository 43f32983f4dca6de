import Foundation
import Testing

/// Reports a client can take home: Markdown, CSV, HTML with a chart per KPI; private notes only
/// when asked for.
@Suite(.serialized) struct ReportTests {
    /// A coach-led onboarding with two notes, a SMART goal, two KPIs and check-ins.
    static func seeded() throws -> String {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
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

    @Test func notesAreInTheTranscriptAndOnlyInTheReportWhenAskedFor() throws {
        let db = try Self.seeded()
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

    @Test func markdownHasEverySection() throws {
        let md = try Binary.run(["report", "--client", "Ana", "--db", try Self.seeded()]).stdout
        for heading in ["# Plan for Ana", "## Profile", "## SMART goal", "## KPIs", "### Deals per quarter", "### Hours worked", "## ROI of coaching"] {
            #expect(md.contains(heading + "\n"), "missing \(heading)")
        }
        #expect(md.contains("> close more new-business deals — 12 new deals a quarter by 2027-06-30"))
        #expect(md.contains("- **Role:** account executive"))
        #expect(md.contains("| 2026-11-01 | 10 | 7 | 50% |"))
        #expect(md.contains("Milestones: 25% on 2026-10-01, 50% on 2026-11-01."))
    }

    @Test func csvHasOneRowPerCheckin() throws {
        let csv = try Binary.run(["report", "--client", "Ana", "--format", "csv", "--db", try Self.seeded()]).stdout
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows.first == "client,kpi,date,value,confidence,progress,status")
        #expect(rows.count == 4)
        #expect(rows[1] == "Ana,Deals per quarter,2026-10-01,9,7,0.25,on_track")
        #expect(rows[2] == "Ana,Deals per quarter,2026-11-01,10,7,0.5,on_track")
        #expect(rows[3].hasPrefix("Ana,Hours worked,2026-11-01,47,7,0,at_risk"))
    }

    /// A check-in is a fact as of its day: lowering the target afterwards does not rewrite how it
    /// read, while the plan itself moves on.
    @Test func aLaterTargetChangeLeavesPastCheckinsAsRecorded() throws {
        let db = try Self.seeded()
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
        for element in ["class=\"history\"", "class=\"target\"", "class=\"baseline\"", "class=\"expected\""] {
            #expect(html.components(separatedBy: element).count - 1 == 2, "\(element) in each chart")
        }
        #expect(!html.contains("<script"), "no scripts")
        #expect(!html.contains("https://") && !html.contains("src="), "no network resources")
        #expect(html.contains("@page { size: A4"))
    }

    /// Headless Chromium renders the page: a screenshot is written under the build folder.
    @Test func chromiumRendersTheCharts() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            print("skipped: Chromium is not installed here (.ci/run installs it with apt-get install chromium)")
            return
        }
        let db = try Self.seeded()
        let folder = Binary.repository.appendingPathComponent(".build/report-screenshots").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let html = folder + "/ana.html", png = folder + "/ana.png"
        try? FileManager.default.removeItem(atPath: png)
        #expect(try Binary.run(["report", "--client", "Ana", "--format", "html", "-o", html, "--db", db]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
                             "--window-size=1240,1754", "file://\(html)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot of the report is empty")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "<polyline class=\"history\"").count - 1 == 2)
    }
}
