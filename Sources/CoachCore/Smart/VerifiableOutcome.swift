/// A yes-or-no result that can be verified without a number: a named certification or course,
/// a promotion to a title, a new role, a job offer.
struct VerifiableOutcome: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case certification
        case course
        case promotion
        case role
        case jobOffer

        /// What a goal must name for this kind of outcome to be verifiable.
        var missingName: String {
            switch self {
            case .certification: "which certification"
            case .course: "which course"
            case .promotion, .role: "which title"
            case .jobOffer: "which employer or role"
            }
        }
    }

    let kind: Kind
    let span: Range<Int>
    /// Whether the goal says which one ("the AWS Solutions Architect certification", "to senior
    /// engineer"): only a named outcome can be verified.
    let isNamed: Bool
    /// The starting title of a "from … to …" step.
    let from: RankedTitle?
    /// The title reached.
    let to: RankedTitle?

    init(_ kind: Kind, _ span: Range<Int>, isNamed: Bool = true, from: RankedTitle? = nil, to: RankedTitle? = nil) {
        self.kind = kind
        self.span = span
        self.isNamed = isNamed
        self.from = from
        self.to = to
    }
}

/// A job title in the goal with its rank on the career ladder.
struct RankedTitle: Sendable, Equatable {
    let span: Range<Int>
    let level: Int
}
