/// A Debian package version, `[epoch:]upstream[-revision]`, as described in deb-version(5).
///
/// Parsing accepts what `dpkg` accepts; ``validate(_:)`` adds the syntax checks dpkg only warns about.
/// Comparison follows `dpkg --compare-versions` and never allocates.
public struct DebianVersion: Sendable {
    /// The epoch; `0` when the version has none.
    public let epoch: Int
    /// The upstream part, between the epoch colon and the last hyphen.
    public let upstream: String
    /// The Debian revision after the last hyphen; empty when there is none.
    public let revision: String

    let upstreamBytes: [UInt8]
    let revisionBytes: [UInt8]

    /// Parses a version the way dpkg does, rejecting only what dpkg refuses outright.
    ///
    /// - Throws: ``VersionError/invalidVersion(_:ecosystem:reason:)`` naming the broken rule.
    public init(parsing text: String) throws {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, Self.isBlank(bytes[start]) { start += 1 }
        guard start < end else { throw Self.invalid(text, "version string is empty") }

        var wordEnd = start
        while wordEnd < end, !Self.isBlank(bytes[wordEnd]) { wordEnd += 1 }
        for index in wordEnd..<end where !Self.isBlank(bytes[index]) {
            throw Self.invalid(text, "version string has embedded spaces")
        }
        end = wordEnd

        var epoch = 0
        if let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) {
            epoch = try Self.epoch(bytes[start..<colon], in: text)
            // Trailing blanks count as something after the colon; the upstream part is then empty.
            guard colon + 1 < bytes.count else { throw Self.invalid(text, "nothing after colon in version number") }
            start = colon + 1
        }

        var upstream = Array(bytes[start..<end])
        var revision: [UInt8] = []
        if let hyphen = upstream.lastIndex(of: UInt8(ascii: "-")) {
            revision = Array(upstream[(hyphen + 1)...])
            upstream.removeSubrange(hyphen...)
            guard !revision.isEmpty else { throw Self.invalid(text, "revision number is empty") }
        }
        guard !upstream.isEmpty else { throw Self.invalid(text, "version number is empty") }

        self.epoch = epoch
        self.upstreamBytes = upstream
        self.revisionBytes = revision
        self.upstream = String(decoding: upstream, as: UTF8.self)
        self.revision = String(decoding: revision, as: UTF8.self)
    }

    /// Checks a version against dpkg's full syntax check, including the rules dpkg only warns about:
    /// the upstream part starts with a digit, and only letters, digits and `.+~-:` (upstream) or
    /// `.+~` (revision) appear.
    ///
    /// - Throws: ``VersionError/invalidVersion(_:ecosystem:reason:)`` naming the broken rule.
    public static func validate(_ text: String) throws {
        let version = try DebianVersion(parsing: text)

        guard let first = version.upstreamBytes.first, isDigit(first) else {
            throw invalid(text, "version number does not start with digit")
        }
        for byte in version.upstreamBytes where !isAlphanumeric(byte) && !".-+~:".utf8.contains(byte) {
            throw invalid(text, "invalid character in version number")
        }
        for byte in version.revisionBytes where !isAlphanumeric(byte) && !".+~".utf8.contains(byte) {
            throw invalid(text, "invalid character in revision number")
        }
    }

    /// Whether ``validate(_:)`` accepts the version.
    public static func isValid(_ text: String) -> Bool {
        (try? validate(text)) != nil
    }

    /// Reads the epoch the way `strtol` would: optional blanks and sign, then digits up to the colon.
    private static func epoch(_ field: ArraySlice<UInt8>, in text: String) throws -> Int {
        var index = field.startIndex
        while index < field.endIndex, isSpace(field[index]) { index += 1 }
        var negative = false
        if index < field.endIndex, field[index] == UInt8(ascii: "+") || field[index] == UInt8(ascii: "-") {
            negative = field[index] == UInt8(ascii: "-")
            index += 1
        }
        let digitsStart = index
        var value = 0
        var tooBig = false
        while index < field.endIndex, isDigit(field[index]) {
            if !tooBig {
                value = value * 10 + Int(field[index] - UInt8(ascii: "0"))
                tooBig = value > Int(Int32.max)
            }
            index += 1
        }

        guard index > digitsStart else { throw invalid(text, "epoch in version is empty") }
        guard index == field.endIndex else { throw invalid(text, "epoch in version is not number") }
        guard !negative || value == 0 else { throw invalid(text, "epoch in version is negative") }
        guard !tooBig else { throw invalid(text, "epoch in version is too big") }
        return value
    }

    private static func invalid(_ text: String, _ reason: String) -> VersionError {
        .invalidVersion(text, ecosystem: .deb, reason: reason)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private static func isSpace(_ byte: UInt8) -> Bool { isBlank(byte) || (byte >= 0x0A && byte <= 0x0D) }
}

extension DebianVersion: CustomStringConvertible {
    /// The version as dpkg prints it: the epoch only when non-zero, the revision only when present.
    public var description: String {
        let head = epoch == 0 ? upstream : "\(epoch):\(upstream)"
        return revision.isEmpty ? head : "\(head)-\(revision)"
    }
}
