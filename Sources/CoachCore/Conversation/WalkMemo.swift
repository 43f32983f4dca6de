import Synchronization

/// The last walk of the script, kept with the answers it was made from. A turn reads the
/// answers several times (conditions, the question's text, the snapshot), and in a long
/// conversation each walk replays thousands of answers; the memo makes the repeats free.
/// Comparing the answers first is cheap: an unchanged array compares by identity.
final class WalkMemo: Sendable {
    private struct Entry {
        let records: [AnswerRecord]
        let presets: [String: AnswerValue]
        let walk: ScriptPaths.Walk
    }

    private let last = Mutex<Entry?>(nil)

    func walk(_ paths: ScriptPaths, records: [AnswerRecord], presets: [String: AnswerValue]) -> ScriptPaths.Walk {
        if let entry = last.withLock({ $0 }), entry.records == records, entry.presets == presets { return entry.walk }
        let walk = paths.walk(records: records, presets: presets)
        last.withLock { $0 = Entry(records: records, presets: presets, walk: walk) }
        return walk
    }

    /// An answer was appended to the question the last walk stopped at: the walk goes one step
    /// further instead of replaying every answer, so an answer costs the same at the 3,000th as
    /// at the 20th. `records` already ends with `record`; engine copies share a memo, so the rest is checked.
    func extend(_ paths: ScriptPaths, with record: AnswerRecord, records: [AnswerRecord], presets: [String: AnswerValue]) {
        last.withLock { entry in
            guard let previous = entry, previous.records.count == records.count - 1, case .asking(let id) = previous.walk.position,
                  id == record.step, previous.presets == presets,
                  records.prefix(previous.records.count).elementsEqual(previous.records) else { return }
            entry = Entry(records: records, presets: presets, walk: paths.extend(previous.walk, with: record, at: records.count - 1))
        }
    }
}
