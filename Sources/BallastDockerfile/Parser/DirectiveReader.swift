/// Reads the parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of a Dockerfile.
///
/// Directives are read until the first line that is not one: a comment, a blank line, an
/// instruction or an unknown directive. Each known directive may appear once.
struct DirectiveReader {
    private(set) var values = ParserDirectives()
    private(set) var done = false
    private var seen: Set<String> = []

    var escape: Unicode.Scalar {
        values.escape.unicodeScalars.first ?? "\\"
    }

    /// Looks at one line (left white space already removed); `position` locates errors.
    mutating func read(
        _ line: ArraySlice<Unicode.Scalar>, path: String, position: SourcePosition
    ) throws(DockerfileError) {
        guard !done else { return }
        guard let (name, value) = Self.match(line) else {
            done = true
            return
        }
        let key = name.lowercased()
        guard ["syntax", "escape", "check"].contains(key) else {
            done = true
            return
        }
        guard seen.insert(key).inserted else {
            throw .syntax(
                path: path, line: position.line, column: position.column,
                detail: "the \(key) parser directive appears twice; keep only one"
            )
        }
        switch key {
        case "escape":
            guard value == "\\" || value == "`" else {
                throw .syntax(
                    path: path, line: position.line, column: position.column,
                    detail: "escape directive '\(value)' is not valid; use '\\' or '`'"
                )
            }
            values.escape = Character(value)
        case "syntax":
            values.syntax = value
        default:
            values.check = value
        }
    }

    /// Matches `#[ \t]*name[ \t]*=[ \t]*value[ \t]*` with a name of letters and digits.
    static func match(_ line: ArraySlice<Unicode.Scalar>) -> (String, String)? {
        var index = line.startIndex
        guard index < line.endIndex, line[index] == "#" else { return nil }
        index += 1
        index = skipBlanks(line, from: index)
        let nameStart = index
        guard index < line.endIndex, line[index].isASCII, line[index].properties.isAlphabetic else { return nil }
        while index < line.endIndex, line[index].isASCII,
            line[index].properties.isAlphabetic
                || (line[index].value >= 0x30 && line[index].value <= 0x39)
        {
            index += 1
        }
        let name = String(String.UnicodeScalarView(line[nameStart..<index]))
        index = skipBlanks(line, from: index)
        guard index < line.endIndex, line[index] == "=" else { return nil }
        index = skipBlanks(line, from: index + 1)
        var end = line.endIndex
        while end > index, line[end - 1] == " " || line[end - 1] == "\t" {
            end -= 1
        }
        guard end > index else { return nil }
        return (name, String(String.UnicodeScalarView(line[index..<end])))
    }

    private static func skipBlanks(_ line: ArraySlice<Unicode.Scalar>, from start: Int) -> Int {
        var index = start
        while index < line.endIndex, line[index] == " " || line[index] == "\t" {
            index += 1
        }
        return index
    }
}
