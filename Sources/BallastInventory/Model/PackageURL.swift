/// Package URLs as the purl specification writes them
/// (https://github.com/package-url/purl-spec/blob/master/PURL-SPECIFICATION.rst).
///
/// The Node.js runtime has no purl type of its own. Ballast writes an upstream build as
/// `pkg:generic/node@VERSION` with a `download_url` qualifier naming nodejs.org, so that it is
/// never mistaken for a distribution's `nodejs` package, which keeps its own `pkg:deb` or
/// `pkg:apk` purl.
public enum PackageURL {
    public static func deb(name: String, version: String, architecture: String?, distro: String?) -> String {
        var qualifiers: [(String, String)] = []
        if let architecture { qualifiers.append(("arch", architecture)) }
        if let distro { qualifiers.append(("distro", distro)) }
        return make(type: "deb", namespace: "debian", name: name, version: version, qualifiers: qualifiers)
    }

    public static func apk(name: String, version: String, architecture: String?, namespace: String, distro: String?)
        -> String
    {
        var qualifiers: [(String, String)] = []
        if let architecture { qualifiers.append(("arch", architecture)) }
        if let distro { qualifiers.append(("distro", distro)) }
        return make(type: "apk", namespace: namespace, name: name, version: version, qualifiers: qualifiers)
    }

    /// `@scope/name` becomes namespace `%40scope` and name `name`.
    public static func npm(name: String, version: String) -> String {
        if name.hasPrefix("@"), let slash = name.firstIndex(of: "/") {
            let scope = String(name[..<slash])
            let bare = String(name[name.index(after: slash)...])
            return make(type: "npm", namespace: scope, name: bare, version: version, qualifiers: [])
        }
        return make(type: "npm", namespace: nil, name: name, version: version, qualifiers: [])
    }

    public static func nodeRuntime(version: String) -> String {
        make(
            type: "generic", namespace: nil, name: "node", version: version,
            qualifiers: [("download_url", "https://nodejs.org/dist/v\(version)/")])
    }

    static func make(type: String, namespace: String?, name: String, version: String, qualifiers: [(String, String)])
        -> String
    {
        var text = "pkg:\(type)/"
        if let namespace { text += encode(namespace) + "/" }
        text += encode(name) + "@" + encode(version)
        let sorted = qualifiers.sorted { $0.0 < $1.0 }
        if !sorted.isEmpty {
            text += "?" + sorted.map { "\($0.0)=\(encode($0.1, keepSlash: true))" }.joined(separator: "&")
        }
        return text
    }

    /// Percent-encodes everything but unreserved characters (and `:` in versions, as the
    /// specification's examples for Debian epochs keep it).
    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        for byte in text.utf8 {
            let character = Character(Unicode.Scalar(byte))
            let unreserved =
                character.isASCII && (character.isLetter || character.isNumber || "-._~".contains(character))
            if unreserved || character == ":" || (keepSlash && character == "/") {
                out.append(character)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
