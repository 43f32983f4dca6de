/// How a verb frames a goal. Most verbs need an observable object to be specific ("close 12 deals"
/// versus "close more"); a few name visible behaviour on their own ("log off").
struct ActionVerb: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Names work that can be seen once it has an object ("close", "publish").
        case action
        /// Names a wish for change that only becomes concrete with an observable object ("improve", "work on").
        case vague
        /// Names visible behaviour without an object ("log off", "meditate").
        case selfContained
        /// "be", "become": the complement decides.
        case copula
    }

    /// Which way the verb moves a measure, when it moves one.
    enum Direction: Sendable, Equatable {
        case up, down
    }

    let kind: Kind
    let direction: Direction?

    static let lexicon = PhraseTable<ActionVerb>(
        entries(.action, nil, [
            "close", "sign", "win", "book", "generate", "hit", "reach", "exceed", "beat", "surpass", "achieve",
            "earn", "make", "get", "land", "secure", "obtain", "pass", "complete", "finish", "publish", "write",
            "read", "give", "deliver", "present", "present to", "speak", "speak at", "speak to", "speak with",
            "attend", "host", "organise", "organize", "run", "lead", "launch", "ship", "release", "hire",
            "recruit", "onboard", "train", "coach", "mentor", "teach", "call", "email", "phone", "message",
            "contact", "reach out", "reach out to", "meet", "meet with", "network", "network with", "connect",
            "connect with", "join", "apply", "apply to", "apply for", "send", "send out", "submit", "interview",
            "interview with", "update", "rewrite", "create", "design", "record", "pay", "pay off", "repay", "deposit", "donate", "administer", "perform", "negotiate",
            "ask for", "request", "answer", "respond", "respond to", "reply", "reply to", "resolve", "fix",
            "handle", "sell", "upsell", "renew", "retain", "convert", "collect", "schedule", "hold", "have",
            "take", "take on", "do", "practice", "practise", "study", "study for", "prepare for", "train for",
            "review", "document", "track", "post", "share", "volunteer at", "enroll", "enrol", "enroll in", "enrol in", "enrol on", "register for",
            "sign up for", "register", "lose", "keep", "limit", "cap", "avoid", "block", "set up", "implement",
            "migrate", "deploy", "visit", "spend", "find", "provide", "produce", "follow up with",
            "check in with", "talk to", "work", "buy", "invite", "pitch", "refer", "delegate", "stop", "quit",
            "start", "begin", "go to", "use", "cut out", "give up", "eliminate", "contribute to", "redo", "turn in", "hand in", "construct", "establish", "integrate", "chart", "conduct", "revise",
            "arrive", "arrive at", "convey", "draft", "prepare", "introduce", "adopt", "go from", "collaborate with",
            "file", "close out", "audit", "inspect", "certify", "qualify for", "defend", "put", "put in", "put toward", "put towards",
            "walk", "jog", "swim", "hike", "eat", "drink", "sleep", "exercise", "work out", "meditate", "journal",
            // The observable verbs of learning objectives (Bloom's taxonomy): what a learner shows.
            "describe", "identify", "explain", "demonstrate", "list", "define", "compare", "calculate", "classify",
            "summarize", "summarise", "recite", "locate", "distinguish", "illustrate", "solve", "outline",
            "analyze", "analyse", "interpret", "differentiate", "discuss", "recall", "label",
            // Jobs around a home or a site that are done or not.
            "clean", "tidy", "declutter", "repair", "paint", "install", "replace", "renovate", "wash",
        ])
        + entries(.action, .up, ["save", "set aside", "put aside", "put away", "invest", "increase", "raise", "lift", "double", "triple", "quadruple", "add", "scale up", "go up", "rise"])
        + entries(.action, .down, [
            "reduce", "cut", "lower", "decrease", "drop", "shrink", "halve", "bring down", "minimise",
            "minimize", "trim", "slash", "cut down", "go down", "fall", "decline", "pay down",
        ])
        + entries(.vague, .up, ["improve", "enhance", "grow", "boost", "expand", "elevate", "advance"])
        + entries(.vague, nil, [
            "develop", "work on", "strengthen", "build", "focus on", "better", "upgrade", "polish", "sharpen",
            "deepen", "broaden", "refine", "nurture", "cultivate", "explore", "look for", "look into",
            "think about", "learn", "understand", "move up", "master", "progress", "evolve", "optimise",
            "optimize", "prioritise", "prioritize", "manage", "balance", "maintain", "support", "contribute",
            "invest in", "succeed", "thrive", "excel", "flourish", "step up", "try", "pursue", "consider",
            "embrace", "make sure", "ensure",
        ])
        + entries(.selfContained, nil, [
            "log off", "sign off", "switch off", "unplug", "disconnect",
            "retire", "resign", "relocate", "clock out", "leave work", "leave the office", "volunteer",
        ])
        + entries(.copula, nil, ["be", "become"])
    )

    /// Vague verbs that make a thing when their object is one: "develop an onboarding checklist" is
    /// delivered or not, while "develop my skills" names no thing and stays vague.
    static let making: Set<String> = ["develop", "build"]

    private static func entries(_ kind: Kind, _ direction: Direction?, _ phrases: [String]) -> [(String, ActionVerb)] {
        phrases.map { ($0, ActionVerb(kind: kind, direction: direction)) }
    }

    /// Whether a verb at `index` reads as the start of a new clause: an infinitive after "to"
    /// ("to reach team lead", "to not eat dessert") or a gerund after "by" ("by closing 10 deals").
    static func startsClause(in text: GoalText, at index: Int) -> Bool {
        guard let word = text.word(at: index - 1), lexicon.match(in: text, at: index) != nil else { return false }
        if word == "to" || (["not", "never"].contains(word) && text.word(at: index - 2) == "to") { return true }
        let gerund = text.word(at: index)?.hasSuffix("ing") ?? false
        return gerund && ["by", "through", "via", "with", "without", "after", "before"].contains(word)
    }
}
