/// A unified diff of two versions of a file whose lines were changed in place, one hunk per run
/// of changed lines with no context, as `diff -U0` prints it.
enum UnifiedDiff {
    static func render(path: String, old: String, new: String) -> String {
        let before = old.split(separator: "\n", omittingEmptySubsequences: false)
        let after = new.split(separator: "\n", omittingEmptySubsequences: false)
        // Relative paths get git's a/ and b/ prefixes; absolute ones stand as they are.
        let (from, to) = path.hasPrefix("/") ? (path, path) : ("a/" + path, "b/" + path)
        var text = "--- \(from)\n+++ \(to)\n"
        guard before.count == after.count else {
            // Edits that change the number of lines: show the whole file once.
            text += "@@ -1,\(before.count) +1,\(after.count) @@\n"
            text += before.map { "-\($0)\n" }.joined() + after.map { "+\($0)\n" }.joined()
            return text
        }
        var line = 0
        while line < before.count {
            guard before[line] != after[line] else {
                line += 1
                continue
            }
            var end = line
            while end < before.count, before[end] != after[end] { end += 1 }
            let count = end - line
            text += "@@ -\(line + 1),\(count) +\(line + 1),\(count) @@\n"
            text += before[line..<end].map { "-\($0)\n" }.joined() + after[line..<end].map { "+\($0)\n" }.joined()
            line = end
        }
        return text
    }
}
