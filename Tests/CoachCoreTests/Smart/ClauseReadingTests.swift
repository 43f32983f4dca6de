import CoachTestSupport
import CoachCore
import Testing

/// Readings of a goal's grammar that hold whatever the words: a duration written like a clock, a
/// verb led by a modal, an ability, an activity scoped by how long or how often, a course named by
/// its subject.
@Suite("Clause readings")
struct ClauseReadingTests {
    let analyzer = SmartAnalyzer(vocabulary: .shipped)

    private func met(_ goal: String, _ criterion: SmartCriterion) -> Bool? {
        analyzer.analyze(goal, context: GoalExample.context)[criterion].met
    }

    @Test func minutesAndSecondsAreADurationNotATimeOfDay() {
        let finding = analyzer.analyze("Reduce average handle time from 9:30 to 7:00 minutes", context: GoalExample.context)
        #expect(finding[.measurable].met == true)
        #expect(finding[.measurable].reason.contains("7:00 minutes"))
        #expect(finding[.timeBound].met == false)
        // Without a unit it stays a time of day.
        #expect(met("Be at my desk by 9:30 every day", .timeBound) == true)
    }

    @Test func aModalLeadsIntoAVerbTheLexiconDoesNotKnow() {
        #expect(met("I will tabulate the survey results for the board", .specific) == true)
        #expect(met("Students will be able to identify the main idea of a story", .specific) == true)
        // "want to" leads into a wish, not an action.
        #expect(met("I want to go back to school", .specific) == false)
        // A verb the lexicon does not know completes nothing by itself.
        #expect(met("I will tabulate the survey results for the board", .measurable) == false)
    }

    @Test func aNumberPerPeriodIsARoutineOfDoingAndALevelOfAnOutcome() {
        #expect(met("I will pay $500 per month toward my credit card debt", .timeBound) == true)
        #expect(met("Add one new contact each week", .timeBound) == true)
        #expect(met("Send 5 applications per week", .timeBound) == true)
        #expect(met("save $150 per paycheck", .timeBound) == true)
        #expect(met("Earn $5,000 per month", .timeBound) == false)
        #expect(met("Raise production by 10 cars per day", .timeBound) == false)
        #expect(met("Increase my website traffic to 5000 per month", .timeBound) == false)
        #expect(met("Ensure the mail server has 99.97% uptime per month", .timeBound) == false)
        // What a change verb moves, per period, is a weekly or monthly level too.
        #expect(met("Increase sales per week by 10%", .timeBound) == false)
        #expect(met("Improve my fitness by running every week", .timeBound) == true)
        // How many times is how often, whatever the verb ("to lunch" is not a target).
        #expect(met("add one cup of vegetables to lunch three times a week", .timeBound) == true)
        // A level per period still takes a deadline.
        #expect(met("Increase my website traffic to 5000 per month by June 2030", .timeBound) == true)
    }

    /// Walking, sleeping, eating are activities: how long or how often scopes them, and a
    /// comparative alone ("eat healthier") is a judgement.
    @Test func anEverydayActivityIsScopedByHowLongOrHowOften() {
        #expect(met("To walk for 30 minutes, 5 times a week for a month", .specific) == true)
        #expect(met("Sleep 8 hours a night", .specific) == true)
        #expect(met("I'm going to eat healthier.", .specific) == false)
        let finding = analyzer.analyze("sleep more", context: GoalExample.context)[.specific]
        #expect(finding.met == false)
        #expect(finding.question?.contains("How long, or how often") == true)
    }

    @Test func anEventTheClientWillDoIsAnOccasionAhead() {
        #expect(met("Train every new employee before ever stepping onto a job site", .timeBound) == true)
        #expect(met("Score 90% on the assessment after completing the protocols course", .timeBound) == true)
        #expect(met("Administer a subcutaneous injection for this shift", .timeBound) == true)
        #expect(met("Request help in 80% of opportunities across four consecutive weeks", .timeBound) == true)
        // A purpose is not a time, nor is a word that only ends like a verb.
        #expect(met("Study Biology for my upcoming midterm", .timeBound) == false)
        #expect(met("Read 10 books before anything else", .timeBound) == false)
    }

    @Test func howAThingIsDoneDoesNotSayWhichThing() {
        #expect(met("Deliver the project on time", .specific) == false)
        #expect(met("Deliver the Atlas migration project on time", .specific) == true)
        #expect(met("I should save for retirement", .specific) == false)
        #expect(met("Save $200 a month for retirement", .specific) == true)
        #expect(met("I want better classroom management", .specific) == false)
        // "or" between nouns keeps the clause, so the amount after them scopes the change.
        #expect(met("Reduce work-loss days for injury or illness from 5.5 days to less than 4 days per employee", .specific) == true)
    }

    @Test func anActivityIsScopedByHowLongOrHowOften() {
        #expect(met("Run in the park for thirty minutes each day", .specific) == true)
        #expect(met("Run in the park", .specific) == false)
        // A change still needs what it changes.
        #expect(met("Increase by 5% each month", .specific) == false)
    }

    @Test func aCourseIsNamedByItsSubject() {
        #expect(met("Complete an online course in graphic design by June 2027", .specific) == true)
        #expect(met("Complete an online course by June 2027", .specific) == false)
        #expect(met("Complete training for CPR certification within three months", .measurable) == true)
    }

    @Test func aShareAfterUpOrDownIsAChangeFromTheStart() {
        let context = SmartContext(baseline: 52, today: GoalExample.today)
        let finding = analyzer.analyze("Renewals from my 40 accounts, up 15% by 30 June 2027", context: context)[.achievable]
        #expect(finding.met == true)
        #expect(finding.reason.contains("+15%"))
    }

    @Test func soAndASubjectStateWhatTheGoalServes() {
        #expect(met("Close 12 deals by June 2027 so I hit quota", .relevant) == true)
        #expect(met("Close 12 deals by June 2027 so far", .relevant) != true)
    }

    @Test func theActionAfterTheTimeItTakesIsRead() {
        #expect(met("Spend the next four months training for a half-marathon", .specific) == true)
        #expect(met("Spend the next four months", .specific) == false)
    }

    @Test func aReasonInTheClientsOwnTermsMakesAGoalRelevant() {
        let context = SmartContext(role: "Sales Manager", today: GoalExample.today)
        let finding = analyzer.analyze("Run a 10k by March 2027 because my doctor said I need to get moving", context: context)[.relevant]
        #expect(finding.met == true)
        #expect(finding.reason.contains("because my doctor said"))
        #expect(analyzer.analyze("Run a 10k by March 2027", context: context)[.relevant].met == false)
    }

    @Test func aRaceNamedByItsDistanceIsNotMoney() {
        #expect(analyzer.analyze("Train for a 10k by March 2027", context: GoalExample.context)[.measurable].reason.contains("is a count"))
        #expect(analyzer.analyze("Earn a 5k bonus by March 2027", context: GoalExample.context)[.measurable].reason.contains("money"))
    }

    @Test func timeBoundQuotesTheDateThePlanStores() {
        let context = SmartContext(today: LocalDate(year: 2026, month: 12, day: 1)!)
        let finding = analyzer.analyze("Run the month end close within 3 working days by May", context: context)[.timeBound]
        #expect(finding.reason.contains("by May"))
        #expect(finding.reason.contains("2027-05-31"))
    }

    @Test func anOccasionAheadTimesAGoalWithoutADate() {
        for goal in ["Attend at least 50% of staff meetings prior to my next evaluation", "I will score more than 90% in the next exam",
                     "Diagnose 8 of 10 respiratory patients correctly during my pulmonary rotation",
                     "Hand over every patient's care notes before my shift ends", "Share one lesson learnt after each sprint"] {
            #expect(met(goal, .timeBound) == true, "\(goal)")
        }
        // "in" and "at" need an occasion ahead: a place is not a time.
        for goal in ["Speak up more in class", "Ask one question at the meeting", "Get approved by the board"] {
            #expect(met(goal, .timeBound) == false, "\(goal)")
        }
        let finding = analyzer.analyze("Attend at least 50% of staff meetings prior to my next evaluation", context: GoalExample.context)[.timeBound]
        #expect(finding.reason.contains("occasion"))
        #expect(analyzer.deadline(in: "Pass the exam before my next evaluation", today: LocalDate(year: 2026, month: 12, day: 1)!) == nil)
    }

    @Test func aTitleNamesARoleOnlyWithMoreThanARank() {
        #expect(met("Become a registered nurse by 2028", .measurable) == true)
        #expect(met("Land a role as a dental hygienist within 6 months", .specific) == true)
        #expect(met("I want to work as a paralegal for a major firm by 2028", .measurable) == true)
        #expect(met("Secure a project management role in the tech industry", .measurable) == true)
        for goal in ["I want to be a manager", "I want to move into a manager role", "Get promoted to manager"] {
            #expect(met(goal, .specific) == false, "\(goal)")
            #expect(met(goal, .measurable) == false, "\(goal)")
        }
        // A profession's word elsewhere is only a word.
        #expect(met("Be creative at work", .specific) == false)
    }

    @Test func aChangeWithItsAmountIsScopedByItsSubject() {
        #expect(met("Steel sales will go up in Boston by 3% by the end of July", .specific) == true)
        #expect(met("Sales will increase", .specific) == false)
    }

    @Test func aCountedObjectAfterAPrepositionScopesTheVerb() {
        #expect(met("I will engage in at least one patient interaction per week", .specific) == true)
        // Without a count, a place is not an object.
        #expect(met("Run in the park", .specific) == false)
    }

    @Test func halfOfSomethingIsAShareNotAMultiple() {
        let share = analyzer.analyze("Attend at least half the staff meetings before my next evaluation", context: GoalExample.context)[.measurable]
        #expect(share.reason.contains("a percentage"))
        let multiple = analyzer.analyze("Cut my commute time in half by June 2030", context: GoalExample.context)[.measurable]
        #expect(multiple.reason.contains("a multiple"))
    }

    @Test func aVerbsFormAfterADeterminerOrInACompoundIsANoun() {
        #expect(met("Let's increase organic search traffic by 20% in Q3", .specific) == true)
        let finding = analyzer.analyze("Book another meeting with the prospect", context: GoalExample.context)[.specific]
        #expect(finding.reason.contains("\"Book\""))
        #expect(!analyzer.analyze("You'll administer pain assessments every four hours for patients post-surgery",
                                  context: GoalExample.context)[.specific].reason.contains("\"post\""))
        #expect(!analyzer.analyze("100% of new hires will go through the new process",
                                  context: GoalExample.context)[.specific].reason.contains("\"hires\""))
    }

    @Test func anOccasionNamedWithoutADeterminerIsTheOneAhead() {
        for goal in ["Find a job as a nurse before graduation", "Revise for two hours a day until finals", "Upon graduation, get a job as a nurse",
                     "By the end of my clinical placement, get feedback from 5 patients", "Visit the writing center twice before the due date"] {
            #expect(met(goal, .timeBound) == true, "\(goal)")
        }
        // "during class" is any class, and "through" and "by" also lead to means.
        for goal in ["Focus during class", "Build trust through meetings", "Be measured by assessment"] {
            #expect(met(goal, .timeBound) == false, "\(goal)")
        }
    }

    @Test func aLetterGradeAimedAtIsMeasurable() {
        #expect(met("Get an A in statistics", .measurable) == true)
        #expect(met("Maintain above a B- in all major-related classes", .measurable) == true)
        #expect(met("Attain a minimum grade of B+ in all nursing courses", .specific) == true)
        #expect(met("Improve my algebra grade to a B by the end of the semester", .specific) == true)
        // A letter in a compound is a word.
        #expect(!analyzer.analyze("Get a C-suite role", context: GoalExample.context)[.measurable].reason.contains("letter scale"))
    }

    @Test func aOneOffActionOnAThingIsDoneOrNot() {
        #expect(met("Update my resume", .measurable) == true)
        #expect(met("Contribute to an open-source project", .measurable) == true)
        // Keeping something up has no point at which it is done, nor has a habit named by a bare plural.
        #expect(met("Maintain my resume", .measurable) == false)
        #expect(met("Send thank-you emails", .measurable) == false)
        #expect(met("Meet new people at events", .measurable) == false)
        #expect(met("Contact my references", .measurable) == true)
        #expect(met("I will redo my resume this month", .measurable) == true)
    }

    @Test func anIndefinitePronounOrACapitalisedGeneralNounGivesNoScope() {
        #expect(met("I should apply everywhere", .specific) == false)
        // A chat aside is not part of the title.
        #expect(met("i wanna be a manager tbh", .specific) == false)
        #expect(met("Get a Job!", .specific) == false)
        #expect(met("Get a job at NASA", .specific) == true)
    }

    @Test func eachOccasionNamedWithItsKindIsACadence() {
        #expect(met("Launch a feedback survey after each support interaction", .timeBound) == true)
        #expect(met("Log one note after every client call", .timeBound) == true)
        // "each support ticket" is a thing, not an occasion.
        #expect(met("Close each support ticket", .timeBound) == false)
    }

    @Test func aNumberWrittenWithALeadingZeroIsACode() {
        #expect(met("I will study more for MATH 005", .measurable) == false)
        #expect(met("Pass MATH 005 with 80% or more", .measurable) == true)
    }

    /// A ceiling per period is a level to stay under, not a routine; a ceiling on one's own hours is a routine kept.
    @Test func aCeilingPerPeriodIsALevelUnlessItIsTimeSpent() {
        #expect(met("Receive no more than two customer complaints validated by a manager per year", .timeBound) == false)
        #expect(met("Reduce disruptions during class discussions to no more than three per week", .timeBound) == false)
        #expect(met("Work no more than 45 hours per week", .timeBound) == true)
        #expect(met("Make at least 20 calls per week", .timeBound) == true)
        let level = analyzer.analyze("Keep errors under 3 per month", context: GoalExample.context)[.timeBound]
        #expect(level.reason.contains("how much in each period"))
    }

    @Test func anAmountOfTimePerPeriodIsNotAWindow() {
        #expect(met("Put in 10 hours a week on my portfolio", .measurable) == true)
        #expect(analyzer.deadline(in: "Put in 10 hours a week on my portfolio", today: LocalDate(year: 2026, month: 12, day: 1)!) == nil)
        #expect(met("I'll put $150 a week toward my highest-interest balance", .timeBound) == true)
        // Paying debt down is a change: it needs an amount.
        #expect(met("I want to pay down my debt", .measurable) == false)
    }

    /// The end or start of anything named is a time; "on" an occasion ahead is one too.
    @Test func theEndOfANamedPeriodIsAnOccasionAhead() {
        #expect(met("Raise my math grade from a C to a B by the end of the marking period", .timeBound) == true)
        #expect(met("Complete my portfolio by the end of my probation period", .timeBound) == true)
        #expect(met("Apply to three graduate programs by the time I graduate", .timeBound) == true)
        #expect(met("I will get at least a 90 on my next reading test", .timeBound) == true)
        // "on my desk" is a place, not an occasion.
        #expect(met("Keep a printed checklist on my desk", .timeBound) == false)
    }

    /// The first stretch of a job is counted from today; a period whose named point has passed is
    /// the next one; a school year starts in September. Both entry points give the same day.
    @Test(arguments: [
        ("within the first 90 days", "2027-03-01"), ("in my first year", "2027-12-01"), ("by mid-year", "2027-06-30"),
        ("by the start of next school year", "2027-09-01"), ("by the start of the semester", "2027-01-15"),
        ("by the end of the upcoming academic year", "2028-06-30"),
    ])
    func periodsAheadReadTheSameOnBothPaths(_ phrase: String, _ expected: String) {
        let today = LocalDate(year: 2026, month: 12, day: 1)!
        #expect(analyzer.deadline(in: "Finish the report " + phrase, today: today)?.iso == expected)
        if case .success(.date(let day)) = AnswerParser(today: today).parse(phrase, as: .date) {
            #expect(day.iso == expected)
        } else {
            Issue.record("\(phrase) not read as an answer")
        }
    }

    /// A comparative asks which and how many, not "which more calls".
    @Test func aComparativeObjectAsksWhichAndHowMany() {
        let specific = analyzer.analyze("Make more calls", context: GoalExample.context)[.specific]
        #expect(specific.met == false)
        #expect(specific.question == "Which calls, and how many more?")
        #expect(analyzer.analyze("Make fewer errors", context: GoalExample.context)[.specific].question == "Which errors, and how many fewer?")
        // "make" before a comparative is not making a title ("make partner").
        #expect(analyzer.analyze("I'm going to make more sales.", context: GoalExample.context)[.specific].question == "Which sales, and how many more?")
        #expect(analyzer.analyze("make partner by 2028", context: GoalExample.context)[.specific].met == true)
        // Time is not picked out but counted: how much, in what period.
        let hours = analyzer.analyze("put in more hours on my portfolio", context: GoalExample.context)[.specific]
        #expect(hours.question == "How many more hours, and per day, week or month?")
        #expect(hours.reason.contains("does not say how much time"))
        #expect(analyzer.analyze("spend fewer evenings on email", context: GoalExample.context)[.specific].question == "How many fewer evenings, and per week or month?")
    }

    /// A date in the goal's reason is not its deadline when the goal names one.
    @Test func aDateInTheReasonIsNotTheDeadline() {
        let today = LocalDate(year: 2026, month: 12, day: 1)!
        let goal = "Put in 10 hours a week on my UX portfolio by 1 March 2027, so I can move into UX design by next summer"
        #expect(analyzer.deadline(in: goal, today: today)?.iso == "2027-03-01")
        #expect(analyzer.analyze(goal, context: GoalExample.context)[.timeBound].reason.contains("2027-03-01"))
        // Without a date of its own, the reason's date is all there is.
        #expect(analyzer.deadline(in: "Finish my degree so that I can apply for jobs by June", today: today)?.iso == "2027-06-30")
    }

    /// Something named that will be gone is a state reached or not, like paying it off; a feeling is not.
    @Test func beingFreeOfAThingIsDoneOrNot() {
        #expect(met("Become debt-free by 2028", .measurable) == true)
        #expect(met("I want to be free of credit card debt", .specific) == true)
        #expect(met("I want to be free of credit card debt", .measurable) == true)
        #expect(met("Be stress-free", .specific) == false)
        #expect(met("Be free of anxiety", .measurable) == false)
        #expect(met("Be free", .specific) == false)
    }

    /// An ordinal before a noun says which, not when; a stretch of an occasion and a school year
    /// written with its years are times.
    @Test func anOrdinalBeforeANounIsNotADay() {
        #expect(met("Earn the first AWS certificate", .timeBound) == false)
        #expect(met("Earn the first AWS certificate", .measurable) == true)
        #expect(met("Get an A on the first exam", .timeBound) == false)
        #expect(met("Pay rent on the 1st", .timeBound) == true)
        #expect(met("By the second week of the placement, I will be able to explain the procedures", .timeBound) == true)
        let today = LocalDate(year: 2026, month: 12, day: 1)!
        #expect(analyzer.deadline(in: "Meet three students over the second semester", today: today)?.iso == "2027-05-31")
        #expect(analyzer.deadline(in: "By the end of the 2027-2028 school year, read 20 books", today: today)?.iso == "2028-06-30")
    }

    @Test func aLetterGradeInThePluralIsMeasurable() {
        #expect(met("Earn A’s on the first exam and all assignments", .measurable) == true)
        #expect(met("Get straight A's this semester", .measurable) == true)
        #expect(met("Follow Plan A's steps", .measurable) == false)
        #expect(met("Successfully defend my thesis", .measurable) == true)
    }

    /// A short aside in brackets sits inside the phrase it explains.
    @Test func aBracketedAsideIsReadThrough() {
        #expect(met("Lower my systolic (top) number to 130 by June 2027", .specific) == true)
        #expect(met("Close 12 deals (up from 8) by June", .measurable) == true)
    }
}
