/// A point in a Dockerfile: 1-based line and column, and the UTF-8 byte offset from the start of the file.
///
/// Columns count Unicode scalars from the start of the line, so they match what an editor shows for
/// ASCII and most other text. Offsets are what ``SourceEdit`` uses to rewrite the file.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// A span of a Dockerfile, from `start` up to but not including `end`.
public struct SourceRange: Sendable, Hashable {
    public let start: SourcePosition
    public let end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The UTF-8 byte offsets of the span, ready for a ``SourceEdit``.
    public var offsets: Range<Int> { start.offset..<end.offset }
}
