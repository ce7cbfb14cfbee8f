import BallastDockerfile
import Testing

struct LinterTests {
    static let sample = """
        FROM node:18
        WORKDIR /app
        COPY . .
        RUN npm install
        # ballast-ignore BL011, BL004
        RUN apt-get update && apt-get install -y make
        CMD npm start

        """

    private func lint(_ text: String, disabled: Set<String> = [], files: [String: String] = [:]) throws -> [LintFinding]
    {
        let dockerfile = try DockerfileParser().parse(text: text, path: "app/Dockerfile")
        return try Linter(disabledRules: disabled).lint(dockerfile, context: LintHarness.context(files))
    }

    @Test func findingsAreSortedByPositionAndRule() throws {
        let findings = try lint(Self.sample)

        #expect(
            findings.map { "\($0.line):\($0.column) \($0.ruleID)" } == [
                "1:1 BL007", "1:6 BL002", "1:6 BL003", "1:6 BL004", "1:6 BL014", "3:1 BL006", "4:1 BL005",
                "7:1 BL009",
            ]
        )
    }

    @Test func ignoreCommentsSilenceOnlyTheNamedRules() throws {
        let text = "FROM node:22-slim\n# ballast-ignore BL011\nRUN apt-get install -y make\n"

        let ids = try lint(text).map(\.ruleID)

        #expect(ids.contains("BL004"))
        #expect(!ids.contains("BL011"))
        #expect(try lint("# ballast-ignore all\nFROM node\n").isEmpty)
    }

    @Test func disabledRulesDoNotRun() throws {
        let ids = Set(try lint(Self.sample, disabled: ["BL002", "BL003", "BL014"]).map(\.ruleID))

        #expect(ids == ["BL004", "BL005", "BL006", "BL007", "BL009"])
    }

    @Test func everyRuleHasAStableUniqueIDAndDocumentation() {
        let ids = Linter.allRules.map(\.id)

        #expect(ids == (1...14).map { $0 < 10 ? "BL00\($0)" : "BL0\($0)" })
        #expect(Set(Linter.allRules.map(\.name)).count == 14)
        #expect(Linter.allRules.allSatisfy { !$0.summary.isEmpty && $0.help.count > 100 })
        #expect(Linter.rule("BL009")?.name == "package-manager-entrypoint")
    }

    @Test func allFixesTogetherLeaveNoFixableFindings() throws {
        let text = """
            FROM gcr.io/distroless/nodejs22-debian12 AS run
            ENTRYPOINT /nodejs/bin/node server.js

            """
        let before = try lint(text)
        #expect(before.contains { $0.ruleID == "BL008" && $0.fix != nil })

        let fixed = try LintFixer.apply(before, to: text)

        #expect(fixed.applied.map(\.ruleID) == ["BL008"])
        #expect(try lint(fixed.text).allSatisfy { $0.fix == nil })
    }

    @Test func strictModeRaisesSeverity() {
        let finding = LintFinding(
            path: "Dockerfile", line: 1, column: 1, severity: .warning, ruleID: "BL001", message: "m")

        #expect(finding.with(severity: .error).formatted == "Dockerfile:1:1: error: [BL001] m")
    }
}

extension LinterTests {
    @Test func everySafeFixAppliesInOnePass() throws {
        let text = """
            FROM node:22-bookworm-slim AS run
            # system packages
            RUN apt-get update && apt-get install -y tini \\
                && rm -rf /var/lib/apt/lists/*
            RUN npm install
            USER node
            CMD ["npm", "start"]

            """
        let files = ["package.json": #"{"scripts": {"start": "node server.js"}}"#]
        let findings = try lint(text, files: files)

        let fixed = try LintFixer.apply(findings, to: text)

        #expect(fixed.applied.map(\.ruleID) == ["BL011", "BL005", "BL009"])
        #expect(
            fixed.text == """
                FROM node:22-bookworm-slim AS run
                # system packages
                RUN apt-get update && apt-get install --no-install-recommends -y tini \\
                    && rm -rf /var/lib/apt/lists/*
                RUN npm ci --omit=dev
                USER node
                CMD ["node", "server.js"]

                """
        )
        let remaining = try lint(fixed.text, files: files).map(\.ruleID)
        #expect(remaining == ["BL002", "BL003"])
    }
}
