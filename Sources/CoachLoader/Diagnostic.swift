/// A problem in a data file, located for an editor: `Prompts/onboarding.yaml:12:3: error[P006]: …`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let code: Code
    public let message: String

    /// Stable codes, so coaches can look a problem up and scripts can grep for it.
    public enum Code: String, Sendable, CaseIterable {
        case yamlSyntax = "P001"
        case missingField = "P002"
        case unknownKey = "P003"
        case badValue = "P004"
        case duplicateID = "P005"
        case unknownTarget = "P006"
        case unreachable = "P007"
        case badExpression = "P008"
        case unknownVariable = "P009"
        case fileName = "P010"
        case unreadable = "P011"
        case unknownMetric = "R001"
        case unsuggestable = "R002"
        case thinFamily = "R003"
        case exampleDisagrees = "R004"
        case titleInTwoFamilies = "R005"
        case unknownFamily = "R006"
        case unitWording = "R007"
    }

    public init(file: String, line: Int, column: Int, code: Code, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error[\(code.rawValue)]: \(message)" }
}

/// A data file that could not be used, with every problem found in it.
public struct LoadFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
