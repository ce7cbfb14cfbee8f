/// Reads the exec form of an instruction: a JSON array of strings (RFC 8259).
///
/// Text that is not valid JSON is not an error: BuildKit then treats the arguments as shell form.
/// Valid JSON that is not an array of strings (numbers, nested arrays) is an error.
struct JSONArrayReader {
    enum Outcome {
        case strings([Token])
        case notJSON
        case notStringArray
    }

    private let scalars: [Unicode.Scalar]
    private var index: Int
    private let end: Int

    private init(_ line: LogicalLine, range: Range<Int>) {
        scalars = line.scalars
        index = range.lowerBound
        end = range.upperBound
    }

    static func read(_ line: LogicalLine, in range: Range<Int>) -> Outcome {
        var reader = JSONArrayReader(line, range: range)
        reader.skipSpace()
        guard reader.index < reader.end, reader.scalars[reader.index] == "[" else { return .notJSON }
        guard let elements = reader.readArray() else { return .notJSON }
        reader.skipSpace()
        guard reader.index == reader.end else { return .notJSON }
        var tokens: [Token] = []
        for element in elements {
            guard case .string(let token) = element else { return .notStringArray }
            tokens.append(token)
        }
        return .strings(tokens)
    }

    private enum Value {
        case string(Token)
        case other
    }

    private mutating func skipSpace() {
        while index < end, [" ", "\t", "\n", "\r"].contains(scalars[index]) {
            index += 1
        }
    }

    /// BuildKit's JSON decoder refuses nesting deeper than this.
    private static let maximumDepth = 10_000

    /// Reads the top-level array, keeping its string elements.
    private mutating func readArray() -> [Value]? {
        index += 1
        var values: [Value] = []
        skipSpace()
        if index < end, scalars[index] == "]" {
            index += 1
            return values
        }
        while true {
            skipSpace()
            guard index < end else { return nil }
            if scalars[index] == "\"" {
                guard let token = readString() else { return nil }
                values.append(.string(token))
            } else {
                guard skipValue() else { return nil }
                values.append(.other)
            }
            skipSpace()
            guard index < end else { return nil }
            let scalar = scalars[index]
            index += 1
            if scalar == "]" { return values }
            guard scalar == "," else { return nil }
        }
    }

    /// Validates one JSON value of any kind without recursion, so deep nesting cannot exhaust the stack.
    private mutating func skipValue() -> Bool {
        var open: [Unicode.Scalar] = []
        var expectingKey = false
        while true {
            skipSpace()
            guard index < end else { return false }
            if expectingKey {
                guard scalars[index] == "\"", readString() != nil else { return false }
                skipSpace()
                guard index < end, scalars[index] == ":" else { return false }
                index += 1
                expectingKey = false
                continue
            }
            if scalars[index] == "[" || scalars[index] == "{" {
                let opener = scalars[index]
                open.append(opener)
                guard open.count <= Self.maximumDepth else { return false }
                index += 1
                skipSpace()
                guard index < end, scalars[index] == (opener == "[" ? "]" : "}") else {
                    expectingKey = opener == "{"
                    continue
                }
                index += 1
                open.removeLast()
            } else if !skipScalarValue() {
                return false
            }
            guard let outcome = closeContainers(&open, expectingKey: &expectingKey) else { continue }
            return outcome
        }
    }

    /// After a complete value: pops finished containers. `nil` when another element follows.
    private mutating func closeContainers(_ open: inout [Unicode.Scalar], expectingKey: inout Bool) -> Bool? {
        while let container = open.last {
            skipSpace()
            guard index < end else { return false }
            let scalar = scalars[index]
            index += 1
            if scalar == (container == "[" ? "]" : "}") {
                open.removeLast()
                continue
            }
            guard scalar == "," else { return false }
            expectingKey = container == "{"
            return nil
        }
        return true
    }

    /// A string, number, `true`, `false` or `null`.
    private mutating func skipScalarValue() -> Bool {
        switch scalars[index] {
        case "\"": readString() != nil
        case "t": readLiteral("true")
        case "f": readLiteral("false")
        case "n": readLiteral("null")
        default: readNumber()
        }
    }

    private mutating func readLiteral(_ word: String) -> Bool {
        for expected in word.unicodeScalars {
            guard index < end, scalars[index] == expected else { return false }
            index += 1
        }
        return true
    }

    private mutating func readNumber() -> Bool {
        let start = index
        if index < end, scalars[index] == "-" { index += 1 }
        guard index < end, isDigit(scalars[index]) else { return false }
        if scalars[index] == "0" {
            index += 1
        } else {
            while index < end, isDigit(scalars[index]) { index += 1 }
        }
        if index < end, scalars[index] == "." {
            index += 1
            guard index < end, isDigit(scalars[index]) else { return false }
            while index < end, isDigit(scalars[index]) { index += 1 }
        }
        if index < end, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < end, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            guard index < end, isDigit(scalars[index]) else { return false }
            while index < end, isDigit(scalars[index]) { index += 1 }
        }
        return index > start
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private mutating func readString() -> Token? {
        let start = index
        index += 1
        var value = String.UnicodeScalarView()
        while index < end {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"":
                return Token(value: String(value), span: start..<index)
            case "\\":
                guard let decoded = readEscape() else { return nil }
                value.append(decoded)
            default:
                guard scalar.value >= 0x20 else { return nil }
                value.append(scalar)
            }
        }
        return nil
    }

    private mutating func readEscape() -> Unicode.Scalar? {
        guard index < end else { return nil }
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "\"", "\\", "/": return scalar
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            guard let high = readHex4() else { return nil }
            guard (0xD800..<0xDC00).contains(high) else {
                return Unicode.Scalar(high) ?? "\u{FFFD}"
            }
            let save = index
            if index + 1 < end, scalars[index] == "\\", scalars[index + 1] == "u" {
                index += 2
                if let low = readHex4(), (0xDC00..<0xE000).contains(low) {
                    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                }
            }
            index = save
            return "\u{FFFD}"
        default:
            return nil
        }
    }

    private mutating func readHex4() -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Int(String(scalars[index]), radix: 16) else { return nil }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }
}
