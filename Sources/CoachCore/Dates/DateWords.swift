/// The closed word classes of the date grammar: month and weekday names, ordinal words, units of
/// time. Grammar, not domain knowledge, so they live in code beside the rules that read them.
enum DateWords {
    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Full names and abbreviations ("sept", "jun").
    static let months: [String: Int] = {
        var months: [String: Int] = ["sept": 9]
        for (offset, name) in monthNames.enumerated() {
            months[name] = offset + 1
            months[String(name.prefix(3))] = offset + 1
        }
        return months
    }()

    static let weekdays: [String: Int] = {
        var days: [String: Int] = ["tues": 2, "weds": 3, "thur": 4, "thurs": 4]
        for (offset, name) in weekdayNames.enumerated() {
            days[name] = offset + 1
            days[name + "s"] = offset + 1
            days[String(name.prefix(3))] = offset + 1
        }
        return days
    }()

    /// Ordinal words past "twelfth", which NumberLexicon stops at: enough for every day of a month.
    static let ordinalWords: [String: Int] = {
        var words: [String: Int] = [
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
            "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
        ]
        let units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        for (offset, unit) in units.enumerated() { words[unit] = offset + 1 }
        words["tenth"] = 10
        words["eleventh"] = 11
        words["twelfth"] = 12
        return words
    }()

    /// Units of time, shortest first.
    enum Unit: Int, Sendable {
        case minute, hour, day, week, fortnight, month, quarter, year, decade

        /// Hours and minutes move a deadline by part of a day; "within 4 hours" in a goal is a
        /// response-time standard, so they count only in a whole answer or with "from now", "ago".
        var isClock: Bool { self == .minute || self == .hour }

        /// Whole months, or nil for units counted in days.
        var months: Double? {
            switch self {
            case .minute, .hour, .day, .week, .fortnight: nil
            case .month: 1
            case .quarter: 3
            case .year: 12
            case .decade: 120
            }
        }

        var days: Double {
            switch self {
            case .minute: 1.0 / 1_440
            case .hour: 1.0 / 24
            case .day: 1
            case .week: 7
            case .fortnight: 14
            default: 0
            }
        }
    }

    static let units: [String: Unit] = [
        "day": .day, "days": .day, "week": .week, "weeks": .week, "wk": .week, "wks": .week,
        "fortnight": .fortnight, "fortnights": .fortnight, "month": .month, "months": .month, "mo": .month,
        "mos": .month, "quarter": .quarter, "quarters": .quarter, "year": .year, "years": .year, "yr": .year,
        "yrs": .year, "decade": .decade, "decades": .decade, "hour": .hour, "hours": .hour, "hr": .hour,
        "hrs": .hour, "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
    ]

    /// The areas of the time-zone database's region names ("America/New_York").
    static let zoneAreas: Set<String> = ["africa", "america", "antarctica", "arctic", "asia", "atlantic", "australia", "europe", "indian", "pacific", "etc"]

    /// Time zones as people type them in lower case too ("5pm pst"), and the North American zones
    /// named without standard or daylight ("9:09 AM ET"); others are known by their capitals.
    static let timeZones: Set<String> = ["utc", "ut", "gmt", "z", "pst", "pdt", "est", "edt", "cst", "cdt", "mst", "mdt", "bst", "cet", "cest", "ist", "aest", "jst", "et", "ct", "mt", "pt"]

    /// Parts of a day: a deadline at a time of day is a deadline on that day.
    static let dayParts: Set<String> = ["morning", "afternoon", "evening", "night", "noon", "midday", "lunchtime", "midnight"]
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension LocalDate {
    /// "Friday 11 December 2026": every accepted date is echoed this way, so a misreading shows at once.
    public var spelledOut: String {
        "\(DateWords.weekdayNames[weekday - 1].capitalisedFirst) \(day) \(DateWords.monthNames[month - 1].capitalisedFirst) \(year)"
    }

    /// "Dec", for a chart's date axis.
    public var monthAbbreviation: String { String(DateWords.monthNames[month - 1].prefix(3)).capitalisedFirst }

    /// "11 December 2026", for choices where the weekday would crowd the line.
    public var dayMonthYear: String {
        "\(day) \(DateWords.monthNames[month - 1].capitalisedFirst) \(year)"
    }
}
