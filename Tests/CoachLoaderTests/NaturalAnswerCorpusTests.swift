import CoachCore
import Testing

/// The development set of numbers in people's own words (Tests/Fixtures/natural-answers.yaml,
/// each answer with the public page it comes from), read the way each question reads them:
/// the share read to the value a coach would write down, and none read as a different value.
@Suite("Natural answers corpus")
struct NaturalAnswerCorpusTests {
    static let today = LocalDate(year: 2026, month: 12, day: 1)!

    struct Item {
        let unit: String
        let answer: String
        /// nil: no reading can serve, so the answer must be refused.
        let value: Double?
        let line: Int
    }

    static let items: [Item] = Fixtures.items("natural-answers.yaml", "items").enumerated().compactMap { index, row in
        guard let unit = row["unit"] as? String, let answer = row["answer"].map({ "\($0)" }) else { return nil }
        let value: Double? = (row["value"] as? Double) ?? (row["value"] as? Int).map(Double.init)
        return Item(unit: unit, answer: answer, value: value, line: index + 1)
    }

    /// The bounds of the questions that ask in these units (onboarding's years 0–60, the review's
    /// shares 0–100; a week has 168 hours): a figure outside them is refused there.
    static let bounds: [String: ClosedRange<Double>] = ["years": 0...60, "hours a week": 0...168, "percent": 0...100]

    /// The figure the answer was saved as, or nil when it was refused.
    static func read(_ item: Item) -> Double? {
        let parser = AnswerParser(today: today)
        let parsed: Result<AnswerValue, AnswerProblem> = switch item.unit {
        case "years": parser.parse(item.answer, as: .number, unit: .years)
        case "hours a week": parser.parse(item.answer, as: .number, unit: .hoursAWeek)
        case "money": parser.parse(item.answer, as: .money)
        case "percent": parser.parse(item.answer, as: .percent)
        default: parser.parse(item.answer, as: .number)
        }
        switch parsed {
        case .success(.number(let n)), .success(.money(let n, _)), .success(.percent(let n)):
            return bounds[item.unit].map { $0.contains(n) } ?? true ? n : nil
        default: return nil
        }
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.items.count >= 100)
        #expect(Self.items.filter { $0.unit == "years" }.count >= 30)
        #expect(Self.items.filter { $0.unit == "hours a week" }.count >= 20)
    }

    @Test func answersReadToTheValueACoachWouldWriteDown() {
        var right = 0
        var misread: [String] = []
        var refused: [String] = []
        for item in Self.items {
            let got = Self.read(item)
            switch (got, item.value) {
            case (nil, nil): right += 1
            // Within a percent: 7 hours a month is 1.61 or 1.62 hours a week by the convention used.
            case (let got?, let want?) where abs(got - want) <= max(0.01, abs(want) / 100): right += 1
            case (nil, _?): refused.append("  natural-answers.yaml item \(item.line) (\(item.unit)): “\(item.answer)” refused")
            case (let got?, let want): misread.append("  natural-answers.yaml item \(item.line) (\(item.unit)): “\(item.answer)” read as \(got), not \(want.map { "\($0)" } ?? "refused")")
            }
        }
        let share = Double(right) / Double(max(1, Self.items.count))
        print("Natural answers corpus: \(right)/\(Self.items.count) (\(Int((share * 1000).rounded()) / 10) %) read right, \(misread.count) read as a different value")
        (misread + refused).forEach { print($0) }
        #expect(share >= 0.95)
        #expect(misread.isEmpty)
    }
}
