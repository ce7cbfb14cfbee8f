/// The small part of YAML that Alpine's secdb files use: block mappings and sequences by
/// indentation, `- key: value` items, plain and quoted scalars, comments and `---`.
///
/// Anchors, flow collections, multi-line scalars and tags are refused rather than misread.
/// Mappings become `[String: Any]`, sequences `[Any]`, scalars `String`.
struct SecDBYAML {
    private struct Line {
        var indent: Int
        var text: Substring
        let number: Int
    }

    private var lines: [Line] = []
    private var index = 0

    static func parse(_ text: String) throws -> Any {
        var parser = SecDBYAML()
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let content = body.drop { $0 == " " }
            if content.isEmpty || content.hasPrefix("#") || content == "---" { continue }
            if content.hasPrefix("\t") { throw InvalidRecord("line \(offset + 1): tabs cannot indent YAML") }
            parser.lines.append(Line(indent: body.count - content.count, text: content, number: offset + 1))
        }
        guard let first = parser.lines.first else { throw InvalidRecord("empty YAML document") }
        return try parser.node(indent: first.indent)
    }

    private mutating func node(indent: Int) throws -> Any {
        isSequenceItem(lines[index].text) ? try sequence(indent: indent) : try mapping(indent: indent)
    }

    private func isSequenceItem(_ text: Substring) -> Bool {
        text == "-" || text.hasPrefix("- ")
    }

    private mutating func sequence(indent: Int) throws -> [Any] {
        var items: [Any] = []
        while index < lines.count, lines[index].indent == indent, isSequenceItem(lines[index].text) {
            let rest = lines[index].text.dropFirst().drop { $0 == " " }
            if rest.isEmpty {
                index += 1
                guard index < lines.count, lines[index].indent > indent else {
                    items.append("")
                    continue
                }
                items.append(try node(indent: lines[index].indent))
            } else if try splitKey(rest, line: lines[index].number) != nil {
                // `- key: value` opens a mapping whose keys line up with `key`.
                let childIndent = indent + (lines[index].text.count - rest.count)
                lines[index] = Line(indent: childIndent, text: rest, number: lines[index].number)
                items.append(try mapping(indent: childIndent))
            } else {
                items.append(try scalar(rest, line: lines[index].number))
                index += 1
            }
        }
        return items
    }

    private mutating func mapping(indent: Int) throws -> [String: Any] {
        var result: [String: Any] = [:]
        while index < lines.count, lines[index].indent == indent, !isSequenceItem(lines[index].text) {
            let line = lines[index]
            guard let (key, value) = try splitKey(line.text, line: line.number) else {
                throw InvalidRecord("line \(line.number): expected 'key: value'")
            }
            index += 1
            if !value.isEmpty {
                result[key] = try scalar(value, line: line.number)
            } else if index < lines.count,
                lines[index].indent > indent
                    || (lines[index].indent == indent && isSequenceItem(lines[index].text))
            {
                result[key] = try node(indent: lines[index].indent)
            } else {
                result[key] = ""
            }
        }
        if index < lines.count, lines[index].indent > indent {
            throw InvalidRecord("line \(lines[index].number): unexpected indentation")
        }
        return result
    }

    /// Splits `key: value` (or `key:`), honouring a quoted key; nil when the text is no mapping entry.
    private func splitKey(_ text: Substring, line: Int) throws -> (String, Substring)? {
        var keyEnd = text.startIndex
        if let quote = text.first, quote == "'" || quote == "\"" {
            guard let close = text.dropFirst().firstIndex(of: quote) else {
                throw InvalidRecord("line \(line): unterminated quote")
            }
            keyEnd = text.index(after: close)
            guard keyEnd < text.endIndex, text[keyEnd] == ":" else { return nil }
        } else {
            guard
                let colon = text.firstRange(of: ": ")?.lowerBound
                    ?? (text.hasSuffix(":") ? text.index(before: text.endIndex) : nil)
            else { return nil }
            keyEnd = colon
        }
        let key = try scalar(text[..<keyEnd], line: line)
        let value = text[text.index(after: keyEnd)...].drop { $0 == " " }
        return (key, value)
    }

    private func scalar(_ text: Substring, line: Int) throws -> String {
        var value = text
        if let quote = value.first, quote == "'" || quote == "\"" {
            guard value.count >= 2, value.last == quote else { throw InvalidRecord("line \(line): unterminated quote") }
            return String(value.dropFirst().dropLast())
        }
        if let comment = value.firstRange(of: " #") { value = value[..<comment.lowerBound] }
        if let first = value.first, "&*!|>[{".contains(first) {
            throw InvalidRecord("line \(line): YAML feature '\(first)' is not supported in secdb files")
        }
        return String(value.trimmingSuffix(while: { $0 == " " }))
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
