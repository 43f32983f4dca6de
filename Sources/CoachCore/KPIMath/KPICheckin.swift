/// One reading of a KPI: the value on a day and how confident the client feels (0–10) about
/// reaching the target, which is compared with the measured pace.
public struct KPICheckin: Hashable, Sendable {
    public var date: LocalDate
    public var value: Double
    public var confidence: Int

    public init(date: LocalDate, value: Double, confidence: Int) {
        self.date = date
        self.value = value
        self.confidence = confidence
    }
}
