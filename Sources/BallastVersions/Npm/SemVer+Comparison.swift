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
