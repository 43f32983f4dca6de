/// One line of `kpicoach sessions`.
public struct ConversationSummary: Hashable, Sendable {
    public let id: ConversationID
    public let client: String?
    public let scriptID: String
    public let status: ConversationSnapshot.Status
    public let step: String?
    public let createdAt: Instant
    public let updatedAt: Instant
    /// How many answers it keeps.
    public let answers: Int

    /// Left before anything was answered (kept by versions that saved a conversation at its first prompt).
    public var isAbandoned: Bool { status == .active && answers == 0 }

    public init(id: ConversationID, client: String?, scriptID: String, status: ConversationSnapshot.Status, step: String?,
                createdAt: Instant, updatedAt: Instant, answers: Int) {
        self.answers = answers
        self.id = id
        self.client = client
        self.scriptID = scriptID
        self.status = status
        self.step = step
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A conversation as saved: enough to resume it exactly.
public struct StoredConversation: Hashable, Sendable {
    public let summary: ConversationSummary
    public let scriptHash: String
    public let state: ConversationState
    /// Every named answer, as saved with the last turn.
    public let variables: [String: AnswerValue]

    public init(summary: ConversationSummary, scriptHash: String, state: ConversationState, variables: [String: AnswerValue]) {
        self.summary = summary
        self.scriptHash = scriptHash
        self.state = state
        self.variables = variables
    }

    /// The conversation as the recorder last wrote it.
    public var snapshot: ConversationSnapshot {
        ConversationSnapshot(state: state, scriptHash: scriptHash, clientName: summary.client, variables: variables)
    }
}

/// One entry of the append-only event log, as stored: a `LogEntry` with its place and time.
public struct StoredEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case prompt, input, accepted, skipped, rejected, command, withdrawn, note, agreed, finished
    }

    public let seq: Int64
    public let at: Instant
    public let kind: Kind
    public let step: String?
    /// What was typed, byte for byte.
    public let raw: String?
    public let value: AnswerValue?
    public let message: String?

    public init(seq: Int64, at: Instant, kind: Kind, step: String?, raw: String?, value: AnswerValue?, message: String?) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.step = step
        self.raw = raw
        self.value = value
        self.message = message
    }

    /// The one mapping of a log entry onto a stored event's fields; every backend uses it.
    public init(_ entry: LogEntry, seq: Int64, at: Instant) {
        self.seq = seq
        self.at = at
        var step: String?, raw: String?, value: AnswerValue?, message: String?
        switch entry {
        case .promptShown(let s, let text): (kind, step, message) = (.prompt, s, text)
        case .inputReceived(let s, let typed): (kind, step, raw) = (.input, s, typed)
        case .answerAccepted(let s, let v): (kind, step, value) = (v == nil ? .skipped : .accepted, s, v)
        case .answerRejected(let s, let reason): (kind, step, message) = (.rejected, s, reason)
        case .commandUsed(let s, let command): (kind, step, message) = (.command, s, command)
        case .answerWithdrawn(let s, let reason): (kind, step, message) = (.withdrawn, s, reason)
        case .noteAdded(let s, let text): (kind, step, message) = (.note, s, text)
        case .answerAgreed(let s): (kind, step) = (.agreed, s)
        case .conversationFinished: kind = .finished
        }
        (self.step, self.raw, self.value, self.message) = (step, raw, value, message)
    }
}

/// A client as the practice lists them.
public struct ClientEntry: Hashable, Sendable {
    public let name: String
    /// Kept, but out of the dashboard.
    public let archived: Bool

    public init(name: String, archived: Bool) {
        self.name = name
        self.archived = archived
    }
}

/// A coach's private note about a client.
public struct CoachNote: Hashable, Sendable {
    public let at: Instant
    public let text: String
    /// The coach who led the session it was written in; nil when none was named.
    public let author: String?

    public init(at: Instant, text: String, author: String?) {
        self.at = at
        self.text = text
        self.author = author
    }

    /// "2026-11-23, Lee" or just the day.
    public var byline: String { at.day.iso + (author.map { ", " + TerminalText.sanitize($0) } ?? "") }
}

/// A client handed from one coach of a practice to another: kept in the client's history.
public struct Handover: Hashable, Sendable {
    public let at: Instant
    /// Logins of the coach who handed the client over and of the one who took them on.
    public let from: String
    public let to: String

    public init(at: Instant, from: String, to: String) {
        self.at = at
        self.from = from
        self.to = to
    }

    /// "Handed over from lee to mo on 1 December 2026."
    public var sentence: String {
        "Handed over from \(TerminalText.sanitize(from)) to \(TerminalText.sanitize(to)) on \(at.day.spelledOut)."
    }
}

/// A KPI of a client's plan, as stored, with what was measured and changed since.
public struct StoredKPI: Hashable, Sendable {
    public let id: KPIID
    public let kpi: PlannedKPI
    public let checkins: [StoredCheckin]
    public let adjustments: [StoredAdjustment]
    /// Retired KPIs stay in the history but are no longer checked in or rolled up.
    public let retired: Bool
    /// The conversation that agreed it (nil for `kpi add`) and when it joined the plan: together
    /// they say which of the client's goals it serves.
    public let conversation: ConversationID?
    public let addedAt: Instant?

    public init(id: KPIID, kpi: PlannedKPI, checkins: [StoredCheckin], adjustments: [StoredAdjustment], retired: Bool,
                conversation: ConversationID? = nil, addedAt: Instant? = nil) {
        self.conversation = conversation
        self.addedAt = addedAt
        self.id = id
        self.kpi = kpi
        self.checkins = checkins
        self.adjustments = adjustments
        self.retired = retired
    }

    /// The figures the KPI maths works on. A check-in without a confidence counts as a neutral 5.
    public var figures: KPIFigures { figures(recordedBefore: nil) }

    /// The figures as the plan stood when check-in `index` was recorded: the check-ins up to it,
    /// and the target and due date with every adjustment made after it undone. A check-in is a
    /// fact as of its day; no later change to the plan rewrites how it read.
    public func figures(atCheckin index: Int) -> KPIFigures {
        var figures = self.figures
        figures.checkins = Array(figures.checkins.prefix(index + 1))
        guard let recorded = checkins[index].recordedAt else { return figures }
        figures.rebasedOn = rebase(before: recorded)
        for change in adjustments.reversed() where change.at > recorded {
            switch change.field {
            case .target: if let old = Double(change.from) { figures.target = old }
            case .due: if let old = LocalDate(iso: change.from) { figures.dueDate = old }
            case .status: break
            }
        }
        return figures
    }

    /// The figures as they stood at a moment: only check-ins recorded before it.
    public func figures(recordedBefore moment: Instant?) -> KPIFigures {
        var figures = KPIFigures(baseline: kpi.baselineValue, baselineDate: kpi.baselineDate, target: kpi.targetValue, dueDate: kpi.dueDate,
                                 direction: kpi.direction, weight: kpi.weight,
                                 checkins: checkins.filter { c in moment.map { moment in c.recordedAt.map { $0 < moment } ?? true } ?? true }
                                     .map(Self.reading))
        figures.rebasedOn = rebase(before: moment)
        return figures
    }

    /// The latest reading recorded before the last target change before `moment` (nil: none, or
    /// no reading before it, so milestones still count from the baseline).
    private func rebase(before moment: Instant?) -> KPICheckin? {
        guard let change = adjustments.last(where: { change in change.field == .target && moment.map { change.at < $0 } ?? true }) else { return nil }
        return checkins.last { c in c.recordedAt.map { $0 < change.at } ?? true }.map(Self.reading)
    }

    private static func reading(_ c: StoredCheckin) -> KPICheckin { KPICheckin(date: c.date, value: c.value, confidence: c.confidence ?? 5) }
}

/// One measurement of a KPI.
public struct StoredCheckin: Hashable, Sendable {
    public let date: LocalDate
    public let value: Double
    public let confidence: Int?
    public let note: String?
    /// When it was recorded, for "since last time"; nil where a listing did not read it (the dashboard).
    public let recordedAt: Instant?

    public init(date: LocalDate, value: Double, confidence: Int?, note: String?, recordedAt: Instant?) {
        self.date = date
        self.value = value
        self.confidence = confidence
        self.note = note
        self.recordedAt = recordedAt
    }
}

/// One change to a KPI: what, from, to, why and when — the past is kept, not rewritten.
public struct StoredAdjustment: Hashable, Sendable {
    public enum Field: String, Hashable, Sendable, CaseIterable { case target, due, status }

    public let field: Field
    public let from: String
    public let to: String
    public let why: String
    public let at: Instant

    public init(field: Field, from: String, to: String, why: String, at: Instant) {
        self.field = field
        self.from = from
        self.to = to
        self.why = why
        self.at = at
    }
}
