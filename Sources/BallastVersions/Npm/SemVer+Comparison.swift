/// SemVer 2.0 precedence as node-semver computes it; build metadata never counts.
extension SemVer: Comparable {
    public static func == (lhs: SemVer, rhs: SemVer) -> Bool {
        lhs.compare(to: rhs) == 0
    }

    public static func < (lhs: SemVer, rhs: SemVer) -> Bool {
        lhs.compare(to: rhs) < 0
    }

    /// `-1`, `0` or `1` as this version has lower, equal or higher precedence than `other`.
    public func compare(to other: SemVer) -> Int {
        if major != other.major { return major < other.major ? -1 : 1 }
        if minor != other.minor { return minor < other.minor ? -1 : 1 }
        if patch != other.patch { return patch < other.patch ? -1 : 1 }
        return comparePrerelease(to: other)
    }

    /// A release outranks its prereleases; identifiers compare in turn, and a longer list wins a tie.
    private func comparePrerelease(to other: SemVer) -> Int {
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        var index = 0
        while true {
            if index == prerelease.count { return index == other.prerelease.count ? 0 : -1 }
            if index == other.prerelease.count { return 1 }
            let order = prerelease[index].compare(to: other.prerelease[index])
            if order != 0 { return order }
            index += 1
        }
    }
}

extension PrereleaseIdentifier {
    /// Numbers compare numerically and sort before text; text compares by character code.
    func compare(to other: PrereleaseIdentifier) -> Int {
        switch (self, other) {
        case (.numeric(let a), .numeric(let b)):
            return a == b ? 0 : (a < b ? -1 : 1)
        case (.numeric, .alphanumeric):
            // Text sorts after numbers, and digits kept as text are beyond every `.numeric` value.
            return -1
        case (.alphanumeric, .numeric):
            return 1
        case (.alphanumeric(let a), .alphanumeric(let b)):
            switch (Self.isNumber(a), Self.isNumber(b)) {
            case (true, true): return Self.compareDigits(a, b)
            case (true, false): return -1
            case (false, true): return 1
            case (false, false): return Self.compareText(a, b)
            }
        }
    }

    /// Digits too large for `.numeric`: every such value is above any `.numeric` one.
    private static func isNumber(_ text: String) -> Bool {
        text.utf8.allSatisfy(SemVerParser.isDigit)
    }

    private static func compareDigits(_ a: String, _ b: String) -> Int {
        let left = a.utf8.drop { $0 == UInt8(ascii: "0") }
        let right = b.utf8.drop { $0 == UInt8(ascii: "0") }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        return compareBytes(left, right)
    }

    private static func compareText(_ a: String, _ b: String) -> Int {
        compareBytes(a.utf8[...], b.utf8[...])
    }

    private static func compareBytes(_ a: Substring.UTF8View, _ b: Substring.UTF8View) -> Int {
        var left = a.makeIterator()
        var right = b.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?) where x != y: return x < y ? -1 : 1
            default: continue
            }
        }
    }
}
