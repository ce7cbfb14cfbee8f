import Foundation

/// Parses Dockerfiles exactly as BuildKit's parser does, keeping the position of every part.
///
/// The reading follows BuildKit's `parser.Parse`: parser directives at the top, comment and blank
/// lines skipped, continuation lines joined with the active escape character (comment and empty
/// lines inside a continuation skipped), then heredoc bodies for `RUN`, `COPY` and `ADD`. Unlike
/// BuildKit, an unknown instruction is an error here rather than at build time.
public struct DockerfileParser: Sendable {
    public init() {}

    /// Parses a file's bytes, rejecting binary files and invalid UTF-8 with the position of the first bad byte.
    public func parse(data: Data, path: String) throws(DockerfileError) -> Dockerfile {
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = Self.lineAndColumn(of: nul, in: bytes)
            throw .binaryFile(path: path, line: line, column: column)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = Self.firstInvalidUTF8Offset(bytes)
            let (line, column) = Self.lineAndColumn(of: bad, in: bytes)
            throw .invalidEncoding(path: path, line: line, column: column)
        }
        return try parse(text: text, path: path)
    }

    /// Parses a file that was read from `url`.
    public func parse(contentsOf url: URL) throws(DockerfileError) -> Dockerfile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(
                path: url.path,
                reason: "cannot read the file (\(error.localizedDescription)); check the path and its permissions")
        }
        return try parse(data: data, path: url.path)
    }

    /// Parses Dockerfile text; `path` appears in error messages and findings.
    public func parse(text: String, path: String) throws(DockerfileError) -> Dockerfile {
        if text.unicodeScalars.contains("\0") {
            let bytes = Array(text.utf8)
            let (line, column) = Self.lineAndColumn(of: bytes.firstIndex(of: 0) ?? 0, in: bytes)
            throw .binaryFile(path: path, line: line, column: column)
        }
        let source = SourceText(text)
        var reader = LineReader(source: source, path: path)
        let instructions = try reader.readInstructions()
        guard let first = instructions.first, let last = instructions.last else {
            throw .noInstructions(path: path)
        }
        return Dockerfile(
            path: path, text: text, directives: reader.directives.values, instructions: instructions,
            lines: first.startLine...last.endLine, source: source
        )
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return offset
            case .error:
                return offset
            }
        }
    }
}
