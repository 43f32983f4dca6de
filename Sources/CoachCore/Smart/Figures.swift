/// Number formatting for reasons, locale-independent so the same goal always yields the same text.
enum Figures {
    /// "+25%", "−50%", "+100000%".
    static func change(_ ratio: Double) -> String {
        let percent = (ratio - 1) * 100
        let sign = percent < 0 ? "−" : "+"
        return sign + plain(abs(percent)) + "%"
    }

    /// "12", "2.5", "over a billion".
    static func plain(_ value: Double) -> String {
        guard value.isFinite, value < 1_000_000_000 else { return "over a billion" }
        if value >= 10 { return String(Int(value.rounded())) }
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
