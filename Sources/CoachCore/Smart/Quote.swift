/// How findings quote the user's words: straight double quotes, invisible and control characters
/// shown as spaces, and long text shortened so a reason stays one readable sentence. Evidence
/// itself is never shortened; only the quote inside a reason is.
enum Quote {
    static let maxLength = 80

    static func text(_ raw: String) -> String {
        var cleaned = ""
        var lastWasSpace = false
        for character in raw {
            let isSpace = character.isWhitespace || character.unicodeScalars.allSatisfy {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            }
            if isSpace {
                if !lastWasSpace, !cleaned.isEmpty { cleaned.append(" ") }
                lastWasSpace = true
            } else {
                cleaned.append(character)
                lastWasSpace = false
            }
            if cleaned.count > maxLength { break }
        }
        while cleaned.last == " " { cleaned.removeLast() }
        if cleaned.count > maxLength {
            cleaned = String(cleaned.prefix(maxLength - 1)) + "…"
        }
        return "\"\(cleaned)\""
    }
}

extension ParsedGoal {
    /// The goal's words at `span`, quoted for a reason.
    func quote(_ span: Range<Int>) -> String {
        Quote.text(text.quote(span))
    }

    /// The whole goal, quoted for a reason that found nothing to rely on.
    var quotedGoal: String {
        Quote.text(text.source)
    }

    /// Exact substrings for a finding's evidence: in order of appearance, without repeats, at most six.
    func evidence(_ spans: [Range<Int>]) -> [String] {
        var seen: [Range<Int>] = []
        for span in spans.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) })
        where !span.isEmpty && !seen.contains(span) {
            seen.append(span)
            if seen.count == 6 { break }
        }
        return seen.map(text.quote)
    }
}
