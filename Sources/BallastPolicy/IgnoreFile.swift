import Foundation

/// The project's own exceptions, `.ballastignore`: one vulnerability a line, each with an
/// expiry date and a reason, so no exception outlives the decision behind it.
///
/// ```
/// # ID            until       reason
/// CVE-2021-23337  until 2027-01-31  lodash.template is not used; removal tracked in the backlog
/// GHSA-xvch-5gv4-984h until 2026-12-31 package minimist  only parses our own arguments
/// ```
/// An entry past its date stops suppressing, and the scan says so.
public enum IgnoreFile {
    public struct Entry: Sendable, Equatable {
        public var suppression: Suppression
        public var line: Int
    }

    public static func entries(path: String) throws(PolicyError) -> [Entry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "no such file or not UTF-8 text")
        }
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let id = words.removeFirst()
            guard words.count >= 2, words[0] == "until", isDate(words[1]) else {
                throw .invalidIgnoreEntry(path: path, line: index + 1, reason: "'\(id)' has no expiry date")
            }
            let expires = words[1]
            words.removeFirst(2)
            var products: [String] = []
            if words.first == "package", words.count >= 2 {
                products = [words[1]]
                words.removeFirst(2)
            }
            guard !words.isEmpty else {
                throw .invalidIgnoreEntry(path: path, line: index + 1, reason: "'\(id)' gives no reason")
            }
            let suppression = Suppression(
                vulnerability: id, products: products, status: "ignored", justification: words.joined(separator: " "),
                source: "\(path):\(index + 1)", expires: expires)
            entries.append(Entry(suppression: suppression, line: index + 1))
        }
        return entries
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
