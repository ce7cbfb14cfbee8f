/// One challenge of a `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"`.
///
/// See RFC 7235 section 4.1 and https://distribution.github.io/distribution/spec/auth/token/.
struct AuthChallenge: Sendable, Equatable {
    /// The scheme, lowercased: `bearer` or `basic`.
    let scheme: String
    /// Parameter names lowercased.
    let parameters: [String: String]

    /// Every challenge in a header value, in order.
    static func parse(_ header: String) -> [AuthChallenge] {
        var challenges: [AuthChallenge] = []
        var scanner = Scanner(Array(header.unicodeScalars))
        while let scheme = scanner.token() {
            var parameters: [String: String] = [:]
            while true {
                scanner.skip(while: { $0 == " " || $0 == "," })
                let mark = scanner.position
                guard let name = scanner.token(), scanner.consume("=") else {
                    scanner.position = mark
                    break
                }
                parameters[name.lowercased()] = scanner.quoted() ?? scanner.token() ?? ""
            }
            challenges.append(AuthChallenge(scheme: scheme.lowercased(), parameters: parameters))
        }
        return challenges
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
            while position < scalars.count, predicate(scalars[position]) { position += 1 }
        }

        mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
            skip(while: { $0 == " " })
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
            skip(while: { $0 == " " })
            return true
        }

        /// A run of token characters (anything but space, comma, '=' and quotes).
        mutating func token() -> String? {
            skip(while: { $0 == " " || $0 == "," })
            let start = position
            skip(while: { $0 != " " && $0 != "," && $0 != "=" && $0 != "\"" })
            guard position > start else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<position]))
        }

        /// A quoted string with backslash escapes.
        mutating func quoted() -> String? {
            guard position < scalars.count, scalars[position] == "\"" else { return nil }
            position += 1
            var value = String.UnicodeScalarView()
            while position < scalars.count, scalars[position] != "\"" {
                if scalars[position] == "\\", position + 1 < scalars.count { position += 1 }
                value.append(scalars[position])
                position += 1
            }
            position += 1
            return String(value)
        }
    }
}
