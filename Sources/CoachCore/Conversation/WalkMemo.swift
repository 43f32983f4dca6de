import Synchronization

/// The last walk of the script, kept with the revision of the answers it was made from. A turn
/// reads the answers several times (conditions, the question's text, the snapshot), and in a
/// long conversation each walk replays thousands of answers; the memo makes the repeats free.
/// It keeps no answers itself, so appending one never copies the others.
final class WalkMemo: Sendable {
    private struct Entry {
        let revision: UInt64
        let presets: [String: AnswerValue]
        let walk: ScriptPaths.Walk
    }

    private let last = Mutex<Entry?>(nil)

    func walk(_ paths: ScriptPaths, state: ConversationState) -> ScriptPaths.Walk {
        if let entry = last.withLock({ $0 }), entry.revision == state.revision, entry.presets == state.presets { return entry.walk }
        let walk = paths.walk(records: state.records, presets: state.presets)
        last.withLock { $0 = Entry(revision: state.revision, presets: state.presets, walk: walk) }
        return walk
    }

    /// `record` was appended to answers of revision `before`, at the question the last walk
    /// stopped at: the walk goes one step further instead of replaying every answer, so an
    /// answer costs the same at the 3,000th as at the 20th.
    func extend(_ paths: ScriptPaths, with record: AnswerRecord, after before: UInt64, state: ConversationState) {
        last.withLock { entry in
            guard let previous = entry, previous.revision == before, case .asking(let id) = previous.walk.position,
                  id == record.step, previous.presets == state.presets else { return }
            entry = Entry(revision: state.revision, presets: state.presets,
                          walk: paths.extend(previous.walk, with: record, at: state.records.count - 1))
        }
    }
}
