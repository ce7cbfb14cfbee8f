#if canImport(Glibc)
    import Glibc
#endif

/// Finds the first occurrence of a marker in a stream and keeps the bytes that follow it.
///
/// Used for version strings embedded in binaries: `GNU C Library` in libc, `node.js/v` in node.
/// The marker may straddle chunk boundaries.
/// What a ``MarkerScanner`` found: its marker and the bytes after it, as text.
public struct MarkerMatch: Sendable, Equatable {
    public let marker: String
    public let following: String
}

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
        found.map {
            MarkerMatch(marker: String(decoding: marker, as: UTF8.self), following: String(decoding: $0, as: UTF8.self))
        }
    }

    /// The offset of `needle` in `haystack`, found with libc's `memchr` and `memcmp`: a Swift
    /// byte loop is far too slow for 100 MB binaries in unoptimised builds.
    private static func search(_ haystack: Slice<UnsafeRawBufferPointer>, for needle: [UInt8]) -> Int? {
        let buffer = UnsafeRawBufferPointer(rebasing: haystack)
        guard let base = buffer.baseAddress, buffer.count >= needle.count else { return nil }
        return needle.withUnsafeBytes { needleBytes -> Int? in
            guard let needleBase = needleBytes.baseAddress else { return nil }
            let first = Int32(needle[0])
            var offset = 0
            let last = buffer.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, first, last - offset + 1) else { return nil }
                let position = UnsafeRawPointer(hit) - base
                if memcmp(base + position, needleBase, needle.count) == 0 { return position }
                offset = position + 1
            }
            return nil
        }
    }

    private static func search(_ haystack: ArraySlice<UInt8>, for needle: [UInt8]) -> Int? {
        haystack.withUnsafeBytes { search($0[...], for: needle) }
    }
}
