/// Return on the coaching investment by the Phillips method: each monetary benefit is discounted
/// by how much of it the coaching caused and how sure the client is of the figure, so the ROI is
/// conservative by construction.
public struct ROIReview: Equatable, Sendable {
    public var benefits: [Benefit]
    /// What the coaching cost, in the same currency as the benefits.
    public var cost: Double

    public init(benefits: [Benefit], cost: Double) {
        self.benefits = benefits
        self.cost = cost
    }

    /// Σ annual value × attribution × confidence.
    public var adjustedBenefits: Double {
        benefits.reduce(0) { $0 + $1.adjustedValue }
    }

    /// (benefits − cost) / cost × 100; nil without a positive cost, where a return is undefined.
    public var roiPercent: Double? {
        cost > 0 ? (adjustedBenefits - cost) * 100 / cost : nil
    }

    /// Benefits per unit of cost; nil without a positive cost.
    public var benefitCostRatio: Double? {
        cost > 0 ? adjustedBenefits / cost : nil
    }
}
