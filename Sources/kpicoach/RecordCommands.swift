import ArgumentParser
import CoachApp
import CoachCore
import CoachStore
import Foundation

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List saved conversations, newest first.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            let list = try store { () throws(StoreError) in try database.conversations() }
            if json {
                print(JSONValue.object(["sessions": .array(list.map(JSONOutput.session))]).text())
                return
            }
            guard !list.isEmpty else { print("No conversations yet. Start one with: kpicoach start"); return }
            for s in list {
                let who = TerminalText.sanitize(s.client ?? "(no name yet)")
                let at = s.status == .active ? "at \(TerminalText.sanitize(s.step ?? "?"))" : "finished"
                print("\(s.id)\t\(who)\t\(s.scriptID)\t\(at)\t\(s.updatedAt.minute)")
            }
        }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a conversation's transcript and answers.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The conversation id.")
    var id: ConversationID

    @Flag(help: "Print JSON with the answers and every logged event.")
    var json = false

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            let stored = try store { () throws(StoreError) in try database.conversation(id) }
            let events = try store { () throws(StoreError) in try database.events(of: id) }
            if json {
                print(JSONOutput.conversation(stored, events: events).text())
            } else {
                print(Transcript(style: app.style).render(stored, events: events), terminator: "")
            }
        }
    }
}
