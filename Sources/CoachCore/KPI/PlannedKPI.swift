/// A KPI the client chose, with where they start and where they want to be: one line of the
/// client's plan.
public struct PlannedKPI: Hashable, Sendable {
    public var name: String
    /// The catalogue metric it came from; nil for the client's own.
    public var catalogueID: String?
    public var unit: Metric.Unit
    public var direction: Metric.Direction
    public var baselineValue: Double
    public var baselineDate: LocalDate
    public var baselineSource: String
    public var targetValue: Double
    public var dueDate: LocalDate
    public var cadence: Metric.Cadence
    public var weight: Double

    public init(name: String, catalogueID: String?, unit: Metric.Unit, direction: Metric.Direction, baselineValue: Double,
                baselineDate: LocalDate, baselineSource: String, targetValue: Double, dueDate: LocalDate,
                cadence: Metric.Cadence, weight: Double) {
        self.name = name
        self.catalogueID = catalogueID
        self.unit = unit
        self.direction = direction
        self.baselineValue = baselineValue
        self.baselineDate = baselineDate
        self.baselineSource = baselineSource
        self.targetValue = targetValue
        self.dueDate = dueDate
        self.cadence = cadence
        self.weight = weight
    }

    /// The KPIs a finished kpi-selection interview agreed, read from its parallel answer lists
    /// (`kpi.name[]`, `kpi.baseline[]`, …); incomplete entries are left out.
    public static func fromSelection(_ answers: [String: AnswerValue], catalogue: Catalogue?) -> [PlannedKPI] {
        func list(_ name: String) -> [AnswerValue] {
            switch answers[name] {
            case .list(let items)?: return items
            case .choices(let items)?: return items.map(AnswerValue.choice)
            default: return []
            }
        }
        func text(_ v: AnswerValue?) -> String? { v.map(\.display) }
        func number(_ v: AnswerValue?) -> Double? { v?.numberValue }
        func date(_ v: AnswerValue?) -> LocalDate? {
            if case .date(let d)? = v { return d }
            return nil
        }
        let origins = list("kpi.picked") + list("kpi.custom")
        let names = list("kpi.name")
        return names.indices.compactMap { i in
            func at(_ name: String) -> AnswerValue? {
                let items = list(name)
                return items.indices.contains(i) ? items[i] : nil
            }
            let origin = origins.indices.contains(i) ? origins[i].display : nil
            guard let name = text(names[i]), let unit = text(at("kpi.unit")).flatMap(Metric.Unit.init(rawValue:)),
                  let direction = text(at("kpi.direction")).flatMap(Metric.Direction.init(rawValue:)),
                  let baseline = number(at("kpi.baseline")), let baselineDate = date(at("kpi.baseline_date")),
                  let source = text(at("kpi.source")), let target = number(at("kpi.target")), let due = date(at("kpi.due")),
                  let cadence = text(at("kpi.cadence")).flatMap(Metric.Cadence.init(rawValue:)),
                  let weight = number(at("kpi.weight")) else { return nil }
            return PlannedKPI(name: name, catalogueID: origin.flatMap { catalogue?.metric(named: $0)?.id }, unit: unit,
                              direction: direction, baselineValue: baseline, baselineDate: baselineDate, baselineSource: source,
                              targetValue: target, dueDate: due, cadence: cadence, weight: weight)
        }
    }
}
