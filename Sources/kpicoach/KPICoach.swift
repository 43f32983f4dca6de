import ArgumentParser

@main
struct KPICoach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpicoach",
        abstract: "A coaching assistant in your terminal: SMART goals and KPIs, co-created and saved as you go.",
        discussion: "Run with no command to resume your latest unfinished conversation or start onboarding.",
        version: "0.1.0",
        subcommands: [HomeCommand.self, StartCommand.self, ResumeCommand.self, SessionsCommand.self, DiscardCommand.self,
                      ShowCommand.self, SmartCommand.self, SuggestCommand.self, ClientsCommand.self, ClientCommand.self, KPICommand.self, CheckinCommand.self,
                      ReportCommand.self, PracticeCommand.self, LintCommand.self, TestCommand.self],
        defaultSubcommand: HomeCommand.self
    )
}
