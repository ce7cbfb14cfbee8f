/// Splits an apk version into tokens one at a time, without allocating.
struct AlpineVersionTokenizer {
    let bytes: [UInt8]
    private var position = 0
    private var previous: AlpineVersionToken.Kind?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next token; after `.end` or `.invalid` the same kind repeats.
    mutating func next() -> AlpineVersionToken {
        let token = read()
        previous = token.kind
        if token.kind != .invalid { position = token.end }
        return token
    }

    private func read() -> AlpineVersionToken {
        let start = position
        guard let previous else {
            let end = run(from: start, while: Self.isDigit)
            return make(end > start ? .digits : .invalid, start, end, start)
        }
        if previous == .end || previous == .invalid { return make(previous, start, start, start) }
        guard start < bytes.count else { return make(.end, start, start, start) }

        let byte = bytes[start]
        switch previous {
        case .digits where byte == UInt8(ascii: "."):
            let end = run(from: start + 1, while: Self.isDigit)
            return make(end > start + 1 ? .digits : .invalid, start + 1, end, start)
        case .digits where Self.isLowercase(byte):
            return make(.letter, start, start + 1, start)
        case .suffix where Self.isDigit(byte):
            return make(.suffixNumber, start, run(from: start, while: Self.isDigit), start)
        default:
            break
        }

        if byte == UInt8(ascii: "_"), previous < .commitHash {
            let end = run(from: start + 1, while: Self.isLowercase)
            let known = AlpineVersionToken.suffixRank(bytes, (start + 1)..<end) != nil
            return make(known ? .suffix : .invalid, start + 1, end, start)
        }
        if byte == UInt8(ascii: "~"), previous < .commitHash {
            let end = run(from: start + 1, while: Self.isHexDigit)
            return make(end > start + 1 ? .commitHash : .invalid, start + 1, end, start)
        }
        if byte == UInt8(ascii: "-"), previous < .revision, start + 1 < bytes.count,
            bytes[start + 1] == UInt8(ascii: "r")
        {
            let end = run(from: start + 2, while: Self.isDigit)
            return make(end > start + 2 ? .revision : .invalid, start + 2, end, start)
        }
        return make(.invalid, start, start, start)
    }

    private func make(
        _ kind: AlpineVersionToken.Kind, _ start: Int, _ end: Int, _ textStart: Int
    ) -> AlpineVersionToken {
        AlpineVersionToken(kind: kind, start: start, end: end, textStart: textStart)
    }

    private func run(from start: Int, while predicate: (UInt8) -> Bool) -> Int {
        var end = start
        while end < bytes.count, predicate(bytes[end]) { end += 1 }
        return end
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
