/// A scanner for node-semver's version grammar: full versions (strict and loose) and the partial,
/// wildcard versions that ranges use.
struct SemVerParser {
    /// The parts of a full version, before range checks on the numbers.
    struct Parts {
        var major: UInt64
        var minor: UInt64
        var patch: UInt64
        var prerelease: [Substring] = []
        var build: [String] = []
    }

    /// One part of a partial version in a range: a number, or a wildcard (`x`, `X`, `*`).
    enum PartialNumber: Equatable {
        case number(UInt64)
        case wildcard
    }

    /// A partial version such as `1`, `1.2.x` or `1.2.3-beta+build`; missing parts are `nil`.
    struct Partial {
        var major: PartialNumber
        var minor: PartialNumber?
        var patch: PartialNumber?
        var prerelease: [Substring] = []
    }

    let scalars: [Unicode.Scalar]
    let loose: Bool
    var position = 0

    init(_ text: some Sequence<Unicode.Scalar>, loose: Bool = false) {
        self.scalars = Array(text)
        self.loose = loose
    }

    /// Reads a whole version; `nil` unless every character belongs to it.
    mutating func parseVersion() -> Parts? {
        if loose {
            while let scalar = peek, scalar == "v" || scalar == "=" || JavaScriptWhitespace.contains(scalar) {
                position += 1
            }
        } else if peek == "v" {
            position += 1
        }
        guard let major = number(), take("."), let minor = number(), take(".") else { return nil }
        let patchStart = position
        guard let patch = number() else { return nil }
        var parts = Parts(major: major, minor: minor, patch: patch)

        let afterPatch = position
        if finishVersion(&parts, hyphenOptional: loose) { return parts }

        // Loose versions may run the prerelease into the patch number (`1.2.34.5` is `1.2.3-4.5`).
        guard loose, afterPatch - patchStart > 1 else { return nil }
        position = afterPatch - 1
        parts.patch = Self.value(of: scalars[patchStart..<position])
        var tail = parts
        guard let identifiers = identifiers(), finishBuild(&tail) else { return nil }
        tail.prerelease = identifiers
        return tail
    }

    /// Reads `[v=\s]*` then a partial version; stops at the first character that cannot continue it.
    mutating func parsePartial() -> Partial? {
        while let scalar = peek, scalar == "v" || scalar == "=" || JavaScriptWhitespace.contains(scalar) {
            position += 1
        }
        guard let major = partialNumber() else { return nil }
        var partial = Partial(major: major)
        guard peek == ".", let minor = lookahead({ $0.take(".") ? $0.partialNumber() : nil }) else { return partial }
        partial.minor = minor
        guard peek == ".", let patch = lookahead({ $0.take(".") ? $0.partialNumber() : nil }) else { return partial }
        partial.patch = patch

        if peek == "-", let identifiers = lookahead({ $0.take("-") ? $0.identifiers() : nil }) {
            partial.prerelease = identifiers
        }
        if peek == "+" {
            _ = lookahead { $0.take("+") ? $0.buildIdentifiers() : nil }
        }
        return partial
    }

    var isAtEnd: Bool { position == scalars.count }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        position += 1
        return true
    }

    /// Runs `step`, keeping its progress only when it succeeds.
    mutating func lookahead<T>(_ step: (inout SemVerParser) -> T?) -> T? {
        var copy = self
        guard let result = step(&copy) else { return nil }
        self = copy
        return result
    }

    /// Prerelease (hyphen optional when loose), build and the end of the input.
    private mutating func finishVersion(_ parts: inout Parts, hyphenOptional: Bool) -> Bool {
        let start = position
        var attempt = parts
        if take("-"), let identifiers = identifiers() {
            attempt.prerelease = identifiers
            if finishBuild(&attempt) {
                parts = attempt
                return true
            }
        }
        position = start
        attempt = parts
        if hyphenOptional, let identifiers = identifiers() {
            attempt.prerelease = identifiers
            if finishBuild(&attempt) {
                parts = attempt
                return true
            }
        }
        position = start
        return finishBuild(&parts)
    }

    private mutating func finishBuild(_ parts: inout Parts) -> Bool {
        if take("+") {
            guard let build = buildIdentifiers() else { return false }
            parts.build = build
        }
        return isAtEnd
    }

    /// Dot-separated prerelease identifiers; strict ones may not be numbers with leading zeros.
    private mutating func identifiers() -> [Substring]? {
        var result: [Substring] = []
        repeat {
            let start = position
            while let scalar = peek, Self.isIdentifierCharacter(scalar) { position += 1 }
            let run = scalars[start..<position]
            guard !run.isEmpty else { return nil }
            if !loose, run.count > 1, run.first == "0", run.allSatisfy({ Self.isDigit($0) }) { return nil }
            result.append(Substring(String(String.UnicodeScalarView(run))))
        } while take(".")
        return result
    }

    private mutating func buildIdentifiers() -> [String]? {
        var result: [String] = []
        repeat {
            let start = position
            while let scalar = peek, Self.isIdentifierCharacter(scalar) { position += 1 }
            guard position > start else { return nil }
            result.append(String(String.UnicodeScalarView(scalars[start..<position])))
        } while take(".")
        return result
    }

    /// A version number: digits, without leading zeros unless loose. Values beyond `UInt64` saturate.
    private mutating func number() -> UInt64? {
        let start = position
        while let scalar = peek, Self.isDigit(scalar) { position += 1 }
        let digits = scalars[start..<position]
        guard !digits.isEmpty else { return nil }
        if !loose, digits.count > 1, digits.first == "0" { return nil }
        return Self.value(of: digits)
    }

    private mutating func partialNumber() -> PartialNumber? {
        if take("x") || take("X") || take("*") { return .wildcard }
        return number().map(PartialNumber.number)
    }

    static func value(of digits: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var value: UInt64 = 0
        for digit in digits {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return .max }
            let (sum, carry) = product.addingReportingOverflow(UInt64(digit.value - 48))
            guard !carry else { return .max }
            value = sum
        }
        return value
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "-"
    }
}
