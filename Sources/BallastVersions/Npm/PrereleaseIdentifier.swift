/// One prerelease identifier: a number, or text containing a non-digit.
public enum PrereleaseIdentifier: Sendable, Hashable {
    case numeric(UInt64)
    /// Text, or digits too large to be a safe JavaScript integer (these still compare as numbers).
    case alphanumeric(String)

    /// Converts an identifier the way node-semver does: digits become a number when below 2^53 - 1.
    init(node text: Substring) {
        let significant = text.drop { $0 == "0" }
        if text.utf8.allSatisfy(SemVerParser.isDigit), significant.utf8.count <= 16,
            let value = significant.isEmpty ? 0 : UInt64(significant), value < SemVer.maximumComponent
        {
            self = .numeric(value)
        } else {
            self = .alphanumeric(String(text))
        }
    }
}

extension PrereleaseIdentifier: CustomStringConvertible {
    public var description: String {
        switch self {
        case .numeric(let value): String(value)
        case .alphanumeric(let text): text
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
