/// apk's ordering, and its fuzzy match, which treats the right-hand version as a prefix of components.
extension AlpineVersion: Comparable {
    public static func == (lhs: AlpineVersion, rhs: AlpineVersion) -> Bool {
        lhs.compare(to: rhs) == 0
    }

    public static func < (lhs: AlpineVersion, rhs: AlpineVersion) -> Bool {
        lhs.compare(to: rhs) < 0
    }

    /// `-1`, `0` or `1` as this version is older than, the same as, or newer than `other`.
    public func compare(to other: AlpineVersion) -> Int {
        compare(to: other, fuzzy: false)
    }

    /// apk's `~` operator: whether this version starts with the components of `prefix`
    /// (`3.6.9 ~ 3.6` holds, `3.8 ~ 3.8.1` does not).
    public func fuzzyMatches(_ prefix: AlpineVersion) -> Bool {
        compare(to: prefix, fuzzy: true) == 0
    }

    /// Compares token by token. Once the kinds of the next tokens differ, a prerelease suffix makes
    /// its side older; otherwise the side whose next token kind sorts later (the shorter one, for
    /// example) is older.
    func compare(to other: AlpineVersion, fuzzy: Bool) -> Int {
        var left = AlpineVersionTokenizer(bytes)
        var right = AlpineVersionTokenizer(other.bytes)
        while true {
            let a = left.next()
            let b = right.next()
            if fuzzy, b.kind == .end { return 0 }
            if a.kind == .invalid || b.kind == .invalid {
                return Self.compareText(bytes[a.textStart...], other.bytes[b.textStart...])
            }
            guard a.kind == b.kind else { return Self.compareKinds(a, bytes, b, other.bytes) }
            if a.kind == .end { return 0 }

            let order = Self.compareValues(a, bytes, b, other.bytes)
            if order != 0 { return order }
        }
    }

    private static func compareKinds(
        _ a: AlpineVersionToken, _ aBytes: [UInt8], _ b: AlpineVersionToken, _ bBytes: [UInt8]
    ) -> Int {
        if a.kind == .suffix, let rank = AlpineVersionToken.suffixRank(aBytes, a.start..<a.end), rank < 0 { return -1 }
        if b.kind == .suffix, let rank = AlpineVersionToken.suffixRank(bBytes, b.start..<b.end), rank < 0 { return 1 }
        return a.kind > b.kind ? -1 : 1
    }

    private static func compareValues(
        _ a: AlpineVersionToken, _ aBytes: [UInt8], _ b: AlpineVersionToken, _ bBytes: [UInt8]
    ) -> Int {
        let left = aBytes[a.start..<a.end]
        let right = bBytes[b.start..<b.end]
        switch a.kind {
        case .digits where a.textStart > 0 && (left.first == UInt8(ascii: "0") || right.first == UInt8(ascii: "0")):
            // After the first component, a leading zero makes apk compare the digits as text.
            return compareText(left, right)
        case .digits, .suffixNumber, .revision:
            return compareNumbers(left, right)
        case .suffix:
            let leftRank = AlpineVersionToken.suffixRank(aBytes, a.start..<a.end) ?? 0
            let rightRank = AlpineVersionToken.suffixRank(bBytes, b.start..<b.end) ?? 0
            return leftRank == rightRank ? 0 : (leftRank < rightRank ? -1 : 1)
        default:
            return compareText(left, right)
        }
    }

    /// Digit strings of any length as numbers.
    private static func compareNumbers(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        let left = a.drop { $0 == UInt8(ascii: "0") }
        let right = b.drop { $0 == UInt8(ascii: "0") }
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        return compareText(left, right)
    }

    /// Byte by byte; a proper prefix sorts first.
    private static func compareText(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        var i = a.startIndex
        var j = b.startIndex
        while i < a.endIndex, j < b.endIndex {
            if a[i] != b[j] { return a[i] < b[j] ? -1 : 1 }
            i += 1
            j += 1
        }
        if i < a.endIndex { return 1 }
        return j < b.endIndex ? -1 : 0
    }
}
