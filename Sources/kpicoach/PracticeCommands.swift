import ArgumentParser
import CoachApp
import CoachCore
import CoachPostgres
import CoachStore

/// `kpicoach practice …`: a coaching practice on one shared PostgreSQL database, set up by its owner.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice", abstract: "Set up a practice on a shared PostgreSQL database (--db postgresql://…), as its owner.",
        subcommands: [PracticeInitCommand.self, PracticeAddCoachCommand.self, PracticeCoachesCommand.self, PracticeImportCommand.self])
}

extension AppEnvironment {
    /// The practice named by `--db`/KPICOACH_DB, which must be a PostgreSQL URL here.
    func practice() throws(CoachFailure) -> Practice {
        guard PostgresLocation.isURL(setup.databaseLocation) else { throw .needsPractice("A practice command") }
        let (location, password) = try practiceLogin()
        return Practice(location, password: password)
    }
}

struct PracticeInitCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create or update the schema, the coaches' role and the row policies (safe to repeat).")
    @OptionGroup var global: GlobalOptions

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let practice = try app.practice()
        let applied = try store { () throws(StoreError) in try practice.initialise() }
        print(applied == 0 ? "The practice at \(practice.location.display) is up to date; roles and policies checked."
                           : "The practice at \(practice.location.display) is ready (\(applied) migration\(applied == 1 ? "" : "s") applied). Add coaches with: kpicoach practice add-coach LOGIN")
    }
}

struct PracticeAddCoachCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "add-coach", abstract: "Make LOGIN a coach of the practice (creating the PostgreSQL role if needed).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The coach's PostgreSQL login (lower-case letters, digits, _).") var login: String
    @Flag(help: "A lead coach: reads every client's plan and progress, never a private note.") var lead = false
    @Option(help: "The name shown for this coach.") var name: String?

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let practice = try app.practice()
        let created: Bool
        do { created = try practice.addCoach(login, lead: lead, name: name) } catch { throw .store(error) }
        print("\(login) is \(lead ? "a lead coach" : "a coach") of the practice\(created ? " (new login role; give it a password with ALTER ROLE … PASSWORD, or trust its socket)" : "").")
    }
}

struct PracticeCoachesCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "coaches", abstract: "The practice's coaches.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON: {coaches: [{login, name, lead}]}.") var json = false

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let practice = try app.practice()
        let coaches = try store { () throws(StoreError) in try practice.coaches() }
        if json {
            return print(JSONValue.object(["coaches": .array(coaches.map { ["login": .string($0.login), "name": JSONValue($0.name), "lead": .bool($0.lead)] })]).text())
        }
        guard !coaches.isEmpty else { return print("No coaches yet. Add one with: kpicoach practice add-coach LOGIN") }
        for coach in coaches { print([coach.login, TerminalText.sanitize(coach.name ?? ""), coach.lead ? "lead" : "coach"].joined(separator: "\t")) }
    }
}

struct PracticeImportCommand: CoachCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Bring a coach's own SQLite database into the practice as theirs (safe to repeat).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The SQLite file the coach used alone.") var file: String
    @Option(help: "The login of the coach whose clients these are.") var coach: String

    func run(_ app: AppEnvironment) throws(CoachFailure) {
        let practice = try app.practice()
        let source = try store { () throws(StoreError) in try AppDatabase.open(path: file, create: false) }
        let report = try store { () throws(StoreError) in try practice.importing(from: source, coach: coach) }
        print("Imported \(file) for \(coach):")
        for line in report.lines {
            print("  \(line.kind): \(line.inFile) in the file, \(line.added) added now, \(line.inPractice) in the practice for \(coach)")
        }
    }
}
