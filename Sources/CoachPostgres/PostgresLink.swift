import CoachCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One connection to the practice's server, used synchronously: the storage port is a plain
/// function call per transaction, and a command-line program waits for each answer anyway.
/// A connection the server closed (a restart, a dropped network) is noticed before the next
/// transaction and made again; a transaction it interrupts fails with `connectionLost`, which
/// loses nothing, since each answer is its own committed transaction.
final class PostgresLink: @unchecked Sendable {
    let location: PostgresLocation
    private let password: String?
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var wasConnected = false
    private let logger = Logger(label: "kpicoach.postgres") { _ in SwiftLogNoOpLogHandler() }

    init(location: PostgresLocation, password: String?) {
        self.location = location
        self.password = password
    }

    deinit { try? connection?.close().wait() }

    /// The current connection, made again when the server closed it.
    private func connected() throws(StoreError) -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        if let stale = connection { try? stale.close().wait() }
        connection = nil
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: location.user, password: password, database: location.database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            do {
                switch location.tls {
                case .disable: tls = .disable
                case .require:
                    var config = TLSConfiguration.makeClientConfiguration()
                    config.certificateVerification = .none
                    tls = .require(try NIOSSLContext(configuration: config))
                case .verifyFull:
                    var config = TLSConfiguration.makeClientConfiguration()
                    if let roots = location.rootCertificates { config.trustRoots = .file(roots) }
                    tls = .require(try NIOSSLContext(configuration: config))
                }
            } catch {
                if let roots = location.rootCertificates, !FileManager.default.isReadableFile(atPath: roots) {
                    throw .encryption(server: location.display, problem: .unreadableRoots(roots))
                }
                throw .encryption(server: location.display, problem: .failed("\(error)"))
            }
            configuration = .init(host: host, port: port, username: location.user, password: password, database: location.database, tls: tls)
        }
        // After a drop (the server restarting, say), keep trying for a few seconds before giving up.
        let deadline = Instant.now().millisecondsSince1970 + (wasConnected ? 8_000 : 0)
        while true {
            do {
                let made = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                          id: 1, logger: logger).wait()
                connection = made
                wasConnected = true
                return made
            } catch {
                let problem = StoreError(postgres: error, location: location, connecting: true)
                let passing: Bool = switch problem {
                case .serverUnreachable, .connectionLost: true
                default: false
                }
                guard passing, Instant.now().millisecondsSince1970 < deadline else { throw problem }
                usleep(100_000)
            }
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// `retries`: for the owner's idempotent set-up, how often to run it again when another
    /// session changed the server-wide catalogue (roles, grants) at the same moment.
    @discardableResult
    func transaction<T>(retries: Int = 0, _ body: (Statements) throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        var attempt = 0
        while true {
            let connection = try connected()
            let statements = Statements(connection: connection, logger: logger)
            do {
                try statements.run("BEGIN")
                let result = try body(statements)
                try statements.run("COMMIT")
                return result
            } catch {
                if !connection.isClosed { _ = try? statements.run("ROLLBACK") }
                if let error = error as? StoreError { throw error }
                let state = (error as? PSQLError)?.serverInfo?[.sqlState] ?? ""
                // XX000 "tuple concurrently updated", a serialisation failure, a deadlock, a duplicate role.
                if attempt < retries, ["XX000", "40001", "40P01", "23505"].contains(state) {
                    attempt += 1
                    usleep(UInt32(20_000 * attempt))
                    continue
                }
                throw StoreError(postgres: error, location: location, connecting: false)
            }
        }
    }
}

/// The statements of one transaction; every value is a bind parameter (`PostgresQuery`
/// interpolation), never spliced into the SQL.
struct Statements {
    let connection: PostgresConnection
    let logger: Logger
    /// The coach whose rows the statements are about.
    var scope = ""

    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    /// SQL written here, without parameters: statements each ending a line with `;` (a
    /// migration), or one statement.
    func script(_ text: String) throws {
        var statement = ""
        for piece in text.components(separatedBy: ";\n") {
            statement += statement.isEmpty ? piece : ";\n" + piece
            // A function body between $$ … $$ holds statements of its own.
            guard statement.components(separatedBy: "$$").count % 2 == 1 else { continue }
            if !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { try run(PostgresQuery(unsafeSQL: statement)) }
            statement = ""
        }
    }

    /// How many rows the statement changed.
    func changes(_ query: PostgresQuery) throws -> Int { try run(query).metadata.rows ?? 0 }
}

extension StoreError {
    /// The server's error as the sentence a coach needs; SQLSTATEs as PostgreSQL documents them.
    init(postgres error: any Error, location: PostgresLocation, connecting: Bool) {
        let server = location.display
        if let legacy = error as? PostgresError, case .server(let server) = legacy {
            self = .failed(path: location.display, detail: server.fields[.message] ?? "\(legacy)")
            return
        }
        guard let error = error as? PSQLError else {
            self = connecting ? .serverUnreachable(server: server, reason: String(describing: type(of: error))) : .failed(path: server, detail: "\(type(of: error))")
            return
        }
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? ""
        if let problem = Self.encryptionProblem(error, location: location, state: state, message: message) {
            self = .encryption(server: server, problem: problem)
            return
        }
        switch (error.code, state) {
        case (_, "28P01"), (_, "28000"), (.authMechanismRequiresPassword, _), (.saslError, _):
            self = .loginRefused(role: location.user, server: server)
        case (_, "KPC01"):
            self = .notAllowed(server: server, detail: "there is no such coach in the practice")
        case (_, "KPC02"):
            self = .notAllowed(server: server, detail: "that coach already has a client of that name")
        case (_, "3D000"):
            self = .serverUnreachable(server: server, reason: "there is no database \(location.database)")
        case (_, "42P01"), (_, "42883"):
            self = .notAPractice(server: server)
        case (_, "42501"):
            self = .notAllowed(server: server, detail: message)
        case (_, let s) where s.hasPrefix("57P") || s.hasPrefix("08"):
            self = .connectionLost(server: server)
        case (.connectionError, _), (.serverClosedConnection, _), (.uncleanShutdown, _), (.clientClosedConnection, _):
            if connecting {
                let reason = (error.underlying as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "no answer"
                self = .serverUnreachable(server: server, reason: reason)
            } else {
                self = .connectionLost(server: server)
            }
        default:
            self = .failed(path: server, detail: message.isEmpty ? "\(error.code)" : message)
        }
    }

    /// A refusal of the server's (pg_hba.conf has only `hostssl` lines for this host) or a failed
    /// TLS handshake, told apart from a wrong password or a server that does not answer.
    private static func encryptionProblem(_ error: PSQLError, location: PostgresLocation, state: String, message: String) -> EncryptionProblem? {
        if state == "28000", message.contains("no encryption") { return .required }
        if let extra = error.underlying as? NIOSSLExtraError, extra == .failedToValidateHostname, case .tcp(let host, _) = location.endpoint {
            return .wrongHost(host)
        }
        if let ssl = error.underlying as? NIOSSLError, case .handshakeFailed(let reasons) = ssl {
            return "\(reasons)".contains("CERTIFICATE_VERIFY_FAILED") ? .untrusted : .failed("\(reasons)")
        }
        return nil
    }
}
