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
    /// A numeric date with two readings (month first, day first): the client picks one.
    case ambiguousDate([LocalDate])
    /// "Thursday 31 July 2027" when 31 July 2027 is a Saturday.
    case weekdayMismatch(LocalDate, written: String)
    /// Timing that fixes no day ("in a few weeks").
    case vagueDate(String)
    /// A sentence for a date ("I want it done by year's end"): the one date phrase in it, offered.
    case dateInSentence(String, LocalDate)
    /// "Don't know", "not sure": an estimate is welcome, or the question can wait.
    case unknownNumber
    /// The same at a question answered in words.
    case unsure
    /// A deadline that has already passed, with the same day a year on as the likely meaning.
    case pastDate(LocalDate, suggestion: LocalDate, today: LocalDate)
    case notAChoice([String])
    case ambiguousChoice([String])
    case nothingToChange
    /// A check declared in the interview script (`reject: - if: … say: …`).
    case declined(String)

    /// The days an answer could have meant, offered as numbered choices.
    public var offeredDates: [LocalDate]? {
        switch self {
        case .ambiguousDate(let readings): readings
        case .pastDate(_, let suggestion, _): [suggestion]
        case .dateInSentence(_, let day): [day]
        default: nil
        }
    }

    static func ago(_ days: Int) -> String {
        switch days {
        case 1: "yesterday"
        case ..<14: "\(days) days ago"
        case ..<61: "\(NumberLexicon.spelled((days + 3) / 7)) weeks ago"
        case ..<730: "\(NumberLexicon.spelled((days + 15) / 30)) months ago"
        default: "\(days / 365) years ago"
        }
    }

    /// Beyond this many options a refusal points at the list instead of repeating it.
    static let choicesNamed = 10

    public var message: String { message(canSkip: true) }

    /// The reason, naming /skip only where the question can be skipped.
    public func message(canSkip: Bool) -> String {
        switch self {
        case .empty(let hint):
            return "I didn't catch an answer — please type \(hint) (" + (canSkip ? "or /skip, /help)." : "/help explains the question).")
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
        case .ambiguousDate(let readings):
            let options = readings.enumerated().map { "\($0.offset + 1)) \($0.element.spelledOut)" }.joined(separator: "  ")
            return "That date can be read two ways — which did you mean? \(options) (or write the month as a word, e.g. 3 April 2027)"
        case .weekdayMismatch(let day, let written):
            return "\(day.dayMonthYear) is a \(DateWords.weekdayNames[day.weekday - 1].capitalisedFirst), not a \(written) — which did you mean? Type the date again, with the right weekday or none."
        case .unknownNumber:
            return "A rough guess is fine — even “about 3” helps the plan" + (canSkip ? "; or /skip to leave it for later." : ".")
        case .unsure:
            return "No need to be sure — your best guess, in a few words, is enough."
        case .pastDate(let day, let suggestion, let today):
            return "\(day.spelledOut) was \(Self.ago(today.days(until: day) * -1)) — did you mean \(suggestion.spelledOut)? Type 1 for that, or another date."
        case .dateInSentence(let words, let day):
            return "I couldn't read all of that as a date, but “\(TerminalText.sanitize(words))” in it is \(day.spelledOut) — type 1 for that, or the date alone."
        case .vagueDate(let words):
            return "“\(TerminalText.sanitize(words))” doesn't fix a day; please give a date, e.g. 30 June 2027 or 'in 6 weeks'."
        case .notAChoice(let choices) where choices.count > Self.choicesNamed:
            // A wall of every option helps no one; the question shows the likeliest ones.
            return "That isn't one of the \(choices.count) options; pick one above by its number, or type its name (TAB completes it; /help lists them all)."
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
