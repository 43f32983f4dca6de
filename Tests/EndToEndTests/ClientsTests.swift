import Foundation
import Testing

/// The coach's dashboard over several clients, and renaming, archiving and deleting.
@Suite(.serialized) struct ClientsTests {
    static func seeded() throws -> String {
        let db = Binary.temporaryFolder() + "/kpi.sqlite"
        func run(_ args: [String]) throws { let r = try Binary.run(args + ["--db", db]); #expect(r.status == 0, "\(args): \(r.stderr)") }
        // Cy: on track; Ava: at risk; Bo: behind; Di: no KPIs.
        for (client, baseline, target, value) in [("Cy", "0", "10", "6"), ("Ava", "0", "10", "0"), ("Bo", "0", "10", "4")] {
            try run(["client", "add", client])
            try run(["kpi", "add", "--client", client, "--name", "Deals", "--unit", "count", "--direction", "increase", "--baseline", baseline,
                     "--baseline-date", "2026-07-01", "--target", target, "--due", "2027-03-01"])
            try run(["checkin", "--client", client, "--kpi", client == "Cy" ? "1" : client == "Ava" ? "2" : "3", "--value", value, "--date", "2026-11-01"])
        }
        try run(["client", "add", "Di"])
        return db
    }

    @Test func whoNeedsAttentionComesFirst() throws {
        let db = try Self.seeded()
        let clients = try #require(try Binary.json(["clients", "--db", db])["clients"] as? [[String: Any]])
        #expect(clients.map { $0["name"] as? String } == ["Ava", "Bo", "Cy", "Di"])
        #expect(clients.map { $0["worst_status"] as? String } == ["at_risk", "behind", "on_track", nil])
        #expect(clients[2]["kpis"] as? Int == 1)
        #expect(clients[2]["last_checkin"] as? String == "2026-11-01")
        #expect(clients[2]["next_checkin"] as? String == "2026-12-01")
        #expect(abs((clients[2]["rollup"] as? Double ?? 0) - 0.6) < 1e-12)
        let plain = try Binary.run(["clients", "--db", db]).stdout
        #expect(plain.split(separator: "\n").first?.hasPrefix("Ava\tat risk") == true)
        let one = try Binary.run(["client", "Cy", "--db", db]).stdout
        #expect(one.contains("Deals [") && one.contains("on track"))
    }

    @Test func renameArchiveAndDelete() throws {
        let db = try Self.seeded()
        #expect(try Binary.run(["client", "rename", "Bo", "Bob", "--db", db]).status == 0)
        #expect(try Binary.run(["client", "rename", "Bob", "Cy", "--db", db]).stderr.contains("already a client called Cy"))
        #expect(try Binary.run(["client", "archive", "Ava", "--db", db]).status == 0)
        let names = { (args: [String]) throws -> [String] in
            (try Binary.json(args + ["--db", db])["clients"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(try names(["clients"]) == ["Bob", "Cy", "Di"])
        #expect(try names(["clients", "--all"]).contains("Ava"))
        let refused = try Binary.run(["client", "delete", "Cy", "--db", db], stdin: "no\n")
        #expect(refused.stdout.contains("Nothing deleted."))
        let deleted = try Binary.run(["client", "delete", "Cy", "--db", db], stdin: "yes\n")
        #expect(deleted.stdout.contains("Deleted Cy and all their data."))
        #expect(try names(["clients"]) == ["Bob", "Di"])
        #expect(try Binary.run(["report", "--client", "Cy", "--db", db]).stderr.contains("There is no client called “Cy”"))
        // Every row about Cy is gone: the KPI and its check-in too.
        let remaining = try Binary.json(["kpi", "list", "--client", "Bob", "--db", db])["kpis"] as? [[String: Any]]
        #expect(remaining?.count == 1)
    }
}
