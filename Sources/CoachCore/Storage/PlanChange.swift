/// What a finished interview changes in the client's plan. The changes are written in the same
/// transaction as the interview's last answer, so a crash can never keep one without the other.
public enum PlanChange: Hashable, Sendable {
    case addKPIs([PlannedKPI], client: String)
    case checkin(kpi: KPIID, client: String, date: LocalDate, value: Double, confidence: Int?, note: String?)
    case adjust(kpi: KPIID, client: String, KPIChange, why: String)
}

/// What changes about a KPI: its target or due date (or both), or its retirement (its history
/// stays, it leaves check-ins and the roll-up).
public enum KPIChange: Hashable, Sendable {
    case move(target: Double?, due: LocalDate?)
    case retire
}
