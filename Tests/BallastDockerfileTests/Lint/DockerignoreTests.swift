import BallastDockerfile
import Testing

/// `.dockerignore` patterns as the dockerignore-missing rule reads them.
struct DockerignoreTests {
    static let dockerfile = "FROM node:22-slim\nCOPY . .\n"

    static let excluding = [
        "node_modules\n.git\n", "/node_modules\n/.git\n", "./node_modules/\n.git/**\n", "**/node_modules\n**/.git\n",
        "node_*\n.g?t\n", "*\n", "# comment\n  node_modules  \r\n.git\r\n", "*\n!src\n!node_modules/foo\n",
    ]

    @Test(arguments: excluding)
    func patternsThatExcludeBoth(ignore: String) throws {
        let files = [".dockerignore": ignore]

        #expect(try LintHarness.lines(Self.dockerfile, rule: DockerignoreRule(), files: files).isEmpty)
    }

    static let leaking = ["node_modules/foo\n.git\n", "src/node_modules\n.git\n", "*\n!node_modules\n!.git\n", ""]

    @Test(arguments: leaking)
    func patternsThatLeaveOneIn(ignore: String) throws {
        let files = [".dockerignore": ignore]

        #expect(try LintHarness.findings(Self.dockerfile, rule: DockerignoreRule(), files: files).count == 1)
    }
}
