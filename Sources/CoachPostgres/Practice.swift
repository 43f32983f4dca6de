public import CoachCore
import PostgresNIO

/// What the owner of a practice's database does from the command line: set it up, add coaches,
/// list them. Run as the database's owner (who is not subject to the coaches' row policies).
public struct Practice: Sendable {
    let link: PostgresLink
    public let location: PostgresLocation

    public init(_ location: PostgresLocation, password: String?) {
        self.location = location
        link = PostgresLink(location: location, password: password)
    }

    /// Schema, migrations, the coaches' role, grants and row policies; running it again changes
    /// nothing. Returns how many migrations it applied.
    public func initialise() throws(StoreError) -> Int {
        try link.transaction(retries: 8) { sql in
            try sql.run("SELECT pg_advisory_xact_lock(7202601)")
            try sql.run("CREATE TABLE IF NOT EXISTS kpicoach_schema (version integer NOT NULL PRIMARY KEY)")
            let done = try sql.run("SELECT coalesce(max(version), 0) FROM kpicoach_schema").rows[0].makeRandomAccess()[0].decode(Int.self)
            if done > PracticeSchema.migrations.count { throw StoreError.newerSchema(path: location.display) }
            for (index, migration) in PracticeSchema.migrations.enumerated() where index >= done {
                try sql.script(migration)
                try sql.run("INSERT INTO kpicoach_schema (version) VALUES (\(index + 1))")
            }
            for statement in PracticeSchema.access { try sql.script(statement) }
            return PracticeSchema.migrations.count - done
        }
    }

    /// Makes the login role when it does not exist, lets it act as a coach, and registers it
    /// (again: the name and lead flag are updated). True when the role was new.
    public func addCoach(_ login: String, lead: Bool, name: String?) throws(StoreError) -> Bool {
        guard Self.isLogin(login) else { throw .badLogin(login) }
        return try link.transaction(retries: 8) { sql in
            let exists = !(try sql.run("SELECT 1 FROM pg_roles WHERE rolname = \(login)").rows.isEmpty)
            if !exists {
                try sql.script("DO $$ BEGIN CREATE ROLE \"\(login)\" LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
            }
            try sql.script("GRANT kpicoach_coach TO \"\(login)\"")
            try sql.script(lead ? "GRANT kpicoach_lead TO \"\(login)\"" : "REVOKE kpicoach_lead FROM \"\(login)\"")
            try sql.run("""
                INSERT INTO coach (login, name, lead) VALUES (\(login), \(name), \(lead))
                ON CONFLICT (login) DO UPDATE SET name = coalesce(excluded.name, coach.name), lead = excluded.lead
                """)
            return !exists
        }
    }

    /// Every coach of the practice, by login.
    public func coaches() throws(StoreError) -> [PracticeCoach] {
        try link.transaction(PracticeCoach.all)
    }

    /// A PostgreSQL role name kept simple enough to need no quoting rules beyond double quotes.
    static func isLogin(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.utf8.count <= 63 else { return false }
        let letters = "abcdefghijklmnopqrstuvwxyz_", rest = letters + "0123456789"
        return letters.unicodeScalars.contains(first) && text.unicodeScalars.allSatisfy { rest.unicodeScalars.contains($0) }
    }
}
