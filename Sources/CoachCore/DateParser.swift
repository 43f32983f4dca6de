/// Reads the dates people type: ISO, "30 June 2027", "June 30", "in 3 months", "Q3 2027",
/// "end of 2027", "next month". Rejects impossible days with the reason (2024-02-30).
public struct DateParser: Sendable {
    public let today: LocalDate

    public init(today: LocalDate) { self.today = today }

    public func parse(_ raw: String) -> Result<LocalDate, AnswerProblem> {
        let text = raw.lowercased().trimmingCharacters(in: " .,!")
        let words = text.replacingAll(",", with: " ").split(separator: " ").map(String.init)
        if let relative = relative(words) { return .success(relative) }
        if text.contains("/") { return .failure(.ambiguousDate) }
        if let iso = isoLike(text) { return iso }
        if let named = named(words) { return named }
        return .failure(.notUnderstood(hint: AnswerKind.date.formatHint))
    }

    /// `YYYY-MM-DD` and `YYYY-MM` (end of that month), with a reason when the day does not exist.
    private func isoLike(_ text: String) -> Result<LocalDate, AnswerProblem>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        guard (1...12).contains(m) else { return .failure(.impossibleDate("There is no month \(m); months go from 1 to 12.")) }
        if parts.count == 2 { return check(y, m, LocalDate.daysIn(month: m, year: y)) }
        guard let d = Int(parts[2]) else { return nil }
        return check(y, m, d)
    }

    private func check(_ y: Int, _ m: Int, _ d: Int) -> Result<LocalDate, AnswerProblem> {
        guard (1900...2200).contains(y) else {
            return .failure(.impossibleDate("\(y) is outside the years a coaching plan can use (1900–2200)."))
        }
        guard let date = LocalDate(year: y, month: m, day: d) else {
            let name = Self.monthNames[m - 1].prefix(1).uppercased() + Self.monthNames[m - 1].dropFirst()
            return .failure(.impossibleDate("\(name) \(y) has only \(LocalDate.daysIn(month: m, year: y)) days, so day \(d) doesn't exist."))
        }
        return .success(date)
    }

    private func relative(_ w: [String]) -> LocalDate? {
        switch w {
        case ["today"], ["now"]: return today
        case ["tomorrow"]: return today.adding(days: 1)
        case ["yesterday"]: return today.adding(days: -1)
        case ["next", "week"]: return today.adding(days: 7)
        case ["next", "month"]: return today.adding(months: 1)
        case ["next", "year"]: return today.adding(months: 12)
        case ["end", "of", "year"], ["end", "of", "the", "year"], ["year", "end"], ["year-end"]:
            return LocalDate(year: today.year, month: 12, day: 31)
        default: break
        }
        var rest = w[...]
        if rest.first == "in" || rest.first == "within" { rest = rest.dropFirst() }
        guard rest.count >= 2, rest.count <= 3 else { return nil }
        let amountText = rest.dropLast().joined(separator: " ")
        guard let n = Int(amountText) ?? NumberLexicon.wholeNumber(amountText).flatMap({ Int(exactly: $0) }), (0...1200).contains(n) else { return nil }
        switch rest.last!.trimmingCharacters(in: "s") {
        case "day": return today.adding(days: n)
        case "week": return today.adding(days: 7 * n)
        case "month": return today.adding(months: n)
        case "year": return today.adding(months: 12 * n)
        default: return nil
        }
    }

    /// "30 june 2027", "june 30 2027", "june 30", "june 2027", "q3 2027", "end of 2027", "end of june".
    private func named(_ words: [String]) -> Result<LocalDate, AnswerProblem>? {
        var w = words[...]
        var endOf = false
        if w.starts(with: ["end", "of"]) { endOf = true; w = w.dropFirst(2) }
        if w.first == "by" { w = w.dropFirst() }
        var day: Int?, month: Int?, year: Int?, quarter: Int?
        for token in w {
            let t = token.trimmingCharacters(in: "stndrh")  // 1st 2nd 3rd 4th
            if let m = Self.month(token) { month = m }
            else if token.count == 2, token.first == "q", let q = Int(token.dropFirst()), (1...4).contains(q) { quarter = q }
            else if token.count == 4, let y = Int(token) { year = y }
            else if let d = Int(token.allSatisfy(\.isASCIIDigit) ? token : t), (1...31).contains(d), day == nil { day = d }
            else { return nil }
        }
        if let q = quarter {
            let y = year ?? (today.month > q * 3 ? today.year + 1 : today.year)
            return check(y, q * 3, LocalDate.daysIn(month: q * 3, year: y))
        }
        if endOf, month == nil, day == nil, let y = year { return check(y, 12, 31) }
        guard let m = month else { return nil }
        let lastDay = { (y: Int) in LocalDate.daysIn(month: m, year: y) }
        if let y = year { return check(y, m, day ?? lastDay(y)) }
        let d = day ?? lastDay(today.year)
        let thisYear = LocalDate(year: today.year, month: m, day: min(d, lastDay(today.year)))
        let y = (thisYear.map { $0 >= today } ?? true) ? today.year : today.year + 1
        return check(y, m, day ?? lastDay(y))
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december"]

    static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let stem = word.replacingAll(".", with: "")
        return monthNames.firstIndex { $0.hasPrefix(stem) }.map { $0 + 1 }
    }
}
