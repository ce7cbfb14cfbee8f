import Foundation

/// The operating system's identity from `os-release`.
///
/// See https://www.freedesktop.org/software/systemd/man/latest/os-release.html: shell-style
/// `KEY=value` lines, values optionally quoted with `"` or `'`, backslash escapes inside
/// double quotes.
public struct OSRelease: Codable, Hashable, Sendable {
    public var id: String?
    public var versionID: String?
    public var versionCodename: String?
    public var prettyName: String?
    public var name: String?

    /// The files to read, in order of preference.
    public static let paths = ["etc/os-release", "usr/lib/os-release"]

    public init(id: String? = nil, versionID: String? = nil, versionCodename: String? = nil, prettyName: String? = nil)
    {
        self.id = id
        self.versionID = versionID
        self.versionCodename = versionCodename
        self.prettyName = prettyName
    }

    public init(parsing text: String) {
        let fields = OSRelease.fields(text)
        id = fields["ID"]
        versionID = fields["VERSION_ID"]
        versionCodename = fields["VERSION_CODENAME"]
        prettyName = fields["PRETTY_NAME"]
        name = fields["NAME"]
    }

    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals])
            fields[key] = unquote(String(line[line.index(after: equals)...]))
        }
        return fields
    }

    private static func unquote(_ value: String) -> String {
        guard let first = value.first, first == "\"" || first == "'" else { return value }
        var body = value.dropFirst()
        if body.last == first { body = body.dropLast() }
        guard first == "\"" else { return String(body) }
        var result = ""
        var escaped = false
        for character in body {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
