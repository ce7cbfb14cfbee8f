/// Expands `$NAME` and `${NAME…}` in a FROM argument the way BuildKit's shell lexer does.
///
/// Supports `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` and `${NAME+word}`; a
/// backslash escapes the next character. A name with no value, and no default in the expression,
/// is reported through `unresolved` so the caller can point at it.
struct VariableExpander {
    /// Each variable's value; `nil` for a declared ARG without a value.
    let values: [String: String?]

    enum Failure: Error {
        /// `offset` counts Unicode scalars from the start of the text.
        case unresolved(name: String, offset: Int)
        case malformed(offset: Int)
    }

    func expand(_ text: String) throws(Failure) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                result.append(scalars[index + 1])
                index += 2
                continue
            }
            guard scalar == "$", index + 1 < scalars.count else {
                result.append(scalar)
                index += 1
                continue
            }
            let start = index
            if scalars[index + 1] == "{" {
                guard let close = scalars[(index + 2)...].firstIndex(of: "}") else { throw .malformed(offset: start) }
                let body = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                result.append(contentsOf: try expandBraced(body, at: start).unicodeScalars)
                index = close + 1
                continue
            }
            var end = index + 1
            while end < scalars.count, Self.isNameScalar(scalars[end], first: end == index + 1) {
                end += 1
            }
            guard end > index + 1 else {
                result.append(scalar)
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            guard let value = values[name] ?? nil else { throw .unresolved(name: name, offset: start) }
            result.append(contentsOf: value.unicodeScalars)
            index = end
        }
        return String(result)
    }

    private func expandBraced(_ body: String, at offset: Int) throws(Failure) -> String {
        let nameEnd =
            body.unicodeScalars.firstIndex { !Self.isNameScalar($0, first: false) } ?? body.unicodeScalars.endIndex
        let name = String(body.unicodeScalars[..<nameEnd])
        let modifier = String(body.unicodeScalars[nameEnd...])
        guard !name.isEmpty else { throw .malformed(offset: offset) }
        let value = values[name] ?? nil

        for (prefix, whenEmptyCounts) in [(":-", true), ("-", false)] where modifier.hasPrefix(prefix) {
            let word = String(modifier.dropFirst(prefix.count))
            if let value, !(whenEmptyCounts && value.isEmpty) {
                return value
            }
            return try expand(word)
        }
        for (prefix, whenEmptyCounts) in [(":+", true), ("+", false)] where modifier.hasPrefix(prefix) {
            let word = String(modifier.dropFirst(prefix.count))
            if let value, !(whenEmptyCounts && value.isEmpty) {
                return try expand(word)
            }
            return ""
        }
        guard modifier.isEmpty else { throw .malformed(offset: offset) }
        guard let value else { throw .unresolved(name: name, offset: offset) }
        return value
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar == "_" || scalar.properties.isAlphabetic {
            return true
        }
        return !first && scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
