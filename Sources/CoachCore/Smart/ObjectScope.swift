/// Whether an action's object says which one, and how much: the rubric's "enough scope to tell
/// which" (README, "SMART, letter by letter"). "Increase sales" names no sales and no amount;
/// "increase premium-plan sales by 10%" names both.
struct ObjectScope: Sendable, Equatable {
    /// A modifier, a name or a complement picks out which ("premium-plan sales", "a job as a nurse").
    let narrowed: Bool
    /// How many words of the object carry content ("Excel pivot tables" has three).
    let contentWords: Int
    /// "more", "fewer", "less", "better" with nothing to check them against.
    let comparative: Int?
    /// The head is a general noun that needs scope before anyone can tell which ("sales", "a job").
    let general: Bool
    /// A prepositional complement follows ("a job as a nurse", "study Biology for my midterm").
    let complement: Bool
    /// A word of the object is a name: capitalised inside the sentence ("Excel", "the DEF project").
    let named: Bool

    init(_ object: ObjectPhrase, in goal: ParsedGoal, clause: GoalClause) {
        let text = goal.text
        var modified = false
        var named = false
        var content = 0
        var comparative: Int?
        for index in object.span where text[index].isWord {
            let word = text[index].text
            if Self.isComparative(word) { comparative = comparative ?? index; continue }
            if FunctionWords.contains(word) || ObjectPhrase.qualityWords.contains(word) { continue }
            content += 1
            if Self.isName(index, in: text, generalHeads: goal.vocabulary.generalHeads) { named = true }
            if index != object.head, !goal.vocabulary.genericModifiers.contains(word) { modified = true }
        }
        // "an exam such as the PTE General": an example named after "such as" says which kind.
        let example = text.word(at: object.end) == "such" && text.word(at: object.end + 1) == "as"
            && ((object.end + 2)..<min(clause.span.upperBound, object.end + 5)).contains { Self.isName($0, in: text, generalHeads: goal.vocabulary.generalHeads) }
        let complement = Self.startsComplement(at: object.end, in: goal, clause: clause) || example
        self.complement = complement
        self.named = named
        self.narrowed = modified || named || complement
        self.contentWords = content
        self.comparative = comparative
        self.general = object.head.map { head in text[head].forms.contains(where: goal.vocabulary.generalHeads.contains) } ?? false
    }

    /// A complement at `index` picks out which: "a job as a nurse", "sales in the north-east region";
    /// an infinitive of purpose ("a plan to address turnover"), a time, a manner ("on time") or a
    /// judgement ("to successful delivery") does not.
    static func startsComplement(at index: Int, in goal: ParsedGoal, clause: GoalClause) -> Bool {
        let text = goal.text
        guard let word = text.word(at: index), complementWords.contains(word), index + 1 < clause.span.upperBound,
              goal.time(at: index) == nil, goal.time(at: index + 1) == nil, !ActionVerb.startsClause(in: text, at: index + 1),
              !isAmount(goal.quantity(at: index)), !isAmount(goal.quantity(at: index + 1)),
              !manners.contains(word + " " + (text.word(at: index + 1) ?? "")) else { return false }
        return text.word(at: index + 1).map {
            (!FunctionWords.contains($0) || FunctionWords.determiners.contains($0)) && !ObjectPhrase.qualityWords.contains($0)
                && !["successful", "success"].contains($0)
        } ?? text.isNumber(at: index + 1)
    }

    /// "from 70% to 90%", "to $5.20": an amount of the change, not a complement that says which.
    private static func isAmount(_ quantity: Quantity?) -> Bool {
        quantity.map { [.percentage, .money, .range, .multiple, .score].contains($0.kind) } ?? false
    }

    /// Capitalised inside the sentence, or an acronym: a name ("Excel", "the DEF project"). A
    /// general noun stays a common noun when capitalised ("Get a Job!") unless it is an acronym.
    static func isName(_ index: Int, in text: GoalText, generalHeads: Set<String>) -> Bool {
        let written = text.source[text[index].range]
        guard index > 0, let first = written.first, first.isUppercase else { return false }
        return (written.count > 1 && written.allSatisfy { !$0.isLowercase })
            || !text[index].forms.contains(where: generalHeads.contains)
    }

    /// A comparative with nothing to check it against: "more", "fewer", and any "-ier" form ("eat
    /// healthier", "sleep earlier"), which English keeps for comparatives.
    static func isComparative(_ word: String) -> Bool {
        comparatives.contains(word) || (word.hasSuffix("ier") && word.count >= 6)
    }

    /// Amounts that commit to no number: "more calls", "a few clients".
    static let comparatives: Set<String> = [
        "more", "fewer", "less", "better", "higher", "lower", "bigger", "greater", "faster", "few", "several",
        "lots", "plenty", "many",
    ]

    /// How a thing is done, not which thing: "deliver the project on time" still asks which project.
    static let manners: Set<String> = ["on time", "on schedule", "on budget", "on track", "on target", "in time", "in full", "in person"]

    static let complementWords: Set<String> = ["for", "at", "in", "with", "on", "as", "of", "from", "about", "into", "across", "to", "among", "within", "per"]

    /// Verbs of learning, whose object needs more than a word before it says what will be learnt.
    static let learningVerbs: Set<String> = ["learn", "master", "study", "practise", "practice"]

    /// Verbs of ongoing activity: doing them has no point at which it is done ("study for", "mentor").
    static let activityVerbs: Set<String> = [
        "study", "practise", "practice", "learn", "mentor", "coach", "train", "network", "work", "do", "have",
        "keep", "maintain", "track", "try", "spend", "use", "help", "walk", "jog", "swim", "hike",
        "eat", "drink", "sleep", "exercise", "meditate", "journal",
    ]

    /// Ways of moving, whose route can make an activity a trip ("walk to the mailbox").
    static let motionVerbs: Set<String> = ["walk", "jog", "run", "swim", "hike", "cycle", "bike", "ride", "climb", "drive", "row", "crawl"]

    /// Words that lead a route ("up the stairs", "from my house to the mailbox").
    static let pathWords: Set<String> = ["up", "down", "to", "from", "across", "around", "through", "into", "onto", "over", "along", "past"]

    /// Verbs of knowing, which no one else can observe: only a measure makes them specific.
    static let knowingVerbs: Set<String> = ["understand", "know", "appreciate", "realise", "realize"]
}

extension Range<Int> {
    /// The span without a leading article or possessive, for quoting an object back ("which sales").
    func dropFirstDeterminer(in text: GoalText) -> Range<Int> {
        guard count > 1, let word = text.word(at: lowerBound), FunctionWords.determiners.contains(word) else { return self }
        return (lowerBound + 1)..<upperBound
    }
}
