import BallastDockerfile
import Testing

struct PackageManagerEntrypointRuleTests {
    static let triggers: [(String, String)] = [
        (
            "FROM node:22-slim\nCMD [\"npm\", \"start\"]\n",
            "Dockerfile:2:1: warning: [BL009] CMD starts the app through npm, which does not forward signals as PID 1 "
                + "and is absent from distroless images; run node directly: CMD [\"node\", \"server.js\"]"
        ),
        (
            "FROM node:22-slim\nENTRYPOINT yarn serve\n",
            "Dockerfile:2:1: warning: [BL009] ENTRYPOINT starts the app through yarn, which does not forward signals "
                + "as PID 1 and is absent from distroless images; run node directly: ENTRYPOINT "
                + "[\"node\", \"server.js\"]"
        ),
        (
            "FROM node:22-slim\nCMD [\"pnpm\", \"run\", \"start\"]\n",
            "Dockerfile:2:1: warning: [BL009] CMD starts the app through pnpm, which does not forward signals as PID 1 "
                + "and is absent from distroless images; run node directly: CMD [\"node\", \"server.js\"]"
        ),
    ]

    @Test(arguments: triggers)
    func flagsPackageManagersAsPID1(dockerfile: String, expected: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: PackageManagerEntrypointRule()) == [expected])
    }

    static let clean = [
        "FROM node:22-slim\nCMD [\"node\", \"server.js\"]\n",
        "FROM node:22 AS build\nCMD npm test\nFROM node:22-slim\nCMD [\"node\", \"dist/main.js\"]\n",
        "FROM node:22-slim\nRUN npm ci --omit=dev\n",
    ]

    @Test(arguments: clean)
    func acceptsNodeAsPID1(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: PackageManagerEntrypointRule()).isEmpty)
    }

    @Test func fixUsesThePlainStartScript() throws {
        let files = ["package.json": #"{"scripts": {"start": "node dist/server.js --port=3000"}}"#]
        let dockerfile = "FROM node:22-slim\nCMD [ \"npm\",\"start\" ]   \n"

        let fixed = try LintHarness.fixed(dockerfile, rule: PackageManagerEntrypointRule(), files: files)

        #expect(fixed == "FROM node:22-slim\nCMD [\"node\", \"dist/server.js\", \"--port=3000\"]   \n")
        #expect(try LintHarness.lines(fixed, rule: PackageManagerEntrypointRule(), files: files).isEmpty)
    }

    @Test func noFixWhenTheStartScriptIsNotPlainNode() throws {
        let files = ["package.json": #"{"scripts": {"start": "NODE_ENV=production node server.js"}}"#]

        let findings = try LintHarness.findings(
            "FROM node:22-slim\nCMD npm start\n", rule: PackageManagerEntrypointRule(), files: files
        )

        #expect(findings.count == 1)
        #expect(findings[0].fix == nil)
    }
}
