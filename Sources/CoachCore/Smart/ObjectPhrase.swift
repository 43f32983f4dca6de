/// The noun phrase a verb acts on, read just far enough to tell an observable object
/// ("12 new deals") from an abstract one ("my communication skills").
struct ObjectPhrase: Sendable, Equatable {
    let span: Range<Int>
    /// The last content word: what the phrase is about.
    let head: Int?
    let hasQuantity: Bool
    /// A judgement word ("better", "great") that makes the phrase an opinion rather than an observation.
    let qualityWord: Int?
    /// Where reading stopped; what follows may still add a target ("to 500 connections").
    let end: Int

    private static let particles: Set<String> = ["up", "out", "off", "down", "back", "away"]
    /// Prepositions that introduce the object of an intransitive verb ("speak at 2 conferences").
    private static let complementPrepositions: Set<String> = ["for", "on", "with", "at", "to", "about", "into"]
    private static let qualifiers = PhraseTable([
        "no more than", "not more than", "at least", "at most", "up to", "more than", "less than", "fewer than",
        "around", "about", "approximately", "roughly", "nearly", "almost", "over", "under", "above", "below",
    ])
    /// Heads after which "of" continues the phrase ("the number of demos").
    private static let measureNouns: Set<String> = [
        "number", "amount", "share", "percentage", "percent", "half", "majority", "portion", "rest", "total",
        "list", "set", "series", "group", "most", "all", "each", "some", "many", "one", "both", "quarter",
    ]
    static let qualityWords: Set<String> = [
        "better", "good", "great", "best", "greater", "stronger", "strong", "excellent", "improved", "nicer",
        "awesome", "amazing", "exceptional", "outstanding", "solid", "decent", "higher", "smarter", "effective",
        "famous", "renowned", "successful", "respected", "well-known", "popular", "celebrated",
    ]
    private static let modifiers: Set<String> = [
        "more", "less", "fewer", "most", "much", "many", "several", "various", "professionally", "personally",
        "consistently", "regularly", "significantly", "dramatically", "substantially", "quickly", "effectively",
        "efficiently", "generally", "overall", "always", "often", "constantly", "continuously", "actively",
        "further", "truly", "seriously", "steadily", "gradually", "again",
    ]
    private static let objectPronouns: Set<String> = ["me", "myself", "it", "them", "us", "ourselves", "yourself", "him"]

    init?(in goal: ParsedGoal, from start: Int, limit: Int) {
        let text = goal.text
        var index = start
        while index < limit, let word = text.word(at: index), Self.particles.contains(word) { index += 1 }
        if index < limit, let word = text.word(at: index), Self.complementPrepositions.contains(word),
           goal.quantity(at: Self.qualifiers.match(in: text, at: index)?.span.upperBound ?? -1) == nil {
            index += 1
        }
        var first: Int?
        var last = index
        var head: Int?
        var headIsMeasure = false
        var hasQuantity = false
        var quality: Int?
        reading: while index < limit, index - start < 14 {
            if let quantity = goal.quantity(at: index), quantity.kind == .frequency {
                index = quantity.span.upperBound
                continue
            }
            if let quantity = goal.quantity(at: index) {
                first = first ?? index
                hasQuantity = true
                headIsMeasure = true
                index = quantity.span.upperBound
                last = index
                continue
            }
            if let time = goal.time(at: index) {
                guard Self.isModifier(time, in: goal) else { break }
                index = time.span.upperBound
                continue
            }
            let token = text[index]
            switch token.kind {
            case .symbol:
                guard text.isInnerHyphen(at: index) || text.isInAside(at: index) else { break reading }
                index += 1
            case .number:
                first = first ?? index
                head = index
                headIsMeasure = false
                index += 1
                last = index
            case .word:
                let word = token.text
                if word == "'s" || (token.joined && text.isInnerHyphen(at: index - 1)) {
                    // "world-famous": a compound ending in a judgement word is a judgement.
                    if Self.qualityWords.contains(word) { quality = quality ?? index } else if word != "'s" { head = index }
                    index += 1
                    last = index
                    continue
                }
                if let qualifier = Self.qualifiers.match(in: text, at: index),
                   goal.quantity(at: qualifier.span.upperBound) != nil {
                    first = first ?? index
                    index = qualifier.span.upperBound
                    continue
                }
                if word == "of" {
                    guard head == nil || headIsMeasure else { break reading }
                    index += 1
                    continue
                }
                if FunctionWords.determiners.contains(word) {
                    if head != nil, ["every", "each", "all"].contains(word) { break reading }
                    first = first ?? index
                    index += 1
                    continue
                }
                if Self.objectPronouns.contains(word) {
                    first = first ?? index
                    head = index
                    index += 1
                    last = index
                    continue
                }
                if FunctionWords.contains(word) {
                    // "over-the-counter medicine sales", "up-to-date records": a compound that starts with a function word is a modifier.
                    guard text.isInnerHyphen(at: index + 1) else { break reading }
                    first = first ?? index
                    index += 1
                    continue
                }
                // "administer injections safely": an adverb after the head says how, and ends the phrase.
                if head != nil, WordForms.isAdverb(word) { break reading }
                first = first ?? index
                if Self.qualityWords.contains(word) {
                    quality = quality ?? index
                } else if !Self.modifiers.contains(word) {
                    head = index
                    headIsMeasure = Self.measureNouns.contains(word)
                }
                index += 1
                last = index
            }
        }
        guard let first, last > first else { return nil }
        self.span = first..<last
        self.head = head
        self.hasQuantity = hasQuantity
        self.qualityWord = quality
        self.end = index
    }

    /// A one-word cadence or a period qualifier inside a noun phrase ("weekly one-on-ones",
    /// "a bi-weekly update", "my quarterly quota") describes the object; any other time phrase ends it.
    private static func isModifier(_ time: TimeExpression, in goal: ParsedGoal) -> Bool {
        switch time.kind {
        case .period, .rate: return true
        case .cadence:
            let next = time.span.upperBound
            let oneWord = time.span.count == 1 || (time.span.count == 3 && goal.text.isInnerHyphen(at: time.span.lowerBound + 1))
            return oneWord && goal.text.word(at: next) != nil && goal.time(at: next) == nil
        default: return false
        }
    }
}
