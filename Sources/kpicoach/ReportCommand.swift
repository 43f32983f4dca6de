public import ArgumentParser
public import CoachApp
import CoachCore
import Foundation

extension PlanReport.Format: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument == "markdown" ? "md" : argument)
    }
}

/// `kpicoach report --client NAME [--format md|json|csv|html]`: the plan with its figures.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A client's plan with progress, pace and history.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's name.")
    var client: String

    @Option(help: "md, json, csv or html.")
    var format: PlanReport.Format = .md

    @Flag(name: .customLong("include-notes"), help: "Include the coach's private notes.")
    var includeNotes = false

    @Option(name: .shortAndLong, help: "Write to this file (created 0600) instead of standard output.")
    var output: String?

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let report = try PlanReport.gather(client: client, from: try app.openDatabase(create: false), today: try app.today(), includeNotes: includeNotes)
            let text = report.rendered(as: format)
            guard let output else { print(text, terminator: ""); return }
            umask(0o077)
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw .cannotWrite(output)
            }
        }
    }
}
