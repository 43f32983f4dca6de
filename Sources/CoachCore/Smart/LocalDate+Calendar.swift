extension LocalDate {
    var quarter: Int { (month - 1) / 3 + 1 }

    /// The next day falling on `weekday` (1 = Monday): today counts unless `strictly` is set.
    func next(weekday target: Int, strictly: Bool) -> LocalDate {
        var delta = (target - weekday + 7) % 7
        if delta == 0, strictly { delta = 7 }
        return adding(days: delta)
    }

    /// Months between two days as a fraction, using the mean Gregorian month length.
    func months(until other: LocalDate) -> Double {
        Double(days(until: other)) / 30.436875
    }
}
