/// Numbers as people give them: "about 5 years", "3-4", "18 months", "an hour a day", "a couple",
/// "since 2019", "none", "two and a half". A question may say what unit it counts in
/// (`unit: years`, `unit: hours a week`); amounts in other units are converted to it.
public struct NaturalNumber: Sendable, Equatable {
    /// The value to store; the midpoint of a range.
    public let value: Double
    /// The range given ("3-4", "a few"), when one was.
    public let range: ClosedRange<Double>?
    /// "about", "maybe", "~": an estimate.
    public let hedged: Bool
    /// The answer needed reading beyond a plain number (a unit converted, a range, a word).
    public let interpreted: Bool
    /// The currency an amount of money was given in ("£", "EUR"), when it was.
    public var currency: String? = nil

    /// The units a number question can count in.
    public enum Unit: String, Sendable, CaseIterable {
        case years, months, weeks, days, hours
        case hoursAWeek = "hours a week"
        case minutes

        /// Days per unit, for converting a duration; nil for a rate.
        var days: Double? {
            switch self {
            case .years: 365.25
            case .months: 30.4375
            case .weeks: 7
            case .days: 1
            case .hours: 1.0 / 24
            case .minutes: 1.0 / 1_440
            case .hoursAWeek: nil
            }
        }
    }

    /// What the client meant when no number came: "don't know", or a word no reading serves.
    public enum Unread: Error, Equatable, Sendable {
        case unknown
        case notANumber
        case negative
    }

    /// What the question counts in: a number (in a unit, or plain), an amount of money, or a share.
    public enum Target: Sendable, Equatable {
        case number(Unit?)
        case money
        case percent
    }

    /// What a question of that kind counts in; nil for kinds that are not figures (a scale is a choice of numbers).
    public static func target(of kind: AnswerKind, unit: Unit?) -> Target? {
        switch kind {
        case .number: .number(unit)
        case .money: .money
        case .percent: .percent
        default: nil
        }
    }

    /// Reads `raw` for a question counting in `unit` (nil: a plain number); `today` serves "since 2019".
    public static func read(_ raw: String, unit: Unit?, today: LocalDate) -> Result<NaturalNumber, Unread> {
        read(raw, as: .number(unit), today: today)
    }

    /// Reads `raw` as the target asks: "about £2,400", "$85k", "almost half", "2 years and 3 months".
    public static func read(_ raw: String, as target: Target, today: LocalDate) -> Result<NaturalNumber, Unread> {
        AmountReader(text: GoalText(raw), target: target, today: today).read()
    }

    /// What a client says instead of a figure they do not know; a composed goal leaves them out too.
    static let unsurePhrases = PhraseTable([
        "don't know", "dont know", "do not know", "dunno", "not sure", "no idea", "unsure", "no clue",
        "can't say", "cant say", "hard to say", "i don't know", "idk", "not certain",
    ])

    /// True when the whole answer says the client does not know ("dunno", "not sure really"),
    /// with nothing else in it: "not sure, maybe marketing" is an answer.
    public static func isUnsure(_ raw: String) -> Bool {
        AmountReader(text: GoalText(raw), target: .number(nil), today: LocalDate(dayNumber: 0)).onlyUnsure()
    }

    /// "about £2,400", "£30,000–50,000 (40,000 for the plan)", "about 50%": how a saved amount or
    /// share in words reads back.
    public func spoken(as target: Target) -> String {
        let value: (Double) -> AnswerValue = { target == .money ? .money($0, currency: currency) : .percent($0) }
        guard case .number(let unit) = target else {
            let amount = range.map { value($0.lowerBound).display + "–" + value($0.upperBound).display } ?? value(self.value).display
            return (hedged ? "about " : "") + amount + (range != nil ? " (\(value(self.value).display) for the plan)" : "")
        }
        return spoken(unit: unit)
    }

    /// "about 7 hours a week", "3–4 years": how the saved answer reads back.
    public func spoken(unit: Unit?) -> String {
        let amount = range.map { "\(NumberFormat.plain($0.lowerBound))–\(NumberFormat.plain($0.upperBound))" } ?? NumberFormat.plain(value)
        let unitWords = unit.map { " " + ($0 == .hoursAWeek ? (value == 1 && range == nil ? "hour a week" : "hours a week") : (value == 1 && range == nil ? String($0.rawValue.dropLast()) : $0.rawValue)) } ?? ""
        return (hedged ? "about " : "") + amount + unitWords + (range != nil ? " (\(NumberFormat.plain(value)) for the plan)" : "")
    }
}
