import BallastDockerfile
import Foundation
import Testing

/// How the parser splits instructions, beyond the BuildKit suite.
struct DockerfileParserTests {
    static let dumps: [(String, String)] = [
        (
            "CMD []\nCMD [\"\"]\nCMD [\"a\",\"b\"]\nCMD\t[\t\"a\",\t\"b\"\t]\n",
            "(cmd)\n(cmd \"\")\n(cmd \"a\" \"b\")\n(cmd \"a\" \"b\")\n"
        ),
        (
            "CMD [\"abc 123\", \"♥\", \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000\"]\n",
            "(cmd \"abc 123\" \"♥\" \"\\\" \\\\ / \\b \\f \\n \\r \\t \\x00\")\n"
        ),
        ("#escape = `\n\nFROM image\nENV GOPATH `\n\\go\n", "(from \"image\")\n(env \"GOPATH\" \"\\\\go\" \"\")\n"),
        (
            "FROM x\nRUN echo hello\\\n    world\\\n    goodnight  \\\n    moon\n",
            "(from \"x\")\n(run \"echo hello    world    goodnight      moon\")\n"
        ),
        (
            "FROM x\nRUN echo hi \\\n \\\n world \\\n\\\n good\\\n\\\nnight\n",
            "(from \"x\")\n(run \"echo hi   world  goodnight\")\n"
        ),
        (
            "ADD\t\t[ \"test file\", \"/tmp/test file\" ]\nCOPY\t.\t/go\n",
            "(add \"test file\" \"/tmp/test file\")\n(copy \".\" \"/go\")\n"
        ),
        (
            "ARG a=\"1 2\" b\nUSER a b\nWORKDIR /my dir\n",
            "(arg \"a=\\\"1 2\\\"\" \"b\")\n(user \"a b\")\n(workdir \"/my dir\")\n"
        ),
        (
            "ONBUILD HEALTHCHECK CMD [\"x\"]\nSTOPSIGNAL SIGTERM\n",
            "(onbuild (healthcheck \"CMD\" \"x\"))\n(stopsignal \"SIGTERM\")\n"
        ),
        (
            "COPY --from=build --chmod=755 --link a b\n",
            "(copy [\"--from=build\" \"--chmod=755\" \"--link\"] \"a\" \"b\")\n"
        ),
        (
            "RUN --mount=type=cache,target=\"/root/.npm\" npm ci\n",
            "(run [\"--mount=type=cache,target=/root/.npm\"] \"npm ci\")\n"
        ),
        ("\u{FEFF}FROM x\r\nRUN a \\\r\n  b\r\n", "(from \"x\")\n(run \"a   b\")\n"),
        (
            "FROM x\nRUN <<EOF\necho hi\nEOF\nRUN <<-\"A\" cat - <<B\n\techo\n\tA\nb\nB\nCMD x\n",
            "(from \"x\")\n(run \"<<EOF\")\n(run \"<<-\\\"A\\\" cat - <<B\")\n(cmd \"x\")\n"
        ),
        ("FROM x\nRUN [\"<<EOF\"]\nCMD y\n", "(from \"x\")\n(run \"<<EOF\")\n(cmd \"y\")\n"),
        ("# syntax=docker/dockerfile:1\n# check=skip=all\nfrom x\n", "(from \"x\")\n"),
    ]

    @Test(arguments: dumps)
    func dumpMatchesBuildKit(input: String, expected: String) throws {
        let parsed = try DockerfileParser().parse(text: input, path: "Dockerfile")

        #expect(ParseTreeRenderer.render(parsed) == expected)
    }

    @Test func heredocBodiesAreRead() throws {
        let text = "FROM x\nRUN <<-\"A\" cat - <<B\n\techo $HOME\n\tA\nb\nB\nCMD x\n"

        let parsed = try DockerfileParser().parse(text: text, path: "Dockerfile")

        let run = parsed.instructions[1]
        #expect(run.heredocs.map(\.name) == ["A", "B"])
        #expect(run.heredocs.map(\.content) == ["\techo $HOME\n", "b\n"])
        #expect(run.heredocs.map(\.expands) == [false, true])
        #expect(run.heredocs.map(\.stripsTabs) == [true, false])
        #expect(run.heredocs[0].bodyLines == 3...3)
        #expect(run.startLine == 2)
        #expect(run.endLine == 6)
        #expect(parsed.instructions[2].startLine == 7)
    }

    @Test func directivesAreRead() throws {
        let text = "# syntax=docker/dockerfile:1\n# ESCAPE = `\n#check=error=true\n\nFROM x\n"

        let parsed = try DockerfileParser().parse(text: text, path: "Dockerfile")

        #expect(parsed.directives == ParserDirectives(syntax: "docker/dockerfile:1", escape: "`", check: "error=true"))
    }

    @Test func fromImagePositionPointsAtTheToken() throws {
        let text = "# base\nFROM  --platform=$BUILDPLATFORM \\\n   node:22-slim   AS run\n"

        let parsed = try DockerfileParser().parse(text: text, path: "Dockerfile")

        let from = parsed.instructions[0]
        guard case .words(let words) = from.arguments else {
            Issue.record("FROM has no words")
            return
        }
        #expect(words.map(\.value) == ["node:22-slim", "AS", "run"])
        #expect(words[0].range.start == SourcePosition(line: 3, column: 4, offset: 44))
        #expect(words[0].range.end.column == 16)
        #expect(from.flag("platform")?.value == "$BUILDPLATFORM")
        #expect(from.flag("platform")?.range.start.column == 7)
        #expect(from.keywordRange.start == SourcePosition(line: 2, column: 1, offset: 7))
        let text8 = Array(text.utf8)
        #expect(String(decoding: text8[words[0].range.offsets], as: UTF8.self) == "node:22-slim")
    }

    @Test func envPairsKeepPositions() throws {
        let parsed = try DockerfileParser().parse(text: "FROM x\nENV A=1 NAME=\"two words\"\n", path: "Dockerfile")

        guard case .pairs(let pairs) = parsed.instructions[1].arguments else {
            Issue.record("ENV has no pairs")
            return
        }
        #expect(pairs.map(\.key.value) == ["A", "NAME"])
        #expect(pairs.map(\.value.value) == ["1", "\"two words\""])
        #expect(pairs[1].key.range.start.column == 9)
        #expect(pairs[1].value.range.start.column == 14)
    }

    static let errors: [(String, String)] = [
        ("", "Dockerfile:1:1: the file has no instructions; a Dockerfile needs at least a FROM instruction"),
        (
            "FROM x\nFORM y\n",
            "Dockerfile:2:1: unknown instruction 'FORM'; check the spelling "
                + "(FROM, RUN, COPY, ADD, CMD, ENTRYPOINT, ENV, ARG, LABEL, USER, WORKDIR, …)"
        ),
        (
            "FROM x\nRUN <<EOF\necho\n",
            "Dockerfile:2:1: heredoc 'EOF' is never terminated; end it with a line containing only EOF"
        ),
        ("FROM x\nENV PATH\n", "Dockerfile:2:1: ENV needs a name and a value; write 'ENV PATH=<value>'"),
        (
            "FROM x\nLABEL a=b c\n",
            "Dockerfile:2:11: LABEL word 'c' has no '='; write every pair as name=value"
        ),
        (
            "FROM x\nCMD [ \"echo\", [ \"nested\" ] ]\n",
            "Dockerfile:2:5: CMD uses a JSON array that holds something other than strings; "
                + "write every element as a double-quoted string"
        ),
        ("# escape=x\nFROM x\n", "Dockerfile:1:1: escape directive 'x' is not valid; use '\\' or '`'"),
        (
            "# escape=`\n# escape=\\\nFROM x\n",
            "Dockerfile:2:1: the escape parser directive appears twice; keep only one"
        ),
    ]

    @Test(arguments: errors)
    func badInputGivesPositionedError(input: String, message: String) {
        #expect(throws: DockerfileError.self) {
            try DockerfileParser().parse(text: input, path: "Dockerfile")
        }
        do {
            _ = try DockerfileParser().parse(text: input, path: "Dockerfile")
        } catch {
            #expect(error.description == message)
        }
    }

    static let binaryInputs: [([UInt8], String)] = [
        (
            Array("FROM x\nRUN a\0b\n".utf8),
            "Dockerfile:2:6: the file contains a NUL byte, so it is binary, not a Dockerfile; check the path"
        ),
        (
            Array("FROM x\nRUN é".utf8) + [0xFF, 0x41],
            "Dockerfile:2:6: the file is not valid UTF-8; save the Dockerfile as UTF-8 text"
        ),
    ]

    @Test(arguments: binaryInputs)
    func binaryInputIsRejected(bytes: [UInt8], message: String) {
        do {
            _ = try DockerfileParser().parse(data: Data(bytes), path: "Dockerfile")
            Issue.record("parsed binary input")
        } catch {
            #expect(error.description == message)
        }
    }
}

extension DockerfileParserTests {
    static let jsonForms: [(String, String)] = [
        ("CMD [\"a\", {\"k\": [1, 2.5e3, true, null]}]\n", "error"),
        ("CMD [\"a\", {\"k\" 1}]\n", "(cmd \"[\\\"a\\\", {\\\"k\\\" 1}]\")\n"),
        ("CMD [\"a\",]\n", "(cmd \"[\\\"a\\\",]\")\n"),
        ("CMD [\"a\"] x\n", "(cmd \"[\\\"a\\\"] x\")\n"),
        ("CMD [01]\n", "(cmd \"[01]\")\n"),
        ("CMD [-0.5]\n", "error"),
        ("VOLUME [\"/a\", \"/b\"]\n", "(volume \"/a\" \"/b\")\n"),
        ("SHELL [\"/bin/bash\", \"-c\"]\n", "(shell \"/bin/bash\" \"-c\")\n"),
        ("CMD [\"\\ud83d\\ude00\", \"\\ud800\"]\n", "(cmd \"😀\" \"�\")\n"),
    ]

    @Test(arguments: jsonForms)
    func execFormFollowsGoJSON(input: String, expected: String) {
        do {
            let parsed = try DockerfileParser().parse(text: input, path: "Dockerfile")
            #expect(ParseTreeRenderer.render(parsed) == expected)
        } catch {
            #expect(expected == "error")
        }
    }
}

extension DockerfileParserTests {
    @Test func fromImageIsExposedWithoutResolvingStages() throws {
        let parsed = try DockerfileParser().parse(text: "FROM node:${MISSING}\nRUN x\n", path: "Dockerfile")

        #expect(parsed.instructions[0].fromImage?.value == "node:${MISSING}")
        #expect(parsed.instructions[0].fromImage?.range.offsets == 5..<20)
        #expect(parsed.instructions[1].fromImage == nil)
    }
}

extension DockerfileParserTests {
    @Test func commentsDirectlyAboveAreKept() throws {
        let text = "# base image\n\n# build stage\n#   uses node\nFROM node:22\n#\nRUN a\n"

        let parsed = try DockerfileParser().parse(text: text, path: "Dockerfile")

        #expect(parsed.instructions.map(\.comments) == [["build stage", "uses node"], []])
    }
}
