import ArgumentParser
import CoachApp
import CoachCore

/// `kpicoach` with no command: offer to resume the latest unfinished conversation, then a
/// check-in that is due, else start onboarding.
struct HomeCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "home", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase()
        let runner = try app.sessions(database)
        // Each offer: yes takes it, no goes on to the next, the end of input (Ctrl-D) leaves.
        if let latest = try store({ () throws(StoreError) in try database.latestUnfinished() }) {
            guard let resume = app.askYesNo(runner.resumeOffer(latest)) else { return }
            if resume { return try runner.resume(latest.id) }
        }
        if let due = try runner.clientWithCheckinDue() {
            let names = due.kpis.map { "“\(TerminalText.sanitize($0))”" }.joined(separator: ", ")
            guard let checkin = app.askYesNo("A check-in is due for \(TerminalText.sanitize(due.name)): \(names). Check in now? (yes/no)") else { return }
            if checkin { return try runner.start(scriptID: "checkin", client: due.name) }
        }
        try runner.start(scriptID: "onboarding", client: nil)
    }
}

struct StartCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a new conversation.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The client's name (asked for when omitted).") var client: String?
    @Option(help: "Which interview to run (a file name in Prompts/ without .yaml).") var script = "onboarding"
    @Flag(help: "Coach-led: a coach at the keyboard with the client; /note and /agreed are the coach's.") var coach = false
    @Option(name: .customLong("coach-name"), help: "The coach's name, for the transcript (implies --coach).") var coachName: String?

    func validate() throws {
        if coach || coachName != nil, client == nil { throw ValidationError("Coach-led mode needs the client's name: --client NAME.") }
    }

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let lead = coach || coachName != nil ? (coachName ?? "coach") : nil
        try app.sessions(try app.openDatabase()).start(scriptID: script, client: client, coach: lead)
    }
}

struct ResumeCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Continue a saved conversation exactly where it stopped.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id (default: the latest unfinished one).") var id: ConversationID?

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase(create: false)
        let latest = try store { () throws(StoreError) in try database.latestUnfinished() }
        guard let target = id ?? latest?.id else { throw .nothingToResume }
        try app.sessions(database).resume(target)
    }
}

struct SessionsCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List saved conversations, newest first.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Include conversations left before anything was answered (`kpicoach discard ID` removes one).") var all = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase(create: false)
        let list = try store { () throws(StoreError) in try database.conversations() }.filter { all || !$0.isAbandoned }
        if json { return print(JSONValue.object(["sessions": .array(list.map(JSONOutput.session))]).text()) }
        guard !list.isEmpty else { return print("No conversations yet. Start one with: kpicoach start") }
        var scripts: [String: Script?] = [:]
        list.forEach { conversation in
            print(conversation.row { id, step in
                if scripts[id] == nil { scripts[id] = .some(try? app.setup.script(id)) }
                return scripts[id]??[step]?.label
            })
        }
    }
}

struct DiscardCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "discard", abstract: "Remove a conversation and its log (asks first); the client and their plan stay.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id (`kpicoach sessions --all` lists them).") var id: ConversationID
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase(create: false)
        let s = try store { () throws(StoreError) in try database.conversation(id) }.summary
        let what = "conversation \(id) (\(s.scriptID)\(s.client.map { " with " + TerminalText.sanitize($0) } ?? ""), \(s.answers) answer\(s.answers == 1 ? "" : "s"))"
        guard yes || app.askYesNo("Discard \(what)? Its answers and log are removed; the client and their plan stay. (yes/no)") == true else {
            return print("Nothing discarded.")
        }
        _ = try store { () throws(StoreError) in try database.discardConversation(id) }
        print("Discarded \(what).")
    }
}

struct ShowCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a conversation's transcript and answers.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var id: ConversationID
    @Flag(help: "Print JSON with the answers and every logged event.") var json = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let database = try app.openDatabase(create: false)
        let stored = try store { () throws(StoreError) in try database.conversation(id) }
        let events = try store { () throws(StoreError) in try database.events(of: id) }
        print(json ? JSONOutput.conversation(stored, events: events).text() : Transcript(style: app.style).render(stored, events: events),
              terminator: json ? "\n" : "")
    }
}
