import BallastDockerfile
import Foundation
import Testing

/// BuildKit's own parser test cases, read from the shared conformance folder.
struct ParserConformanceTests {
    /// `../shared/conformance/dockerfile-parser` beside the repository root.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Parser
        .deletingLastPathComponent()  // BallastDockerfileTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/conformance/dockerfile-parser")
        .standardizedFileURL

    /// The rows of `cases.tsv` of one kind.
    static func cases(_ kind: String) -> [String] {
        let index = folder.appendingPathComponent("cases.tsv")
        guard let text = try? String(contentsOf: index, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count >= 2 && fields[1] == Substring(kind) ? String(fields[0]) : nil
        }
    }

    private func dockerfile(_ name: String) throws -> (Data, String) {
        let url = Self.folder.appendingPathComponent(name).appendingPathComponent("Dockerfile")
        return (try Data(contentsOf: url), url.path)
    }

    /// Guards against a missing folder silently running no cases; more cases may be added.
    @Test func theSuiteIsPresent() {
        #expect(Self.cases("parse").count >= 22)
        #expect(Self.cases("error").count >= 3)
        #expect(Self.cases("lines").contains("line-numbers"))
    }

    @Test(arguments: cases("parse"))
    func parseCaseMatchesBuildKitDump(name: String) throws {
        let (data, path) = try dockerfile(name)
        let expected = try String(
            contentsOf: Self.folder.appendingPathComponent(name).appendingPathComponent("result"), encoding: .utf8
        )

        let parsed = try DockerfileParser().parse(data: data, path: path)

        #expect(ParseTreeRenderer.render(parsed) == expected)
    }

    @Test(arguments: cases("error"))
    func errorCaseFails(name: String) throws {
        let (data, path) = try dockerfile(name)

        #expect(throws: DockerfileError.self) {
            try DockerfileParser().parse(data: data, path: path)
        }
    }

    @Test(arguments: cases("lines"))
    func lineNumbersMatchBuildKit(name: String) throws {
        let (data, path) = try dockerfile(name)
        let table = try String(
            contentsOf: Self.folder.appendingPathComponent(name).appendingPathComponent("lines.tsv"), encoding: .utf8
        )
        let parsed = try DockerfileParser().parse(data: data, path: path)

        let rows = table.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(!rows.isEmpty)
        for row in rows {
            let expected: [Int?] = [Int(row[1]), Int(row[2])]
            if row[0] == "root" {
                #expect([parsed.lines.lowerBound, parsed.lines.upperBound] as [Int?] == expected, "root")
            } else {
                let instruction = parsed.instructions[Int(row[0])!]
                #expect([instruction.startLine, instruction.endLine] as [Int?] == expected, "node \(row[0])")
            }
        }
    }
}
