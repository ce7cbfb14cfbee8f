import BallastDockerfile
import Testing

struct UntaggedBaseImageRuleTests {
    static let triggers: [(String, [String])] = [
        (
            "FROM node\n",
            [
                "Dockerfile:1:6: warning: [BL001] base image 'node' has no tag, so it pulls whatever 'latest' is on "
                    + "build day; name a version such as node:22.11.0-bookworm-slim"
            ]
        ),
        (
            "FROM node:22 AS build\nFROM gcr.io/distroless/nodejs22-debian12:latest\n",
            [
                "Dockerfile:2:6: warning: [BL001] base image "
                    + "'gcr.io/distroless/nodejs22-debian12:latest' uses 'latest', "
                    + "which changes with every release; name a version such as "
                    + "gcr.io/distroless/nodejs22-debian12:<version>"
            ]
        ),
        (
            "ARG BASE=node\nFROM ${BASE}\n",
            [
                "Dockerfile:2:6: warning: [BL001] base image 'node' has no tag, so it pulls whatever 'latest' is on "
                    + "build day; name a version such as node:22.11.0-bookworm-slim"
            ]
        ),
    ]

    @Test(arguments: triggers)
    func flagsMissingOrLatestTag(dockerfile: String, expected: [String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: UntaggedBaseImageRule()) == expected)
    }

    static let clean = [
        "FROM node:22-slim\n",
        "FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM scratch\n",
        "FROM node:22 AS build\nFROM build\n",
        "# ballast-ignore BL001\nFROM node\n",
    ]

    @Test(arguments: clean)
    func acceptsTaggedImagesAndStages(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: UntaggedBaseImageRule()).isEmpty)
    }

    @Test func disabledRuleReportsNothing() throws {
        let dockerfile = try DockerfileParser().parse(text: "FROM node\n", path: "Dockerfile")

        let findings = try Linter(disabledRules: ["BL001"]).lint(dockerfile, context: LintHarness.context())

        #expect(!findings.contains { $0.ruleID == "BL001" })
    }
}
