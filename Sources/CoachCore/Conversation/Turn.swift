/// What happened in the conversation, as one event the engine reacts to.
public enum ConversationEvent: Hashable, Sendable {
    case conversationOpened(resumed: Bool)
    case lineSubmitted(String)
    /// Ctrl-C: the line being typed is dropped.
    case interruptPressed(lineHadText: Bool)
    /// Ctrl-D or the end of piped input.
    case inputClosed
}

/// The engine's answer to one event: what to record, what to say, and what comes next.
/// The shell saves `log` with the new snapshot first, then prints, then asks.
public struct Turn: Hashable, Sendable {
    public var log: [LogEntry] = []
    public var messages: [Message] = []
    public var next: Next

    public enum Next: Hashable, Sendable {
        case ask(Prompt)
        case end(Ending)
    }

    public enum Ending: Hashable, Sendable {
        /// The interview reached its end.
        case finished
        /// The client left; everything so far is saved for `kpicoach resume`.
        case paused
    }

    public init(log: [LogEntry] = [], messages: [Message] = [], next: Next) {
        self.log = log
        self.messages = messages
        self.next = next
    }
}

/// A question to put to the client. `question == nil` re-opens the input line without
/// repeating the question (after `/help`, `/why`, Ctrl-C).
public struct Prompt: Hashable, Sendable {
    public var stepID: String?
    public var question: String?
    /// Numbered options shown under the question.
    public var options: [String]
    /// What TAB completes: the options, slash commands and `/edit` targets.
    public var completions: [String]
    /// Text put on the input line, ready to change: the answer being changed, or a draft.
    public var prefill: String?

    public init(stepID: String?, question: String?, options: [String] = [], completions: [String] = [], prefill: String? = nil) {
        self.stepID = stepID
        self.question = question
        self.options = options
        self.completions = completions
        self.prefill = prefill
    }
}

/// A line the coach says. The tone lets the shell colour it without knowing why.
public struct Message: Hashable, Sendable {
    public enum Tone: Hashable, Sendable { case coach, notice, problem, success }
    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .coach) {
        self.text = text
        self.tone = tone
    }
}

/// The append-only history of a conversation: prompts shown, raw input, outcomes, commands.
public enum LogEntry: Hashable, Sendable {
    case promptShown(step: String, text: String)
    case inputReceived(step: String?, raw: String)
    /// `value == nil` records a skipped question.
    case answerAccepted(step: String, value: AnswerValue?)
    case answerRejected(step: String, reason: String)
    case commandUsed(step: String?, command: String)
    case answerWithdrawn(step: String, reason: String)
    /// A coach's private note, kept out of the client's report unless asked for.
    case noteAdded(step: String?, text: String)
    /// Coach and client agreed the last answer together.
    case answerAgreed(step: String)
    case conversationFinished
}

extension LogEntry {
    /// Something the person gave, which makes a new conversation worth keeping.
    public var keepsConversation: Bool {
        switch self {
        case .answerAccepted, .noteAdded, .answerAgreed, .conversationFinished: true
        case .promptShown, .inputReceived, .answerRejected, .commandUsed, .answerWithdrawn: false
        }
    }
}
