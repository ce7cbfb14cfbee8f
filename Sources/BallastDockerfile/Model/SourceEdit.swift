/// A replacement of a span of the original text, addressed by UTF-8 byte offsets.
///
/// Lint fixes and the `pin` rewrite produce edits against the text that was parsed; applying them
/// together leaves every other byte (comments, spacing, casing, continuations) as it was.
public struct SourceEdit: Sendable, Hashable {
    /// The UTF-8 byte offsets replaced; empty to insert.
    public let range: Range<Int>
    public let replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Replaces the text spanned by a parsed part of the file.
    public init(replacing span: SourceRange, with replacement: String) {
        self.init(range: span.offsets, replacement: replacement)
    }

    /// Applies edits to `text`, which must be the text the offsets were taken from.
    ///
    /// Edits may come in any order; identical duplicates count once. Two different edits touching
    /// the same bytes (or inserting at the same offset) are refused, since their order would matter.
    public static func apply(_ edits: [SourceEdit], to text: String) throws(DockerfileError) -> String {
        var bytes = Array(text.utf8)
        let sorted = Array(Set(edits)).sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }

        for edit in sorted where edit.range.lowerBound < 0 || edit.range.upperBound > bytes.count {
            throw .editOutOfBounds(range: edit.range, length: bytes.count)
        }
        for (first, second) in zip(sorted, sorted.dropFirst())
        where second.range.lowerBound < first.range.upperBound
            || first.range.lowerBound == second.range.lowerBound
        {
            throw .overlappingEdits(first: first.range, second: second.range)
        }

        for edit in sorted.reversed() {
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
