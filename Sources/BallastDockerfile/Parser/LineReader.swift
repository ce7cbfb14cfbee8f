import Foundation

/// Walks the physical lines of a Dockerfile and yields one instruction per logical line.
struct LineReader {
    let source: SourceText
    let path: String
    private(set) var directives = DirectiveReader()
    private var next = 0

    init(source: SourceText, path: String) {
        self.source = source
        self.path = path
    }

    mutating func readInstructions() throws(DockerfileError) -> [Instruction] {
        var instructions: [Instruction] = []
        var comments: [String] = []
        while next < source.lineRanges.count {
            let startLine = next + 1
            guard let line = try readLogicalLine(comments: &comments) else { continue }
            instructions.append(try makeInstruction(line, startLine: startLine, comments: comments))
            comments = []
        }
        return instructions
    }

    /// Reads the physical lines of one instruction and joins them; `nil` for a comment or blank line.
    ///
    /// As in BuildKit, the first line loses its leading blanks and is checked for a parser
    /// directive; continuation lines keep their leading blanks, and comment and empty lines inside
    /// a continuation are skipped.
    private mutating func readLogicalLine(comments: inout [String]) throws(DockerfileError) -> LogicalLine? {
        var raw = source.lineRanges[next]
        if next == 0, raw.lowerBound < raw.upperBound, source.scalars[raw.lowerBound] == "\u{FEFF}" {
            raw = (raw.lowerBound + 1)..<raw.upperBound
        }
        let trimmed = trimLeadingBlanks(raw)
        try directives.read(source.scalars[trimmed], path: path, position: source.position(at: trimmed.lowerBound))
        next += 1
        if isComment(trimmed) {
            let body = String(String.UnicodeScalarView(source.scalars[(trimmed.lowerBound + 1)..<trimmed.upperBound]))
            let comment = body.trimmingCharacters(in: .whitespaces)
            comments = comment.isEmpty ? [] : comments + [comment]
            return nil
        }

        var line = LogicalLine()
        for index in trimmed {
            line.append(source.scalars[index], from: index)
        }
        var ended = trimContinuation(&line)
        while !ended, next < source.lineRanges.count {
            let physical = source.lineRanges[next]
            next += 1
            let stripped = trimLeadingBlanks(physical)
            if isComment(stripped) || stripped.isEmpty {
                continue
            }
            var piece = LogicalLine()
            for index in physical {
                piece.append(source.scalars[index], from: index)
            }
            ended = trimContinuation(&piece)
            line.append(piece)
        }
        guard !line.trimmingSpace(0..<line.scalars.count).isEmpty else {
            comments = []
            return nil
        }
        return line
    }

    private mutating func makeInstruction(
        _ line: LogicalLine, startLine: Int, comments: [String]
    ) throws(DockerfileError) -> Instruction {
        let builder = InstructionBuilder(source: source, path: path, escape: directives.escape)
        let parts = try builder.parts(of: line)

        var heredocs: [Heredoc] = []
        if Self.canContainHeredoc(parts), line.text.contains("<<") {
            for opener in HeredocDetector.openers(in: line.text) {
                heredocs.append(try readHeredoc(opener, line: line))
            }
        }

        let first = line.trimmingSpace(0..<line.scalars.count).lowerBound
        let lastLine = source.lineRanges[next - 1]
        let range = source.range(line.sources[first]..<max(lastLine.upperBound, line.sources[first]))
        return Instruction(
            keyword: parts.keyword.value, kind: parts.kind, flags: parts.flags, arguments: parts.arguments,
            heredocs: heredocs, range: range, keywordRange: line.sourceRange(parts.keyword.span, in: source),
            text: line.text, comments: comments, startLine: startLine, endLine: next
        )
    }

    private mutating func readHeredoc(
        _ opener: HeredocDetector.Opener, line: LogicalLine
    ) throws(DockerfileError) -> Heredoc {
        var content = ""
        let firstBody = next + 1
        while next < source.lineRanges.count {
            let physical = source.lineRanges[next]
            next += 1
            var candidate = physical
            if opener.stripsTabs {
                while candidate.lowerBound < candidate.upperBound, source.scalars[candidate.lowerBound] == "\t" {
                    candidate = (candidate.lowerBound + 1)..<candidate.upperBound
                }
            }
            let text = String(String.UnicodeScalarView(source.scalars[candidate]))
            if text == opener.name {
                let body = next - 1 >= firstBody ? firstBody...(next - 1) : nil
                return Heredoc(
                    name: opener.name, content: content, stripsTabs: opener.stripsTabs, expands: opener.expands,
                    bodyLines: body
                )
            }
            content += String(String.UnicodeScalarView(source.scalars[physical])) + "\n"
        }
        let start = line.sourceRange(0..<1, in: source).start
        throw .unterminatedHeredoc(path: path, line: start.line, column: start.column, name: opener.name)
    }

    /// BuildKit reads heredocs only for RUN, COPY and ADD (also inside ONBUILD), and never in exec form.
    private static func canContainHeredoc(_ parts: InstructionBuilder.Parts) -> Bool {
        var kind = parts.kind
        var arguments = parts.arguments
        if case .nested(let inner) = arguments {
            kind = inner.kind
            arguments = inner.arguments
        }
        guard [.run, .copy, .add].contains(kind) else { return false }
        if case .exec = arguments {
            return false
        }
        return true
    }

    /// Removes a trailing continuation (escape character and trailing blanks); `true` when the line ends here.
    private func trimContinuation(_ line: inout LogicalLine) -> Bool {
        let escape = directives.escape
        var end = line.scalars.count
        while end > 0, line.scalars[end - 1] == " " || line.scalars[end - 1] == "\t" {
            end -= 1
        }
        guard end > 0, line.scalars[end - 1] == escape else { return true }
        if end >= 2, line.scalars[end - 2] == escape {
            return true
        }
        line.scalars.removeSubrange((end - 1)...)
        line.sources.removeSubrange((end - 1)...)
        return false
    }

    private func trimLeadingBlanks(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        while lower < range.upperBound, source.scalars[lower].properties.isWhitespace {
            lower += 1
        }
        return lower..<range.upperBound
    }

    private func isComment(_ trimmed: Range<Int>) -> Bool {
        trimmed.lowerBound < trimmed.upperBound && source.scalars[trimmed.lowerBound] == "#"
    }
}
