// How each parsed type is kept in the cache of parsed files: its fields in order, enum cases
// by a tag. Reading builds the value as the loader built it, without checking it again.

extension Script: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.string(id); w.int(version); w.string(title); w.string(start)
        w.list(steps) { $0.archive($1) }
        w.string(hash); w.strings(uses)
        w.optional(outcome) { $0.string($1.rawValue) }
        w.optional(then) { $0.string($1.script); $0.string($1.offer) }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let id = try r.string(), version = try r.int(), title = try r.string(), start = try r.string()
        let steps = try r.list { r throws(ArchiveError) in try r.archived(Step.self) }
        let hash = try r.string(), uses = try r.strings()
        let outcome = try r.optional { r throws(ArchiveError) in try r.raw(Outcome.self) }
        let then = try r.optional { r throws(ArchiveError) in NextInterview(script: try r.string(), offer: try r.string()) }
        self.init(id: id, version: version, title: title, start: start, steps: steps, hash: hash, uses: uses, outcome: outcome, then: then)
    }
}

extension Step: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.string(id); w.string(label)
        for template in [say, ask, compose, defaultAnswer, relativeTo, prefill] { w.optional(template) { $0.archive($1) } }
        w.archive(kind)
        w.optional(choicesFrom) { $0.string($1.rawValue) }
        w.optional(save) { $0.string($1.name); $0.bool($1.appends) }
        w.optional(help) { $0.string($1) }
        w.optional(why) { $0.string($1) }
        w.optional(when) { $0.archive($1) }
        w.bool(required)
        w.optional(bounds) { $0.range($1) }
        w.optional(unit) { $0.string($1.rawValue) }
        w.list(rejects) { $0.archive($1.condition); $0.archive($1.message) }
        w.list(next) { w, t in
            w.optional(t.condition) { $0.archive($1) }
            let step: String? = if case .step(let id) = t.target { id } else { nil }
            w.optional(step) { $0.string($1) }
        }
        w.int(maxAttempts)
        w.optional(completesFrom) { $0.string($1.rawValue) }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let id = try r.string(), label = try r.string()
        var templates: [Template?] = []
        for _ in 0..<6 { templates.append(try r.optional { r throws(ArchiveError) in try r.archived(Template.self) }) }
        let kind = try r.archived(AnswerKind.self)
        let choicesFrom = try r.optional { r throws(ArchiveError) in try r.raw(DynamicChoices.self) }
        let save = try r.optional { r throws(ArchiveError) in SaveTarget(try r.string() + (try r.bool() ? "[]" : "")) }
        let help = try r.optional { r throws(ArchiveError) in try r.string() }
        let why = try r.optional { r throws(ArchiveError) in try r.string() }
        let when = try r.optional { r throws(ArchiveError) in try r.archived(Expression.self) }
        let required = try r.bool()
        let bounds = try r.optional { r throws(ArchiveError) in try r.range() }
        let unit = try r.optional { r throws(ArchiveError) in try r.raw(NaturalNumber.Unit.self) }
        let rejects = try r.list { r throws(ArchiveError) in RejectRule(condition: try r.archived(Expression.self), message: try r.archived(Template.self)) }
        let next = try r.list { r throws(ArchiveError) -> Transition in
            let condition = try r.optional { r throws(ArchiveError) in try r.archived(Expression.self) }
            let step = try r.optional { r throws(ArchiveError) in try r.string() }
            return Transition(condition: condition, target: step.map { .step($0) } ?? .end)
        }
        self.init(id: id, label: label, say: templates[0], ask: templates[1], compose: templates[2], kind: kind, save: save,
                  help: help, why: why, when: when, required: required, bounds: bounds, rejects: rejects, next: next, maxAttempts: try r.int())
        self.choicesFrom = choicesFrom
        completesFrom = try r.optional { r throws(ArchiveError) in try r.raw(DynamicCompletions.self) }
        defaultAnswer = templates[3]
        relativeTo = templates[4]
        prefill = templates[5]
        self.unit = unit
    }
}

extension Template: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.string(source)
        Self.archive(parts, into: &w)
    }

    private static func archive(_ parts: [Part], into w: inout ArchiveWriter) {
        w.list(parts) { w, part in
            switch part {
            case .text(let text): w.int(0); w.string(text)
            case .value(let expression, let fallback): w.int(1); w.archive(expression); w.optional(fallback) { $0.string($1) }
            case .optional(let inner): w.int(2); archive(inner, into: &w)
            }
        }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let source = try r.string()
        self.init(parts: try Self.parts(&r), source: source)
    }

    private static func parts(_ r: inout ArchiveReader) throws(ArchiveError) -> [Part] {
        try r.list { r throws(ArchiveError) -> Part in
            switch try r.int() {
            case 0: return .text(try r.string())
            case 1: return .value(try r.archived(Expression.self), fallback: try r.optional { r throws(ArchiveError) in try r.string() })
            case 2: return .optional(try parts(&r))
            default: throw ArchiveError()
            }
        }
    }
}

extension Expression: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        switch self {
        case .literal(let value): w.int(0); w.archive(value)
        case .variable(let name): w.int(1); w.string(name)
        case .list(let items): w.int(2); w.list(items) { $0.archive($1) }
        case .not(let e): w.int(3); w.archive(e)
        case .and(let a, let b): w.int(4); w.archive(a); w.archive(b)
        case .or(let a, let b): w.int(5); w.archive(a); w.archive(b)
        case .compare(let op, let a, let b): w.int(6); w.string(op.rawValue); w.archive(a); w.archive(b)
        case .call(let f, let args): w.int(7); w.string(f.rawValue); w.list(args) { $0.archive($1) }
        }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let each = { (r: inout ArchiveReader) throws(ArchiveError) in try r.archived(Expression.self) }
        switch try r.int() {
        case 0: self = .literal(try r.archived(ExpressionValue.self))
        case 1: self = .variable(try r.string())
        case 2: self = .list(try r.list(each))
        case 3: self = .not(try r.archived(Expression.self))
        case 4: self = .and(try r.archived(Expression.self), try r.archived(Expression.self))
        case 5: self = .or(try r.archived(Expression.self), try r.archived(Expression.self))
        case 6: self = .compare(try r.raw(ComparisonOperator.self), try r.archived(Expression.self), try r.archived(Expression.self))
        case 7: self = .call(try r.raw(Function.self), try r.list(each))
        default: throw ArchiveError()
        }
    }
}

extension ExpressionValue: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        switch self {
        case .null: w.int(0)
        case .bool(let b): w.int(1); w.bool(b)
        case .number(let n): w.int(2); w.double(n)
        case .string(let s): w.int(3); w.string(s)
        case .date(let d): w.int(4); w.int(d.dayNumber)
        case .list(let items): w.int(5); w.list(items) { $0.archive($1) }
        }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        switch try r.int() {
        case 0: self = .null
        case 1: self = .bool(try r.bool())
        case 2: self = .number(try r.double())
        case 3: self = .string(try r.string())
        case 4: self = .date(LocalDate(dayNumber: try r.int()))
        case 5: self = .list(try r.list { r throws(ArchiveError) in try r.archived(ExpressionValue.self) })
        default: throw ArchiveError()
        }
    }
}

extension AnswerKind: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        switch self {
        case .text: w.int(0)
        case .number: w.int(1)
        case .money: w.int(2)
        case .percent: w.int(3)
        case .scale(let low, let high): w.int(4); w.int(low); w.int(high)
        case .date: w.int(5)
        case .yesNo: w.int(6)
        case .choice(let options): w.int(7); w.strings(options)
        case .multiChoice(let options): w.int(8); w.strings(options)
        case .answerPicker: w.int(9)
        }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        switch try r.int() {
        case 0: self = .text
        case 1: self = .number
        case 2: self = .money
        case 3: self = .percent
        case 4: self = .scale(min: try r.int(), max: try r.int())
        case 5: self = .date
        case 6: self = .yesNo
        case 7: self = .choice(try r.strings())
        case 8: self = .multiChoice(try r.strings())
        case 9: self = .answerPicker
        default: throw ArchiveError()
        }
    }
}

extension AnswerValue: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        switch self {
        case .text(let s): w.int(0); w.string(s)
        case .number(let n): w.int(1); w.double(n)
        case .money(let n, let currency): w.int(2); w.double(n); w.optional(currency) { $0.string($1) }
        case .percent(let n): w.int(3); w.double(n)
        case .scale(let n): w.int(4); w.int(n)
        case .date(let d): w.int(5); w.int(d.dayNumber)
        case .yesNo(let b): w.int(6); w.bool(b)
        case .choice(let s): w.int(7); w.string(s)
        case .choices(let list): w.int(8); w.strings(list)
        case .list(let items): w.int(9); w.list(items) { $0.archive($1) }
        }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        switch try r.int() {
        case 0: self = .text(try r.string())
        case 1: self = .number(try r.double())
        case 2: self = .money(try r.double(), currency: try r.optional { r throws(ArchiveError) in try r.string() })
        case 3: self = .percent(try r.double())
        case 4: self = .scale(try r.int())
        case 5: self = .date(LocalDate(dayNumber: try r.int()))
        case 6: self = .yesNo(try r.bool())
        case 7: self = .choice(try r.string())
        case 8: self = .choices(try r.strings())
        case 9: self = .list(try r.list { r throws(ArchiveError) in try r.archived(AnswerValue.self) })
        default: throw ArchiveError()
        }
    }
}

extension ArchiveWriter {
    /// An example profile of the rule files: answers by name, in name order.
    mutating func answers(_ answers: [String: AnswerValue]) {
        list(answers.sorted { $0.key < $1.key }) { $0.string($1.key); $0.archive($1.value) }
    }
}

extension ArchiveReader {
    mutating func answers() throws(ArchiveError) -> [String: AnswerValue] {
        let pairs = try list { r throws(ArchiveError) in (try r.string(), try r.archived(AnswerValue.self)) }
        return Dictionary(pairs) { $1 }
    }
}

extension GoalLibrary: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.list(examples) { $0.string($1.type); $0.strings($1.goals) }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init(examples: try r.list { r throws(ArchiveError) in (type: try r.string(), goals: try r.strings()) })
    }
}

extension SmartVocabulary: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.list(ladder) { $0.string($1.title); $0.int($1.rank) }
        w.list(topics) { $0.strings($1) }
        w.strings(vagueFrames)
        for words in [abstractHeads, generalHeads, genericModifiers, valueWords] { w.strings(words.sorted()) }
        for limit in [growth.fastestMonthly, growth.slowestMonthlyKeep, growth.implausibleMultiple, growth.monthsPerExtraLevel] { w.double(limit) }
        w.int(growth.shortestPromotionDays)
        w.strings(rankWords.sorted())
        w.strings(occasions.sorted())
        w.strings(routines.sorted())
        w.strings(meals.sorted())
        w.strings(madeThings.sorted())
        w.strings(professions)
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let ladder = try r.list { r throws(ArchiveError) in (title: try r.string(), rank: try r.int()) }
        let topics = try r.list { r throws(ArchiveError) in try r.strings() }
        let frames = try r.strings()
        let abstract = Set(try r.strings()), general = Set(try r.strings()), generic = Set(try r.strings()), value = Set(try r.strings())
        let growth = Growth(fastestMonthly: try r.double(), slowestMonthlyKeep: try r.double(), implausibleMultiple: try r.double(),
                            monthsPerExtraLevel: try r.double(), shortestPromotionDays: try r.int())
        self.init(ladder: ladder, topics: topics, vagueFrames: frames, abstractHeads: abstract, generalHeads: general,
                  genericModifiers: generic, valueWords: value, growth: growth, rankWords: Set(try r.strings()),
                  occasions: Set(try r.strings()), routines: Set(try r.strings()), meals: Set(try r.strings()), madeThings: Set(try r.strings()), professions: try r.strings())
    }
}

extension Catalogue: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.list(metrics) { $0.archive($1) }
        w.list(rules) { $0.archive($1) }
        w.archive(roles)
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let metrics = try r.list { r throws(ArchiveError) in try r.archived(Metric.self) }
        let rules = try r.list { r throws(ArchiveError) in try r.archived(SuggestionRule.self) }
        self.init(metrics: metrics, rules: rules, roles: try r.archived(RoleLexicon.self))
    }
}

extension Metric: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        for text in [id, name, family, unit.rawValue, direction.rawValue, measure, source, cadence.rawValue, kind.rawValue,
                     horizon.rawValue, baselineQuestion] { w.string(text) }
        w.optional(scale) { $0.range($1) }
        w.strings(restates)
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.string(), name: try r.string(), family: try r.string(), unit: try r.raw(Unit.self), direction: try r.raw(Direction.self),
                  measure: try r.string(), source: try r.string(), cadence: try r.raw(Cadence.self), kind: try r.raw(Kind.self),
                  horizon: try r.raw(Horizon.self), baselineQuestion: try r.string(),
                  scale: try r.optional { r throws(ArchiveError) in
                      let scale = try r.range()
                      guard scale.lowerBound < scale.upperBound else { throw ArchiveError() }
                      return scale
                  },
                  restates: try r.strings())
    }
}

extension SuggestionRule: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.string(id); w.archive(condition)
        w.list(weights) { $0.string($1.metricID); $0.int($1.weight) }
        w.string(reason); w.answers(firesFor); w.answers(silentFor)
        w.list(familyWeights) { $0.int($1) }
        w.strings(familyOf)
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let id = try r.string(), condition = try r.archived(Expression.self)
        let weights = try r.list { r throws(ArchiveError) in MetricWeight(metricID: try r.string(), weight: try r.int()) }
        let reason = try r.string(), firesFor = try r.answers(), silentFor = try r.answers()
        let familyWeights = try r.list { r throws(ArchiveError) in try r.int() }
        self.init(id: id, condition: condition, weights: weights, reason: reason, firesFor: firesFor, silentFor: silentFor,
                  familyWeights: familyWeights, familyOf: try r.strings())
    }
}

extension JobFamily: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.string(id); w.string(name); w.string(soc); w.string(judgedBy); w.strings(metrics); w.answers(example)
        w.list(specialties) { $0.strings($1.titles); $0.string($1.judgedBy); $0.strings($1.metrics) }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.string(), name: try r.string(), soc: try r.string(), judgedBy: try r.string(), metrics: try r.strings(),
                  example: try r.answers(),
                  specialties: try r.list { r throws(ArchiveError) in Specialty(titles: try r.strings(), judgedBy: try r.string(), metrics: try r.strings()) })
    }
}

/// The lexicon is kept as built (its phrase tables and title words), which is most of what
/// reading Rules/roles.yaml costs.
extension RoleLexicon: Archivable {
    public func archive(into w: inout ArchiveWriter) {
        w.list(families) { $0.archive($1) }
        titles.archive(into: &w) { $0.int($1) }
        seniority.archive(into: &w) { $0.int($1.rawValue) }
        w.list(titleWords.sorted { $0.key < $1.key }) { w, pair in w.string(pair.key); w.list(pair.value.sorted()) { $0.int($1) } }
        w.list(shorthand.sorted { $0.key < $1.key }) { $0.string($1.key); $0.string($1.value) }
    }

    public init(from r: inout ArchiveReader) throws(ArchiveError) {
        let families = try r.list { r throws(ArchiveError) in try r.archived(JobFamily.self) }
        let titles = try PhraseTable<Int>(from: &r) { r throws(ArchiveError) in try r.int() }
        let seniority = try PhraseTable<Seniority>(from: &r) { r throws(ArchiveError) in
            guard let level = Seniority(rawValue: try r.int()) else { throw ArchiveError() }
            return level
        }
        let words = try r.list { r throws(ArchiveError) in (try r.string(), Set(try r.list { r throws(ArchiveError) in try r.int() })) }
        let shorthand = try r.list { r throws(ArchiveError) in (try r.string(), try r.string()) }
        self.init(families: families, titles: titles, seniority: seniority, titleWords: Dictionary(words) { $1 },
                  shorthand: Dictionary(shorthand) { $1 })
    }
}

extension PhraseTable {
    func archive(into w: inout ArchiveWriter, value: (inout ArchiveWriter, Value) -> Void) {
        w.list(entries.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.list(pair.value) { w, entry in w.strings(entry.rest); value(&w, entry.value); w.int(entry.order) }
        }
    }

    init(from r: inout ArchiveReader, value: (inout ArchiveReader) throws(ArchiveError) -> Value) throws(ArchiveError) {
        let pairs = try r.list { r throws(ArchiveError) in
            (try r.string(), try r.list { r throws(ArchiveError) in Entry(rest: try r.strings(), value: try value(&r), order: try r.int()) })
        }
        self.init(entries: Dictionary(pairs) { $1 })
    }
}
