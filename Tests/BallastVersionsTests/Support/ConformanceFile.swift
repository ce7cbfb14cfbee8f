import Foundation

/// One conformance data file from `../shared/conformance`, read at test time, with its line classes.
struct ConformanceFile {
    /// A data line: its 1-based number and its TAB-separated fields, untrimmed.
    struct Line {
        let number: Int
        let fields: [String]
    }

    let name: String
    let lines: [Line]
    private let classes: [(name: String, first: Int, last: Int)]

    /// The folder shared by every worktree: the repository root's sibling `shared/conformance`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // BallastVersionsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/conformance")
        .standardizedFileURL

    /// Reads `name` and, when present, its `*.classes.tsv` index; every line must have `fieldCount` fields.
    init(_ name: String, fieldCount: Int) throws {
        self.name = name
        let url = Self.directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ConformanceError("cannot read \(url.path); the conformance data lives in ../shared/conformance")
        }
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { rows.removeLast() }
        var lines: [Line] = []
        for (offset, line) in rows.enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == fieldCount else {
                throw ConformanceError("\(name):\(offset + 1): expected \(fieldCount) fields, found \(fields.count)")
            }
            lines.append(Line(number: offset + 1, fields: fields))
        }
        self.lines = lines

        let classesName = name.replacingOccurrences(of: ".tsv", with: ".classes.tsv")
        let classesURL = Self.directory.appendingPathComponent(classesName)
        var classes: [(String, Int, Int)] = []
        if let index = try? String(contentsOf: classesURL, encoding: .utf8) {
            for row in index.split(separator: "\n").dropFirst() {
                let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count >= 3, let first = Int(columns[1]), let last = Int(columns[2]) else { continue }
                classes.append((String(columns[0]), first, last))
            }
        }
        self.classes = classes
    }

    /// Where a failing line came from: `file:line [class]`.
    func location(of line: Line) -> String {
        let lineClass = classes.first { $0.first <= line.number && line.number <= $0.last }?.name
        return "\(name):\(line.number)" + (lineClass.map { " [\($0)]" } ?? "")
    }

    /// Runs `check` on every line and returns the failures, each prefixed with its location.
    func failures(_ check: (Line) -> String?) -> [String] {
        lines.compactMap { line in check(line).map { "\(location(of: line)): \($0)" } }
    }

    /// The message for `#expect`: how many lines failed, then the first 20.
    func summary(_ failures: [String]) -> String {
        "\(failures.count) of \(lines.count) lines of \(name) failed:\n" + failures.prefix(20).joined(separator: "\n")
    }
}

struct ConformanceError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
