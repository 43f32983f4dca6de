/// Everything the rules read from one goal, computed once: tokens, time phrases, measures,
/// verifiable outcomes and clauses. Rules share it, so no rule re-scans the text its own way.
struct ParsedGoal: Sendable {
    let text: GoalText
    let today: LocalDate
    /// The word tables of Rules/smart.yaml the rules read.
    let vocabulary: SmartVocabulary
    private(set) var times: [TimeExpression]
    let quantities: [Quantity]
    let outcomes: [VerifiableOutcome]
    let clauses: [GoalClause]
    private let timeIndex: [Int?]
    private let quantityIndex: [Int?]

    init(_ goal: String, today: LocalDate, vocabulary: SmartVocabulary) {
        let text = GoalText(goal)
        let times = TimeExpressionScanner(text: text, today: today, occasions: vocabulary.occasions, routines: vocabulary.routines, meals: vocabulary.meals).scan()
        var timeIndex = [Int?](repeating: nil, count: text.count)
        var timeMask = [Bool](repeating: false, count: text.count)
        for (position, time) in times.enumerated() {
            for index in time.span {
                timeIndex[index] = position
                timeMask[index] = time.masksQuantities
            }
        }
        let quantities = QuantityScanner(text: text, timeMask: timeMask).scan()
        var quantityIndex = [Int?](repeating: nil, count: text.count)
        for (position, quantity) in quantities.enumerated() {
            for index in quantity.span { quantityIndex[index] = position }
        }
        self.text = text
        self.today = today
        self.vocabulary = vocabulary
        self.times = times
        self.quantities = quantities
        self.outcomes = VerifiableOutcomeScanner(text: text, timeMask: timeMask, vocabulary: vocabulary).scan()
        self.clauses = GoalClause.split(text, timeMask: timeMask)
        self.timeIndex = timeIndex
        self.quantityIndex = quantityIndex
        self.times = times.map(perPeriodReading)
    }

    /// A number per period is a routine when the clause does something that often ("send 5
    /// applications a week", "pay $500 per month") and a level when it is the amount or target of a
    /// change ("raise production by 10 cars per day", "increase traffic to 5000 per month"), money
    /// earned ("earn $5,000 a month") or a share ("99.97% uptime per month"): a level per period sets no "by when".
    private func perPeriodReading(_ time: TimeExpression) -> TimeExpression {
        guard time.kind == .cadence || time.kind == .rate, let clause = clause(containing: time.span.lowerBound) else { return time }
        guard let amount = amount(before: time.span.lowerBound) else {
            // "no more than two complaints validated by a manager per year": a ceiling before it is a level.
            let capped = quantities.contains { clause.span.contains($0.span.lowerBound) && $0.span.upperBound <= time.span.lowerBound
                && $0.kind != .effort && bound(before: $0).ceiling }
            return capped || measuresPerPeriod(time, in: clause) ? TimeExpression(span: time.span, kind: .rate) : time
        }
        let verb = verb(in: clause)
        let (start, ceiling) = bound(before: amount)
        let lead = (max(0, start - 2)..<start).compactMap { text.word(at: $0) }
        let level: Bool
        switch amount.kind {
        case .money: level = !(verb.map { text[$0.span.lowerBound].forms.contains(where: Self.payingVerbs.contains) } ?? false)
        case .percentage: level = true
        // "three times a week", "twice a day": how often is a routine, unless a change sets it as its
        // target ("increase social outings to three times weekly").
        case .frequency: level = verb?.value.direction != nil && text.word(at: start - 1) == "to"
        default:
            // A change's amount or target ("by 10 cars", "to 5000"), or a ceiling ("no more than two
            // complaints per year"); "add one new contact each week" is a routine.
            // A ceiling on one's own time ("work no more than 45 hours per week") is a routine kept.
            // "drive 15 more customers per day": a number more or fewer than now is a level, not a routine.
            let compared = ["more", "fewer", "less"].contains(text.word(at: amount.span.upperBound) ?? "")
            level = (ceiling && amount.kind != .effort) || compared || (verb?.value.direction != nil && (lead.contains("by") || lead.contains("to")))
        }
        return TimeExpression(span: time.span, kind: level ? .rate : .cadence)
    }

    /// "increase sales per week by 10%", "increase annual donations": a period right after or before what
    /// a change verb moves is part of the measure (weekly sales), not how often something is done ("check in every week").
    private func measuresPerPeriod(_ time: TimeExpression, in clause: GoalClause) -> Bool {
        guard let verb = verb(in: clause), verb.value.direction != nil, verb.span.upperBound <= time.span.lowerBound else { return false }
        // "increase annual donations by 20%": a period word before what changes names the measure too.
        if time.span.count == 1, let next = text.word(at: time.span.upperBound), !FunctionWords.contains(next) {
            return !(verb.span.upperBound..<time.span.lowerBound).contains { text[$0].kind != .word || ActionVerb.lexicon.match(in: text, at: $0) != nil }
        }
        guard ["per", "a", "an"].contains(text.word(at: time.span.lowerBound) ?? "") else { return false }
        return !(verb.span.upperBound..<time.span.lowerBound).contains { ActionVerb.lexicon.match(in: text, at: $0) != nil || text[$0].kind != .word }
    }

    /// Where the words bounding a quantity start ("no more than 3"), and whether they cap it.
    private func bound(before quantity: Quantity) -> (start: Int, ceiling: Bool) {
        var start = quantity.span.lowerBound
        var ceiling = false
        while let word = text.word(at: start - 1), Self.boundWords.contains(word) {
            if Self.ceilingWords.contains(word) { ceiling = true }
            start -= 1
        }
        return (start, ceiling)
    }

    /// The amount a "per month" or "each year" qualifies: the quantity ending right before it, or
    /// before the noun it counts ("10 cars per day").
    private func amount(before index: Int) -> Quantity? {
        for cursor in stride(from: index - 1, through: max(0, index - 3), by: -1) {
            if let quantity = quantity(at: cursor) { return quantity }
            guard let word = text.word(at: cursor), !FunctionWords.contains(word) else { return nil }
        }
        return nil
    }

    /// Words that bound an amount ("no more than", "at least", "fewer than"), and those that make it a ceiling.
    private static let boundWords: Set<String> = ["no", "not", "more", "than", "fewer", "less", "at", "most", "least", "under", "below", "maximum", "max", "minimum", "of", "a"]
    private static let ceilingWords: Set<String> = ["no", "not", "most", "fewer", "less", "under", "below", "maximum", "max"]

    /// Verbs that put money somewhere: a money amount per period after them is how often it is done.
    private static let payingVerbs: Set<String> = ["pay", "repay", "save", "deposit", "donate", "invest", "contribute", "spend", "put", "set", "give", "send", "transfer"]

    /// Determiners that make a number the goal's scope rather than its target: "my 4 junior clerks",
    /// "all 3 stores", "the 2 teams".
    private static let scopeDeterminers: Set<String> = ["my", "our", "your", "his", "her", "their", "all", "both", "the", "these", "those"]

    /// The quantities that can be the goal's measure, targets before scopes ("train my 4 clerks to run
    /// 40 stand-ups" measures the stand-ups), each group in the order written.
    var measures: [Quantity] {
        quantities.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// 0 for a target, 1 for a scope ("my 4 clerks"), 2 for the figure a goal starts "from".
    func rank(_ quantity: Quantity) -> Int {
        let before = text.word(at: quantity.span.lowerBound - 1) ?? ""
        if before == "from" { return 2 }
        return Self.scopeDeterminers.contains(before) ? 1 : 0
    }

    func time(at index: Int) -> TimeExpression? {
        guard text.contains(index), let position = timeIndex[index] else { return nil }
        return times[position]
    }

    /// The quantity whose number tokens include `index`.
    func quantity(at index: Int) -> Quantity? {
        guard text.contains(index), let position = quantityIndex[index] else { return nil }
        return quantities[position]
    }

    private static let verbParticles: Set<String> = ["for", "with", "up", "out", "off", "down", "through", "over", "around", "into", "onto"]

    /// The clause's main verb: the first verb outside time phrases and numbers ("double" is both);
    /// without a known one, the word a modal leads into ("I will identify", "be able to name").
    private static let modalAdverbs: Set<String> = ["never", "not", "always", "also", "still", "just", "finally", "soon", "really"]

    func verb(in clause: GoalClause) -> PhraseTable<ActionVerb>.Match? {
        var led: Int?
        for index in clause.span where time(at: index) == nil && (quantity(at: index)?.kind ?? .multiple) == .multiple {
            if let verb = ActionVerb.lexicon.match(in: text, at: index), verb.span.upperBound <= clause.span.upperBound,
               !isNoun(verb.span) {
                // "be able to identify": the ability is shown by the verb it is able to do.
                if verb.value.kind == .copula, text.word(at: verb.span.upperBound) == "able", text.word(at: verb.span.upperBound + 1) == "to" {
                    continue
                }
                return verb
            }
            // "I will never feel anxious": a negation or an adverb after the modal is not the verb.
            var lead = index - 1
            while lead > clause.span.lowerBound, let word = text.word(at: lead), Self.modalAdverbs.contains(word) || WordForms.isAdverb(word) { lead -= 1 }
            if led == nil, let word = text.word(at: index), !FunctionWords.contains(word), index > clause.span.lowerBound,
               !Self.modalAdverbs.contains(word), !WordForms.isAdverb(word), let before = text.word(at: lead),
               Self.modals.contains(before) || (before == "to" && text.word(at: lead - 1) == "able") {
                led = index
            }
            // "Greet each patient by name", "Go for a walk": a goal written as an instruction starts
            // with its verb, which a determiner or a preposition of the verb follows.
            if led == nil, index == 0, clause.span.lowerBound == 0, let word = text.word(at: 0), !FunctionWords.contains(word),
               !WordForms.isPlural(word), let next = text.word(at: 1), FunctionWords.determiners.contains(next) || Self.verbParticles.contains(next) {
                led = 0
            }
        }
        return led.map { PhraseTable.Match(span: $0..<($0 + 1), value: ActionVerb(kind: .action, direction: nil)) }
    }

    /// A verb's form used as a noun: after a determiner, a possessive or a generic modifier ("another
    /// meeting", "the team's review", "new hires"), or joined into a compound ("post-surgery"); a
    /// comparative after a verb of wanting is an adjective ("I want better classroom management");
    /// what a number counts is a thing ("40 calls a week", "two visits").
    private func isNoun(_ span: Range<Int>) -> Bool {
        if text.isInnerHyphen(at: span.upperBound) { return true }
        if span.lowerBound > 0, time(at: span.lowerBound - 1) == nil,
           text.isNumber(at: span.lowerBound - 1) || quantity(at: span.lowerBound - 1) != nil {
            return true
        }
        guard let before = text.word(at: span.lowerBound - 1) else { return false }
        if ObjectScope.comparatives.contains(text[span.lowerBound].text), text[span.lowerBound - 1].forms.contains(where: Self.wanting.contains) {
            return true
        }
        let possessive = before == "'s" && text.word(at: span.lowerBound - 2) != "let"
        return FunctionWords.determiners.contains(before) || possessive || vocabulary.genericModifiers.contains(before)
            || Self.quantifiers.contains(before)
    }

    /// "more volunteers", "fewer calls": what a quantifier counts is a thing, not an act.
    private static let quantifiers: Set<String> = ["more", "fewer", "less", "most"]

    private static let wanting: Set<String> = ["want", "need", "wish", "like", "hope"]

    /// Words after which the next content word is a verb; "to" only counts after "able" ("want
    /// to go back to school" names no action, "will be able to identify" does).
    private static let modals: Set<String> = ["will", "shall", "must", "'ll"]

    /// The clause containing `index`.
    func clause(containing index: Int) -> GoalClause? {
        clauses.first { $0.span.contains(index) }
    }
}
