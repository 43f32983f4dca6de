public import CoachCore
import Foundation

/// The JSON shapes of `sessions --json` and `show --json`: stable keys for other tools.
public enum JSONOutput {
    public static func text(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public static func session(_ s: ConversationSummary) -> [String: Any] {
        ["id": s.id.rawValue, "client": s.client ?? NSNull(), "script": s.scriptID, "status": s.status.rawValue,
         "step": s.step ?? NSNull(), "created": s.createdAt.iso, "updated": s.updatedAt.iso]
    }

    public static func conversation(_ stored: StoredConversation, events: [StoredEvent]) -> [String: Any] {
        var object = session(stored.summary)
        object["answers"] = answers(stored.state)
        object["variables"] = stored.variables.mapValues(AnswerJSON.object(of:))
        object["events"] = events.map { e -> [String: Any] in
            var item: [String: Any] = ["seq": e.seq, "at": e.at.iso, "kind": e.kind.rawValue]
            if let step = e.step { item["step"] = step }
            if let raw = e.raw { item["raw"] = raw }
            if let value = e.value { item["value"] = AnswerJSON.object(of: value) }
            if let message = e.message { item["message"] = message }
            return item
        }
        return object
    }

    /// One KPI with its figures on `today` (fractions: 0.5 = 50 %; dates ISO-8601).
    public static func kpi(_ s: StoredKPI, today: LocalDate) -> [String: Any] {
        let k = s.kpi
        let f = s.figures.evaluate(today: today, cadence: k.cadence)
        return ["id": s.id.rawValue, "name": k.name, "retired": s.retired, "catalogue_id": k.catalogueID ?? NSNull(), "unit": k.unit.rawValue,
                "direction": k.direction.rawValue, "cadence": k.cadence.rawValue, "weight": k.weight,
                "baseline": ["value": k.baselineValue, "date": k.baselineDate.iso, "source": k.baselineSource],
                "target": ["value": k.targetValue, "date": k.dueDate.iso],
                "current": f.current, "progress": f.progress, "progress_raw": f.progressRaw, "expected": f.expected,
                "status": f.status.rawValue, "forecast": f.forecast?.iso ?? NSNull(), "next_checkin": f.nextCheckin.iso,
                "bare_minimum": f.bareMinimum ?? NSNull(),
                "checkins": s.checkins.map { c -> [String: Any] in
                    ["date": c.date.iso, "value": c.value, "confidence": c.confidence ?? NSNull(), "note": c.note ?? NSNull()]
                },
                "adjustments": s.adjustments.map { ["field": $0.field.rawValue, "from": $0.from, "to": $0.to, "why": $0.why, "at": $0.at.iso] }]
    }

    /// Step id → value (null when skipped); a question answered several times in a loop gives a list.
    public static func answers(_ state: ConversationState) -> [String: Any] {
        var grouped: [String: [Any]] = [:]
        for record in state.records {
            grouped[record.step, default: []].append(record.value.map(AnswerJSON.object(of:)) ?? NSNull())
        }
        return grouped.mapValues { $0.count == 1 ? $0[0] : $0 }
    }
}
