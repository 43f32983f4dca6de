import Foundation

extension StringProtocol {
    /// Trims spaces, tabs, newlines and other Unicode white space at both ends.
    public func trimmingWhitespace() -> String {
        String(self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func trimmingCharacters(in set: String) -> String {
        String(self).trimmingCharacters(in: CharacterSet(charactersIn: set))
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        String(self).replacingOccurrences(of: target, with: replacement)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
