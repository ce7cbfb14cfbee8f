import BallastDockerfile
import Testing

struct BuildPlanTests {
    private func plan(_ text: String, arguments: [String: String] = [:]) throws -> BuildPlan {
        try DockerfileParser().parse(text: text, path: "Dockerfile").buildPlan(buildArguments: arguments)
    }

    static let expansions: [(String, [String: String], String)] = [
        ("ARG NODE=22\nFROM node:${NODE}-slim\n", [:], "node:22-slim"),
        ("ARG NODE=22\nFROM node:$NODE-slim\n", ["NODE": "24"], "node:24-slim"),
        ("ARG NODE=\"20\"\nFROM node:${NODE}\n", [:], "node:20"),
        ("ARG NODE\nFROM node:${NODE:-22}\n", [:], "node:22"),
        ("ARG NODE\nFROM node:${NODE:-22}\n", ["NODE": "24"], "node:24"),
        ("ARG V=1\nFROM node:22${V:+-slim}\n", [:], "node:22-slim"),
        (
            "ARG REG=gcr.io ARG2=x\nARG IMG=${REG}/distroless/nodejs22-debian12\nFROM $IMG\n", [:],
            "gcr.io/distroless/nodejs22-debian12"
        ),
        ("FROM --platform=$BUILDPLATFORM node:22-${TARGETARCH}\n", [:], "node:22-amd64"),
        ("FROM --platform=$BUILDPLATFORM node:22-${TARGETARCH}\n", ["TARGETARCH": "arm64"], "node:22-arm64"),
        ("ARG E=\"\"\nFROM node:22${E:-x}${E-y}\n", [:], "node:22x"),
        ("ARG E=\"\"\nFROM node:22${E:+a}${E+b}\n", [:], "node:22b"),
        ("FROM node:22\\$x\n", [:], "node:22$x"),
        ("ARG UNUSED\nFROM node:$\n", [:], "node:$"),
    ]

    @Test(arguments: expansions)
    func globalArgumentsExpandInFrom(text: String, arguments: [String: String], expected: String) throws {
        #expect(try plan(text, arguments: arguments).stages[0].base.expanded == expected)
    }

    @Test func stagesAreNamedAndReferenced() throws {
        let text = """
            FROM node:22 AS Build
            RUN npm ci
            FROM build AS test
            FROM node:22-slim
            COPY --from=build /app /app

            """

        let plan = try plan(text)

        #expect(plan.stages.map(\.name) == ["build", "test", nil])
        #expect(plan.stages[1].base.stageIndex == 0)
        #expect(plan.stages[1].base.image == nil)
        #expect(plan.finalStage.index == 2)
        #expect(plan.finalStage.instructions.map(\.kind) == [.copy])
        #expect(plan.stage("BUILD")?.index == 0)
        #expect(plan.stage("1")?.name == "test")
        #expect(plan.rootImage(of: plan.stages[1])?.tag == "22")
    }

    @Test func baseRangeCoversTheWrittenToken() throws {
        let text = "ARG V=22\nfrom   node:${V}-slim   as run # not a comment\n"

        let base = try DockerfileParser().parse(text: "ARG V=22\nfrom   node:${V}-slim   as run\n", path: "Dockerfile")
            .buildPlan().stages[0].base

        #expect(base.written == "node:${V}-slim")
        #expect(base.range.start.line == 2)
        #expect(base.range.start.column == 8)
        #expect(base.range.offsets == 16..<30)
        #expect(throws: DockerfileError.self) { try self.plan(text) }
    }

    static let imageNames: [(String, String?, String, String?, String?)] = [
        ("node:22-slim", nil, "node", "22-slim", nil),
        ("docker.io/library/node:22", "docker.io", "library/node", "22", nil),
        ("localhost:5000/app@sha256:abc", "localhost:5000", "app", nil, "sha256:abc"),
        ("gcr.io/distroless/nodejs22-debian12:nonroot", "gcr.io", "distroless/nodejs22-debian12", "nonroot", nil),
    ]

    @Test(arguments: imageNames)
    func imageNamesSplitIntoParts(reference: String, registry: String?, path: String, tag: String?, digest: String?) {
        let name = ImageName(reference)

        #expect(name?.registry == registry)
        #expect(name?.path == path)
        #expect(name?.tag == tag)
        #expect(name?.digest == digest)
    }

    static let failures: [(String, String)] = [
        (
            "FROM node:${NODE_VERSION}-slim\n",
            "Dockerfile:1:11: FROM uses ARG 'NODE_VERSION', which has no value; declare 'ARG NODE_VERSION=<default>' "
                + "before the first FROM or pass a build argument for it"
        ),
        (
            "ARG TAG\nFROM node:$TAG\n",
            "Dockerfile:2:11: FROM uses ARG 'TAG', which has no value; declare 'ARG TAG=<default>' before the first "
                + "FROM or pass a build argument for it"
        ),
        ("RUN echo\nFROM node:22\n", "Dockerfile:1:1: RUN comes before the first FROM; only ARG may precede FROM"),
        ("ARG A=1\n", "Dockerfile:1:1: the file has no FROM instruction; start the first stage with FROM <image>"),
        ("FROM node:22 build\n", "Dockerfile:1:14: FROM takes an image and an optional 'AS <name>'; remove 'build'"),
        (
            "FROM node:22 AS 1st\n",
            "Dockerfile:1:17: stage name '1st' is not valid; start it with a letter and use only letters, digits, "
                + "'-', '_' and '.'"
        ),
        (
            "FROM node:22 AS app\nFROM node:22-slim AS App\n",
            "Dockerfile:2:22: stage name 'App' is already used by the stage on line 1; give each stage its own name"
        ),
        (
            "FROM node:${V\n",
            "Dockerfile:1:6: FROM image 'node:${V' has a malformed variable; write ${NAME} or ${NAME:-default}"
        ),
    ]

    @Test(arguments: failures)
    func unresolvableStagesGivePositionedErrors(text: String, message: String) throws {
        do {
            _ = try plan(text)
            Issue.record("planned \(text)")
        } catch let error as DockerfileError {
            #expect(error.description == message)
        }
    }
}
