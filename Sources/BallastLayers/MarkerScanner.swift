/// Finds the first occurrence of a marker in a stream and keeps the bytes that follow it.
///
/// Used for version strings embedded in binaries: `GNU C Library` in libc, `node.js/v` in node.
/// The marker may straddle chunk boundaries.
public final class MarkerScanner: ContentScanner {
    private let marker: [UInt8]
    private let keep: Int
    private var tail: [UInt8] = []
    private var found: [UInt8]?

    public init(marker: String, keep: Int) {
        self.marker = Array(marker.utf8)
        self.keep = keep
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if var found {
            found.append(contentsOf: chunk.prefix(keep - found.count))
            self.found = found
            return found.count < keep
        }
        // A marker that straddles the previous chunk and this one starts inside the tail.
        if !tail.isEmpty {
            let window = tail + chunk.prefix(marker.count - 1)
            if let hit = MarkerScanner.search(window[...], for: marker), hit < tail.count {
                let endInChunk = hit + marker.count - tail.count
                return record(chunk[endInChunk...])
            }
        }
        if let hit = MarkerScanner.search(chunk[...], for: marker) {
            return record(chunk[(hit + marker.count)...])
        }
        tail = Array((tail + chunk.suffix(marker.count - 1)).suffix(marker.count - 1))
        return true
    }

    private func record(_ following: Slice<UnsafeRawBufferPointer>) -> Bool {
        let kept = Array(following.prefix(keep))
        found = kept
        return kept.count < keep
    }

    public func finish() -> (any Sendable)? {
        found.map { String(decoding: $0, as: UTF8.self) }
    }

    private static func search<C: Collection<UInt8>>(_ haystack: C, for needle: [UInt8]) -> Int?
    where C.Index == Int {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            guard let candidate = haystack[index...last].firstIndex(of: first) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) {
                return candidate - haystack.startIndex
            }
            index = candidate + 1
        }
        return nil
    }
}
