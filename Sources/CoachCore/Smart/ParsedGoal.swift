/// Everything the rules read from one goal, computed once: tokens, time phrases, measures,
/// verifiable outcomes and clauses. Rules share it, so no rule re-scans the text its own way.
struct ParsedGoal: Sendable {
    let text: GoalText
    let today: LocalDate
    /// The word tables of Rules/smart.yaml the rules read.
    let vocabulary: SmartVocabulary
    let times: [TimeExpression]
    let quantities: [Quantity]
    let outcomes: [VerifiableOutcome]
    let clauses: [GoalClause]
    private let timeIndex: [Int?]
    private let quantityIndex: [Int?]

    init(_ goal: String, today: LocalDate, vocabulary: SmartVocabulary) {
        let text = GoalText(goal)
        let times = TimeExpressionScanner(text: text, today: today, occasions: vocabulary.occasions).scan()
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
    }

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

    /// The clause's main verb: the first verb outside time phrases and numbers ("double" is both);
    /// without a known one, the word a modal leads into ("I will identify", "be able to name").
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
            if led == nil, let word = text.word(at: index), !FunctionWords.contains(word), index > clause.span.lowerBound,
               let before = text.word(at: index - 1),
               Self.modals.contains(before) || (before == "to" && text.word(at: index - 2) == "able") {
                led = index
            }
        }
        return led.map { PhraseTable.Match(span: $0..<($0 + 1), value: ActionVerb(kind: .action, direction: nil)) }
    }

    /// A verb's form used as a noun: after a determiner, a possessive or a generic modifier ("another
    /// meeting", "the team's review", "new hires"), or joined into a compound ("post-surgery").
    private func isNoun(_ span: Range<Int>) -> Bool {
        if text.isInnerHyphen(at: span.upperBound) { return true }
        guard let before = text.word(at: span.lowerBound - 1) else { return false }
        let possessive = before == "'s" && text.word(at: span.lowerBound - 2) != "let"
        return FunctionWords.determiners.contains(before) || possessive || vocabulary.genericModifiers.contains(before)
    }

    /// Words after which the next content word is a verb; "to" only counts after "able" ("want
    /// to go back to school" names no action, "will be able to identify" does).
    private static let modals: Set<String> = ["will", "shall", "must", "'ll"]

    /// The clause containing `index`.
    func clause(containing index: Int) -> GoalClause? {
        clauses.first { $0.span.contains(index) }
    }
}
