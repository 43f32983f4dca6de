import ArgumentParser
import CoachApp
import CoachCore
import CoachStore

/// `kpicoach client add NAME`.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Work with one client: kpicoach client NAME shows their plan.",
        subcommands: [ClientShowCommand.self, ClientAddCommand.self, ClientRenameCommand.self, ClientArchiveCommand.self, ClientDeleteCommand.self],
        defaultSubcommand: ClientShowCommand.self)
}

struct ClientAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a client.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The client's name.")
    var name: String

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let clean = try ClientName.checked(name)
            let database = try app.openDatabase()
            let added = try store { () throws(StoreError) in try database.addClient(clean) }
            print(added ? "Added \(clean)." : "\(clean) is already a client.")
        }
    }
}
