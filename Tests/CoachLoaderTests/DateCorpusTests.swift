import CoachTestSupport
import CoachCore
import Foundation
import Testing
import Yams

/// The development set of date expressions (Tests/Fixtures/dates.yaml, from the English test
/// suites of chrono, dateparser, Duckling, Recognizers-Text, natty, parsedatetime, ctparse, chronic,
/// compromise-dates, olebedev/when, go-naturaldate, timefhuman, chrono-english, fuzzydate and Datejs):
/// both entry points of the date grammar, scored.
@Suite("Date corpus")
struct DateCorpusTests {
    struct Case {
        let text: String
        let sentence: String?
        let today: LocalDate
        let expect: String
        /// The source's clock time, in minutes, where the day depends on it.
        let now: Int?
        let line: Int
    }

    static let cases: [Case] = {
        Fixtures.items("dates.yaml", "cases").enumerated().compactMap { index, item in
            guard let text = item["text"] as? String, let today = (item["today"] as? String).flatMap({ LocalDate(iso: $0) }),
                  let expect = item["expect"] as? String else { return nil }
            let now = (item["now"] as? String).map { $0.split(separator: ":").compactMap { Int($0) } }.map { $0[0] * 60 + $0[1] }
            return Case(text: text, sentence: item["in"] as? String, today: today, expect: expect, now: now, line: index + 1)
        }
    }()

    /// What the answer path made of a case: the day, or the kind of refusal.
    static func answer(_ item: Case) -> String {
        switch AnswerParser(today: item.today, minutesNow: item.now).parse(item.text, as: .date) {
        case .success(.date(let day)): day.iso
        case .failure(.ambiguousDate): "ambiguous"
        case .failure(.impossibleDate): "impossible"
        case .failure(.weekdayMismatch): "mismatch"
        default: "none"
        }
    }

    /// The deadline the goal scanner finds in a sentence holding the expression.
    static func goal(_ item: Case, inSourceSentence: Bool = true) -> String {
        let prepositions = ["by", "in", "on", "within", "before", "until", "from", "at", "during"]
        let first = item.text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let wrapped = "Finish the report " + (prepositions.contains(first) ? "" : "by ") + item.text
        let sentence = inSourceSentence ? item.sentence ?? wrapped : wrapped
        return SmartAnalyzer(vocabulary: .shipped).deadline(in: sentence, today: item.today)?.iso ?? "none"
    }

    @Test func corpusIsLargeEnough() {
        #expect(Self.cases.count >= 200)
    }

    @Test func answerPathReadsTheRightDay() {
        let wrong = Self.cases.filter { Self.answer($0) != $0.expect }
        let silentlyWrong = wrong.filter { LocalDate(iso: Self.answer($0)) != nil }
        let agreement = Double(Self.cases.count - wrong.count) / Double(max(1, Self.cases.count))
        print("Date corpus, answer path: \(Self.cases.count - wrong.count)/\(Self.cases.count) (\(Int((agreement * 1000).rounded()) / 10) %), \(silentlyWrong.count) silently wrong")
        for item in wrong { print("  dates.yaml case \(item.line): \(item.text.debugDescription) → \(Self.answer(item)), expected \(item.expect)") }
        #expect(agreement >= 0.95)
        #expect(silentlyWrong.isEmpty, "a date read as another day is worse than a refusal")
    }

    /// Deadlines only (days from today on); a goal statement carries no clock time, so cases whose
    /// day depends on the source's clock are left to the answer path.
    @Test func goalPathReadsTheSameDay() {
        let deadlines = Self.cases.filter { item in item.now == nil && (LocalDate(iso: item.expect).map { $0 >= item.today } ?? false) }
        let wrong = deadlines.filter { Self.goal($0) != $0.expect }
        let agreement = Double(deadlines.count - wrong.count) / Double(max(1, deadlines.count))
        // Another day than the expected one is reported, not asserted: in a sentence it can be another date of the sentence.
        let otherDay = wrong.filter { LocalDate(iso: Self.goal($0)) != nil }.count
        print("Date corpus, goal path: \(deadlines.count - wrong.count)/\(deadlines.count) deadlines (\(Int((agreement * 1000).rounded()) / 10) %), \(otherDay) read as another day")
        for item in wrong { print("  dates.yaml case \(item.line): \(item.text.debugDescription) → \(Self.goal(item)), expected \(item.expect)") }
        #expect(agreement >= 0.95)
    }

    @Test func theTwoPathsNeverDisagree() {
        let disagreements = Self.cases.filter { item in
            let answer = Self.answer(item), goal = Self.goal(item, inSourceSentence: false)
            return item.now == nil && LocalDate(iso: answer) != nil && LocalDate(iso: goal) != nil && answer != goal
                && LocalDate(iso: answer)! >= item.today
        }
        for item in disagreements { print("  dates.yaml case \(item.line): answer \(Self.answer(item)), goal \(Self.goal(item, inSourceSentence: false))") }
        #expect(disagreements.isEmpty)
    }
}
