/// Closed-class words (articles, prepositions, pronouns, connectives, chat asides): never the object of a goal,
/// never what a number counts, and never evidence of relevance.
enum FunctionWords {
    static let determiners: Set<String> = [
        "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these",
        "those", "all", "every", "each", "some", "any", "no", "both", "either", "own", "another", "such",
    ]

    /// Determiners that say whose ("my sales", "our income").
    static let possessives: Set<String> = ["my", "our", "your", "his", "her", "their", "its"]

    static let prepositions: Set<String> = [
        "by", "in", "within", "before", "after", "until", "till", "during", "at", "for", "with", "from",
        "to", "on", "per", "via", "through", "into", "onto", "over", "under", "than", "as", "like", "about",
        "across", "around", "against", "without", "toward", "towards", "among", "between", "of", "upon",
        "beyond", "throughout", "since",
    ]

    static let connectives: Set<String> = [
        "and", "or", "but", "nor", "so", "yet", "then", "while", "because", "although", "though",
        "whereas", "unless", "if", "when", "whenever", "where", "which", "who", "whom", "whose", "plus",
    ]

    static let pronouns: Set<String> = [
        "i", "me", "we", "us", "you", "he", "him", "she", "they", "them", "it", "myself", "ourselves",
        "yourself", "itself", "themselves", "mine", "ours", "i'm", "i'll", "i'd", "i've", "we'll", "we're",
    ]

    static let auxiliaries: Set<String> = [
        "am", "is", "are", "was", "were", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must", "want", "wants", "need", "needs", "going", "gonna", "wanna", "not", "also",
        "just", "really", "very", "'s",
    ]

    /// Chat asides a tired client types ("be a manager tbh"): they say how the client feels about
    /// the goal, never what it is.
    static let asides: Set<String> = [
        "tbh", "tbf", "ngl", "imo", "imho", "lol", "lmao", "haha", "btw", "fyi", "idk", "um", "uh", "erm", "hmm",
    ]

    static func contains(_ word: String) -> Bool {
        determiners.contains(word) || prepositions.contains(word) || connectives.contains(word)
            || pronouns.contains(word) || auxiliaries.contains(word) || asides.contains(word)
    }
}
