import ArgumentParser
import CoachCore
import CoachStore
import Foundation

/// `kpicoach kpi …`: the client's plan without an interview.
struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kpi", abstract: "Work with a client's KPIs.",
                                                    subcommands: [KPIListCommand.self])
}

struct KPIListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a client's KPIs with baseline and target.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's name.")
    var client: String

    @Flag(help: "Print JSON: {client, kpis: [{id, name, catalogue_id, unit, direction, baseline: {value, date, source}, target: {value, date}, cadence, weight}]}.")
    var json = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }) else { throw .noClient(client) }
            if json {
                let list: [[String: Any]] = kpis.map { s in
                    let k = s.kpi
                    return ["id": s.id, "name": k.name, "catalogue_id": k.catalogueID ?? NSNull(), "unit": k.unit.rawValue,
                            "direction": k.direction.rawValue, "cadence": k.cadence.rawValue, "weight": k.weight,
                            "baseline": ["value": k.baselineValue, "date": k.baselineDate.iso, "source": k.baselineSource],
                            "target": ["value": k.targetValue, "date": k.dueDate.iso]]
                }
                print(JSONOutput.text(["client": client, "kpis": list]))
                return
            }
            guard !kpis.isEmpty else { print("No KPIs yet. Choose some with: kpicoach start --script kpi-selection --client \(TerminalText.sanitize(client))"); return }
            for s in kpis {
                let k = s.kpi
                print("\(s.id)\t" + TerminalText.sanitize(k.name) + "\t\(NumberFormat.plain(k.baselineValue)) → \(NumberFormat.plain(k.targetValue)) \(k.unit.rawValue)"
                      + "\t\(k.direction.rawValue)\tby \(k.dueDate.iso)\t\(k.cadence.rawValue)\tweight \(NumberFormat.plain(k.weight))")
            }
        }
    }
}
