/// The rewritten goal, built from its parts instead of pasted together: the action and its object
/// in the client's words, the measure taken from the measure answer, the deadline as a date and the
/// starting point as a figure, with hedges ("dunno", "maybe", "I think") and asides left out, so
/// the sentence is one a coach would sign.
public struct GoalComposer: Sendable {
    /// Past this many characters a goal stops reading as one sentence: the starting point and the
    /// reason are only added while the goal stays within it.
    public static let longest = 160

    /// What the interview gathered, each part as the client answered it.
    public struct Parts: Sendable, Equatable {
        public var statement: String
        public var outcome: String?
        public var measure: String?
        public var deadline: LocalDate?
        public var baseline: String?
        public var why: String?

        public init(statement: String, outcome: String? = nil, measure: String? = nil, deadline: LocalDate? = nil,
                    baseline: String? = nil, why: String? = nil) {
            self.statement = statement
            self.outcome = outcome
            self.measure = measure
            self.deadline = deadline
            self.baseline = baseline
            self.why = why
        }
    }

    let today: LocalDate
    let vocabulary: SmartVocabulary

    public init(today: LocalDate, vocabulary: SmartVocabulary) {
        self.today = today
        self.vocabulary = vocabulary
    }

    public func compose(_ parts: Parts) -> String {
        let kept = Self.kept(parts.outcome ?? parts.statement, cutAtComma: false)
        guard !kept.isEmpty else { return parts.statement }
        let action = parts.outcome == nil ? kept : filling(Self.kept(parts.statement, cutAtComma: false), with: kept) ?? kept
        let actionGoal = ParsedGoal(action, today: today, vocabulary: vocabulary)
        let statement = parts.outcome == nil ? nil : ParsedGoal(parts.statement, today: today, vocabulary: vocabulary)
        var sentence = action.capitalisedFirst
        let measure = parts.measure.flatMap(measurePhrase) ?? statement.flatMap { measurePhrase(in: $0) }
        if let measure, measure.value == nil, measure.text.lowercased().contains(action.lowercased()) {
            // The measure answer restates the outcome whole ("become team lead of the payments squad"): it is the goal.
            sentence = measure.text.capitalisedFirst
        } else if let measure, measure.value == nil, let filled = filling(action, with: measure.text) {
            // It names which one ("be a manager": "operations manager"), as an outcome answer would.
            sentence = filled.capitalisedFirst
        } else if let measure, !actionGoal.quantities.contains(where: { $0.value == measure.value }) {
            sentence += ": " + measure.text
        }
        if let deadline = parts.deadline ?? statement?.times.deadline {
            if !actionGoal.times.contains(where: { $0.date == deadline }) { sentence += " by " + deadline.dayMonthYear }
        } else if let statement, !actionGoal.times.contains(where: \.bindsTime),
                  let cadence = statement.times.first(where: \.bindsTime) {
            sentence += " " + statement.text.quote(cadence.span)
        }
        let additions = [parts.baseline.flatMap(startingPoint).map { ", starting from " + $0 }, parts.why.flatMap(reason)]
        for addition in additions.compactMap({ $0 }) where sentence.count + addition.count <= Self.longest {
            sentence += addition
        }
        return sentence
    }

    /// An outcome answer without a verb answers "which one?": it takes the place of the statement's
    /// object ("increase sales" and "enterprise sales in the north by 10%" make "increase enterprise
    /// sales in the north by 10%"; "be a manager" and "operations manager" make "become operations
    /// manager"; "get promoted" and "senior analyst" make "get promoted to senior analyst"; "save for
    /// retirement" and "$200 a month" make "save $200 a month for retirement"). Nil when
    /// the answer has a verb of its own or the statement has no object to replace.
    func filling(_ statement: String, with answer: String) -> String? {
        let reply = ParsedGoal(answer, today: today, vocabulary: vocabulary)
        guard reply.clauses.allSatisfy({ reply.verb(in: $0) == nil }), reply.text.count > 0 else { return nil }
        let first = reply.text.word(at: 0) ?? ""
        let goal = ParsedGoal(statement, today: today, vocabulary: vocabulary)
        guard let (clause, verb) = goal.clauses.lazy.compactMap({ clause in goal.verb(in: clause).map { (clause, $0) } }).first else { return nil }
        if verb.value.kind == .copula { return "become " + answer }
        // "save for retirement" and "$200 a month": the amount is what is saved, the purpose stays.
        if verb.value.direction != nil, goal.text.word(at: verb.span.upperBound) == "for" {
            return goal.text.quote(verb.span) + " " + answer + " " + goal.text.quote(verb.span.upperBound..<clause.span.upperBound)
        }
        guard let object = ObjectPhrase(in: goal, from: verb.span.upperBound, limit: clause.span.upperBound) else { return nil }
        if object.span.count == 1, let word = goal.text.word(at: object.span.lowerBound), word.hasSuffix("ed") {
            let joiner = FunctionWords.prepositions.contains(first) ? " " : " to "
            return goal.text.quote(verb.span.lowerBound..<object.span.upperBound) + joiner + answer
        }
        return goal.text.quote(verb.span.lowerBound..<object.span.lowerBound) + " " + answer
    }

    /// The starting level a baseline answer gives ("none really, covered it twice" is zero), for
    /// judging the pace; nil when it names no figure.
    public func startingFigure(_ baseline: String) -> Double? {
        let kept = Self.kept(baseline, cutAtComma: true)
        if case .success(let number) = NaturalNumber.read(kept, unit: nil, today: today), number.value == 0 { return 0 }
        return ParsedGoal(kept, today: today, vocabulary: vocabulary).quantities.first?.value
    }

    // MARK: - Parts

    /// The number of the measure with what it counts, and the rate right after it ("12 new deals a
    /// quarter"); whatever the answer adds after that is an aside.
    /// The measure as it will read in the goal, with its number when it has one ("pass the PMP exam" has none).
    private func measurePhrase(_ answer: String) -> (text: String, value: Double?)? {
        let kept = Self.kept(answer, cutAtComma: false)
        let goal = ParsedGoal(kept, today: today, vocabulary: vocabulary)
        if let found = measurePhrase(in: goal) { return found }
        return kept.isEmpty ? nil : (Self.kept(kept, cutAtComma: true), nil)
    }

    private func measurePhrase(in goal: ParsedGoal) -> (text: String, value: Double?)? {
        guard let quantity = goal.measures.first else { return nil }
        let text = goal.text
        var start = quantity.phrase.lowerBound
        if let qualifier = Self.qualifiers.match(in: text, at: start - 2) ?? Self.qualifiers.match(in: text, at: start - 1),
           qualifier.span.upperBound == start {
            start = qualifier.span.lowerBound
        }
        var end = quantity.phrase.upperBound
        if text.word(at: end) == "and", text.isNumber(at: end + 1) || text.word(at: end + 1).map(FunctionWords.contains) == false {
            end += 2
            while text.contains(end), text.isJoined(end) { end += 1 }
        }
        // The rate the time scanner reads right after it ("a quarter", "per month").
        if let rate = goal.time(at: end), rate.span.lowerBound == end, rate.kind == .cadence || rate.kind == .rate {
            end = rate.span.upperBound
        }
        return (text.quote(start..<end), quantity.value)
    }

    private func startingPoint(_ baseline: String) -> String? {
        let kept = Self.kept(baseline, cutAtComma: true)
        guard !kept.isEmpty else { return nil }
        if AmountReader.saysOnlyZero(kept) { return "zero" }
        return measurePhrase(in: ParsedGoal(kept, today: today, vocabulary: vocabulary))?.text ?? kept
    }

    private func reason(_ why: String) -> String? {
        let text = GoalText(Self.kept(why, cutAtComma: false))
        guard text.count > 0 else { return nil }
        if let lead = text.word(at: 0), Self.purposeLeads.contains(lead) { return ", " + text.quote(0..<text.count) }
        let start = text.word(at: 0).map(Self.becauseLeads.contains) == true ? 1 : 0
        guard start < text.count else { return nil }
        return ", because " + Self.lowercased(text.quote(start..<text.count))
    }

    // MARK: - Cleaning the client's words

    /// Words that say how sure the client is, not what they will do.
    static let hedges = PhraseTable([
        "maybe", "perhaps", "probably", "possibly", "i think", "i guess", "i suppose", "i'd say", "i reckon",
        "really", "kind of", "sort of", "kinda", "sorta", "hopefully", "ideally", "honestly", "basically",
        "actually", "literally", "um", "uh", "erm", "or so", "give or take", "more or less", "if possible",
        "tbh", "tbf", "ngl", "imo", "imho", "to be honest", "in all honesty", "lol",
    ])

    /// Hedges that only hedge a number ("about 40"); before anything else they are words of the goal.
    static let numberHedges = PhraseTable(["about", "around", "roughly", "approximately", "approx", "something like",
                                           "somewhere around", "~"])

    /// Words that bound a number and so belong to the measure ("at least 12").
    static let qualifiers = PhraseTable(["at least", "more than", "over", "under", "fewer than", "less than", "up to",
                                         "no more than", "no fewer than", "below", "above"])

    private static let purposeLeads: Set<String> = ["so", "to"]
    private static let becauseLeads: Set<String> = ["because", "since", "as", "cause", "'cause", "coz"]

    /// "I want to", "I'd like to", "my goal is to": the intention the goal already is.
    private static let intentions = PhraseTable([
        "i want to", "i'd like to", "i would like to", "i need to", "i hope to", "i plan to", "i aim to", "i intend to",
        "i will", "i'll", "i am going to", "i'm going to", "i wanna", "i really want to", "i would love to",
        "we want to", "we need to", "we will", "my goal is to", "the goal is to", "our goal is to", "goal is to",
        "i want", "to",
    ])

    /// The client's words with hedges left out and the first aside cut off: a spaced dash, a bracket,
    /// a semicolon, a comma before a new clause (", but", ", I", ", which") — or any comma when only the
    /// first clause is wanted.
    static func kept(_ raw: String, cutAtComma: Bool) -> String {
        let text = GoalText(raw)
        var index = 0
        if let intention = intentions.match(in: text, at: 0), text.word(at: intention.span.upperBound) != nil {
            index = intention.span.upperBound
        }
        var kept: [Int] = []
        var hasContent = false
        while index < text.count {
            if let hedge = hedges.match(in: text, at: index) ?? NaturalNumber.unsurePhrases.match(in: text, at: index) {
                index = hedge.span.upperBound
                continue
            }
            if let hedge = numberHedges.match(in: text, at: index), startsNumber(text, at: hedge.span.upperBound) {
                index = hedge.span.upperBound
                continue
            }
            if hasContent, startsAside(text, at: index, cutAtComma: cutAtComma) { break }
            let isPunctuation = text[index].kind == .symbol && punctuation.contains(text[index].text)
            if !isPunctuation || (hasContent && kept.last.map { !isPunctuationToken(text, $0) } == true) {
                kept.append(index)
                hasContent = hasContent || !isPunctuation
            }
            index += 1
        }
        while let last = kept.last, isPunctuationToken(text, last) { kept.removeLast() }
        return rebuilt(text, kept)
    }

    private static let punctuation: Set<String> = [",", ".", ";", ":", "!", "?", "-", "—", "…"]

    private static func isPunctuationToken(_ text: GoalText, _ index: Int) -> Bool {
        text[index].kind == .symbol && punctuation.contains(text[index].text)
    }

    private static func startsNumber(_ text: GoalText, at index: Int) -> Bool {
        text.isNumber(at: index) || NumberLexicon.parse(text, at: index) != nil
            || (text.contains(index) && QuantityScanner.isMoneyMarker(text, at: index))
    }

    private static func startsAside(_ text: GoalText, at index: Int, cutAtComma: Bool) -> Bool {
        let token = text[index]
        guard token.kind == .symbol else { return false }
        switch token.text {
        case "—", "(", "[", ";", "…": return true
        case "-": return !token.joined && !text.isJoined(index + 1)
        case ".": return text.isSymbol(".", at: index + 1) || text.word(at: index + 1) != nil
        case ",":
            if cutAtComma { return true }
            guard let next = text.word(at: index + 1) else { return false }
            let continues: Set<String> = ["and", "or", "plus", "then", "nor"]
            return (FunctionWords.connectives.contains(next) && !continues.contains(next))
                || FunctionWords.pronouns.contains(next)
                || hedges.match(in: text, at: index + 1) != nil || NaturalNumber.unsurePhrases.match(in: text, at: index + 1) != nil
        default: return false
        }
    }

    /// The kept tokens as text: runs that were next to each other keep their own spacing.
    private static func rebuilt(_ text: GoalText, _ kept: [Int]) -> String {
        var result = ""
        var previous: Int?
        for index in kept {
            if let previous, previous + 1 == index {
                result += text.source[text[previous].range.upperBound..<text[index].range.upperBound]
            } else {
                if previous != nil, !isPunctuationToken(text, index) { result += " " }
                result += text.source[text[index].range]
            }
            previous = index
        }
        return result
    }

    /// "My manager said" → "my manager said", but "I", "QA" and "Excel" keep their capitals.
    private static func lowercased(_ text: String) -> String {
        let firstWord = text.prefix { $0.isLetter || $0 == "'" }
        guard firstWord.count > 1, firstWord.dropFirst().allSatisfy(\.isLowercase), !firstWord.hasPrefix("I'") else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
