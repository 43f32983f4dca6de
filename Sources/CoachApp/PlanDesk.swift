public import CoachCore

extension PlanStore {
    /// The client's plan; a name that is no client is the coach's error, not an empty plan.
    public func plan(of client: String) throws(CoachFailure) -> [StoredKPI] {
        guard let kpis = try store({ () throws(StoreError) in try kpis(client: client) }) else { throw .noClient(client) }
        return kpis
    }
}

/// The client's plan without an interview: the KPIs a coach adds, adjusts and checks in by
/// hand, each checked before it is stored and answered with the sentence the coach reads.
public struct PlanDesk {
    let storage: any CoachStorage
    let today: LocalDate
    /// Read only when a KPI that follows a catalogue metric gets a figure, to hold it to its scale.
    let catalogue: () throws(CoachFailure) -> Catalogue?

    public init(storage: any CoachStorage, today: LocalDate, catalogue: @escaping () throws(CoachFailure) -> Catalogue? = { nil }) {
        self.storage = storage
        self.today = today
        self.catalogue = catalogue
    }

    /// A rating's figures stay on its scale (a well-being score of 11 on 1 to 10 is a typo);
    /// a metric id the catalogue does not have is refused rather than kept as a dangling link.
    private func check(_ figures: [Double], of kpi: PlannedKPI) throws(CoachFailure) {
        guard let id = kpi.catalogueID, let catalogue = try catalogue() else { return }
        guard let metric = catalogue[id] else { throw .noMetric(id) }
        guard let scale = metric.scale else { return }
        if figures.contains(where: { !scale.contains($0) }) { throw .outsideScale(kpi.name, scale) }
    }

    public func plan(of client: String) throws(CoachFailure) -> [StoredKPI] { try storage.plan(of: client) }

    private func stored(_ id: KPIID, of client: String) throws(CoachFailure) -> StoredKPI? {
        try plan(of: client).first { $0.id == id }
    }

    /// One line per KPI: id, name, baseline → current → target, progress, pace, due, cadence, weight.
    public func listing(of client: String) throws(CoachFailure) -> [String] {
        let kpis = try plan(of: client)
        guard !kpis.isEmpty else { return ["No KPIs yet. Choose some with: kpicoach start --script kpi-selection --client \(TerminalText.sanitize(client))"] }
        return kpis.map { s in
            let k = s.kpi
            let figures = s.figures.evaluate(today: today, cadence: k.cadence)
            return "\(s.id)\t" + TerminalText.sanitize(k.name)
                + "\t\(NumberFormat.plain(k.baselineValue)) → \(NumberFormat.plain(figures.current)) → \(NumberFormat.plain(k.targetValue)) \(k.unit.rawValue)"
                + "\t\(NumberFormat.percent(figures.progress))\t\(figures.status.words)"
                + "\tby \(k.dueDate.iso)\t\(k.cadence.rawValue)\tweight \(NumberFormat.plain(k.weight))" + (s.retired ? "\tretired" : "")
        }
    }

    /// The plan as `kpi list --json` prints it.
    public func json(of client: String) throws(CoachFailure) -> JSONValue {
        ["client": .string(client), "kpis": .array(try plan(of: client).map { JSONOutput.kpi($0, today: today) })]
    }

    public func add(_ kpi: PlannedKPI, client: String) throws(CoachFailure) -> String {
        guard kpi.weight > 0, kpi.weight.isFinite, kpi.baselineValue.isFinite, kpi.targetValue.isFinite else { throw .badNumber }
        try check([kpi.baselineValue, kpi.targetValue], of: kpi)
        try store { () throws(StoreError) in try storage.addKPIs([kpi], client: client, conversation: nil) }
        return "Added “\(TerminalText.sanitize(kpi.name))” to \(TerminalText.sanitize(client))'s plan, due \(kpi.dueDate.spelledOut)."
    }

    /// A change to a KPI with its reason, kept in its history.
    public func adjust(_ id: KPIID, client: String, _ change: KPIChange, why: String) throws(CoachFailure) -> String {
        guard !why.trimmingWhitespace().isEmpty, change != .move(target: nil, due: nil) else { throw .nothingToAdjust }
        if case .move(let target?, _) = change, let kpi = try stored(id, of: client)?.kpi { try check([target], of: kpi) }
        try store { () throws(StoreError) in try storage.adjust(kpi: id, client: client, change, why: why) }
        guard case .move(_, let due?) = change else { return "Adjusted KPI \(id); the change is kept in its history." }
        return "Adjusted KPI \(id), now due \(due.spelledOut); the change is kept in its history."
    }

    /// One measurement, dated today or earlier, answered with where it leaves the KPI.
    public func checkin(_ id: KPIID, client: String, value: Double, on day: LocalDate?, confidence: Int?, note: String?) throws(CoachFailure) -> String {
        guard value.isFinite, abs(value) <= AnswerParser.maxMagnitude else { throw .badNumber }
        if let confidence, !(0...10).contains(confidence) { throw .badOption("--confidence", ["0 to 10"]) }
        let day = day ?? today
        guard day <= today else { throw .futureCheckin(day.spelledOut) }
        if let kpi = try stored(id, of: client)?.kpi { try check([value], of: kpi) }
        try store { () throws(StoreError) in
            try storage.addCheckin(kpi: id, client: client, date: day, value: value, confidence: confidence, note: note)
        }
        guard let saved = try stored(id, of: client) else { return "Saved." }
        let figures = saved.figures.evaluate(today: today, cadence: saved.kpi.cadence)
        return "Saved \(NumberFormat.plain(value)) for “\(TerminalText.sanitize(saved.kpi.name))” on \(day.spelledOut): "
            + "\(NumberFormat.percent(figures.progress)) of the way, \(figures.status.words)."
    }

    /// The client's name, goal and one sparkline per KPI in play.
    public func overview(of client: String, style: ChatStyle) throws(CoachFailure) -> String {
        let kpis = try plan(of: client)
        let known = try store { () throws(StoreError) in try storage.knownAnswers(client: client) }
        var text = style.question(TerminalText.sanitize(client) + (known["goal.final"].map { " — “\($0.display)”" } ?? ""))
        for handover in try store({ () throws(StoreError) in try storage.handovers(client: client) }) {
            text += handover.sentence + "\n"
        }
        guard !kpis.isEmpty else { return text + "No KPIs yet.\n" }
        let view = ProgressView(style: style)
        for k in kpis where !k.retired {
            let status = k.figures.evaluate(today: today, cadence: k.kpi.cadence)
            text += style.message(view.render(name: k.kpi.name, unit: k.kpi.unit.rawValue, history: [k.kpi.baselineValue] + k.checkins.map(\.value), status: status)[0])
        }
        return text
    }
}
