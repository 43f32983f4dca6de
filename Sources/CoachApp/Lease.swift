public import CoachCore
import Foundation

extension ConversationLease.Holder {
    /// This process on this host.
    public static let current = ConversationLease.Holder(pid: getpid(), host: hostName())

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension ConversationLease {
    /// How long a lease taken on another host is honoured, since its process cannot be checked.
    static let otherHostTimeout: Int64 = 12 * 3_600_000

    /// Whether its holder may still be answering: on this host, while the process runs; on another,
    /// for twelve hours.
    var isAlive: Bool {
        guard holder.host == Holder.current.host else {
            return Instant.now().millisecondsSince1970 - since.millisecondsSince1970 < Self.otherHostTimeout
        }
        return kill(holder.pid, 0) == 0 || errno == EPERM
    }
}
