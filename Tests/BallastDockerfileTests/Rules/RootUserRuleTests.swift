import BallastDockerfile
import Testing

struct RootUserRuleTests {
    static let triggers: [(String, String)] = [
        (
            "FROM node:22-slim\nCMD [\"node\", \"server.js\"]\n",
            "Dockerfile:1:1: warning: [BL007] the final stage has no USER, so it runs as root; add 'USER node' "
                + "(an unprivileged user that node provides)"
        ),
        (
            "FROM node:22-slim\nUSER node\nRUN id\nUSER 0:0\n",
            "Dockerfile:4:1: warning: [BL007] the final stage switches to USER 0:0, so it runs as root; use "
                + "'USER node' (an unprivileged user that node provides) instead"
        ),
        (
            "FROM gcr.io/distroless/nodejs22-debian12\nCOPY app /app\n",
            "Dockerfile:1:1: warning: [BL007] the final stage has no USER, so it runs as root; add 'USER nonroot' "
                + "(an unprivileged user that gcr.io/distroless/nodejs22-debian12 provides)"
        ),
        (
            "FROM debian:bookworm-slim\n",
            "Dockerfile:1:1: warning: [BL007] the final stage has no USER, so it runs as root; add 'USER <name>' "
                + "with an unprivileged user created in the image"
        ),
    ]

    @Test(arguments: triggers)
    func flagsRootFinalStage(dockerfile: String, expected: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: RootUserRule()) == [expected])
    }

    static let clean = [
        "FROM node:22-slim\nUSER node\n",
        "FROM node:22-slim AS base\nUSER node\nFROM base\nCMD [\"node\", \"server.js\"]\n",
        "FROM gcr.io/distroless/nodejs22-debian12:nonroot\n",
        "FROM cgr.dev/chainguard/node:latest\n",
        "FROM node:22 AS build\nFROM node:22-slim\nUSER 1000\n",
    ]

    @Test(arguments: clean)
    func acceptsUnprivilegedUsers(dockerfile: String) throws {
        #expect(try LintHarness.lines(dockerfile, rule: RootUserRule()).isEmpty)
    }
}
