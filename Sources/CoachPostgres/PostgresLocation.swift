public import Foundation

/// Where a practice's database is, read from a libpq-style URL:
/// `postgresql://USER@HOST:PORT/DB`, `postgresql://USER@/DB?host=/socket/dir`,
/// `?sslmode=disable|require|verify-full`, `&sslrootcert=FILE` (the certificate authority that
/// verify-full trusts, when it is not one of the system's). A password written in the URL works,
/// but `display` never shows it.
public struct PostgresLocation: Hashable, Sendable {
    public enum Endpoint: Hashable, Sendable {
        case tcp(host: String, port: Int)
        /// The socket file itself (`DIR/.s.PGSQL.PORT`), as libpq builds it from a folder.
        case socket(path: String)
    }

    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        case disable, require
        case verifyFull = "verify-full"
    }

    public let endpoint: Endpoint
    public let user: String
    public let database: String
    public let tls: TLSMode
    /// A PEM file of the certificate authorities to trust instead of the system's (`sslrootcert`).
    public let rootCertificates: String?
    /// The password from the URL, if one was written there (a warning is due).
    public let passwordInURL: String?

    /// True when `text` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Reads the URL; the error says what is wrong with it in words.
    public init(url text: String, defaultUser: String = ProcessInfo.processInfo.environment["USER"] ?? "postgres") throws(PostgresLocationError) {
        guard let schemeEnd = text.range(of: "://"), Self.isURL(text) else { throw .notAURL }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                query[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            rest = rest[..<mark]
        }
        var authority = rest, path = Substring("")
        if let slash = rest.firstIndex(of: "/") { (authority, path) = (rest[..<slash], rest[rest.index(after: slash)...]) }
        var user: String?, password: String?
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = String(credentials[..<colon]).removingPercentEncoding
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
            } else {
                user = String(credentials).removingPercentEncoding
            }
        }
        var host = String(authority), port = 5432
        if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") || authority[..<colon].hasSuffix("]") {
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(number) else { throw .badPort }
            port = number
            host = String(authority[..<colon])
        }
        if let p = query["port"] {
            guard let number = Int(p), (1...65_535).contains(number) else { throw .badPort }
            port = number
        }
        if let h = query["host"], !h.isEmpty { host = h }
        if host.isEmpty { host = "/var/run/postgresql" }
        if host.hasPrefix("/") {
            endpoint = .socket(path: host + "/.s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
        }
        let mode = query["sslmode"] ?? (host.hasPrefix("/") ? "disable" : "require")
        switch mode {
        case "disable", "allow", "prefer": tls = .disable
        case "require": tls = .require
        case "verify-full", "verify-ca": tls = .verifyFull
        default: throw .badSSLMode(mode)
        }
        self.user = user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? defaultUser
        let name = String(path).removingPercentEncoding ?? String(path)
        database = name.isEmpty ? (query["dbname"] ?? self.user) : name
        passwordInURL = password ?? query["password"]
        rootCertificates = query["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URL as it may be shown and logged: never with a password.
    public var display: String {
        switch endpoint {
        case .tcp(let host, let port): "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        case .socket(let path): "postgresql://\(user)@/\(database)?host=\((path as NSString).deletingLastPathComponent)"
        }
    }

    /// The password to log in with: the URL's, else `PGPASSWORD`, else the first matching line of
    /// `~/.pgpass` (`host:port:database:user:password`, `*` matching anything), which, as for
    /// libpq, is ignored with a warning when others can read it.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment, warn: (String) -> Void) -> String? {
        if let passwordInURL { return passwordInURL }
        if let password = environment["PGPASSWORD"] { return password }
        let file = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            warn("\(file) can be read by others, so its passwords are not used; make it private with chmod 600 \(file).")
            return nil
        }
        let (host, port): (String, String) = switch endpoint {
        case .tcp(let host, let port): (host, String(port))
        case .socket(let path): ("localhost", String(path.split(separator: ".").last ?? "5432"))
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = Self.pgpassFields(line)
            guard fields.count == 5 else { continue }
            let wanted = [host, port, database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// A `.pgpass` line split at unescaped colons, with `\:` and `\\` unescaped.
    private static func pgpassFields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", escaped = false
        for c in line {
            if escaped { field.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == ":" { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
    }
}

/// What is wrong with a database URL, in words.
public enum PostgresLocationError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAURL, badPort
    case badSSLMode(String)

    public var description: String {
        switch self {
        case .notAURL: "A PostgreSQL database is named by a URL such as postgresql://USER@HOST:PORT/DB or postgresql://USER@/DB?host=/socket/dir."
        case .badPort: "The port in the database URL must be a number from 1 to 65535."
        case .badSSLMode(let mode): "sslmode=\(mode) is not known; use sslmode=disable, require or verify-full."
        }
    }
}
