/// A number in a goal that measures something (not a date or a duration of the plan), with what
/// kind of measure it is so the coach can say so.
struct Quantity: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case count
        case percentage
        case money
        /// A multiple of today's level ("double", "3x", "half").
        case multiple
        case score
        case range
        /// Time spent or allowed ("30 minutes", "45 hours").
        case effort
        /// A clock-time limit ("6 pm").
        case clockTime
        /// How often something happens ("twice", "3 times").
        case frequency
    }

    let kind: Kind
    let value: Double
    /// The tokens of the number and its unit ("$95,000", "15 percent").
    let span: Range<Int>
    /// `span` extended over what is counted ("12 new deals"), for quoting.
    let phrase: Range<Int>
}
