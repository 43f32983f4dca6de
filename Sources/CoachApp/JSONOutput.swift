public import CoachCore

/// The JSON shapes of `sessions --json`, `show --json`, `kpi list --json` and the report: stable
/// keys for other tools.
public enum JSONOutput {
    public static func session(_ s: ConversationSummary) -> JSONValue {
        ["id": .integer(s.id.rawValue), "client": JSONValue(s.client), "script": .string(s.scriptID), "status": .string(s.status.rawValue),
         "step": JSONValue(s.step), "created": .string(s.createdAt.iso), "updated": .string(s.updatedAt.iso), "answers": JSONValue(s.answers)]
    }

    public static func conversation(_ stored: StoredConversation, events: [StoredEvent]) -> JSONValue {
        guard case .object(var object) = session(stored.summary) else { return .null }
        object["answers"] = answers(stored.state)
        object["variables"] = .object(stored.variables.mapValues(AnswerJSON.object(of:)))
        object["events"] = .array(events.map { e in
            var item: [String: JSONValue] = ["seq": .integer(e.seq), "at": .string(e.at.iso), "kind": .string(e.kind.rawValue)]
            if let step = e.step { item["step"] = .string(step) }
            if let raw = e.raw { item["raw"] = .string(raw) }
            if let value = e.value { item["value"] = AnswerJSON.object(of: value) }
            if let message = e.message { item["message"] = .string(message) }
            return .object(item)
        })
        return .object(object)
    }

    /// One KPI with its figures on `today` (fractions: 0.5 = 50 %; dates ISO-8601).
    public static func kpi(_ s: StoredKPI, today: LocalDate) -> JSONValue {
        let k = s.kpi
        let f = s.figures.evaluate(today: today, cadence: k.cadence)
        return ["id": .integer(s.id.rawValue), "name": .string(k.name), "retired": .bool(s.retired), "catalogue_id": JSONValue(k.catalogueID),
                "unit": .string(k.unit.rawValue), "direction": .string(k.direction.rawValue), "cadence": .string(k.cadence.rawValue),
                "weight": .number(k.weight),
                "baseline": ["value": .number(k.baselineValue), "date": .string(k.baselineDate.iso), "source": .string(k.baselineSource)],
                "target": ["value": .number(k.targetValue), "date": .string(k.dueDate.iso)],
                "current": .number(f.current), "progress": .number(f.progress), "progress_raw": .number(f.progressRaw), "expected": .number(f.expected),
                "status": .string(f.status.rawValue), "forecast": JSONValue(f.forecast?.iso), "next_checkin": .string(f.nextCheckin.iso),
                "bare_minimum": JSONValue(f.bareMinimum),
                "checkins": .array(s.checkins.map { c in
                    ["date": .string(c.date.iso), "value": .number(c.value), "confidence": JSONValue(c.confidence), "note": JSONValue(c.note)]
                }),
                "adjustments": .array(s.adjustments.map {
                    ["field": .string($0.field.rawValue), "from": .string($0.from), "to": .string($0.to), "why": .string($0.why), "at": .string($0.at.iso)]
                })]
    }

    /// Step id → value (null when skipped); a question answered several times in a loop gives a list.
    public static func answers(_ state: ConversationState) -> JSONValue {
        var grouped: [String: [JSONValue]] = [:]
        for record in state.records {
            grouped[record.step, default: []].append(record.value.map(AnswerJSON.object(of:)) ?? .null)
        }
        return .object(grouped.mapValues { $0.count == 1 ? $0[0] : .array($0) })
    }
}
