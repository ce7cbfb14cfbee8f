/// A glob over image paths (relative to the root, no leading `/`).
///
/// `*` matches within one path component, `?` one character, and a `**` component any number of
/// components, including none: `**/package.json`, `usr/lib/*/libc.so.6`, `etc/os-release`.
public struct PathPattern: Sendable, Hashable {
    public let text: String
    private let segments: [Segment]

    private enum Segment: Sendable, Hashable {
        case anyDepth
        case literal([UInt8])
        case wildcard([UInt8])
    }

    public init(_ text: String) {
        self.text = text
        let trimmed = text.hasPrefix("/") ? String(text.drop(while: { $0 == "/" })) : text
        segments = trimmed.split(separator: "/").map { part in
            if part == "**" { return .anyDepth }
            let bytes = Array(part.utf8)
            return bytes.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") })
                ? .wildcard(bytes) : .literal(bytes)
        }
    }

    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            let components = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
            return PathPattern.match(segments[...], components[...])
        }
    }

    private static func match(
        _ segments: ArraySlice<Segment>, _ components: ArraySlice<Slice<UnsafeBufferPointer<UInt8>>>
    ) -> Bool {
        guard let segment = segments.first else { return components.isEmpty }
        switch segment {
        case .anyDepth:
            var rest = components
            while true {
                if match(segments.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .literal(let literal):
            guard let component = components.first, component.elementsEqual(literal) else { return false }
            return match(segments.dropFirst(), components.dropFirst())
        case .wildcard(let pattern):
            guard let component = components.first, wildcard(pattern[...], component) else { return false }
            return match(segments.dropFirst(), components.dropFirst())
        }
    }

    private static func wildcard(_ pattern: ArraySlice<UInt8>, _ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        switch first {
        case UInt8(ascii: "*"):
            var rest = text
            while true {
                if wildcard(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case UInt8(ascii: "?"):
            return !text.isEmpty && wildcard(pattern.dropFirst(), text.dropFirst())
        default:
            return text.first == first && wildcard(pattern.dropFirst(), text.dropFirst())
        }
    }
}
