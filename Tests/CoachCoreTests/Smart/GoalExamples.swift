import CoachCore
import Testing

/// One goal statement with a coach's expected verdicts. Expectations were written first, as a
/// careful human coach would judge the sentence, and the analyzer was then made to agree.
struct GoalExample: Sendable, CustomTestStringConvertible {
    let goal: String
    let specific: Bool
    let measurable: Bool
    let timeBound: Bool
    /// Only set where the sentence alone carries enough to judge achievability.
    let achievable: Bool??

    init(_ goal: String, specific: Bool, measurable: Bool, timeBound: Bool, achievable: Bool?? = .none) {
        self.goal = goal
        self.specific = specific
        self.measurable = measurable
        self.timeBound = timeBound
        self.achievable = achievable
    }

    var testDescription: String { goal }

    /// A fixed Monday, so relative dates ("next month", "by June") resolve the same on every run.
    static let today = LocalDate(year: 2026, month: 3, day: 2)!

    static let context = SmartContext(today: today)
}

extension GoalExample {
    /// Career themes: sales, promotion, skills, certification, networking, salary, management,
    /// work-life balance, customer service, job search; plus deliberately hard phrasings.
    static let all: [GoalExample] = sales + promotion + skills + certification + networking + salary
        + management + workLifeBalance + customerService + jobSearch + hardCases

    static let sales: [GoalExample] = [
        GoalExample("Close 12 new deals by the end of Q3", specific: true, measurable: true, timeBound: true),
        // Vague wish with a deadline: the date does not make it specific or measurable.
        GoalExample("Get better at sales by June", specific: false, measurable: false, timeBound: true),
        // A number without a deadline.
        GoalExample("Close 20 deals", specific: true, measurable: true, timeBound: false),
        // An amount alone does not say which revenue; "my monthly revenue" below says whose.
        GoalExample("Increase revenue by 100000% next month", specific: false, measurable: true, timeBound: true,
                    achievable: false),
        GoalExample("Increase my monthly revenue from $40k to $50k by the end of the year", specific: true,
                    measurable: true, timeBound: true, achievable: true),
        GoalExample("Double my sales pipeline in a week", specific: true, measurable: true, timeBound: true,
                    achievable: false),
        GoalExample("Book three discovery calls every week", specific: true, measurable: true, timeBound: true),
        GoalExample("Sell more", specific: false, measurable: false, timeBound: false),
        GoalExample("Hit 110% of my quarterly quota this quarter", specific: true, measurable: true, timeBound: true),
        // Concrete activity, but "more" is no measure and "soon" no deadline.
        // "More" with no number says neither which deals nor how many (README, "SMART, letter by letter").
        GoalExample("Close more deals soon", specific: false, measurable: false, timeBound: false),
        GoalExample("Generate a dozen qualified leads per month", specific: true, measurable: true, timeBound: true),
        GoalExample("Win two enterprise accounts before the end of the year", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Be a better salesperson", specific: false, measurable: false, timeBound: false),
        GoalExample("Raise my close rate to 30% by Q4", specific: true, measurable: true, timeBound: true),
        GoalExample("Make at least 40 cold calls a day", specific: true, measurable: true, timeBound: true),
        // "annual" describes the measure, it sets no date.
        GoalExample("Reach $1 million in annual sales", specific: true, measurable: true, timeBound: false),
    ]

    static let promotion: [GoalExample] = [
        GoalExample("Get promoted to senior engineer by December 2026", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Get promoted from junior analyst to director in four weeks", specific: true, measurable: true,
                    timeBound: true, achievable: false),
        GoalExample("Get promoted to team lead within 12 months", specific: true, measurable: true, timeBound: true),
        GoalExample("Advance my career", specific: false, measurable: false, timeBound: false),
        // Becoming a named title is verifiable; "eventually" is no date.
        GoalExample("Become a product manager eventually", specific: true, measurable: true, timeBound: false),
        GoalExample("Take my career to the next level this year", specific: false, measurable: false, timeBound: true),
        GoalExample("Earn a promotion to sales manager by 2027-06-30", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Move up at work someday", specific: false, measurable: false, timeBound: false),
        GoalExample("Be promoted to Director of Engineering in 2027", specific: true, measurable: true,
                    timeBound: true),
    ]

    static let skills: [GoalExample] = [
        GoalExample("Improve my communication skills", specific: false, measurable: false, timeBound: false),
        // "6 months" is time, not a measure.
        GoalExample("Learn more about machine learning in the next 6 months", specific: false, measurable: false,
                    timeBound: true),
        GoalExample("Complete the Coursera SQL course by April 15", specific: true, measurable: true, timeBound: true),
        GoalExample("Get better at public speaking", specific: false, measurable: false, timeBound: false),
        GoalExample("Give 3 talks at industry meetups this year", specific: true, measurable: true, timeBound: true),
        GoalExample("Read twenty books on leadership in 2026", specific: true, measurable: true, timeBound: true),
        GoalExample("Practice Spanish for 30 minutes every day", specific: true, measurable: true, timeBound: true),
        GoalExample("Be more confident", specific: false, measurable: false, timeBound: false),
        GoalExample("Work on my leadership", specific: false, measurable: false, timeBound: false),
        GoalExample("Build a portfolio of 5 data projects by September", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Develop myself professionally over the next year", specific: false, measurable: false,
                    timeBound: true),
        GoalExample("Write and publish 3 articles on LinkedIn by the end of June", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Spend two hours every Friday on learning Kubernetes", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Work on my presentation skills in the coming weeks", specific: false, measurable: false,
                    timeBound: false),
    ]

    static let certification: [GoalExample] = [
        GoalExample("Earn the AWS Solutions Architect certification by Q3", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Get certified someday", specific: false, measurable: false, timeBound: false),
        GoalExample("Pass the PMP exam within 3 months", specific: true, measurable: true, timeBound: true),
        GoalExample("Become a Certified Scrum Master before September 1", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Get a certification", specific: false, measurable: false, timeBound: false),
        GoalExample("Obtain my CPA license in 2027", specific: true, measurable: true, timeBound: true),
        // Studying names the exam, but no result is committed to; "Level 1" is a name, not a measure.
        GoalExample("Study for the CFA Level 1 exam", specific: true, measurable: false, timeBound: false),
        GoalExample("Pass the CCNA exam on my first attempt by May 31", specific: true, measurable: true,
                    timeBound: true),
    ]

    static let networking: [GoalExample] = [
        // Cadence goal.
        GoalExample("Network with 2 people every week", specific: true, measurable: true, timeBound: true),
        GoalExample("Expand my network", specific: false, measurable: false, timeBound: false),
        GoalExample("Attend four industry conferences in 2026", specific: true, measurable: true, timeBound: true),
        GoalExample("Grow my LinkedIn network to 500 connections by year-end", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Reach out to five former colleagues this month", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Meet new people at events", specific: true, measurable: false, timeBound: false),
        GoalExample("Have coffee with one senior leader each month", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Speak at two conferences by October", specific: true, measurable: true, timeBound: true),
        GoalExample("Get 5 new referrals per quarter", specific: true, measurable: true, timeBound: true),
    ]

    static let salary: [GoalExample] = [
        GoalExample("Get a raise to $95,000 by January 2027", specific: true, measurable: true, timeBound: true),
        GoalExample("Make more money", specific: false, measurable: false, timeBound: false),
        GoalExample("Negotiate a 10% salary increase at my review in March", specific: true, measurable: true,
                    timeBound: true),
        // Asking is concrete, but no amount says what success is.
        // Which raise, of how much: a general object with no scope.
        GoalExample("Ask for a raise", specific: false, measurable: false, timeBound: false),
        GoalExample("Increase my salary by fifteen percent within 18 months", specific: true, measurable: true,
                    timeBound: true, achievable: true),
        GoalExample("Earn 80k", specific: true, measurable: true, timeBound: false),
        GoalExample("Earn more money eventually", specific: false, measurable: false, timeBound: false),
        // "a year" is the unit of a pay rate, not a deadline.
        GoalExample("Earn $80k a year as a freelance designer", specific: true, measurable: true, timeBound: false),
        GoalExample("Grow my income to €70,000 by 2028", specific: true, measurable: true, timeBound: true),
    ]

    static let management: [GoalExample] = [
        GoalExample("Hold weekly one-on-ones with each of my 6 direct reports", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Be a better manager", specific: false, measurable: false, timeBound: false),
        GoalExample("Hire two backend engineers by the end of Q2", specific: true, measurable: true, timeBound: true),
        GoalExample("Reduce team attrition from 20% to 10% by December", specific: true, measurable: true,
                    timeBound: true, achievable: true),
        GoalExample("Delegate more", specific: false, measurable: false, timeBound: false),
        GoalExample("Run 4 planning workshops for my team this year", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Improve team morale", specific: false, measurable: false, timeBound: false),
        GoalExample("Raise my team's engagement score from 3.2 to 4.0 out of 5 by Q4", specific: true,
                    measurable: true, timeBound: true, achievable: true),
        GoalExample("Mentor a junior colleague every Friday", specific: true, measurable: false, timeBound: true),
    ]

    static let workLifeBalance: [GoalExample] = [
        GoalExample("Achieve better work-life balance", specific: false, measurable: false, timeBound: false),
        // A clock-time limit is a checkable standard each day; the cadence makes it time-bound.
        GoalExample("Log off by 6 pm every workday", specific: true, measurable: true, timeBound: true),
        GoalExample("Work no more than 45 hours per week", specific: true, measurable: true, timeBound: true),
        GoalExample("Take all 25 of my vacation days this year", specific: true, measurable: true, timeBound: true),
        GoalExample("Spend more time with my family", specific: false, measurable: false, timeBound: false),
        GoalExample("Have dinner with my kids four nights a week", specific: true, measurable: true, timeBound: true),
        GoalExample("Be less stressed at work", specific: false, measurable: false, timeBound: false),
        GoalExample("Reduce my overtime from 15 to 5 hours a week within two months", specific: true,
                    measurable: true, timeBound: true, achievable: true),
    ]

    static let customerService: [GoalExample] = [
        GoalExample("Raise our CSAT score to 92% by the end of Q2", specific: true, measurable: true, timeBound: true),
        GoalExample("Provide better customer service", specific: false, measurable: false, timeBound: false),
        // A response-time standard recurs with every email, as SMART guides count it: time-bound, and measurable.
        GoalExample("Answer every customer email within 4 hours", specific: true, measurable: true, timeBound: true),
        GoalExample("Cut average ticket resolution time by 25% this quarter", specific: true, measurable: true,
                    timeBound: true, achievable: true),
        GoalExample("Be nicer to customers", specific: false, measurable: false, timeBound: false),
        GoalExample("Resolve 95 percent of tickets on first contact by Q4", specific: true, measurable: true,
                    timeBound: true),
        // A change with no amount: by how much? (README, "SMART, letter by letter").
        GoalExample("Reduce customer complaints", specific: false, measurable: false, timeBound: false),
        GoalExample("Get an NPS of at least 50 from my accounts in 2026", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Improve customer satisfaction scores to 90% in 2027", specific: true, measurable: true,
                    timeBound: true),
    ]

    static let jobSearch: [GoalExample] = [
        GoalExample("Land a job offer as a data analyst by September 30", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Find a better job someday", specific: false, measurable: false, timeBound: false),
        GoalExample("Apply to 10 product manager roles every month", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Update my resume", specific: true, measurable: true, timeBound: false),
        GoalExample("Get a job offer from a fintech company within 90 days", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Land a new job as a UX designer asap", specific: true, measurable: true, timeBound: false),
        GoalExample("Do 5 mock interviews in the next 3 weeks", specific: true, measurable: true, timeBound: true),
        GoalExample("Look for opportunities in the future", specific: false, measurable: false, timeBound: false),
        GoalExample("Send out fifteen job applications by next Friday", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Interview with 3 companies every month", specific: true, measurable: true, timeBound: true),
    ]

    /// Phrasing variety: time first, numbers in words, unicode apostrophes, shouting, ranges, lone verbs.
    static let hardCases: [GoalExample] = [
        GoalExample("In 6 months, be more organised", specific: false, measurable: false, timeBound: true),
        GoalExample("Grow", specific: false, measurable: false, timeBound: false),
        GoalExample("Grow professionally", specific: false, measurable: false, timeBound: false),
        GoalExample("Close half of my open opportunities by Q3", specific: true, measurable: true, timeBound: true),
        GoalExample("Triple the number of demos I run per quarter", specific: true, measurable: true, timeBound: true),
        GoalExample("Get my first 3 freelance clients in the next 90 days", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Sign 10-15 new clients in Q1 2027", specific: true, measurable: true, timeBound: true),
        GoalExample("Save €5,000 for a career break by 31 December 2026", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Double my LinkedIn followers by the end of the year", specific: true, measurable: true,
                    timeBound: true),
        GoalExample("Exceed my team\u{2019}s quarterly target of 40 demos by September", specific: true,
                    measurable: true, timeBound: true),
        GoalExample("CLOSE 12 DEALS BY JUNE!!!", specific: true, measurable: true, timeBound: true),
        GoalExample("Be more visible to senior leadership", specific: false, measurable: false, timeBound: false),
        GoalExample("Raise NPS by 10 points by the end of the year", specific: true, measurable: true, timeBound: true),
        GoalExample("I\u{2019}d like to get better at negotiating soon", specific: false, measurable: false,
                    timeBound: false),
        GoalExample("By next quarter, onboard twenty new customers", specific: true, measurable: true, timeBound: true),
        GoalExample("close twenty-five deals, eventually", specific: true, measurable: true, timeBound: false),
    ]
}
