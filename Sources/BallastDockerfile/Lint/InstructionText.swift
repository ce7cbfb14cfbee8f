extension Dockerfile {
    /// The UTF-8 ranges where `needle` appears as whole words inside an instruction's original text.
    ///
    /// Fixes use this to edit only what is written: when a phrase appears once in the logical line
    /// and once in the source, the edit is unambiguous.
    func occurrences(of needle: String, in instruction: Instruction) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        let target = Array(needle.utf8)
        let span = instruction.range.offsets
        guard !target.isEmpty, span.count >= target.count else { return [] }
        var found: [Range<Int>] = []
        var start = span.lowerBound
        while start + target.count <= span.upperBound {
            let end = start + target.count
            if Array(bytes[start..<end]) == target, isBoundary(bytes, before: start), isBoundary(bytes, at: end) {
                found.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    private func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        index == 0 || Self.separators.contains(bytes[index - 1])
    }

    private func isBoundary(_ bytes: [UInt8], at index: Int) -> Bool {
        index == bytes.count || Self.separators.contains(bytes[index])
    }

    private static let separators: Set<UInt8> = Set(" \t\r\n;&|()\\\"'".utf8)
}

extension Instruction {
    /// Where findings about this instruction point: its keyword.
    var position: SourcePosition { keywordRange.start }
}
