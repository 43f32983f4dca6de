/// Small groups of words that belong to the same career theme, so "deals" is seen as related to a
/// "Sales Manager" role without a thesaurus. Groups are ordered arrays: lookups never depend on
/// hash order.
enum RelevanceTopics {
    static let groups: [[String]] = [
        ["sales", "sell", "deal", "quota", "pipeline", "prospect", "revenue", "client", "customer", "account",
         "upsell", "demo", "booking", "commission", "territory", "opportunity", "renewal", "referral",
         "ae", "sdr", "bdr"],
        ["manage", "manager", "management", "team", "leader", "leadership", "lead", "report", "delegate",
         "one-on-one", "supervisor", "head", "hire", "hiring", "morale", "attrition", "engagement", "coach",
         "mentor", "people", "director"],
        ["engineer", "engineering", "developer", "software", "code", "coding", "programming", "aws", "cloud",
         "python", "architecture", "architect", "technical", "kubernetes", "devops", "backend", "frontend"],
        ["support", "service", "customer", "ticket", "csat", "nps", "satisfaction", "complaint", "helpdesk",
         "response", "resolution", "escalation"],
        ["marketing", "marketer", "campaign", "content", "brand", "seo", "social", "follower", "newsletter",
         "article", "audience", "linkedin"],
        ["data", "analyst", "analytics", "sql", "dashboard", "python", "insight", "tableau", "excel"],
        ["career", "job", "role", "offer", "interview", "resume", "cv", "linkedin", "application",
         "promotion", "promoted", "salary", "raise", "title", "network", "networking", "recruiter"],
        ["finance", "financial", "accounting", "accountant", "cpa", "cfa", "budget", "forecast", "audit"],
        ["project", "pmp", "scrum", "agile", "delivery", "stakeholder", "program", "programme"],
        ["balance", "burnout", "wellbeing", "health", "family", "vacation", "holiday", "overtime", "stress",
         "rest", "sleep", "exercise", "evening", "weekend", "kids", "dinner"],
    ]

    /// Indexes of the groups `word` belongs to (sharing a root with a member).
    static func topics(of word: String) -> [Int] {
        groups.indices.filter { groups[$0].contains { WordForms.sharesRoot($0, word) } }
    }
}
