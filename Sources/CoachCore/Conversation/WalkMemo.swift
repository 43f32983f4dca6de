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
}
