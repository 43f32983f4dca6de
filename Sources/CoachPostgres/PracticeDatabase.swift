public import CoachCore
import Foundation
import NIOCore
import PostgresNIO

/// A coaching practice's shared database on PostgreSQL, behind the same storage port as the
/// SQLite file. The connected role is the coach: the server's row-level security decides what
/// they see, and every row they write is theirs.
public final class PracticeDatabase: @unchecked Sendable {
    let link: PostgresLink
    public let location: PostgresLocation
    /// The connected coach, as the practice knows them.
    public let coach: PracticeCoach

    /// Connects as a coach of the practice; says so when the database was never set up, or the
    /// role is not one of its coaches.
    public static func open(_ location: PostgresLocation, password: String?) throws(StoreError) -> PracticeDatabase {
        let link = PostgresLink(location: location, password: password)
        let coach: PracticeCoach? = try link.transaction { sql in
            let version = try sql.run("SELECT max(version) FROM kpicoach_schema").rows.first?.makeRandomAccess()[0].decode(Int?.self) ?? nil
            if (version ?? 0) > PracticeSchema.migrations.count { throw StoreError.newerSchema(path: location.display) }
            guard let version else { throw StoreError.notAPractice(server: location.display) }
            if version < PracticeSchema.migrations.count { throw StoreError.practiceBehind(server: location.display) }
            return try sql.run("SELECT login, name, lead FROM coach WHERE login = current_user").rows.first.map(PracticeCoach.init(row:))
        }
        guard let coach else { throw .notACoach(role: location.user, server: location.display) }
        return PracticeDatabase(link: link, location: location, coach: coach)
    }

    /// The coach whose clients this reads and writes: the connected coach, or a colleague a lead supervises.
    public let scope: String

    init(link: PostgresLink, location: PostgresLocation, coach: PracticeCoach, scope: String? = nil) {
        self.link = link
        self.location = location
        self.coach = coach
        self.scope = scope ?? coach.login
    }

    /// The same practice seen as `colleague`'s clients, for a lead's supervision: what the
    /// server lets a lead read (plans and progress, no private notes), and nothing to write.
    public func supervising(_ colleague: String) -> PracticeDatabase {
        PracticeDatabase(link: link, location: location, coach: coach, scope: colleague)
    }

    /// The practice's coaches, by login.
    public func coaches() throws(StoreError) -> [PracticeCoach] {
        try transaction(PracticeCoach.all)
    }

    @discardableResult
    func transaction<T>(_ body: (Statements) throws -> T) throws(StoreError) -> T {
        try link.transaction { sql in
            var scoped = sql
            scoped.scope = scope
            return try body(scoped)
        }
    }
}

/// A coach of the practice: their PostgreSQL login, the name shown, and whether they lead.
public struct PracticeCoach: Hashable, Sendable {
    public let login: String
    public let name: String?
    public let lead: Bool

    public init(login: String, name: String?, lead: Bool) {
        self.login = login
        self.name = name
        self.lead = lead
    }

    /// Every coach of the practice, by login.
    static func all(_ sql: Statements) throws -> [PracticeCoach] {
        try sql.run("SELECT login, name, lead FROM coach ORDER BY login").rows.map(PracticeCoach.init(row:))
    }

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(login: try r[0].decode(String.self), name: try r[1].decode(String?.self), lead: try r[2].decode(Bool.self))
    }
}

// MARK: column helpers

/// Instants travel as milliseconds and are kept as `timestamptz`.
enum SQLTime {
    static func seconds(_ instant: Instant) -> Double { Double(instant.millisecondsSince1970) / 1000 }
    /// The SQL that reads a `timestamptz` column back as milliseconds.
    static func millis(_ column: String) -> String { "round(extract(epoch FROM \(column)) * 1000)::bigint" }
    static func instant(_ cell: PostgresCell) throws -> Instant { Instant(millisecondsSince1970: try cell.decode(Int64.self)) }
}

extension ByteBuffer {
    /// Text kept byte for byte (a NUL included, which PostgreSQL's `text` cannot hold).
    init(exactly text: String) { self.init(bytes: Array(text.utf8)) }
    var text: String { String(decoding: readableBytesView, as: UTF8.self) }
}

extension String {
    /// PostgreSQL's `text` cannot hold NUL; a message keeps everything else as written.
    var withoutNUL: String { contains("\u{0}") ? replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : self }
}

extension PracticeDatabase {
    /// Hands one of your clients to another coach of the practice, with everything about them
    /// (private notes stay their author's); the move is kept in the client's history. False
    /// when you have no client of that name.
    public func transfer(client: String, to coach: String) throws(StoreError) -> Bool {
        try transaction { sql in
            try sql.run("SELECT kpicoach_transfer(\(client), \(coach))").rows[0].makeRandomAccess()[0].decode(Int64?.self) != nil
        }
    }
}
