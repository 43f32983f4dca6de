import ArgumentParser
import CoachCore
import CoachApp
import CoachStore

/// `kpicoach` with no command: offer to resume the latest unfinished conversation, then a
/// check-in that is due, else start onboarding.
struct HomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "home", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase()
            let runner = try app.sessions(database)
            let latest = try store { () throws(StoreError) in try database.latestUnfinished() }
            if let latest, try offerResume(latest, app: app) { return try runner.resume(latest.id) }
            if let due = try runner.clientWithCheckinDue() {
                let names = due.kpis.map { "“\(TerminalText.sanitize($0))”" }.joined(separator: ", ")
                if app.askYesNo("A check-in is due for \(TerminalText.sanitize(due.name)): \(names). Check in now? (yes/no)") {
                    return try runner.start(scriptID: "checkin", client: due.name)
                }
            }
            try runner.start(scriptID: "onboarding", client: nil)
        }
    }

    private func offerResume(_ latest: ConversationSummary, app: AppEnvironment) throws(CoachFailure) -> Bool {
        let who = latest.client.map { " with \(TerminalText.sanitize($0))" } ?? ""
        // The question's label, as "Welcome back" names it; the step id if the script is gone.
        let label = latest.step.map { step in (try? app.script(latest.scriptID))?[step]?.label ?? step }
        let at = label.map { ", at “\(TerminalText.sanitize($0))”" } ?? ""
        return app.askYesNo("You have an unfinished \(latest.scriptID) conversation\(who)\(at). Resume it? (yes/no)")
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a new conversation.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The client's name (asked for when omitted).")
    var client: String?

    @Option(help: "Which interview to run (a file name in Prompts/ without .yaml).")
    var script = "onboarding"

    @Flag(help: "Coach-led: a coach at the keyboard with the client; /note and /agreed are the coach's.")
    var coach = false

    @Option(name: .customLong("coach-name"), help: "The coach's name, for the transcript (implies --coach).")
    var coachName: String?

    func validate() throws {
        if coach || coachName != nil, client == nil { throw ValidationError("Coach-led mode needs the client's name: --client NAME.") }
    }

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let lead = coach || coachName != nil ? (coachName ?? "coach") : nil
            try app.sessions(try app.openDatabase()).start(scriptID: script, client: client, coach: lead)
        }
    }
}

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Continue a saved conversation exactly where it stopped.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The conversation id (default: the latest unfinished one).")
    var id: ConversationID?

    func run() throws {
        try reporting { () throws(CoachFailure) in
            let app = AppEnvironment(options: global)
            let database = try app.openDatabase(create: false)
            let latest = try store { () throws(StoreError) in try database.latestUnfinished() }
            guard let target = id ?? latest?.id else { throw .nothingToResume }
            try app.sessions(database).resume(target)
        }
    }
}
