/// An interview, loaded from a Prompts/ file: steps with stable ids, so answers can be matched
/// to questions again after the file changes.
public struct Script: Hashable, Sendable {
    public let id: String
    public let version: Int
    public let title: String
    public let start: String
    /// Steps in the order they are written, for summaries and lint.
    public let steps: [Step]
    /// Content hash of the file, stored with each conversation to notice edits on resume.
    public let hash: String
    /// Answers this script reads that earlier interviews saved (`uses:`), brought in as presets.
    public let uses: [String]
    /// What a finished interview yields for the client's plan (`outcome:`).
    public let outcome: Outcome?
    /// The interview offered when this one finishes (`then:`).
    public let then: NextInterview?
    private let byID: [String: Int]

    /// What an interview produces; a finished interview's plan changes follow from it.
    public enum Outcome: String, Hashable, Sendable, CaseIterable {
        /// Who the client is and where they want to go (onboarding).
        case profile
        case goal
        /// KPIs with baselines and targets, added to the client's plan.
        case kpiPlan = "kpi-plan"
        /// Figures for the KPIs due and agreed adjustments.
        case checkin
        case roi
    }

    /// The next interview in the chain and the question that offers it.
    public struct NextInterview: Hashable, Sendable {
        public let script: String
        public let offer: String

        public init(script: String, offer: String) {
            self.script = script
            self.offer = offer
        }
    }

    public init(id: String, version: Int, title: String, start: String, steps: [Step], hash: String, uses: [String] = [],
                outcome: Outcome? = nil, then: NextInterview? = nil) {
        self.uses = uses
        self.outcome = outcome
        self.then = then
        self.id = id
        self.version = version
        self.title = title
        self.start = start
        self.steps = steps
        self.hash = hash
        var byID: [String: Int] = [:]
        for (i, step) in steps.enumerated() where byID[step.id] == nil { byID[step.id] = i }
        self.byID = byID
    }

    public subscript(id: String) -> Step? { byID[id].map { steps[$0] } }

    /// Whether any step calls `function` (a check-in reads a rating's scale from the catalogue).
    public func calls(_ function: Expression.Function) -> Bool {
        steps.contains { step in
            let templates = [step.say, step.ask, step.compose, step.defaultAnswer, step.relativeTo, step.prefill]
                + step.rejects.map(\.message)
            let conditions = [step.when] + step.rejects.map(\.condition) + step.next.map(\.condition)
            return templates.contains { $0?.functions.contains(function) == true }
                || conditions.contains { $0?.functions.contains(function) == true }
        }
    }
}

/// One turn of an interview: something said, something asked, or both.
public struct Step: Hashable, Sendable {
    public var id: String
    /// A short name for summaries and `/edit`, e.g. "current role".
    public var label: String
    public var say: Template?
    public var ask: Template?
    /// A value the interview works out itself from earlier answers (a rewritten goal), saved
    /// under `save` without asking.
    public var compose: Template?
    public var kind: AnswerKind
    /// Options worked out during the conversation instead of written in the script.
    public var choicesFrom: DynamicChoices?
    /// What TAB offers at a free-text question ("office man" TAB → "office manager").
    public var completesFrom: DynamicCompletions?
    /// What an empty answer means, e.g. keeping a suggested name.
    public var defaultAnswer: Template?
    /// For numbers: "+3" means this value plus 3 (a cumulative increment at a check-in).
    public var relativeTo: Template?
    /// Text put on the input line, ready to change (the draft a client chose to edit).
    public var prefill: Template?
    public var save: SaveTarget?
    public var help: String?
    public var why: String?
    /// The step is only asked when this holds; otherwise the interview moves on past it.
    public var when: Expression?
    /// Required steps cannot be `/skip`ped.
    public var required: Bool
    public var bounds: ClosedRange<Double>?
    /// What a number question counts in (`unit: years`): other units are converted to it.
    public var unit: NaturalNumber.Unit?
    public var rejects: [RejectRule]
    public var next: [Transition]
    public var maxAttempts: Int

    public init(id: String, label: String? = nil, say: Template? = nil, ask: Template? = nil, compose: Template? = nil,
                kind: AnswerKind = .text, save: SaveTarget? = nil, help: String? = nil, why: String? = nil,
                when: Expression? = nil, required: Bool = false, bounds: ClosedRange<Double>? = nil,
                rejects: [RejectRule] = [], next: [Transition] = [], maxAttempts: Int = 3) {
        self.id = id
        self.label = label ?? id.replacingAll("_", with: " ")
        self.say = say
        self.ask = ask
        self.compose = compose
        self.kind = kind
        self.save = save
        self.help = help
        self.why = why
        self.when = when
        self.required = required
        self.bounds = bounds
        self.rejects = rejects
        self.next = next
        self.maxAttempts = maxAttempts
    }

    /// A step that only says something and moves on.
    public var isQuestion: Bool { ask != nil }

    /// Every answer name this step reads: in its text, its conditions and its branches.
    public var reads: Set<String> {
        var names = (say?.variables ?? []).union(ask?.variables ?? []).union(when?.variables ?? []).union(compose?.variables ?? [])
            .union(prefill?.variables ?? [])
        for rule in rejects { names.formUnion(rule.condition.variables) }
        for t in next { names.formUnion(t.condition?.variables ?? []) }
        return names.subtracting([RejectRule.answerName])
    }
}

/// Sources of options known only during the conversation.
public enum DynamicChoices: String, Hashable, Sendable {
    /// The KPI suggestions for the client's answers so far, best first.
    case suggestions
    /// The job families of Rules/roles.yaml, those closest to the client's title first.
    case jobFamilies = "job_families"
}

/// Completions for a free-text answer, known only from the rules.
public enum DynamicCompletions: String, Hashable, Sendable {
    /// The job titles of Rules/roles.yaml.
    case jobTitles = "job_titles"
}

/// Where an answer is kept: `profile.role`, or `support.people[]` to collect a looping answer.
public struct SaveTarget: Hashable, Sendable {
    public let name: String
    public let appends: Bool

    public init(_ path: String) {
        appends = path.hasSuffix("[]")
        name = appends ? String(path.dropLast(2)) : path
    }
}

/// A declared check: when `condition` holds for the parsed answer, refuse it with `message`,
/// rendered with the answers so it can name the bounds it checked ("runs from 1 to 5").
public struct RejectRule: Hashable, Sendable {
    /// The name under which the answer being checked is visible to the condition.
    public static let answerName = "answer"
    public let condition: Expression
    public let message: Template

    public init(condition: Expression, message: Template) {
        self.condition = condition
        self.message = message
    }
}

/// A branch: go to `target` when `condition` holds (or always, without one).
public struct Transition: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case step(String)
        case end
    }

    public let condition: Expression?
    public let target: Target

    public init(condition: Expression? = nil, target: Target) {
        self.condition = condition
        self.target = target
    }
}
