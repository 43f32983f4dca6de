extension ROIReview {
    /// The review a finished review interview recorded (`roi.cost`, and the parallel lists
    /// `roi.benefit[]`, `roi.value[]`, `roi.attribution[]`, `roi.confidence[]`); nil without a cost.
    public static func fromAnswers(_ lookup: (String) -> ExpressionValue) -> ROIReview? {
        guard case .number(let cost) = lookup("roi.cost") else { return nil }
        func numbers(_ name: String) -> [Double] {
            guard case .list(let items) = lookup(name) else { return [] }
            return items.compactMap { if case .number(let n) = $0 { n } else { nil } }
        }
        let names: [String] = if case .list(let items) = lookup("roi.benefit") { items.map(\.display) } else { [] }
        let values = numbers("roi.value"), attributions = numbers("roi.attribution"), confidences = numbers("roi.confidence")
        let count = min(values.count, attributions.count, confidences.count)
        let benefits = (0..<count).map { i in
            Benefit(name: names.indices.contains(i) ? names[i] : "benefit \(i + 1)", annualValue: values[i],
                    attributionPercent: attributions[i], confidencePercent: confidences[i])
        }
        return ROIReview(benefits: benefits, cost: cost)
    }

    /// "Adjusted benefits 12,200 · ROI 22% · benefit-cost ratio 1.22", for the conversation.
    public var summary: String {
        let roi = roiPercent.map { "ROI " + NumberFormat.hundredths($0) + "%" } ?? "ROI undefined without a cost"
        let bcr = benefitCostRatio.map { "benefit-cost ratio " + NumberFormat.hundredths($0) } ?? ""
        return (["Adjusted benefits " + NumberFormat.grouped((adjustedBenefits * 100).rounded() / 100), roi] + (bcr.isEmpty ? [] : [bcr]))
            .joined(separator: " · ")
    }
}
