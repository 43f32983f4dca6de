import ArgumentParser
import CoachApp
import CoachCore
import CoachPostgres

/// `kpicoach clients`: the practice at a glance, who needs attention first.
struct ClientsCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "clients", abstract: "Every client: goal, KPIs, progress, pace, check-ins — who needs attention first.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON: {clients: [{name, goal, kpis, rollup, worst_status, last_checkin, next_checkin, open_conversation}]}.") var json = false
    @Flag(help: "Include archived clients.") var all = false
    @Flag(help: "A lead coach's view of the whole practice (PostgreSQL): every coach's clients, the coach first on each line.") var practice = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let storage = try app.openDatabase(create: false)
        let today = try app.setup.today()
        let lines: [ClientLine]
        if practice {
            guard let database = storage as? PracticeDatabase else { throw .needsPractice("The whole practice") }
            guard database.coach.lead else { throw .notALead }
            let coaches = try store { () throws(StoreError) in try database.coaches() }
            lines = try Dashboard.lines(across: coaches.map { ($0.login, database.supervising($0.login)) }, today: today, includeArchived: all)
        } else {
            lines = try Dashboard.lines(from: storage, today: today, includeArchived: all)
        }
        if json { return print(JSONValue.object(["clients": .array(lines.map(\.json))]).text()) }
        guard !lines.isEmpty else { return print("No clients yet. Start with: kpicoach start --client NAME") }
        lines.forEach { print($0.row) }
    }
}

/// `kpicoach client NAME` and the commands about one client.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Work with one client: kpicoach client NAME shows their plan.",
        subcommands: [ClientShowCommand.self, ClientAddCommand.self, ClientRenameCommand.self, ClientArchiveCommand.self, ClientDeleteCommand.self,
                      ClientTransferCommand.self],
        defaultSubcommand: ClientShowCommand.self)
}

struct ClientShowCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One client's plan with sparklines.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        print(try app.planDesk().overview(of: name, style: app.style), terminator: "")
    }
}

struct ClientAddCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a client.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let clean = try ClientName.checked(name)
        let database = try app.openDatabase()
        let added = try store { () throws(StoreError) in try database.addClient(clean) }
        print(added ? "Added \(clean)." : "\(clean) is already a client.")
    }
}

struct ClientRenameCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a client.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The current name.") var old: String
    @Argument(help: "The new name.") var new: String

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let clean = try ClientName.checked(new)
        let database = try app.openDatabase(create: false)
        guard try store({ () throws(StoreError) in try database.renameClient(old, to: clean) }) else { throw .noClient(old) }
        print("Renamed \(TerminalText.sanitize(old)) to \(clean).")
    }
}

struct ClientArchiveCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Archive a client (kept, out of the dashboard); --restore brings them back.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String
    @Flag(help: "Restore an archived client.") var restore = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase(create: false)
        guard try store({ () throws(StoreError) in try database.archiveClient(name, archived: !restore) }) else { throw .noClient(name) }
        print(restore ? "Restored \(TerminalText.sanitize(name))." : "Archived \(TerminalText.sanitize(name)); `kpicoach clients --all` still shows them.")
    }
}

struct ClientDeleteCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a client and everything about them (asks first).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase(create: false)
        _ = try database.plan(of: name)
        guard yes || app.askYesNo("Delete \(TerminalText.sanitize(name)) and every conversation, KPI and check-in about them? This cannot be undone. (yes/no)") == true else {
            return print("Nothing deleted.")
        }
        _ = try store { () throws(StoreError) in try database.deleteClient(name) }
        print("Deleted \(TerminalText.sanitize(name)) and all their data.")
    }
}

struct ClientTransferCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Hand a client over to another coach of the practice (PostgreSQL).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The client's name.") var name: String
    @Option(help: "The login of the coach who takes the client over.") var to: String

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        guard let practice = try app.openDatabase(create: false) as? PracticeDatabase else { throw .needsPractice("Handing a client over") }
        guard try store({ () throws(StoreError) in try practice.transfer(client: name, to: to) }) else { throw .noClient(name) }
        print("\(TerminalText.sanitize(name)) is now \(TerminalText.sanitize(to))'s client; the hand-over is kept in their history. Your private notes about them stay yours: the new coach cannot read them.")
    }
}
