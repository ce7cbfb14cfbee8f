import BallastDockerfile

/// Runs one rule over inline Dockerfiles, as the rule tests need.
enum LintHarness {
    /// The day tests lint on, so end-of-life results never change.
    static let today = CalendarDate(year: 2026, month: 12, day: 3)

    static func context(_ files: [String: String] = [:], today: CalendarDate = today, shellLess: Set<String> = [])
        -> LintContext
    {
        LintContext(files: InMemoryProjectFiles(files), today: today, shellLessImages: shellLess)
    }

    /// The findings of `rule` for `text`.
    static func findings(
        _ text: String, rule: any LintRule, files: [String: String] = [:], today: CalendarDate = today
    ) throws -> [LintFinding] {
        let dockerfile = try DockerfileParser().parse(text: text, path: "Dockerfile")
        return try Linter(rules: [rule]).lint(dockerfile, context: context(files, today: today))
    }

    /// The findings of `rule` for `text`, each as `path:line:col: severity: [ID] message`.
    static func lines(
        _ text: String, rule: any LintRule, files: [String: String] = [:], today: CalendarDate = today
    ) throws -> [String] {
        try findings(text, rule: rule, files: files, today: today).map(\.formatted)
    }

    /// `text` with the rule's fixes applied.
    static func fixed(_ text: String, rule: any LintRule, files: [String: String] = [:]) throws -> String {
        let found = try findings(text, rule: rule, files: files)
        return try LintFixer.apply(found, to: text).text
    }
}
