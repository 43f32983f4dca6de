/// Text that reaches a terminal must not be able to move the cursor, change colours or
/// rewrite the screen: answers come from people and from files, so they are cleaned at the edge.
public enum TerminalText {
    /// True for C0/C1 control characters (except tab and newline handled by the caller), DEL,
    /// and the invisible bidirectional overrides that can make text display as something else.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `allowingNewlines`: for text shown as several lines, where a line break is intended.
    public static func hasUnsafeScalars(_ text: String, allowingNewlines: Bool = false) -> Bool {
        text.unicodeScalars.contains { isUnsafe($0) && !(allowingNewlines && $0 == "\n") }
    }

    /// Replaces escape sequences and control characters with a visible `�`; keeps newlines
    /// when `keepNewlines` so multi-line summaries still read as lines.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if keepNewlines, s == "\n" { out.append(s); continue }
            guard isUnsafe(s) else { out.append(s); continue }
            out.append("\u{FFFD}")
            if s == "\u{1B}" { skipEscapeBody(&scalars) }
        }
        return String(out)
    }

    /// Consumes the rest of a CSI (`ESC [ … final`) or OSC (`ESC ] … BEL/ST`) sequence.
    private static func skipEscapeBody(_ it: inout String.UnicodeScalarView.Iterator) {
        var copy = it
        guard let kind = copy.next() else { return }
        switch kind {
        case "[":
            it = copy
            while let s = it.next(), !(0x40...0x7E).contains(s.value) {}
        case "]":
            it = copy
            while let s = it.next() {
                if s == "\u{07}" || s == "\\" { break }
            }
        default:
            return
        }
    }
}
