/// Seniority ranks for job titles, so "junior analyst to director" reads as a jump of several
/// levels and "promoted to senior engineer" names a verifiable title.
enum CareerLadder {
    private static let titles = PhraseTable<Int>([
        ("intern", 0), ("trainee", 0), ("apprentice", 0), ("assistant", 1), ("associate", 1), ("junior", 1),
        ("senior", 3),
        ("engineer", 2), ("developer", 2), ("programmer", 2), ("analyst", 2), ("designer", 2),
        ("consultant", 2), ("specialist", 2), ("accountant", 2), ("representative", 2), ("rep", 2),
        ("agent", 2), ("coordinator", 2), ("scientist", 2), ("recruiter", 2), ("marketer", 2),
        ("writer", 2), ("administrator", 2), ("salesperson", 2), ("account executive", 2),
        ("sales executive", 2), ("technician", 2), ("advisor", 2), ("adviser", 2), ("tester", 2),
        ("sdr", 2), ("bdr", 2), ("product manager", 3), ("project manager", 3), ("program manager", 3),
        ("account manager", 3), ("customer success manager", 3), ("scrum master", 3), ("product owner", 3),
        ("lead", 4), ("team lead", 4), ("team leader", 4), ("tech lead", 4), ("technical lead", 4),
        ("supervisor", 4), ("architect", 4), ("principal", 4), ("manager", 5), ("head", 6),
        ("director", 7), ("general manager", 7), ("managing director", 8), ("vp", 9),
        ("vice president", 9), ("svp", 10), ("evp", 10), ("partner", 10), ("chief", 11), ("cto", 11),
        ("cfo", 11), ("coo", 11), ("cmo", 11), ("cio", 11), ("ciso", 11), ("ceo", 11), ("president", 11),
    ])

    /// The highest rank named in `span`, with "junior", "senior", "staff" and the like applied;
    /// nil when the span names no title.
    static func level(in text: GoalText, span: Range<Int>) -> Int? {
        var best: Int?
        var index = span.lowerBound
        while index < span.upperBound {
            guard let title = titles.match(in: text, at: index), title.span.upperBound <= span.upperBound else {
                index += 1
                continue
            }
            var level = title.value
            if index > span.lowerBound, let modifier = text.word(at: index - 1) {
                switch modifier {
                case "junior", "jr", "associate", "assistant": level -= 1
                case "senior", "sr": level += 1
                case "lead", "staff", "principal": level = max(level, 4)
                default: break
                }
            }
            best = max(best ?? level, level)
            index = title.span.upperBound
        }
        return best
    }
}
