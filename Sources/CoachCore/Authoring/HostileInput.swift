/// Strings people and pastes produce that software tends to get wrong: invisible and
/// right-to-left characters, terminal escape sequences, format strings, SQL and template
/// fragments, odd numbers and impossible dates, NUL bytes and very long lines. Used by the
/// random walk and by the bad-input tests, so both try the same mischief.
public enum HostileInput {
    /// Every sample, single-line ones first; the list is built, not stored, so it costs
    /// nothing until a walk or a test asks for it.
    public static var samples: [String] {
        let singles = bases + bases.flatMap { base in wrappers.map { $0.0 + base + $0.1 } }
        return uniqued(singles) + longLines
    }

    /// Samples without line breaks: what can arrive as one line through a pipe.
    public static var singleLine: [String] {
        samples.filter { !$0.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }
    }

    static let bases: [String] = unicode + invisible + escapes + formats + injections + numbers + dates + commands

    static let unicode: [String] = [
        "😀", "👩🏽‍💻", "🏳️‍🌈", "👨‍👩‍👧‍👦", "🇫🇷🇩🇪", "Ω≈ç√∫", "ÅÍÎÏ˝ÓÔÒÚÆ☃", "田中さんにあげて下さい", "사회과학원 어학연구소",
        "ثم نفس سقطت وبالتحديد", "בְּרֵאשִׁית, בָּרָא", "Z̮̞̠͙͔ͅḀ̗̞͈̻̗Ḷ͙͎̯̹̞͓G̻O̭̗̮", "ﷺ", "𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐", "⁰⁴⁵₀₁₂", "١٢٣", "١٢,٥",
        "Ｔｈｅ ｑｕｉｃｋ", "ǅ", "ß", "İstanbul", "e\u{301}", "\u{FFFD}", "\u{FEFF}yes", "\u{10FFFF}", "\u{E000}",
    ]

    static let invisible: [String] = [
        "\u{200B}", "\u{200B}12", "1\u{200B}2", "\u{200C}\u{200D}", "\u{2060}", "\u{00A0}", "\u{00A0}12\u{00A0}", "\u{3000}",
        "\u{202E}evil\u{202C}", "\u{200F}yes", "\u{200E}no", "\u{2066}x\u{2069}", "\u{061C}", "\u{180E}", "\u{00AD}",
        "\t", "\t12\t", " ", "   ", "\u{2028}", "\u{2029}", "\u{0085}",
    ]

    static let escapes: [String] = [
        "\u{1B}[2J", "\u{1B}[H", "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\",
        "\u{1B}[6n", "\u{1B}[?1049h", "\u{1B}c", "\u{1B}P1$r\u{1B}\\", "\u{1B}[1A\u{1B}[2K", "\u{9B}31m", "\u{07}", "\u{08}\u{08}\u{08}",
        "abc\rdef", "line\nbreak", "\u{0}", "a\u{0}b", "\u{7F}", "\u{1A}", "\u{4}", "\u{3}", "\u{1B}", "^[[A", "\u{1B}[200~paste\u{1B}[201~",
    ]

    static let formats: [String] = [
        "%s%s%s%n", "%x %p %d", "%@", "{0}", "${HOME}", "$(reboot)", "`id`", "{{7*7}}", "<script>alert(1)</script>",
        "&lt;b&gt;", "\\", "\\\\", "\\n", "\"", "'", "''", "\"\"", "-- ", "#", "&", "|", "*", "?", "~", "null", "NULL", "nil",
        "undefined", "true", "false", "None", "NaN", "Infinity", "-Infinity", "[]", "{}", "- a", ": b", "!!binary",
    ]

    static let injections: [String] = [
        "'; DROP TABLE conversations; --", "1 OR 1=1", "\" OR \"\"=\"", "Robert'); DROP TABLE clients;--", "x' UNION SELECT * FROM event --",
        "../../../../etc/passwd", "C:\\Windows\\system32", "file:///etc/passwd", "{client.name}", "{len(x)}", "[[ optional ]]",
        "{", "}", "[[", "]]", "{{", "|fallback}", "answer == 0", "today()",
    ]

    static let numbers: [String] = [
        "1e308", "-1e308", "1e-308", "4.9e-324", "-0", "+0", "0", "00", "007", "12,5", "12.5.3", "1,000,000", "1.000.000",
        "9999999999999999999999", "-9223372036854775808", "0x10", "0b101", "1_000", "½", "Ⅻ", "1/0", "12%", "%", "$", "€",
        "-", "+", ".", ",", "..", "1e", "e1", "∞", "12 12", "twelve", "-5", "101", "11",
    ]

    static let dates: [String] = [
        "2024-02-30", "2023-02-29", "2024-13-01", "0000-00-00", "9999-12-31", "1900-01-01", "2024-1-1", "31/12/2026",
        "06/07/2027", "30 February 2027", "yesterday", "in -3 months", "in 99999 months", "Q5 2027", "never", "someday",
    ]

    static let commands: [String] = [
        "/", "//", "/ back", "/BACK", "/edit", "/edit ../../etc", "/edit \u{1B}[2J", "/nope", "/note", "/why 99", "/why -1", "/skip now",
    ]

    /// Each base also arrives padded and next to an ordinary answer.
    static let wrappers: [(String, String)] = [(" ", " "), ("12 ", ""), ("", " yes"), ("Ana ", " 2027-06-30")]

    static var longLines: [String] {
        [String(repeating: "a", count: 2_001), String(repeating: "9", count: 5_000), String(repeating: "😀", count: 3_000),
         String(repeating: "\u{1B}[2J", count: 1_000), String(repeating: "x", count: 1 << 20)]
    }

    private static func uniqued(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
