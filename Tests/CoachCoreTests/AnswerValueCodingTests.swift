import Foundation
import Testing
@testable import CoachCore

/// Answers are saved one level deep; snapshots written in the earlier two-level form still read.
struct AnswerValueCodingTests {
    static let all: [AnswerValue] = [
        .text("Ana"), .number(12.5), .money(85_000, currency: "EUR"), .money(40, currency: nil), .percent(15), .scale(7),
        .date(LocalDate(year: 2027, month: 6, day: 30)!), .yesNo(true), .choice("promotion"), .choices(["manager", "mentor"]),
        .list([.text("Maria"), .text("")]),
    ]

    @Test func everyKindRoundTripsInTheCompactForm() throws {
        let data = try JSONEncoder().encode(Self.all)
        #expect(try JSONDecoder().decode([AnswerValue].self, from: data) == Self.all)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"{"text":"Ana"}"#))
        #expect(text.contains(#""date":"2027-06-30""#))
        #expect(!text.contains("_0"))
    }

    @Test func snapshotsFromEarlierVersionsStillRead() throws {
        let earlier = #"""
        [{"text":{"_0":"Ana"}},{"number":{"_0":12.5}},{"money":{"_0":85000,"currency":"EUR"}},{"money":{"_0":40}},
         {"percent":{"_0":15}},{"scale":{"_0":7}},{"date":{"_0":"2027-06-30"}},{"yesNo":{"_0":true}},
         {"choice":{"_0":"promotion"}},{"choices":{"_0":["manager","mentor"]}},{"list":{"_0":[{"text":{"_0":"Maria"}},{"text":{"_0":""}}]}}]
        """#
        #expect(try JSONDecoder().decode([AnswerValue].self, from: Data(earlier.utf8)) == Self.all)
    }

    @Test func aDamagedAnswerIsAnErrorNotACrash() {
        for bad in [#"{}"#, #"{"date":"2024-02-30"}"#, #"{"scale":"seven"}"#, #"{"nope":1}"#] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(AnswerValue.self, from: Data(bad.utf8)) }
        }
    }

    /// Known answers are read back from the JSON saved with each conversation, byte for byte.
    @Test func namedAnswersReadBackFromJSONKeepEveryCharacter() {
        let answers: [String: AnswerValue] = [
            "bom": .text("\u{FEFF}yes"), "years": .number(6), "ok": .yesNo(true), "support": .choices(["manager", "mentor"]),
            "allies": .list([.text("Maria"), .number(2)]), "none": .choices([]),
        ]
        let back = AnswerJSON.variables(from: AnswerJSON.text(of: answers))
        #expect(back == answers)
        #expect(back["bom"]?.display.unicodeScalars.first == "\u{FEFF}")
        #expect(AnswerJSON.variables(from: "not json").isEmpty)
        for value in answers.values { #expect(AnswerJSON.value(from: AnswerJSON.text(of: value)) == value) }
    }
}
