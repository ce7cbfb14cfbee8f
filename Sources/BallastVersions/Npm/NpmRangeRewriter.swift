/// Rewrites one `||`-separated part of an npm range into primitive comparators, in node-semver's
/// order: hyphen ranges, spaces after operators, carets, tildes, x-ranges, stars, then `>=0.0.0`.
///
/// The steps work on text because later steps see what earlier ones wrote: a caret becomes two
/// comparators that the x-range step then reads again.
enum NpmRangeRewriter {
    typealias Partial = SemVerParser.Partial
    typealias Number = SemVerParser.PartialNumber

    /// The primitive comparator texts of `part`, which is trimmed and has single spaces only.
    static func comparators(of part: String) -> [String] {
        var text = hyphenRange(part) ?? part
        text = removeSpacesAfterOperators(text)
        text = removeSpaces(after: "~", allowing: ">", in: text)
        text = removeSpaces(after: "^", allowing: nil, in: text)

        let rewritten = text.split(separator: " ", omittingEmptySubsequences: false)
            .map { removeStar(xRanges(tildes(carets(String($0))))) }
            .joined(separator: " ")
        return splitOnWhitespace(rewritten).map { $0 == ">=0.0.0" ? "" : $0 }
    }

    // MARK: Hyphen ranges

    /// `A - B` as `>=A <=B`, with partial ends widened: `1.2 - 2` is `>=1.2.0 <3.0.0-0`.
    static func hyphenRange(_ part: String) -> String? {
        var parser = SemVerParser(part.unicodeScalars)
        while let scalar = parser.peek, JavaScriptWhitespace.contains(scalar) { parser.position += 1 }
        let fromStart = parser.position
        guard let from = parser.parsePartial() else { return nil }
        let fromText = text(parser, fromStart)
        guard space(&parser), parser.take("-"), space(&parser) else { return nil }
        let toStart = parser.position
        guard let to = parser.parsePartial() else { return nil }
        let toText = text(parser, toStart)
        if let scalar = parser.peek, JavaScriptWhitespace.contains(scalar) { parser.position += 1 }
        guard parser.isAtEnd else { return nil }

        var lower = ""
        if isWildcard(from.major) {
            lower = ""
        } else if isWildcard(from.minor) {
            lower = ">=\(show(from.major)).0.0"
        } else if isWildcard(from.patch) {
            lower = ">=\(show(from.major)).\(show(from.minor)).0"
        } else {
            lower = ">=\(fromText)"
        }

        var upper = ""
        if isWildcard(to.major) {
            upper = ""
        } else if isWildcard(to.minor) {
            upper = "<\(bump(to.major)).0.0-0"
        } else if isWildcard(to.patch) {
            upper = "<\(show(to.major)).\(bump(to.minor)).0-0"
        } else if !to.prerelease.isEmpty {
            upper = "<=\(show(to.major)).\(show(to.minor)).\(show(to.patch))-\(to.prerelease.joined(separator: "."))"
        } else {
            upper = "<=\(toText)"
        }
        return trim("\(lower) \(upper)")
    }

    // MARK: Carets, tildes, x-ranges, stars

    /// `^1.2.3` is `>=1.2.3 <2.0.0-0`; the first non-zero part may not change.
    static func carets(_ text: String) -> String {
        splitOnWhitespace(trim(text)).map(caret).joined(separator: " ")
    }

    static func caret(_ token: String) -> String {
        var parser = SemVerParser(token.unicodeScalars)
        guard parser.take("^"), let version = parser.parsePartial(), parser.isAtEnd else { return token }
        let (major, minor, patch) = (version.major, version.minor, version.patch)
        let prerelease = version.prerelease.isEmpty ? "" : "-" + version.prerelease.joined(separator: ".")

        if isWildcard(major) { return "" }
        if isWildcard(minor) { return ">=\(show(major)).0.0 <\(bump(major)).0.0-0" }
        if isWildcard(patch) {
            if major == .number(0) { return ">=0.\(show(minor)).0 <0.\(bump(minor)).0-0" }
            return ">=\(show(major)).\(show(minor)).0 <\(bump(major)).0.0-0"
        }
        let lower = ">=\(show(major)).\(show(minor)).\(show(patch))\(prerelease)"
        if major == .number(0) {
            if minor == .number(0) { return "\(lower) <0.0.\(bump(patch))-0" }
            return "\(lower) <0.\(bump(minor)).0-0"
        }
        return "\(lower) <\(bump(major)).0.0-0"
    }

    /// `~1.2.3` is `>=1.2.3 <1.3.0-0`: patch-level changes only, or minor-level when no minor is given.
    static func tildes(_ text: String) -> String {
        splitOnWhitespace(trim(text)).map(tilde).joined(separator: " ")
    }

    static func tilde(_ token: String) -> String {
        var parser = SemVerParser(token.unicodeScalars)
        guard parser.take("~") else { return token }
        _ = parser.lookahead { $0.take(">") ? true : nil }
        guard let version = parser.parsePartial(), parser.isAtEnd else {
            return token
        }
        let (major, minor, patch) = (version.major, version.minor, version.patch)
        let prerelease = version.prerelease.isEmpty ? "" : "-" + version.prerelease.joined(separator: ".")

        if isWildcard(major) { return "" }
        if isWildcard(minor) { return ">=\(show(major)).0.0 <\(bump(major)).0.0-0" }
        if isWildcard(patch) { return ">=\(show(major)).\(show(minor)).0 <\(show(major)).\(bump(minor)).0-0" }
        return ">=\(show(major)).\(show(minor)).\(show(patch))\(prerelease) <\(show(major)).\(bump(minor)).0-0"
    }

    static func xRanges(_ text: String) -> String {
        splitOnWhitespace(text).map { xRange(trim($0)) }.joined(separator: " ")
    }

    /// `1.x` is `>=1.0.0 <2.0.0-0`; with an operator the missing parts are filled in (`>1.2` is `>=1.3.0`).
    static func xRange(_ token: String) -> String {
        var parser = SemVerParser(token.unicodeScalars)
        var symbol = ""
        if parser.take("<") {
            symbol = "<"
        } else if parser.take(">") {
            symbol = ">"
        }
        if parser.take("=") { symbol += "=" }
        guard let version = parser.parsePartial(), parser.isAtEnd else { return token }

        let wildMajor = isWildcard(version.major)
        let wildMinor = wildMajor || isWildcard(version.minor)
        let anyWildcard = wildMinor || isWildcard(version.patch)
        if symbol == "=", anyWildcard { symbol = "" }

        if wildMajor { return symbol == ">" || symbol == "<" ? "<0.0.0-0" : "*" }
        if !symbol.isEmpty, anyWildcard { return filledIn(version, symbol: symbol, wildMinor: wildMinor) }
        if wildMinor { return ">=\(show(version.major)).0.0 <\(bump(version.major)).0.0-0" }
        if anyWildcard {
            let (major, minor) = (show(version.major), show(version.minor))
            return ">=\(major).\(minor).0 <\(major).\(bump(version.minor)).0-0"
        }
        return token
    }

    private static func filledIn(_ version: Partial, symbol: String, wildMinor: Bool) -> String {
        var symbol = symbol
        var major = show(version.major)
        var minor = wildMinor ? "0" : show(version.minor)
        if symbol == ">" {
            symbol = ">="
            if wildMinor {
                major = bump(version.major)
                minor = "0"
            } else {
                minor = bump(version.minor)
            }
        } else if symbol == "<=" {
            symbol = "<"
            if wildMinor { major = bump(version.major) } else { minor = bump(version.minor) }
        }
        return "\(symbol)\(major).\(minor).0\(symbol == "<" ? "-0" : "")"
    }

    /// Removes the first `*` (with an operator before it), which allows anything.
    static func removeStar(_ text: String) -> String {
        let scalars = Array(trim(text).unicodeScalars)
        for start in scalars.indices {
            var cursor = start
            if scalars[cursor] == "<" || scalars[cursor] == ">" { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == "=" { cursor += 1 }
            if cursor < scalars.count, JavaScriptWhitespace.contains(scalars[cursor]) { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == "*" else { continue }
            var output = String.UnicodeScalarView(scalars[..<start])
            output.append(contentsOf: scalars[(cursor + 1)...])
            return String(output)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isWildcard(_ number: Number?) -> Bool {
        number == nil || number == .wildcard
    }

    private static func show(_ number: Number?) -> String {
        if case .number(let value)? = number { return String(value) }
        return "0"
    }

    /// The number plus one; numbers too large for a version stay too large.
    private static func bump(_ number: Number?) -> String {
        guard case .number(let value)? = number else { return "1" }
        return value == .max ? String(value) + "0" : String(value + 1)
    }
}
