/// Why an answer was not accepted. One short reason, written for the person typing.
public enum AnswerProblem: Error, Hashable, Sendable {
    case empty(hint: String)
    case tooLong(limit: Int)
    case controlCharacters
    case notUnderstood(hint: String)
    case tooLarge
    case negative
    case outOfRange(low: String, high: String)
    case impossibleDate(String)
    case ambiguousDate
    case notAChoice([String])
    case ambiguousChoice([String])
    case nothingToChange
    /// A check declared in the interview script (`reject: - if: … say: …`).
    case declined(String)

    public var message: String {
        switch self {
        case .empty(let hint):
            return "I didn't catch an answer — please type \(hint) (or /skip, /help)."
        case .tooLong(let limit):
            return "That's longer than I can keep here; please keep it under \(NumberFormat.grouped(Double(limit))) characters."
        case .controlCharacters:
            return "That contains control or escape characters (an arrow key or a paste, perhaps); please type it again."
        case .notUnderstood(let hint):
            return "I couldn't read that as \(hint)."
        case .tooLarge:
            return "That number is too large to be a real figure; please check it."
        case .negative:
            return "An amount can't be negative here."
        case .outOfRange(let low, let high):
            return "Please give a value from \(low) to \(high)."
        case .impossibleDate(let why):
            return why
        case .ambiguousDate:
            return "Dates like 06/07/2027 are ambiguous; please write 2027-06-30 or 30 June 2027."
        case .notAChoice(let choices):
            return "Please pick one of: " + choices.joined(separator: ", ") + " (the number works too)."
        case .ambiguousChoice(let matches):
            return "That matches more than one option (" + matches.joined(separator: ", ") + "); please be more precise."
        case .nothingToChange:
            return "There is no earlier answer to change yet."
        case .declined(let reason):
            return reason
        }
    }
}
