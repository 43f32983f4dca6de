import CoachCore
import Testing

@Suite("Coaching ROI (Phillips)")
struct ROIReviewTests {
    @Test func phillipsWorkedExample() {
        let review = ROIReview(benefits: [
            .init(name: "salary increase", annualValue: 15_000, attributionPercent: 60, confidencePercent: 80),
            .init(name: "revenue", annualValue: 40_000, attributionPercent: 25, confidencePercent: 50),
        ], cost: 10_000)
        // 15,000 × 0.60 × 0.80 = 7,200 and 40,000 × 0.25 × 0.50 = 5,000
        #expect(review.benefits.map(\.adjustedValue) == [7_200, 5_000])
        // 7,200 + 5,000 = 12,200
        #expect(review.adjustedBenefits == 12_200)
        // (12,200 − 10,000) / 10,000 × 100 = 22 %
        #expect(review.roiPercent == 22)
        // 12,200 / 10,000 = 1.22
        #expect(review.benefitCostRatio == 1.22)
    }

    @Test("Adjusted benefit", arguments: [
        (15_000.0, 60.0, 80.0, 7_200.0),
        (40_000.0, 25.0, 50.0, 5_000.0),
        (2_500.0, 100.0, 100.0, 2_500.0),
        (1_000.0, 0.0, 100.0, 0.0),
    ])
    func adjusted(_ annual: Double, _ attribution: Double, _ confidence: Double, _ value: Double) {
        let benefit = ROIReview.Benefit(name: "b", annualValue: annual, attributionPercent: attribution,
                                        confidencePercent: confidence)
        #expect(benefit.adjustedValue == value)
    }

    @Test("No positive cost, no ROI", arguments: [0.0, -500.0])
    func undefined(_ cost: Double) {
        let review = ROIReview(benefits: [
            .init(name: "salary increase", annualValue: 15_000, attributionPercent: 60, confidencePercent: 80),
        ], cost: cost)
        #expect(review.adjustedBenefits == 7_200)
        #expect(review.roiPercent == nil)
        #expect(review.benefitCostRatio == nil)
    }

    @Test func noBenefitsLosesTheWholeCost() {
        let review = ROIReview(benefits: [], cost: 5_000)
        #expect(review.adjustedBenefits == 0)
        #expect(review.roiPercent == -100)
        #expect(review.benefitCostRatio == 0)
    }
}
