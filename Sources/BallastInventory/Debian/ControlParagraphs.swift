import Foundation

/// Splits Debian control data (deb822: `dpkg/status`, `status.d/*`) into paragraphs of fields.
///
/// Field names are case-insensitive and kept as written; continuation lines (starting with a
/// space or tab) belong to the field above and are joined with newlines.
enum ControlParagraphs {
    struct Paragraph {
        var fields: [String: String] = [:]
        /// The 1-based line where the paragraph starts, for messages.
        var line: Int

        subscript(_ name: String) -> String? {
            fields[name.lowercased()]
        }
    }

    static func parse(_ text: String) -> (paragraphs: [Paragraph], malformedLines: [Int]) {
        var paragraphs: [Paragraph] = []
        var malformed: [Int] = []
        var current: Paragraph?
        var lastField: String?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if let paragraph = current { paragraphs.append(paragraph) }
                current = nil
                lastField = nil
                continue
            }
            if line.first == " " || line.first == "\t" {
                if let field = lastField, current != nil {
                    current!.fields[field, default: ""] += "\n" + line.dropFirst()
                } else {
                    malformed.append(lineNumber)
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                malformed.append(lineNumber)
                continue
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if current == nil { current = Paragraph(line: lineNumber) }
            current!.fields[name] = value
            lastField = name
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        return (paragraphs, malformed)
    }
}
