/// Turns what the client typed into a typed value, or says why it could not.
/// Lenient where people are (12,5 · $85k · "in 3 months"), strict where a mistake would
/// silently corrupt a plan (2024-02-30, 1e308, ambiguous 06/07 dates).
public struct AnswerParser: Sendable {
    public let today: LocalDate
    /// How numeric dates such as 03/04/2027 are read; nil asks.
    public let dateOrder: DateOrder?
    /// Minutes since midnight when the clock is known ("in 15 hrs" may be tomorrow).
    public let minutesNow: Int?
    /// Longest answer kept; longer lines are refused rather than truncated.
    public static let maxLength = 2_000
    /// Larger magnitudes are typos, not career figures.
    public static let maxMagnitude = 1e12

    public init(today: LocalDate, dateOrder: DateOrder? = nil, minutesNow: Int? = nil) {
        self.today = today
        self.dateOrder = dateOrder
        self.minutesNow = minutesNow
    }

    public func parse(_ raw: String, as kind: AnswerKind, unit: NaturalNumber.Unit? = nil) -> Result<AnswerValue, AnswerProblem> {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return .failure(.empty(hint: kind.formatHint)) }
        if text.unicodeScalars.count > Self.maxLength { return .failure(.tooLong(limit: Self.maxLength)) }
        if TerminalText.hasUnsafeScalars(text) { return .failure(.controlCharacters) }
        switch kind {
        case .text: return NaturalNumber.isUnsure(text) ? .failure(.unsure) : .success(.text(text))
        case .number: return number(text, unit: unit).map { .number($0) }
        case .money: return money(text).flatMapError { problem in inWords(text, as: .money, refused: problem).map { .money($0.value, currency: $0.currency) } }
        case .percent: return percent(text).flatMapError { problem in inWords(text, as: .percent, refused: problem).map { .percent($0.value) } }
        case .scale(let lo, let hi): return scale(text, lo, hi)
        case .date: return DateGrammar(today: today, order: dateOrder, minutesNow: minutesNow).read(text).map { .date($0) }
        case .yesNo: return Self.yesNo(text).map { .yesNo($0) }
        case .choice(let options): return ChoiceMatcher(options: options).one(text).map { .choice($0) }
        case .multiChoice(let options): return ChoiceMatcher(options: options).many(text).map { .choices($0) }
        case .answerPicker: return .success(.text(text))
        }
    }

    func number(_ text: String, unit: NaturalNumber.Unit? = nil) -> Result<Double, AnswerProblem> {
        if let n = Self.decimal(text) {
            // A duration or an amount of time is never negative.
            if unit != nil, n < 0 { return .failure(.negative) }
            return Self.checkMagnitude(n)
        }
        return inWords(text, as: .number(unit), refused: .notUnderstood(hint: AnswerKind.number.formatHint)).map(\.value)
    }

    /// A figure in words ("about 5 years", "about £2,400", "almost half"), held to the same magnitude
    /// as one in digits; `refused` stands when no reading serves.
    private func inWords(_ text: String, as target: NaturalNumber.Target, refused: AnswerProblem) -> Result<NaturalNumber, AnswerProblem> {
        switch NaturalNumber.read(text, as: target, today: today) {
        case .success(let reading): return Self.checkMagnitude(reading.value).map { _ in reading }
        case .failure(.unknown): return .failure(.unknownNumber)
        case .failure(.negative): return .failure(.negative)
        case .failure(.notANumber): return .failure(refused)
        }
    }

    /// How an answer was read when it needed reading beyond a plain figure ("about £2,400", "an
    /// hour a day"), for echoing it back; nil for a plain figure.
    public func reading(of raw: String, as target: NaturalNumber.Target) -> NaturalNumber? {
        let text = raw.trimmingWhitespace()
        let plain = switch target {
        case .number: Self.decimal(text) != nil
        case .money: (try? money(text).get()) != nil
        case .percent: (try? percent(text).get()) != nil
        }
        return plain ? nil : try? NaturalNumber.read(text, as: target, today: today).get()
    }

    static func checkMagnitude(_ n: Double) -> Result<Double, AnswerProblem> {
        guard n.isFinite, abs(n) <= maxMagnitude else { return .failure(.tooLarge) }
        return .success(n == 0 ? 0 : n)  // -0 reads back as 0
    }

    func money(_ text: String) -> Result<AnswerValue, AnswerProblem> {
        var rest = Substring(text.lowercased())
        var currency: String?
        for (symbol, code) in Self.currencySymbols where rest.contains(symbol) {
            currency = code
            rest = Substring(rest.replacingAll(symbol, with: ""))
        }
        for (word, code) in Self.currencyWords {
            let words = rest.split(separator: " ")
            if words.contains(where: { $0 == word }) {
                currency = code
                rest = Substring(words.filter { $0 != word }.joined(separator: " "))
            }
        }
        var multiplier = 1.0
        let trimmed = rest.trimmingWhitespace()
        var digits = Substring(trimmed)
        for (suffix, factor) in Self.multipliers where digits.hasSuffix(suffix) {
            let head = digits.dropLast(suffix.count)
            if let last = head.last, last.isNumber || last == " " {
                multiplier = factor
                digits = Substring(String(head).trimmingWhitespace())
                break
            }
        }
        guard let base = Self.decimal(String(digits)) else {
            return .failure(.notUnderstood(hint: AnswerKind.money.formatHint))
        }
        if base < 0 { return .failure(.negative) }
        return Self.checkMagnitude(base * multiplier).map { .money($0, currency: currency) }
    }

    func percent(_ text: String) -> Result<AnswerValue, AnswerProblem> {
        var body = text.lowercased()
        for suffix in ["percent", "per cent", "%"] where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count)).trimmingWhitespace()
            break
        }
        guard let n = Self.decimal(body) else { return .failure(.notUnderstood(hint: AnswerKind.percent.formatHint)) }
        guard abs(n) <= 10_000 else { return .failure(.tooLarge) }
        return .success(.percent(n == 0 ? 0 : n))
    }

    func scale(_ text: String, _ lo: Int, _ hi: Int) -> Result<AnswerValue, AnswerProblem> {
        var body = Substring(text)
        if let slash = body.firstIndex(of: "/"), body[body.index(after: slash)...].trimmingWhitespace() == String(hi) {
            body = body[..<slash]
        }
        let trimmed = String(body).trimmingWhitespace()
        // "6ish", "maybe a 7", "7 out of 10": a whole score read in words, only when no plain one is there.
        guard let n = Int(trimmed) ?? NumberLexicon.wholeNumber(trimmed).flatMap({ Int(exactly: $0) })
            ?? (try? NaturalNumber.read(text, as: .number(nil), today: today).get()).flatMap({ Int(exactly: $0.value) }) else {
            return .failure(.notUnderstood(hint: AnswerKind.scale(min: lo, max: hi).formatHint))
        }
        guard (lo...hi).contains(n) else { return .failure(.outOfRange(low: String(lo), high: String(hi))) }
        return .success(.scale(n))
    }

    /// A yes or no as typed, at a confirmation or outside an interview ("Resume it?"); it reads no date.
    public static func yesNoWord(_ text: String) -> Result<Bool, AnswerProblem> {
        yesNo(text.trimmingWhitespace())
    }

    static func yesNo(_ text: String) -> Result<Bool, AnswerProblem> {
        let word = text.lowercased().trimmingCharacters(in: ".!")
        if Self.yesWords.contains(word) { return .success(true) }
        if Self.noWords.contains(word) { return .success(false) }
        return .failure(.notUnderstood(hint: AnswerKind.yesNo.formatHint))
    }

    /// Accepts `12`, `-3.5`, `1,250`, `1,250,000.75`, `12,5` (decimal comma), `1e3`, number words.
    static func decimal(_ raw: String) -> Double? {
        let text = raw.trimmingWhitespace()
        if let words = NumberLexicon.wholeNumber(text) { return words }
        guard !text.isEmpty, text.count <= 40,
              text.allSatisfy({ $0.isASCIIDigit || ",.+-eE".contains($0) }),
              text.contains(where: \.isASCIIDigit) else { return nil }
        var body = text
        let commas = body.filter { $0 == "," }.count
        if commas > 0 {
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            let isGrouping = !body.contains("e") && !body.contains("E")
                && parts.dropFirst().allSatisfy { part in
                    let digits = part.prefix { $0.isASCIIDigit }
                    return digits.count == 3 && (part.count == 3 || part.dropFirst(3).first == ".")
                }
                && parts.dropLast().dropFirst().allSatisfy { $0.count == 3 }
                && (1...3).contains(parts[0].filter(\.isASCIIDigit).count)
            if isGrouping {
                body = body.replacingAll(",", with: "")
            } else if commas == 1, !body.contains(".") {
                body = body.replacingAll(",", with: ".")
            } else {
                return nil
            }
        }
        guard let n = Double(body) else { return nil }
        return n
    }

    static let yesWords: Set<String> = ["y", "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "true", "correct", "right", "that's right", "agreed"]
    static let noWords: Set<String> = ["n", "no", "nope", "nah", "false", "not really", "wrong"]
    static let currencySymbols: [(String, String)] = [("$", "$"), ("€", "€"), ("£", "£"), ("¥", "¥"), ("₹", "₹")]
    static let currencyWords: [(String, String)] = [
        "usd", "eur", "gbp", "chf", "cad", "aud", "jpy", "inr", "sek", "nok", "dkk", "pln",
    ].map { ($0, $0.uppercased()) } + [("dollars", "USD"), ("euros", "EUR"), ("pounds", "GBP")]
    static let multipliers: [(String, Double)] = [
        ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("k", 1e3), ("m", 1e6),
    ]
}
