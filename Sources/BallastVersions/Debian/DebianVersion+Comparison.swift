/// dpkg's ordering: epochs numerically, then the upstream part, then the revision.
///
/// Upstream and revision are compared as alternating runs of non-digits and digits. In the non-digit
/// runs `~` sorts before everything, even the end of the string, then letters, then all other
/// characters. Digit runs compare as numbers of any length, so leading zeros do not count.
/// Equality is dpkg's too: `1.0`, `0:1.0` and `1.0-0` are equal.
extension DebianVersion: Comparable {
    public static func == (lhs: DebianVersion, rhs: DebianVersion) -> Bool {
        lhs.compare(to: rhs) == 0
    }

    public static func < (lhs: DebianVersion, rhs: DebianVersion) -> Bool {
        lhs.compare(to: rhs) < 0
    }

    /// `-1`, `0` or `1` as this version orders before, equal to or after `other`.
    public func compare(to other: DebianVersion) -> Int {
        if epoch != other.epoch { return epoch < other.epoch ? -1 : 1 }
        let upstreamOrder = Self.compareParts(upstreamBytes, other.upstreamBytes)
        if upstreamOrder != 0 { return upstreamOrder }
        return Self.compareParts(revisionBytes, other.revisionBytes)
    }

    static func compareParts(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            while (i < a.count && !isDigit(a[i])) || (j < b.count && !isDigit(b[j])) {
                let left = i < a.count ? weight(a[i]) : 0
                let right = j < b.count ? weight(b[j]) : 0
                if left != right { return left < right ? -1 : 1 }
                i += 1
                j += 1
            }

            while i < a.count, a[i] == UInt8(ascii: "0") { i += 1 }
            while j < b.count, b[j] == UInt8(ascii: "0") { j += 1 }
            var firstDifference = 0
            while i < a.count, isDigit(a[i]), j < b.count, isDigit(b[j]) {
                if firstDifference == 0, a[i] != b[j] { firstDifference = a[i] < b[j] ? -1 : 1 }
                i += 1
                j += 1
            }
            if i < a.count, isDigit(a[i]) { return 1 }
            if j < b.count, isDigit(b[j]) { return -1 }
            if firstDifference != 0 { return firstDifference }
        }
        return 0
    }

    /// The sort weight of a character in a non-digit run; digits and the end of the string weigh 0.
    private static func weight(_ byte: UInt8) -> Int {
        if isDigit(byte) { return 0 }
        if isLetter(byte) { return Int(byte) }
        if byte == UInt8(ascii: "~") { return -1 }
        return Int(byte) + 256
    }
}
