/// A plain text table with aligned columns, for people.
struct TextTable {
    enum Alignment { case left, right }

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The width of a cell on screen: ANSI colour sequences take no room.
    static func visibleWidth(_ cell: String) -> Int {
        var width = 0
        var inEscape = false
        for character in cell {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }

    func render(indent: String = "") -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { TextTable.visibleWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            let cells = row.indices.map { column -> String in
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - TextTable.visibleWidth(cell))
                if column == row.count - 1, alignments[column] == .left { return cell }
                return alignments[column] == .right ? padding + cell : cell + padding
            }
            return indent + cells.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
