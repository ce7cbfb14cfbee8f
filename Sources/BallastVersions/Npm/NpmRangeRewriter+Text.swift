/// The text steps of range rewriting: joining operators to their versions, and JavaScript-style
/// trimming and splitting.
extension NpmRangeRewriter {
    /// Joins an operator to its version: `>= 1.2.3` becomes `>=1.2.3`.
    static func removeSpacesAfterOperators(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            var cursor = index
            while cursor < scalars.count, JavaScriptWhitespace.contains(scalars[cursor]) { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == "<" || scalars[cursor] == ">" { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == "=" { cursor += 1 }
            let operatorEnd = cursor
            while cursor < scalars.count, JavaScriptWhitespace.contains(scalars[cursor]) { cursor += 1 }
            let versionStart = cursor
            while cursor < scalars.count,
                scalars[cursor] == "v" || scalars[cursor] == "=" || JavaScriptWhitespace.contains(scalars[cursor])
            {
                cursor += 1
            }
            guard cursor < scalars.count, isVersionStart(scalars[cursor]) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            output.append(contentsOf: scalars[index..<operatorEnd])
            output.append(contentsOf: scalars[versionStart...cursor])
            index = cursor + 1
        }
        return String(output)
    }

    /// Joins a tilde or caret to its version: `~ 1.2` becomes `~1.2`, and `~> 1.2` also becomes `~1.2`.
    static func removeSpaces(after mark: Unicode.Scalar, allowing extra: Unicode.Scalar?, in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            var cursor = index
            while cursor < scalars.count, JavaScriptWhitespace.contains(scalars[cursor]) { cursor += 1 }
            let leading = scalars[index..<cursor]
            guard cursor < scalars.count, scalars[cursor] == mark else {
                output.append(scalars[index])
                index += 1
                continue
            }
            cursor += 1
            if let extra, cursor < scalars.count, scalars[cursor] == extra,
                cursor + 1 < scalars.count, JavaScriptWhitespace.contains(scalars[cursor + 1])
            {
                cursor += 1
            }
            let spacesStart = cursor
            while cursor < scalars.count, JavaScriptWhitespace.contains(scalars[cursor]) { cursor += 1 }
            guard cursor > spacesStart else {
                output.append(scalars[index])
                index += 1
                continue
            }
            output.append(contentsOf: leading)
            output.append(mark)
            index = cursor
        }
        return String(output)
    }

    // MARK: Text helpers

    /// JavaScript's `text.split(/\s+/)`: empty strings stand for white space at either end.
    static func splitOnWhitespace(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var inSpace = false
        for scalar in text.unicodeScalars {
            if JavaScriptWhitespace.contains(scalar) {
                if !inSpace { pieces.append(String(current)) }
                current = String.UnicodeScalarView()
                inSpace = true
            } else {
                current.append(scalar)
                inSpace = false
            }
        }
        pieces.append(String(current))
        return pieces
    }

    static func trim(_ text: String) -> String {
        String(String.UnicodeScalarView(JavaScriptWhitespace.trim(Substring(text).unicodeScalars)))
    }

    static func space(_ parser: inout SemVerParser) -> Bool {
        guard let scalar = parser.peek, JavaScriptWhitespace.contains(scalar) else { return false }
        parser.position += 1
        return true
    }

    static func text(_ parser: SemVerParser, _ start: Int) -> String {
        String(String.UnicodeScalarView(parser.scalars[start..<parser.position]))
    }

    static func isVersionStart(_ scalar: Unicode.Scalar) -> Bool {
        SemVerParser.isDigit(scalar) || scalar == "x" || scalar == "X" || scalar == "*"
    }
}
