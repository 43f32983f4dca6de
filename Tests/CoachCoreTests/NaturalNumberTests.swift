import CoachCore
import Testing

/// Numbers in the client's own words at a years question and an hours-a-week question, as the
/// issue lists them, read to the value a coach would write down.
struct NaturalNumberTests {
    static let today = LocalDate(year: 2026, month: 12, day: 1)!

    static let years: [(String, Double)] = [
        ("about 5 years", 5), ("5 years", 5), ("maybe 3", 3), ("3-4", 3.5), ("18 months", 1.5),
        ("a couple of years", 2), ("since 2019", 7), ("just started", 0), ("none", 0), ("five", 5),
        ("a dozen", 12), ("two and a half", 2.5), ("half a year", 0.5), ("3 to 4 years", 3.5), ("~6", 6),
        ("nearly 10 years", 10), ("over 20 years", 20), ("one or two", 1.5), ("a year and a half", 1.5),
        ("6 months", 0.5), ("zero", 0), ("around 8 yrs", 8), ("roughly 4.5", 4.5), ("12,5", 12.5),
    ]

    static let hours: [(String, Double)] = [
        ("2-3 hours", 2.5), ("an hour a day", 7), ("90 minutes", 1.5), ("a couple of hours", 2), ("3 hrs", 3),
        ("about 4 hours a week", 4), ("30 minutes a day", 3.5), ("maybe 5", 5), ("2h", 2), ("1 hour per weekday", 5),
        ("a few hours", 3),
    ]

    @Test(arguments: years)
    func yearsQuestion(_ answer: String, _ expected: Double) {
        let parsed = AnswerParser(today: Self.today).parse(answer, as: .number, unit: .years)
        #expect(parsed == .success(.number(expected)), "\(answer)")
    }

    @Test(arguments: hours)
    func hoursAWeekQuestion(_ answer: String, _ expected: Double) {
        let parsed = AnswerParser(today: Self.today).parse(answer, as: .number, unit: .hoursAWeek)
        #expect(parsed == .success(.number(expected)), "\(answer)")
    }

    @Test(arguments: [
        ("about £2,400", 2_400.0, "£"), ("$85k", 85_000, "$"), ("1.2m EUR", 1_200_000, "EUR"), ("thirty grand or so", 30_000, nil),
        ("£30-50k", 40_000, "£"), ("between $35,000 and $50,000 a year", 42_500, "$"), ("around 42 bucks", 42, "USD"),
    ])
    func moneyInWords(_ answer: String, _ expected: Double, _ currency: String?) {
        #expect(AnswerParser(today: Self.today).parse(answer, as: .money) == .success(.money(expected, currency: currency)), "\(answer)")
    }

    @Test(arguments: [("about half", 50.0), ("almost a third", 33.33), ("one in 10", 10), ("10-30%", 20), ("less than 25%", 12.5), ("50:50", 50)])
    func sharesInWords(_ answer: String, _ expected: Double) {
        #expect(AnswerParser(today: Self.today).parse(answer, as: .percent) == .success(.percent(expected)), "\(answer)")
    }

    @Test(arguments: [
        ("2 years and 3 months", NaturalNumber.Unit.years, 2.25), ("10 hours a day, six days a week", .hoursAWeek, 60),
        ("Every month, I spent 7 hours", .hoursAWeek, 1.61), ("started working in 2001", .years, 25), ("Six months ago", .years, 0.5),
    ])
    func compoundDurationsRatesAndStartYears(_ answer: String, _ unit: NaturalNumber.Unit, _ expected: Double) {
        #expect(AnswerParser(today: Self.today).parse(answer, as: .number, unit: unit) == .success(.number(expected)), "\(answer)")
    }

    @Test func aScoreOutOfItsScaleIsTheScoreAtANumberQuestionAndAShareAtAPercentOne() {
        let parser = AnswerParser(today: Self.today)
        #expect(parser.parse("3.5 out of 5", as: .number) == .success(.number(3.5)))
        #expect(parser.parse("about 4 out of 5", as: .number) == .success(.number(4)))
        #expect(parser.parse("3 out of 4", as: .percent) == .success(.percent(75)))
    }

    @Test func amountsThatDoNotCombineOrNameNoFigureAreRefused() {
        let parser = AnswerParser(today: Self.today)
        for answer in ["10 minutes here, 15 minutes there", "a couple of times each week", "50 hour days", "ten minutes every now and then"] {
            #expect((try? parser.parse(answer, as: .number, unit: .hoursAWeek).get()) == nil, "\(answer)")
        }
        for answer in ["six figures", "a gazillion dollars", "minus 1,200,000"] {
            #expect((try? parser.parse(answer, as: .money).get()) == nil, "\(answer)")
        }
        #expect(NaturalNumber.read("about £2,400", as: .money, today: Self.today).map { $0.spoken(as: .money) } == .success("about £2,400"))
    }

    @Test func whatNoReadingServesIsRefusedWithWhatWouldWork() {
        let parser = AnswerParser(today: Self.today)
        for answer in ["lots", "a lot", "many years", "-3"] {
            guard case .failure(let problem) = parser.parse(answer, as: .number, unit: .years) else {
                Issue.record("\(answer) was read as a number")
                continue
            }
            #expect(!problem.message.isEmpty)
        }
        for answer in ["dunno", "not sure", "don't know", "no idea"] {
            #expect(parser.parse(answer, as: .number, unit: .years) == .failure(.unknownNumber), "\(answer)")
        }
    }

    @Test func rangesAndHedgesReadBack() throws {
        let range = try NaturalNumber.read("3-4", unit: .years, today: Self.today).get()
        #expect(range.range == 3...4 && range.value == 3.5)
        #expect(range.spoken(unit: .years) == "3–4 years (3.5 for the plan)")
        let daily = try NaturalNumber.read("about an hour a day", unit: .hoursAWeek, today: Self.today).get()
        #expect(daily.spoken(unit: .hoursAWeek) == "about 7 hours a week")
    }

    /// At a question answered in words, only an answer that is nothing but "don't know" is unsure.
    @Test func anAnswerInWordsIsUnsureOnlyWhenThatIsAllItSays() {
        let parser = AnswerParser(today: Self.today)
        for answer in ["dunno", "Not sure.", "I don't know", "honestly no idea", "idk really"] {
            #expect(parser.parse(answer, as: .text) == .failure(.unsure), "\(answer)")
        }
        for answer in ["not sure, maybe more coaching", "no idea how, but lead the team", "unsure about the title: analyst"] {
            #expect(parser.parse(answer, as: .text) == .success(.text(answer)), "\(answer)")
        }
    }
}
