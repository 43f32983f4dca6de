public import CoachCore
import CoachLoader
import Foundation

extension SmartVocabulary {
    /// The shipped Rules/smart.yaml, read as the product reads it: the analyzer under test is the
    /// one a client meets.
    public static let shipped: SmartVocabulary = {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules").path
        switch SmartVocabularyLoader.load(rulesDirectory: rules) {
        case .success(let vocabulary): return vocabulary
        case .failure(let failure): fatalError(failure.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }()
}
