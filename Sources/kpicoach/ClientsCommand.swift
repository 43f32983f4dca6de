import ArgumentParser
import CoachCore
import CoachApp
import CoachStore
import Foundation

/// `kpicoach clients`: the practice at a glance, who needs attention first.
struct ClientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clients", abstract: "Every client: goal, KPIs, progress, pace, check-ins — who needs attention first.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: {clients: [{name, goal, kpis, rollup, worst_status, last_checkin, next_checkin, open_conversation}]}.")
    var json = false

    @Flag(help: "Include archived clients.")
    var all = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let lines = try Dashboard.lines(from: try app.openDatabase(create: false), today: try app.today(), includeArchived: all)
            if json {
                print(JSONValue.object(["clients": .array(lines.map(\.json))]).text())
                return
            }
            guard !lines.isEmpty else { print("No clients yet. Start with: kpicoach start --client NAME"); return }
            for l in lines {
                let progress = l.rollup.map { "\(Int(($0 * 100).rounded()))%" } ?? "—"
                print([TerminalText.sanitize(l.name), l.worst?.words ?? "no KPIs", "\(l.kpis) KPI\(l.kpis == 1 ? "" : "s")", progress,
                       "last \(l.lastCheckin?.iso ?? "—")", "next \(l.nextDue?.iso ?? "—")",
                       l.openConversation.map { "open: resume \($0)" } ?? "", TerminalText.sanitize(l.goal ?? "")].joined(separator: "\t"))
            }
        }
    }
}

/// `kpicoach client NAME`: one client's plan with sparklines.
struct ClientShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One client's plan with sparklines.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The client's name.")
    var name: String

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            guard let kpis = try store({ () throws(StoreError) in try database.kpis(client: name) }) else { throw .noClient(name) }
            let known = try store { () throws(StoreError) in try database.knownAnswers(client: name) }
            let style = app.style
            print(style.question(TerminalText.sanitize(name) + (known["goal.final"].map { " — “\($0.display)”" } ?? "")), terminator: "")
            guard !kpis.isEmpty else { print("No KPIs yet."); return }
            let today = try app.today()
            let view = ProgressView(style: style)
            for k in kpis where !k.retired {
                let status = k.figures.evaluate(today: today, cadence: k.kpi.cadence)
                let first = view.render(name: k.kpi.name, unit: k.kpi.unit.rawValue, history: [k.kpi.baselineValue] + k.checkins.map(\.value), status: status)[0]
                print(style.message(first), terminator: "")
            }
        }
    }
}

struct ClientRenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a client.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The current name.") var old: String
    @Argument(help: "The new name.") var new: String

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let clean = try ClientName.checked(new)
            let database = try app.openDatabase(create: false)
            guard try store({ () throws(StoreError) in try database.renameClient(old, to: clean) }) else { throw .noClient(old) }
            print("Renamed \(TerminalText.sanitize(old)) to \(clean).")
        }
    }
}

struct ClientArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive a client (kept, out of the dashboard); --restore brings them back.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String
    @Flag(help: "Restore an archived client.") var restore = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            guard try store({ () throws(StoreError) in try database.archiveClient(name, archived: !restore) }) else { throw .noClient(name) }
            print(restore ? "Restored \(TerminalText.sanitize(name))." : "Archived \(TerminalText.sanitize(name)); `kpicoach clients --all` still shows them.")
        }
    }
}

struct ClientDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a client and everything about them (asks first).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            guard try store({ () throws(StoreError) in try database.kpis(client: name) }) != nil else { throw .noClient(name) }
            let sure = if yes { true } else { app.askYesNo("Delete \(TerminalText.sanitize(name)) and every conversation, KPI and check-in about them? This cannot be undone. (yes/no)") }
            guard sure else { print("Nothing deleted."); return }
            _ = try store { () throws(StoreError) in try database.deleteClient(name) }
            print("Deleted \(TerminalText.sanitize(name)) and all their data.")
        }
    }
}
