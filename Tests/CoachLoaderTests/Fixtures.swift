import CoachCore
import Foundation
import Yams

/// The development sets and test tables in Tests/Fixtures/, read once per suite.
enum Fixtures {
    /// The list under `key` of a fixture file, as YAML maps; empty when the file is missing.
    static func items(_ file: String, _ key: String) -> [[String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/" + file)
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let root = try? Yams.load(yaml: text) as? [String: Any] else { return [] }
        return root[key] as? [[String: Any]] ?? []
    }

    /// A profile's answers: numbers stay numbers, everything else is text.
    static func answers(_ row: [String: Any]) -> [String: AnswerValue] {
        (row["profile"] as? [String: Any] ?? [:]).mapValues { value -> AnswerValue in
            if let n = value as? Double { return .number(n) }
            if let n = value as? Int { return .number(Double(n)) }
            return .text("\(value)")
        }
    }
}
