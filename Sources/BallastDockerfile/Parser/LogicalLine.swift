/// One instruction's text with its continuations joined, each scalar remembering where it came from.
///
/// BuildKit splits and unquotes the joined text; keeping a source index per scalar lets every
/// word, flag and JSON element of the result point back at the file.
struct LogicalLine: Sendable {
    var scalars: [Unicode.Scalar] = []
    /// For each scalar, its index in ``SourceText/scalars``.
    var sources: [Int] = []

    mutating func append(_ scalar: Unicode.Scalar, from source: Int) {
        scalars.append(scalar)
        sources.append(source)
    }

    mutating func append(_ other: LogicalLine) {
        scalars.append(contentsOf: other.scalars)
        sources.append(contentsOf: other.sources)
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// The text of `range`.
    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    var text: String { string(0..<scalars.count) }

    /// `range` without leading and trailing white space (Go's `strings.TrimSpace`).
    func trimmingSpace(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].properties.isWhitespace {
            lower += 1
        }
        while upper > lower, scalars[upper - 1].properties.isWhitespace {
            upper -= 1
        }
        return lower..<upper
    }

    /// The source range spanned by the scalars of `range`; empty ranges sit where they start.
    func sourceRange(_ range: Range<Int>, in source: SourceText) -> SourceRange {
        guard !range.isEmpty else {
            let index =
                range.lowerBound < sources.count ? sources[range.lowerBound] : (sources.last.map { $0 + 1 } ?? 0)
            return source.range(index..<index)
        }
        return source.range(sources[range.lowerBound]..<(sources[range.upperBound - 1] + 1))
    }

    /// A scalar BuildKit's `[\t\v\f\r ]` class treats as a word separator.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\r"
    }

    /// Splits `range` at runs of separators, dropping empty pieces at either end.
    func splitOnSeparators(_ range: Range<Int>, limit: Int = .max) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            guard LogicalLine.isSeparator(scalars[index]), pieces.count < limit - 1 else {
                index += 1
                continue
            }
            pieces.append(start..<index)
            while index < range.upperBound, LogicalLine.isSeparator(scalars[index]) {
                index += 1
            }
            start = index
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }
}

/// A piece of an instruction: its value after BuildKit's processing and the logical span it came from.
struct Token: Sendable {
    var value: String
    var span: Range<Int>
    /// Logical index of each scalar of `value`, when the value is a plain copy of source scalars.
    var scalarSpans: [Int]?
}
