/// One criterion's verdict, kept explainable: the coach shows the reason, asks the question,
/// and can highlight the evidence inside the user's own words.
public struct CriterionFinding: Equatable, Sendable, Codable {
    /// `nil` means the analyzer lacks the information to decide, which the coach must treat
    /// differently from a clear "no".
    public var met: Bool?
    /// One sentence that quotes the words the verdict relied on.
    public var reason: String
    /// What to ask the user so the goal passes; `nil` when the criterion is already met.
    public var question: String?
    /// Exact substrings of the goal the verdict relied on, in order of appearance.
    public var evidence: [String]

    public init(met: Bool?, reason: String, question: String?, evidence: [String]) {
        self.met = met
        self.reason = reason
        self.question = question
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case met, reason, question, evidence
    }

    /// Written by hand because synthesized encoding drops `nil`, and consumers of the JSON
    /// rely on `met` and `question` always being present (as `null` when unknown or not needed).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let met {
            try container.encode(met, forKey: .met)
        } else {
            try container.encodeNil(forKey: .met)
        }
        try container.encode(reason, forKey: .reason)
        if let question {
            try container.encode(question, forKey: .question)
        } else {
            try container.encodeNil(forKey: .question)
        }
        try container.encode(evidence, forKey: .evidence)
    }
}
