import BallastDockerfile
import Testing

struct FloatingTagRuleTests {
    static let triggers: [(String, String)] = [
        (
            "FROM node:22-slim AS run\n",
            "Dockerfile:1:6: info: [BL002] tag 'node:22-slim' floats: it moves to new Node.js releases and "
                + "distribution versions; use a specific tag such as node:22.<minor>.<patch>-bookworm-slim"
        ),
        (
            "FROM node:22.11-alpine3.20\n",
            "Dockerfile:1:6: info: [BL002] tag 'node:22.11-alpine3.20' floats: it moves to new Node.js releases; "
                + "use a specific tag such as node:22.11.<patch>-alpine3.20"
        ),
        (
            "FROM node:22.11.0-alpine\n",
            "Dockerfile:1:6: info: [BL002] tag 'node:22.11.0-alpine' floats: it moves to new distribution versions; "
                + "use a specific tag such as node:22.11.0-alpine3.<minor>"
        ),
        (
            "FROM node:iron-slim\n",
            "Dockerfile:1:6: info: [BL002] tag 'node:iron-slim' floats: it moves to new Node.js releases and "
                + "distribution versions; use a specific tag such as node:20.<minor>.<patch>-bookworm-slim"
        ),
    ]

    @Test(arguments: triggers)
    func flagsFloatingNodeTags(dockerfile: String, expected: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: FloatingTagRule()) == [expected])
    }

    static let clean = [
        "FROM node:22.11.0-bookworm-slim\n",
        "FROM node:22.11.0-alpine3.20\n",
        "FROM node:22-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
        "FROM python:3\n",
        "FROM node\n",
    ]

    @Test(arguments: clean)
    func acceptsSpecificTags(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: FloatingTagRule()).isEmpty)
    }
}
