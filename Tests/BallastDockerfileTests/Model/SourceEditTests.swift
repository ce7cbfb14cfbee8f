import BallastDockerfile
import Testing

struct SourceEditTests {
    @Test func pinRewriteKeepsEverythingElse() throws {
        let text = """
            # syntax=docker/dockerfile:1
            ARG NODE=22
            FROM node:22 AS build
            # runtime
            from \\
              node:22-slim   as Run  
            COPY --from=build /app /app

            """
        let plan = try DockerfileParser().parse(text: text, path: "Dockerfile").buildPlan()
        let pins = ["node:22": "node:22.11.0-bookworm", "node:22-slim": "node:22.11.0-bookworm-slim"]
        let edits = plan.stages.compactMap { stage in
            pins[stage.base.written].map { SourceEdit(replacing: stage.base.range, with: $0 + "@sha256:0f") }
        }

        let pinned = try SourceEdit.apply(edits, to: text)

        #expect(
            pinned == """
                # syntax=docker/dockerfile:1
                ARG NODE=22
                FROM node:22.11.0-bookworm@sha256:0f AS build
                # runtime
                from \\
                  node:22.11.0-bookworm-slim@sha256:0f   as Run  
                COPY --from=build /app /app

                """
        )
    }

    @Test func editsApplyInAnyOrderAndHandleMultibyteText() throws {
        let text = "é1 ü2"
        let edits = [SourceEdit(range: 4..<6, replacement: "U"), SourceEdit(range: 0..<2, replacement: "E")]

        #expect(try SourceEdit.apply(edits, to: text) == "E1 U2")
    }

    static let refused: [([SourceEdit], String)] = [
        (
            [SourceEdit(range: 0..<3, replacement: "a"), SourceEdit(range: 2..<4, replacement: "b")],
            "edits at bytes 0..<3 and 2..<4 overlap; apply them in separate passes"
        ),
        (
            [SourceEdit(range: 1..<1, replacement: "a"), SourceEdit(range: 1..<1, replacement: "b")],
            "edits at bytes 1..<1 and 1..<1 overlap; apply them in separate passes"
        ),
        (
            [SourceEdit(range: 3..<9, replacement: "")],
            "edit at bytes 3..<9 lies outside the 5-byte text; re-parse the file before editing it"
        ),
    ]

    @Test(arguments: refused)
    func conflictingEditsAreRefused(edits: [SourceEdit], message: String) {
        do {
            _ = try SourceEdit.apply(edits, to: "hello")
            Issue.record("applied conflicting edits")
        } catch {
            #expect(error.description == message)
        }
    }
}
