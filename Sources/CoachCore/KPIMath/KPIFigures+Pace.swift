extension KPIFigures {
    /// The `pace(…)` function of scripts: the status ("on track", "at risk", …) a KPI has with
    /// a new value on its check-in date, so a check-in interview can ask when the numbers and
    /// the client's confidence disagree.
    static func pace(_ args: [ExpressionValue], today: LocalDate) -> ExpressionValue {
        guard args.count == 7, case .number(let baseline) = args[0], case .number(let target) = args[2],
              case .number(let value) = args[5], let baselineDate = date(args[1]), let due = date(args[3]),
              let date = date(args[6]), let direction = Metric.Direction(rawValue: args[4].display) else { return .null }
        let figures = KPIFigures(baseline: baseline, baselineDate: baselineDate, target: target, dueDate: due, direction: direction,
                                 checkins: [KPICheckin(date: date, value: value, confidence: 5)])
        return .string(figures.evaluate(today: date, cadence: .monthly).status.words)
    }

    private static func date(_ value: ExpressionValue) -> LocalDate? {
        switch value {
        case .date(let d): return d
        case .string(let s): return LocalDate(iso: s)
        default: return nil
        }
    }
}
