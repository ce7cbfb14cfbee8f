/// One piece of an apk version, in the grammar `digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]`.
struct AlpineVersionToken {
    /// What a token is; the order matters, since a version whose next piece kind sorts later is older.
    enum Kind: Int, Comparable {
        case digits
        case letter
        case suffix
        case suffixNumber
        case commitHash
        case revision
        case end
        case invalid

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let kind: Kind
    /// Where the token's value starts (after `.`, `_`, `~` or `-r`) and ends.
    let start: Int
    let end: Int
    /// Where the token's text starts, separator included; invalid tokens compare from here.
    let textStart: Int

    /// The known suffixes: `_alpha _beta _pre _rc` sort before the release, `_cvs _svn _git _hg _p` after.
    private static let suffixes: [(name: [UInt8], rank: Int)] = [
        ("alpha", -4), ("beta", -3), ("pre", -2), ("rc", -1), ("cvs", 1), ("svn", 2), ("git", 3), ("hg", 4), ("p", 5),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The rank of the suffix named by `bytes[range]`; negative before the release, `nil` if unknown.
    static func suffixRank(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        suffixes.first { $0.name.elementsEqual(bytes[range]) }?.rank
    }
}
