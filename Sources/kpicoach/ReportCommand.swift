import ArgumentParser
import CoachCore
import CoachStore
import Foundation

/// `kpicoach report --client NAME [--format md|json|csv|html]`: the plan with its figures.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A client's plan with progress, pace and history.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's name.")
    var client: String

    @Option(help: "md, json, csv or html.")
    var format = "md"

    @Flag(name: .customLong("include-notes"), help: "Include the coach's private notes.")
    var includeNotes = false

    @Option(name: .shortAndLong, help: "Write to this file (created 0600) instead of standard output.")
    var output: String?

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: client) }) else { throw .noClient(client) }
            let known = try store { () throws(StoreError) in try database.knownAnswers(client: client) }
            let notes = includeNotes ? try store { () throws(StoreError) in try database.notes(client: client) } : nil
            let report = PlanReport(client: client, today: try app.today(), known: known, kpis: kpis, notes: notes)
            let text: String
            switch format {
            case "json": text = JSONOutput.text(report.json) + "\n"
            case "md", "markdown": text = report.markdown
            case "csv": text = report.csv
            case "html": text = report.html
            default: throw .badOption("--format", ["md", "json", "csv", "html"])
            }
            guard let output else { print(text, terminator: ""); return }
            umask(0o077)
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw .cannotWrite(output)
            }
        }
    }
}
