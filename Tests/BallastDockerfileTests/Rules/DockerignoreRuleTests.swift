import BallastDockerfile
import Testing

struct DockerignoreRuleTests {
    static let dockerfile = "FROM node:22-slim\nWORKDIR /app\nCOPY . .\n"

    static let triggers: [([String: String], String)] = [
        (
            [:],
            "Dockerfile:3:1: warning: [BL006] COPY copies the whole build context and there is no .dockerignore; "
                + "add one beside the Dockerfile listing node_modules and .git"
        ),
        (
            [".dockerignore": "# local files\n.env\n"],
            "Dockerfile:3:1: warning: [BL006] COPY copies the whole build context but .dockerignore does not exclude "
                + "node_modules or .git; add node_modules and .git to .dockerignore"
        ),
        (
            [".dockerignore": "node_modules\n!node_modules\n.git/\n"],
            "Dockerfile:3:1: warning: [BL006] COPY copies the whole build context but .dockerignore does not exclude "
                + "node_modules; add node_modules to .dockerignore"
        ),
    ]

    @Test(arguments: triggers)
    func flagsMissingOrIncompleteDockerignore(files: [String: String], expected: String) throws {
        #expect(try LintHarness.lines(Self.dockerfile, rule: DockerignoreRule(), files: files) == [expected])
    }

    static let clean: [(String, [String: String])] = [
        (dockerfile, [".dockerignore": "/node_modules/\n**/.git\n"]),
        (dockerfile, [".dockerignore": "*\n!src\n!package*.json\n"]),
        ("FROM node:22-slim\nCOPY package.json src ./\n", [:]),
        ("FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build . .\n", [:]),
    ]

    @Test(arguments: clean)
    func acceptsExcludedContextsAndNarrowCopies(dockerfile: String, files: [String: String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: DockerignoreRule(), files: files).isEmpty)
    }
}
