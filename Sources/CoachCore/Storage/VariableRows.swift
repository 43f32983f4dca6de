/// Named answers rebuilt from the rows a store keeps them in — one row per whole value (item
/// −1), or one per item of a collected list (0, 1, …) — fed in order of conversation, name and
/// item. Every backend stores them so and reads them back through this.
public struct VariableRows {
    private var open: (conversation: Int64, name: String, items: [AnswerValue])?
    private let each: (_ conversation: Int64, _ name: String, _ value: AnswerValue) -> Void

    public init(each: @escaping (_ conversation: Int64, _ name: String, _ value: AnswerValue) -> Void) { self.each = each }

    public mutating func add(conversation: Int64, name: String, item: Int, value: AnswerValue) {
        if item == -1 {
            finish()
            each(conversation, name, value)
        } else if let current = open, current.conversation == conversation, current.name == name {
            open?.items.append(value)
        } else {
            finish()
            open = (conversation, name, [value])
        }
    }

    /// Hands over the list being collected, if any; call once after the last row.
    public mutating func finish() {
        if let current = open { each(current.conversation, current.name, .list(current.items)) }
        open = nil
    }
}
