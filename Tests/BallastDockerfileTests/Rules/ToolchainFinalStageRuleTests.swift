import BallastDockerfile
import Testing

struct ToolchainFinalStageRuleTests {
    static let triggers: [(String, [String])] = [
        (
            "FROM node:22\nCMD [\"node\", \"server.js\"]\n",
            [
                "Dockerfile:1:6: warning: [BL004] the final stage is built on the full toolchain image 'node:22'; "
                    + "build in an earlier stage and copy the app into a slim or distroless image"
            ]
        ),
        (
            "FROM buildpack-deps:bookworm AS base\nFROM base\n",
            [
                "Dockerfile:2:1: warning: [BL004] the final stage is built on the full toolchain image "
                    + "'buildpack-deps:bookworm'; build in an earlier stage and copy the app "
                    + "into a slim or distroless image"
            ]
        ),
        (
            "FROM node:22-slim\nRUN apt-get update && apt-get install -y --no-install-recommends g++ make python3 \\\n"
                + "    && rm -rf /var/lib/apt/lists/*\n",
            [
                "Dockerfile:2:1: warning: [BL004] the final stage installs build tools (g++, make, python3); install "
                    + "and use them in a build stage, then copy only the output into the final stage"
            ]
        ),
        (
            "FROM node:22-alpine\nRUN apk add --no-cache build-base git\n",
            [
                "Dockerfile:2:1: warning: [BL004] the final stage installs build tools (build-base, git); install "
                    + "and use them in a build stage, then copy only the output into the final stage"
            ]
        ),
    ]

    @Test(arguments: triggers)
    func flagsToolchainsInTheFinalStage(dockerfile: String, expected: [String]) throws {
        #expect(try LintHarness.lines(dockerfile, rule: ToolchainFinalStageRule()) == expected)
    }

    @Test func acceptsAMultiStageSplit() throws {
        let dockerfile = """
            FROM node:22 AS build
            RUN apt-get update && apt-get install -y g++ make
            RUN npm ci
            FROM node:22-bookworm-slim
            COPY --from=build /app /app

            """

        #expect(try LintHarness.lines(dockerfile, rule: ToolchainFinalStageRule()).isEmpty)
    }
}
