/// A phrase that says when: a deadline, a window from today, a recurring cadence, or a vague
/// "soon" that looks like timing but commits to nothing.
struct TimeExpression: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A date or the end of a named period ("by June 30", "in Q3").
        case deadline(LocalDate?)
        /// A duration counted from today ("within 6 months").
        case window(LocalDate?)
        /// A recurrence ("every week", "per month", "weekly").
        case cadence
        /// Timing words that fix no date ("soon", "someday", "in the coming weeks").
        case vague
        /// A time word qualifying a measure or a plan ("monthly revenue", "a 90-day plan").
        case period
        /// The time unit of a money rate ("$80k a year").
        case rate
        /// A time of day ("by 11am"): a deadline today, whose clock time is also a measurable limit.
        case timeOfDay(LocalDate)
        /// An occasion ahead ("before my next evaluation", "during my rotation"): a deadline whose
        /// calendar date the goal does not give.
        case occasion
        /// A time allowed for each one ("respond to inquiries within 24 hours"): a standard that
        /// recurs with every inquiry, whose limit is also measurable.
        case turnaround
    }

    let span: Range<Int>
    let kind: Kind
    /// It sits in the reason a goal gives ("…so I can move into UX by next summer"): when the goal
    /// itself has a date, the reason's is not its deadline.
    var inReason = false
    /// Why a deadline's day is not known although one was written ("03/04/2027", "Feb 30").
    var problem: DateProblem?

    var date: LocalDate? {
        switch kind {
        case .deadline(let date), .window(let date): date
        case .timeOfDay(let date): date
        default: nil
        }
    }

    var isFrame: Bool {
        switch kind {
        case .deadline, .window, .timeOfDay, .occasion: true
        default: false
        }
    }

    /// Whether the quantity scanner must skip its numbers: a clock time still counts as a limit.
    var masksQuantities: Bool {
        if case .timeOfDay = kind { return false }
        return kind != .turnaround
    }

    /// Whether the phrase makes a goal time-bound.
    var bindsTime: Bool { isFrame || kind == .cadence || kind == .turnaround }
}

extension [TimeExpression] {
    /// The latest date any frame resolves to, so a start date never masquerades as the deadline;
    /// a date in the goal's reason counts only when the goal itself names none.
    var deadline: LocalDate? {
        filter { !$0.inReason }.compactMap(\.date).max() ?? compactMap(\.date).max()
    }

    /// The expression whose date is `deadline`.
    var deadlineExpression: TimeExpression? {
        guard let deadline else { return nil }
        return first { $0.date == deadline }
    }
}
