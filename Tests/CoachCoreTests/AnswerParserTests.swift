import Testing
@testable import CoachCore

@Suite struct AnswerParserTests {
    let parser = AnswerParser(today: LocalDate(year: 2026, month: 11, day: 23)!)

    @Test(arguments: [
        ("12", 12.0), ("-3.5", -3.5), ("1,250", 1250), ("1,250,000.75", 1_250_000.75), ("12,5", 12.5),
        ("-0", 0), ("1e3", 1000), ("three", 3), ("a dozen", 12), (" 7 ", 7),
    ])
    func numbers(_ text: String, _ expected: Double) {
        #expect(parser.parse(text, as: .number) == .success(.number(expected)))
    }

    @Test func minusZeroReadsBackAsZero() throws {
        let value = try parser.parse("-0", as: .number).get()
        #expect(value.display == "0")
    }

    @Test(arguments: [
        ("$85,000", 85_000.0, "$"), ("85k", 85_000, nil), ("€1.2m", 1_200_000, "€"), ("1.5 million", 1_500_000, nil),
        ("90000 EUR", 90_000, "EUR"), ("60000 dollars", 60_000, "USD"),
    ] as [(String, Double, String?)])
    func money(_ text: String, _ amount: Double, _ currency: String?) {
        #expect(parser.parse(text, as: .money) == .success(.money(amount, currency: currency)))
    }

    @Test(arguments: [("15%", 15.0), ("15", 15), ("12,5 %", 12.5), ("20 percent", 20)])
    func percents(_ text: String, _ expected: Double) {
        #expect(parser.parse(text, as: .percent) == .success(.percent(expected)))
    }

    @Test(arguments: [
        ("2027-06-30", "2027-06-30"), ("30 June 2027", "2027-06-30"), ("June 30, 2027", "2027-06-30"),
        ("in 3 months", "2027-02-23"), ("in three weeks", "2026-12-14"), ("tomorrow", "2026-11-24"),
        ("Q3 2027", "2027-09-30"), ("end of 2027", "2027-12-31"), ("2027-02", "2027-02-28"),
        ("june 30", "2027-06-30"), ("december 1", "2026-12-01"), ("2028-02-29", "2028-02-29"),
        ("Tuesday the 1st", "2026-12-01"), ("next week on Friday", "2026-12-04"), ("the Saturday after next", "2026-12-12"),
        ("the week after next", "2026-12-13"), ("2027H2", "2027-12-31"), ("from 24 to 27 this month", "2026-11-27"),
        ("a quarter to seven tomorrow", "2026-11-24"), ("tomorrow 09:30 - 10:45", "2026-11-24"), ("tonight around 7", "2026-11-23"),
        ("2026-11-20 to tomorrow", "2026-11-24"),
    ])
    func dates(_ text: String, _ iso: String) {
        #expect(parser.parse(text, as: .date) == .success(.date(LocalDate(iso: iso)!)))
    }

    /// Four digits beside a named day are a 24-hour time, unless beside a weekday they could be a year.
    @Test func fourDigitTimesBesideANamedDay() {
        #expect(parser.parse("1700 tomorrow", as: .date) == .success(.date(LocalDate(iso: "2026-11-24")!)))
        #expect(parser.parse("1500 Friday", as: .date) == .success(.date(LocalDate(iso: "2026-11-27")!)))
        #expect(parser.parse("Friday 1500", as: .date) == .success(.date(LocalDate(iso: "2026-11-27")!)))
        for text in ["Friday 2027", "2027 Friday", "tomorrow 2400"] {
            guard case .failure = parser.parse(text, as: .date) else { Issue.record("\(text) was read as a day"); continue }
        }
    }

    /// Timestamps as newspapers and logs write them, and periods named the way people say them.
    @Test(arguments: [
        ("Monday 30 August 2027 08.38 BST", "2027-08-30"), ("May. 17, 2027", "2027-05-17"), ("12/16/2027 9:09 AM ET", "2027-12-16"),
        ("2027-01-19 23:28:09.999 +0800 CST", "2027-01-19"), ("year's end", "2026-12-31"), ("by the month’s end", "2026-11-30"),
        ("the last day of this decade", "2029-12-31"), ("the first day of next quarter", "2027-01-01"), ("the year 2028", "2028-12-31"),
    ])
    func writtenTheWayPeopleWriteThem(_ text: String, _ iso: String) {
        #expect(parser.parse(text, as: .date) == .success(.date(LocalDate(iso: iso)!)))
    }

    @Test func anOrdinalDayNoMonthHasIsRefused() {
        guard case .failure(.impossibleDate(let why)) = parser.parse("52nd Feb 2027", as: .date) else {
            Issue.record("52nd Feb 2027 was not refused as impossible")
            return
        }
        #expect(why.contains("52"))
    }

    @Test func impossibleDayNamesTheMonthLength() {
        guard case .failure(.impossibleDate(let why)) = parser.parse("2024-02-30", as: .date) else {
            Issue.record("2024-02-30 was accepted")
            return
        }
        #expect(why.contains("February 2024 has only 29 days"))
    }

    /// A weekday with a day of the month is checked against it: the 1st of December 2026 is a Tuesday.
    @Test func aWeekdayWithADayOfTheMonthIsCrossChecked() {
        guard case .failure(.weekdayMismatch) = parser.parse("Monday the 1st", as: .date) else {
            Issue.record("Monday the 1st was read although the 1st is a Tuesday")
            return
        }
    }

    @Test func slashDatesAreAmbiguous() {
        #expect(parser.parse("06/07/2027", as: .date)
                == .failure(.ambiguousDate([LocalDate(year: 2027, month: 6, day: 7)!, LocalDate(year: 2027, month: 7, day: 6)!])))
        #expect(AnswerParser(today: parser.today, dateOrder: .dmy).parse("06/07/2027", as: .date) == .success(.date(LocalDate(year: 2027, month: 7, day: 6)!)))
    }

    @Test func scalesAcceptOutOfTen() {
        #expect(parser.parse("7/10", as: .scale(min: 1, max: 10)) == .success(.scale(7)))
        #expect(parser.parse("11", as: .scale(min: 1, max: 10)) == .failure(.outOfRange(low: "1", high: "10")))
    }

    @Test func scoresInWords() {
        let kind = AnswerKind.scale(min: 1, max: 10)
        #expect(parser.parse("6ish", as: kind) == .success(.scale(6)))
        #expect(parser.parse("maybe a 7", as: kind) == .success(.scale(7)))
        #expect(parser.parse("7 out of 10", as: kind) == .success(.scale(7)))
        #expect(parser.parse("11ish", as: kind) == .failure(.outOfRange(low: "1", high: "10")))
        if case .success = parser.parse("6.5ish", as: kind) { Issue.record("a score between two points is not one of them") }
    }

    @Test func choicesByNumberNameAndPrefix() {
        let kind = AnswerKind.choice(["promotion", "new skill", "new role"])
        #expect(parser.parse("2", as: kind) == .success(.choice("new skill")))
        #expect(parser.parse("PROMO", as: kind) == .success(.choice("promotion")))
        #expect(parser.parse("new", as: kind) == .failure(.ambiguousChoice(["new skill", "new role"])))
        #expect(parser.parse("9", as: kind) == .failure(.notAChoice(["promotion", "new skill", "new role"])))
        #expect(parser.parse("1, new s and 1", as: .multiChoice(["promotion", "new skill", "new role"])) == .success(.choices(["promotion", "new skill"])))
        // A word that only points at the option ("my manager", "the coach") is not part of it.
        let support = AnswerKind.multiChoice(["manager", "mentor", "coach", "nobody yet"])
        #expect(parser.parse("my manager", as: support) == .success(.choices(["manager"])))
        #expect(parser.parse("my manager and the coach", as: support) == .success(.choices(["manager", "coach"])))
        #expect(parser.parse("my cat", as: support) == .failure(.notAChoice(["manager", "mentor", "coach", "nobody yet"])))
        // One slip of the keyboard from a single option reads as it; a short word or two near options do not.
        let review = AnswerKind.choice(["accept", "edit", "rewrite"])
        #expect(parser.parse("acept", as: review) == .success(.choice("accept")))
        #expect(parser.parse("rewite", as: review) == .success(.choice("rewrite")))
        #expect(parser.parse("exit", as: review) == .failure(.notAChoice(["accept", "edit", "rewrite"])))
        #expect(parser.parse("cat", as: support) == .failure(.notAChoice(["manager", "mentor", "coach", "nobody yet"])))
    }

    @Test(arguments: [("yes", true), ("Y", true), ("yep", true), ("no", false), ("Nope.", false)])
    func yesNo(_ text: String, _ expected: Bool) {
        #expect(parser.parse(text, as: .yesNo) == .success(.yesNo(expected)))
    }

    /// Hostile input at every type: a reason, never a crash, never a silent acceptance.
    static let hostile: [String] = [
        "", "   ", String(repeating: "x", count: 100_000), "abc\u{1B}[2Jdef", "\u{1B}]0;title\u{07}", "a\u{0}b",
        "\u{7}", "🎯🚀", "1e308", "-1e308", "inf", "NaN", "2024-02-30", "%s%n%x", "'; DROP TABLE event; --",
        "\u{202E}evil", "12..5", "--5",
    ]
    static let kinds: [AnswerKind] = [.number, .money, .percent, .scale(min: 1, max: 10), .date, .yesNo, .choice(["a", "b"]), .multiChoice(["a", "b"])]

    @Test(arguments: hostile)
    func hostileInputIsRefusedWithAReason(_ text: String) {
        for kind in Self.kinds {
            switch parser.parse(text, as: kind) {
            case .success(let value): Issue.record("\(kind) accepted \(text.prefix(20).debugDescription) as \(value)")
            case .failure(let problem): #expect(!problem.message.isEmpty)
            }
        }
    }

    @Test func textKeepsEmojiAndRefusesControlCharacters() {
        #expect(parser.parse("Ana 🎯", as: .text) == .success(.text("Ana 🎯")))
        #expect(parser.parse("x\u{1B}[31m", as: .text) == .failure(.controlCharacters))
        #expect(parser.parse(String(repeating: "é", count: 100_000), as: .text) == .failure(.tooLong(limit: AnswerParser.maxLength)))
        #expect(parser.parse("", as: .text) == .failure(.empty(hint: AnswerKind.text.formatHint)))
    }
}
