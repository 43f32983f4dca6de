/// What an interview reads besides the answers, fixed when the engine is made: nothing can be
/// asked or re-checked before the catalogue, the goal library or the day are known.
public struct ConversationContext: Sendable {
    public var today: LocalDate
    /// How numeric dates are read; nil asks when a date could be either.
    public var dateOrder: DateOrder?
    /// The wall clock in minutes since midnight when it is real (not under `--today`): "by 11am" after 11 means tomorrow.
    public var minutesNow: Int?
    /// The KPI catalogue behind `choices_from: suggestions`, `catalogue(name, field)` and job families.
    public var catalogue: Catalogue?
    /// Example goals for `/examples`.
    public var library: GoalLibrary
    /// The SMART word tables (Rules/smart.yaml) behind `smart()`, `critique()`, `rewrite()` and friends.
    public var smart: SmartVocabulary

    public init(today: LocalDate, dateOrder: DateOrder? = nil, minutesNow: Int? = nil, catalogue: Catalogue? = nil,
                library: GoalLibrary = .empty, smart: SmartVocabulary = .empty) {
        self.today = today
        self.dateOrder = dateOrder
        self.minutesNow = minutesNow
        self.catalogue = catalogue
        self.library = library
        self.smart = smart
    }
}
