/// The domain knowledge the SMART analyzer reads, as a coach extends it in Rules/smart.yaml: the
/// career ladder of titles, the topics that tie a goal to a role, the wishes and heads that make a
/// goal vague, the words that state why it matters and the limits of plausible growth. The grammar
/// that reads a goal stays in code; what the words mean for coaching lives in the file.
public struct SmartVocabulary: Sendable, Hashable {
    /// Titles and their rank on the ladder (intern 0 … chief 11), longest phrase first when read.
    public let ladder: [(title: String, rank: Int)]
    /// Groups of words of one career theme ("deal", "quota", "pipeline").
    public let topics: [[String]]
    /// Phrases that only express a wish to change ("get better at", "level up").
    public let vagueFrames: [String]
    /// Heads no one can see or count ("confidence", "leadership").
    public let abstractHeads: Set<String>
    /// Heads that need scope before anyone can tell which ("sales", "job", "internship").
    public let generalHeads: Set<String>
    /// Modifiers that do not say which ("a new job", "my own clients").
    public let genericModifiers: Set<String>
    /// Words that name what a goal serves ("promotion", "team", "quota").
    public let valueWords: Set<String>
    public let growth: Growth
    /// Title words that name a level, not a role ("manager", "senior"): a title made of them
    /// alone does not say which role ("be a manager": of what?).
    public let rankWords: Set<String>
    /// Occasions a goal can be timed by without a date ("before my next evaluation").
    public let occasions: Set<String>
    /// Points of a day that recur without saying so ("after lunch", "before bed"): a routine.
    public let routines: Set<String>
    /// Meals, routines that also recur after "at" or "with" ("one vegetable with dinner").
    public let meals: Set<String>
    /// Things a verb of making delivers ("develop an onboarding checklist"), unlike people or
    /// skills it grows ("develop my team"): a named one is done or not.
    public let madeThings: Set<String>
    /// The job titles of Rules/roles.yaml: a title off the ladder still names a role one can hold
    /// ("become a registered nurse"), read at the rank of an individual contributor.
    public let professions: [String]

    /// The limits past which a change is judged implausible.
    public struct Growth: Sendable, Hashable {
        /// Faster sustained growth than this share per month is implausible.
        public var fastestMonthly: Double
        /// A measure can plausibly keep this share of itself a month, not less.
        public var slowestMonthlyKeep: Double
        /// A change of this multiple is implausible in any goal's time frame.
        public var implausibleMultiple: Double
        /// Months a promotion takes per level beyond the next one.
        public var monthsPerExtraLevel: Double
        /// A promotion sooner than this many days is only realistic when already decided.
        public var shortestPromotionDays: Int

        public init(fastestMonthly: Double, slowestMonthlyKeep: Double, implausibleMultiple: Double,
                    monthsPerExtraLevel: Double, shortestPromotionDays: Int) {
            self.fastestMonthly = fastestMonthly
            self.slowestMonthlyKeep = slowestMonthlyKeep
            self.implausibleMultiple = implausibleMultiple
            self.monthsPerExtraLevel = monthsPerExtraLevel
            self.shortestPromotionDays = shortestPromotionDays
        }
    }

    let ladderTable: PhraseTable<Int>
    let frameTable: PhraseTable<Bool>
    let professionTable: PhraseTable<Int>
    /// Set once from the contents: critiques are remembered per vocabulary, and hashing the
    /// tables on every lookup would cost more than the analysis it saves.
    private let fingerprint: Int

    public init(ladder: [(title: String, rank: Int)], topics: [[String]], vagueFrames: [String], abstractHeads: Set<String>,
                generalHeads: Set<String>, genericModifiers: Set<String>, valueWords: Set<String>, growth: Growth,
                rankWords: Set<String> = [], occasions: Set<String> = [], routines: Set<String> = [], meals: Set<String> = [], madeThings: Set<String> = [], professions: [String] = []) {
        self.ladder = ladder
        self.topics = topics
        self.vagueFrames = vagueFrames
        self.abstractHeads = abstractHeads
        self.generalHeads = generalHeads
        self.genericModifiers = genericModifiers
        self.valueWords = valueWords
        self.growth = growth
        self.rankWords = rankWords
        self.occasions = occasions
        self.routines = routines
        self.meals = meals
        self.madeThings = madeThings
        self.professions = professions
        professionTable = PhraseTable(professions, value: Self.contributorRank)
        ladderTable = PhraseTable(ladder.map { ($0.title, $0.rank) })
        frameTable = PhraseTable(vagueFrames)
        var hasher = Hasher()
        for (title, rank) in ladder { hasher.combine(title); hasher.combine(rank) }
        hasher.combine(topics)
        hasher.combine(vagueFrames)
        for words in [abstractHeads, generalHeads, genericModifiers, valueWords] { hasher.combine(words.sorted()) }
        hasher.combine(growth)
        hasher.combine(rankWords.sorted())
        hasher.combine(occasions.sorted())
        hasher.combine(routines.sorted())
        hasher.combine(meals.sorted())
        hasher.combine(madeThings.sorted())
        hasher.combine(professions)
        fingerprint = hasher.finalize()
    }

    /// No words and the most lenient limits: what a goal is judged by when no Rules/smart.yaml is read.
    public static let empty = SmartVocabulary(ladder: [], topics: [], vagueFrames: [], abstractHeads: [], generalHeads: [],
                                              genericModifiers: [], valueWords: [],
                                              growth: Growth(fastestMonthly: .infinity, slowestMonthlyKeep: 0, implausibleMultiple: .infinity,
                                                             monthsPerExtraLevel: 0, shortestPromotionDays: 0))

    public static func == (a: SmartVocabulary, b: SmartVocabulary) -> Bool {
        a.fingerprint == b.fingerprint && a.ladder.elementsEqual(b.ladder, by: { $0 == $1 }) && a.topics == b.topics
            && a.vagueFrames == b.vagueFrames && a.abstractHeads == b.abstractHeads && a.generalHeads == b.generalHeads
            && a.genericModifiers == b.genericModifiers && a.valueWords == b.valueWords && a.growth == b.growth
            && a.rankWords == b.rankWords && a.occasions == b.occasions && a.routines == b.routines && a.meals == b.meals && a.madeThings == b.madeThings && a.professions == b.professions
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    /// Indexes of the topics `word` belongs to (sharing a root with a member).
    func topics(of word: String) -> [Int] {
        topics.indices.filter { topics[$0].contains { WordForms.sharesRoot($0, word) } }
    }

    /// The highest rank named in `span`, with "junior", "senior", "staff" and the like applied;
    /// nil when the span names no title.
    func rank(in text: GoalText, span: Range<Int>) -> Int? {
        rank(in: text, span: span, table: ladderTable)
    }

    /// The rank of a title where a goal names a role to hold ("become …", "a job as …"): a
    /// profession off the ladder ranks as an individual contributor when it ends the span, as a
    /// title's head does ("a registered nurse"; in "my sales quota", "sales" is only a word).
    func roleRank(in text: GoalText, span: Range<Int>) -> Int? {
        if let ranked = rank(in: text, span: span) { return ranked }
        guard let head = span.reversed().first(where: { text[$0].isWord }) else { return nil }
        return span.lazy.compactMap { index in
            self.professionTable.match(in: text, at: index).flatMap { $0.span.upperBound == head + 1 ? $0.value : nil }
        }.first
    }

    /// Where the ladder puts an individual contributor ("engineer", "analyst").
    static let contributorRank = 2

    private func rank(in text: GoalText, span: Range<Int>, table: PhraseTable<Int>) -> Int? {
        var best: Int?
        var index = span.lowerBound
        while index < span.upperBound {
            guard let title = table.match(in: text, at: index), title.span.upperBound <= span.upperBound else {
                index += 1
                continue
            }
            var level = title.value
            if index > span.lowerBound, let modifier = text.word(at: index - 1) {
                switch modifier {
                case "junior", "jr", "associate", "assistant": level -= 1
                case "senior", "sr": level += 1
                case "lead", "staff", "principal": level = max(level, 4)
                default: break
                }
            }
            best = max(best ?? level, level)
            index = title.span.upperBound
        }
        return best
    }
}
