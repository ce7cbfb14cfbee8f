import Foundation

/// The patterns of a `.dockerignore` file, enough to tell whether a top-level path is excluded.
///
/// Follows the documented syntax (https://docs.docker.com/build/concepts/context/#dockerignore-files):
/// `#` comments, one pattern a line, `!` re-includes, the last matching pattern wins.
struct DockerignoreFile {
    private let patterns: [(pattern: String, negated: Bool)]

    init(_ text: String) {
        patterns = text.split(whereSeparator: \.isNewline).compactMap { raw in
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let negated = line.hasPrefix("!")
            if negated {
                line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            return (Self.normalize(line), negated)
        }
    }

    /// Whether the context's top-level entry `name` (such as `node_modules`) is left out.
    func excludes(_ name: String) -> Bool {
        var excluded = false
        for (pattern, negated) in patterns where Self.glob(pattern, matches: name) {
            excluded = !negated
        }
        return excluded
    }

    private static func normalize(_ pattern: String) -> String {
        var result = Substring(pattern)
        while result.hasPrefix("/") || result.hasPrefix("./") {
            result = result.hasPrefix("/") ? result.dropFirst() : result.dropFirst(2)
        }
        if result.hasPrefix("**/") {
            result = result.dropFirst(3)
        }
        while result.hasSuffix("/**") || result.hasSuffix("/") {
            result = result.hasSuffix("/") ? result.dropLast() : result.dropLast(3)
        }
        return String(result)
    }

    /// Matches `*`, `**` and `?` against one path component.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        let pattern = Array(pattern.replacingOccurrences(of: "**", with: "*"))
        let name = Array(name)
        var memo: [Int: Bool] = [:]

        func match(_ p: Int, _ n: Int) -> Bool {
            let key = p * (name.count + 1) + n
            if let known = memo[key] {
                return known
            }
            let result: Bool
            if p == pattern.count {
                result = n == name.count
            } else if pattern[p] == "*" {
                result = match(p + 1, n) || (n < name.count && name[n] != "/" && match(p, n + 1))
            } else if n < name.count, pattern[p] == "?" || pattern[p] == name[n] {
                result = match(p + 1, n + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
