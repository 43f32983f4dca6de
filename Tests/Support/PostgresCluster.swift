import Foundation

/// A throwaway PostgreSQL 15 server for the tests: `initdb` into a temporary folder and
/// `pg_ctl start` listening only on a Unix socket there, as the `postgres` user when the tests
/// run as root. One per test process, started on first use; a watcher stops it and removes the
/// folder when the process ends. Each test asks for its own database.
public final class PostgresCluster: @unchecked Sendable {
    public static let binaries = "/usr/lib/postgresql/15/bin"

    /// The shared cluster, or nil (with the reason) where PostgreSQL is not installed. In CI
    /// (`CI=true`) a missing server is a failure, not a skip.
    public static let shared: Result<PostgresCluster, ClusterError> = Result { () throws(ClusterError) in try PostgresCluster() }

    /// The one role that must give a password (scram-sha-256); its password is `passwordRole` backwards.
    public static let passwordRole = "pw_coach"
    /// A server of its own, for a test that restarts it while other suites use the shared one.
    public static func dedicated() throws(ClusterError) -> PostgresCluster { try PostgresCluster() }

    /// A server of its own that also listens on 127.0.0.1 for TLS connections only (plain TCP is
    /// refused), with a self-signed certificate for `localhost` made by openssl: `certificate`.
    public static func withTLS() throws(ClusterError) -> PostgresCluster { try PostgresCluster(tls: true) }

    public let folder: String
    /// The TCP port of a `withTLS()` server.
    public let port: Int?
    /// The server's certificate (PEM), which also serves as its own certificate authority.
    public var certificate: String { folder + "/server.crt" }
    private let options: String
    /// The superuser, which owns every test database.
    public let owner = "postgres"
    private let lock = NSLock()

    public var socketFolder: String { folder }

    private init(tls: Bool = false) throws(ClusterError) {
        guard FileManager.default.isExecutableFile(atPath: Self.binaries + "/initdb") else {
            throw .notInstalled
        }
        folder = NSTemporaryDirectory() + "kpicoach-pg-" + UUID().uuidString.prefix(8).lowercased()
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot { _ = Self.shell("chown postgres \(folder) && chmod 700 \(folder)") }
        let user = asRoot ? "runuser -u postgres -- " : ""
        let data = folder + "/data"
        // Every role logs in on the socket without a password, except the one kept for the password tests.
        var access = "local all \(Self.passwordRole) scram-sha-256\nlocal all all trust\n"
        port = tls ? Int.random(in: 20_000...60_000) : nil
        if let port {
            access += "hostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n"
            options = "-k \(folder) -c listen_addresses=127.0.0.1 -p \(port) -c ssl=on -c ssl_cert_file=\(folder)/server.crt "
                + "-c ssl_key_file=\(folder)/server.key -c fsync=off"
        } else {
            options = "-k \(folder) -c listen_addresses='' -c fsync=off"
        }
        let certificateMade = !tls || Self.shell("\(user)openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
            + "-addext subjectAltName=DNS:localhost -keyout \(folder)/server.key -out \(folder)/server.crt > \(folder)/openssl.log 2>&1") == 0
        guard certificateMade,
              Self.shell("\(user)\(Self.binaries)/initdb -D \(data) -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 > \(folder)/initdb.log 2>&1") == 0,
              (try? access.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)) != nil,
              Self.shell("\(user)\(Self.binaries)/pg_ctl -D \(data) -l \(folder)/server.log -w -o \"\(options)\" start > /dev/null 2>&1") == 0
        else { throw .couldNotStart(log: (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? "") }
        // Stops the server and removes the folder once this test process is gone.
        let watcher = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(user)\(Self.binaries)/pg_ctl -D \(data) -m immediate stop; rm -rf \(folder)"
        _ = Self.shell("nohup sh -c \"\(watcher)\" > /dev/null 2>&1 &")
    }

    /// A new, empty database, as a URL for the given role.
    public func freshDatabase(prefix: String = "t") -> String {
        lock.lock()
        defer { lock.unlock() }
        let name = prefix + "_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        _ = psql("CREATE DATABASE \(name)", database: "postgres")
        return name
    }

    public func url(database: String, user: String? = nil) -> String {
        "postgresql://\(user ?? owner)@/\(database)?host=\(folder)" + (port.map { "&port=\($0)" } ?? "")
    }

    /// Runs SQL through `psql` as `user`; standard output, tab-separated, no headers.
    @discardableResult
    public func psql(_ sql: String, database: String, user: String? = nil) -> String {
        let output = folder + "/psql-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let quoted = sql.replacingOccurrences(of: "'", with: "'\\''")
        Self.shell("/usr/bin/psql -X -q -A -t -F '\t' -h \(folder) \(port.map { "-p \($0) " } ?? "")-U \(user ?? owner) -d \(database) -c '\(quoted)' > \(output) 2>/dev/null")
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Restarts the server (fast shutdown: open connections are dropped), as an operator would.
    public func restart() {
        let user = getuid() == 0 ? "runuser -u postgres -- " : ""
        _ = Self.shell("\(user)\(Self.binaries)/pg_ctl -D \(folder)/data -l \(folder)/server.log -m fast -w -o \"\(options)\" restart > /dev/null 2>&1")
    }

    /// Runs a shell command and waits for it with `waitpid`: Foundation's `Process` can miss a
    /// child's exit while a static initialiser holds other threads. The child gets none of this
    /// process's open files: a server or watcher started while another test's pipe to a
    /// `kpicoach` is open would hold that pipe, and the `kpicoach` would wait for input forever.
    @discardableResult
    static func shell(_ command: String) -> Int32 {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (arg: String) in strdup(arg) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xff
    }

    /// True where the PostgreSQL suites must run rather than say they are skipped.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}

public enum ClusterError: Error, CustomStringConvertible {
    case notInstalled
    case couldNotStart(log: String)

    public var description: String {
        switch self {
        case .notInstalled: "PostgreSQL 15 is not installed (\(PostgresCluster.binaries)); .ci/run installs it with apt-get install postgresql"
        case .couldNotStart(let log): "the throwaway PostgreSQL server did not start: \(log.suffix(400))"
        }
    }
}
