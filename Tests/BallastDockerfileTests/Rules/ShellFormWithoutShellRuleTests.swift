import BallastDockerfile
import Testing

struct ShellFormWithoutShellRuleTests {
    static let distroless = "FROM gcr.io/distroless/nodejs22-debian12\n"

    static let triggers: [(String, [String])] = [
        (
            distroless + "CMD node server.js\n",
            [
                "Dockerfile:2:1: error: [BL008] CMD uses the shell form, but gcr.io/distroless/nodejs22-debian12 has "
                    + "no shell; use the exec form CMD [\"executable\", \"arg\"]"
            ]
        ),
        (
            distroless + "HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost:3000/\"]\n",
            [
                "Dockerfile:2:1: error: [BL008] HEALTHCHECK calls curl, which gcr.io/distroless/nodejs22-debian12 "
                    + "does not contain; write the check in Node.js, e.g. HEALTHCHECK CMD "
                    + "[\"node\", \"healthcheck.js\"]"
            ]
        ),
        (
            "FROM cgr.dev/chainguard/node:latest\nRUN echo hi\nHEALTHCHECK CMD wget -q -O- localhost\n",
            [
                "Dockerfile:2:1: error: [BL008] RUN uses the shell form, but cgr.dev/chainguard/node:latest has no "
                    + "shell; use the exec form RUN [\"executable\", \"arg\"]",
                "Dockerfile:3:1: error: [BL008] HEALTHCHECK calls wget, which cgr.dev/chainguard/node:latest does not "
                    + "contain; write the check in Node.js, e.g. HEALTHCHECK CMD [\"node\", \"healthcheck.js\"]",
                "Dockerfile:3:1: error: [BL008] HEALTHCHECK uses the shell form, but cgr.dev/chainguard/node:latest "
                    + "has no shell; use the exec form HEALTHCHECK CMD [\"node\", \"healthcheck.js\"]",
            ]
        ),
    ]

    @Test(arguments: triggers)
    func flagsShellUseWithoutShell(dockerfile: String, expected: [String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: ShellFormWithoutShellRule()) == expected)
    }

    static let clean = [
        distroless + "CMD [\"server.js\"]\nHEALTHCHECK CMD [\"/nodejs/bin/node\", \"healthcheck.js\"]\n",
        "FROM gcr.io/distroless/nodejs22-debian12:debug\nCMD node server.js\n",
        "FROM cgr.dev/chainguard/node:latest-dev\nRUN npm ci\n",
        "FROM cgr.dev/chainguard/wolfi-base\nRUN apk add nodejs\n",
        "FROM node:22-slim\nCMD node server.js\nHEALTHCHECK CMD curl -f localhost\n",
    ]

    @Test(arguments: clean)
    func acceptsExecFormAndShellImages(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: ShellFormWithoutShellRule()).isEmpty)
    }

    @Test func configuredImagesCountAsShellLess() throws {
        let dockerfile = try DockerfileParser().parse(
            text: "FROM registry.example.com/hardened/node:22\nCMD npm start\n", path: "Dockerfile"
        )
        let context = LintHarness.context(shellLess: ["registry.example.com/hardened/node"])

        let findings = try Linter(rules: [ShellFormWithoutShellRule()]).lint(dockerfile, context: context)

        #expect(findings.map(\.line) == [2])
    }

    @Test func fixRewritesPlainCommandsToExecForm() throws {
        let dockerfile = Self.distroless + "ENTRYPOINT  /nodejs/bin/node  server.js  \n"

        let fixed = try LintHarness.fixed(dockerfile, rule: ShellFormWithoutShellRule())

        #expect(fixed == Self.distroless + "ENTRYPOINT  [\"/nodejs/bin/node\", \"server.js\"]  \n")
        #expect(try LintHarness.lines(fixed, rule: ShellFormWithoutShellRule()).isEmpty)
    }

    @Test func noFixWhenTheShellDoesWork() throws {
        let findings = try LintHarness.findings(
            Self.distroless + "CMD node server.js > /log\n", rule: ShellFormWithoutShellRule())

        #expect(findings.count == 1)
        #expect(findings[0].fix == nil)
    }
}
