/// Who is answering a conversation right now: one process at a time may, so two terminals
/// cannot overwrite each other's answers. A lease whose process is gone is taken over.
public struct ConversationLease: Hashable, Sendable {
    /// A running kpicoach: its process on its host.
    public struct Holder: Hashable, Sendable {
        public let pid: Int32
        public let host: String

        public init(pid: Int32, host: String) {
            self.pid = pid
            self.host = host
        }
    }

    public let holder: Holder
    public let since: Instant

    public init(holder: Holder, since: Instant) {
        self.holder = holder
        self.since = since
    }
}
