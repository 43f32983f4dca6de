/// What kind of answer a question expects; decides how the raw line is parsed.
public enum AnswerKind: Hashable, Sendable {
    case text
    case number
    case money
    case percent
    case scale(min: Int, max: Int)
    case date
    case yesNo
    case choice([String])
    case multiChoice([String])
    /// Lets the client pick one of their earlier answers to change (used by a closing summary).
    case answerPicker

    /// The choices TAB completes and the menu shows.
    public var choices: [String] {
        switch self {
        case .choice(let c), .multiChoice(let c): return c
        case .yesNo: return ["yes", "no"]
        default: return []
        }
    }

    /// A short hint of the expected format, shown after a rejected answer.
    public var formatHint: String {
        switch self {
        case .text: return "a few words"
        case .number: return "a number, e.g. 12 or 12.5"
        case .money: return "an amount, e.g. 85000, $85k or 1.2m EUR"
        case .percent: return "a percentage, e.g. 15 or 15%"
        case .scale(let lo, let hi): return "a whole number from \(lo) to \(hi)"
        case .date: return "a date, e.g. 2027-06-30, 30 June 2027, or 'in 3 months'"
        case .yesNo: return "yes or no"
        case .choice: return "one of the options, by number or by name"
        case .multiChoice: return "one or more options, separated by commas (e.g. 1, 3)"
        case .answerPicker: return "the number or name of the answer to change"
        }
    }
}
