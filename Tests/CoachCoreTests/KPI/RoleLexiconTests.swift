import Foundation
import Testing
@testable import CoachCore

/// The quick title normaliser used at start-up reads every shipped title exactly as the goal
/// tokenizer does, so a title typed by a client matches the lexicon entry.
struct RoleLexiconTests {
    static let titles: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules/roles.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var titles: [String] = []
        for line in text.split(separator: "\n") where line.contains("titles:") || line.hasPrefix("      \"") {
            var rest = Substring(line)
            while let open = rest.firstIndex(of: "\""), let close = rest[rest.index(after: open)...].firstIndex(of: "\"") {
                titles.append(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        return titles
    }()

    @Test func quickNormalisingAgreesWithTheTokenizerOnEveryShippedTitle() {
        #expect(Self.titles.count > 600)
        for title in Self.titles {
            #expect(RoleLexicon.normalised(title) == RoleLexicon.normalisedByTokens(title), "\(title)")
        }
        for tricky in ["Front-End Developer", "buyer's agent", "Jr. QA", "C++ developer", "A&E nurse", "3D artist", "HVAC tech II", "o'brien's chef"] {
            #expect(RoleLexicon.normalised(tricky) == RoleLexicon.normalisedByTokens(tricky), "\(tricky)")
        }
    }
}
