/// The text of a Dockerfile decoded once into Unicode scalars, with the position of each scalar.
///
/// The parser works on scalar indices; this type turns them back into lines, columns and byte
/// offsets so every part of the parse can point at the characters it came from.
struct SourceText: Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, plus one final entry for the end of the text.
    let offsets: [Int]
    let lines: [Int]
    let columns: [Int]
    /// Scalar index ranges of the physical lines, line endings excluded.
    let lineRanges: [Range<Int>]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var lines: [Int] = []
        var columns: [Int] = []
        var lineRanges: [Range<Int>] = []
        var offset = 0
        var line = 1
        var column = 1
        var lineStart = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            lines.append(line)
            columns.append(column)
            offset += UTF8.width(scalar)
            column += 1
            if scalar == "\n" {
                lineRanges.append(lineStart..<(scalars.count - 1))
                lineStart = scalars.count
                line += 1
                column = 1
            }
        }
        if lineStart < scalars.count {
            lineRanges.append(lineStart..<scalars.count)
        }
        offsets.append(offset)
        lines.append(line)
        columns.append(column)
        self.text = text
        self.scalars = scalars
        self.offsets = offsets
        self.lines = lines
        self.columns = columns
        self.lineRanges = lineRanges.map { range in
            var end = range.upperBound
            while end > range.lowerBound, scalars[end - 1] == "\r" {
                end -= 1
            }
            return range.lowerBound..<end
        }
    }

    /// The position of the scalar at `index`; `scalars.count` is the end of the text.
    func position(at index: Int) -> SourcePosition {
        SourcePosition(line: lines[index], column: columns[index], offset: offsets[index])
    }

    /// The range covering scalars `range`.
    func range(_ range: Range<Int>) -> SourceRange {
        SourceRange(start: position(at: range.lowerBound), end: position(at: range.upperBound))
    }

    /// The range from the first to just past the last of some scalar indices.
    func range(covering indices: ArraySlice<Int>) -> SourceRange? {
        guard let first = indices.first, let last = indices.last else { return nil }
        return range(first..<(last + 1))
    }

    /// The text of a physical line (1-based), without its line ending.
    func lineText(_ number: Int) -> String {
        guard number >= 1, number <= lineRanges.count else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[lineRanges[number - 1]])
        return String(result)
    }
}
