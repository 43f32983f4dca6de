/// Why the store cannot do what was asked, in one sentence a coach can act on; every backend
/// throws these.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case cannotCreate(path: String, reason: String)
    case readOnly(path: String)
    case corrupt(path: String)
    case newerSchema(path: String)
    case busy(path: String)
    case diskFull(path: String)
    case failed(path: String, detail: String)
    case noConversation(id: String)
    case noKPI(id: KPIID, client: String)
    case clientExists(name: String)
    case conversationHeld(id: ConversationID, by: ConversationLease)
    /// A practice's server (PostgreSQL), named by its URL without the password.
    case serverUnreachable(server: String, reason: String)
    case loginRefused(role: String, server: String)
    case notAPractice(server: String)
    case practiceBehind(server: String)
    case notACoach(role: String, server: String)
    case connectionLost(server: String)
    /// The connection could not be encrypted as `sslmode` asks, or the server wants it encrypted.
    case encryption(server: String, problem: EncryptionProblem)
    case notAllowed(server: String, detail: String)
    case badLogin(String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "There is no database at \(path) yet; start a conversation with `kpicoach start`, or point --db at an existing file."
        case .cannotCreate(let path, let reason):
            return "Cannot create the database at \(path): \(reason). Choose another place with --db PATH."
        case .readOnly(let path):
            return "The database at \(path) is read-only, so answers could not be saved; fix its permissions or use --db PATH."
        case .corrupt(let path):
            return "The file at \(path) is not a KPI Coach database or is damaged; restore a backup or use --db PATH for a new one."
        case .newerSchema(let path):
            return "The database at \(path) was written by a newer version of kpicoach; please upgrade kpicoach to open it."
        case .busy(let path):
            return "The database at \(path) is locked by another program; try again in a moment."
        case .diskFull(let path):
            return "The disk holding \(path) is full or refuses writes, so answers could not be saved; free some space and resume."
        case .failed(let path, let detail):
            return "The database at \(path) could not be used (\(detail))."
        case .clientExists(let name):
            return "There is already a client called \(name); choose another name."
        case .noKPI(let id, let client):
            return "\(client) has no KPI \(id). `kpicoach kpi list --client \"\(client)\"` shows the ids."
        case .conversationHeld(let id, let lease):
            return "Conversation \(id) is open in another kpicoach (process \(lease.holder.pid) on \(TerminalText.sanitize(lease.holder.host)), "
                + "since \(lease.since.minute)); finish or quit it there first."
        case .serverUnreachable(let server, let reason):
            return "Cannot reach the database server at \(server) (\(reason)); check that it runs and that the URL is right."
        case .loginRefused(let role, let server):
            return "The server at \(server) refused the login of \(role): wrong password or no such role (set PGPASSWORD or ~/.pgpass)."
        case .notAPractice(let server):
            return "The database at \(server) is not set up for KPI Coach yet; its owner runs `kpicoach practice init --db URL` once."
        case .practiceBehind(let server):
            return "The practice at \(server) was set up by an older kpicoach; its owner brings it up to date with `kpicoach practice init --db URL`."
        case .notACoach(let role, let server):
            return "\(role) is not a coach of the practice at \(server); its owner adds you with `kpicoach practice add-coach \(role)`."
        case .encryption(let server, let problem):
            switch problem {
            case .required:
                return "The server at \(server) accepts only encrypted connections; use sslmode=require or sslmode=verify-full."
            case .untrusted:
                return "The certificate of the server at \(server) is not signed by an authority this machine trusts; "
                    + "name the practice's certificate authority with sslrootcert=FILE in the URL."
            case .wrongHost(let host):
                return "The certificate of the server at \(server) is not made out to \(host); connect by the name it is made out to."
            case .unreadableRoots(let file):
                return "The certificate authority file \(file) (sslrootcert) cannot be read."
            case .failed(let detail):
                return "The encrypted connection to \(server) could not be made (\(detail))."
            }
        case .connectionLost(let server):
            return "The connection to \(server) was lost; everything answered before this is saved — `kpicoach resume` carries on at the same question."
        case .notAllowed(let server, let detail):
            return "The database at \(server) did not allow that (\(detail))."
        case .badLogin(let login):
            return "“\(TerminalText.sanitize(login))” cannot be a coach's login: use lower-case letters, digits and _, starting with a letter."
        case .noConversation(let id):
            return "There is no conversation \(id). `kpicoach sessions` lists them."
        }
    }
}

/// Why a connection to a practice's server could not be encrypted as asked.
public enum EncryptionProblem: Hashable, Sendable {
    /// The server refuses unencrypted connections (`sslmode=disable`).
    case required
    /// `verify-full`: no trusted authority signed the server's certificate.
    case untrusted
    /// `verify-full`: the certificate names another host.
    case wrongHost(String)
    case unreadableRoots(String)
    case failed(String)
}
