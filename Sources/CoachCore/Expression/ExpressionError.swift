/// A problem in a condition written in a script or rule file; `offset` is the character
/// position inside the expression, so the loader can report `file:line:col`.
public struct ExpressionError: Error, Hashable, Sendable {
    public let offset: Int
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
