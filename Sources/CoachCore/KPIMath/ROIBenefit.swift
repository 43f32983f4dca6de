extension ROIReview {
    /// One monetary benefit the client attributes, partly, to the coaching.
    public struct Benefit: Hashable, Sendable {
        public var name: String
        public var annualValue: Double
        /// Share of the benefit caused by the coaching, in percent (0–100), as the client says it.
        public var attributionPercent: Double
        /// How sure the client is of the estimate, in percent (0–100).
        public var confidencePercent: Double

        public init(name: String, annualValue: Double, attributionPercent: Double, confidencePercent: Double) {
            self.name = name
            self.annualValue = annualValue
            self.attributionPercent = attributionPercent
            self.confidencePercent = confidencePercent
        }

        /// Multiplies before dividing by 100 × 100 so whole-number inputs give exact results.
        public var adjustedValue: Double {
            annualValue * attributionPercent * confidencePercent / 10_000
        }
    }
}
