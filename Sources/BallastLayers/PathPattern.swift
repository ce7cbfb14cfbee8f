/// A glob over image paths (relative to the root, no leading `/`).
///
/// `*` matches within one path component, `?` one character, and a `**` component any number of
/// components, including none: `**/package.json`, `usr/lib/*/libc.so.6`, `etc/os-release`.
public struct PathPattern: Sendable, Hashable {
    public let text: String
    private let segments: [Segment]
    private let shape: Shape

    /// Common pattern shapes answered with plain string tests; the hot path of every layer pass.
    private enum Shape: Sendable, Hashable {
        /// `etc/os-release`
        case exact(String)
        /// `**/package.json`
        case anyDepthName(String)
        /// `var/lib/dpkg/status.d/*`
        case childOf(String)
        case general
    }

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
        shape = PathPattern.shape(of: segments, trimmed)
    }

    private static func shape(of segments: [Segment], _ text: String) -> Shape {
        let literals = segments.compactMap { segment -> String? in
            if case .literal(let bytes) = segment { return String(decoding: bytes, as: UTF8.self) }
            return nil
        }
        if literals.count == segments.count { return .exact(literals.joined(separator: "/")) }
        if segments.count == 2, segments[0] == .anyDepth, literals.count == 1 { return .anyDepthName(literals[0]) }
        if literals.count == segments.count - 1, segments.last == .wildcard(Array("*".utf8)) {
            return .childOf(literals.joined(separator: "/") + "/")
        }
        return .general
    }

    public func matches(_ path: String) -> Bool {
        switch shape {
        case .exact(let literal):
            return path == literal
        case .anyDepthName(let name):
            return path.hasSuffix(name) && (path.utf8.count == name.utf8.count || path.hasSuffix("/" + name))
        case .childOf(let prefix):
            guard path.hasPrefix(prefix), path.utf8.count > prefix.utf8.count else { return false }
            return !path.utf8.dropFirst(prefix.utf8.count).contains(UInt8(ascii: "/"))
        case .general:
            break
        }
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
