import BallastDigest

/// Splits a reference string into domain, path, tag and digest, checking each part against the
/// distribution grammar and then normalising as Docker does.
struct ReferenceParser {
    private let text: String

    init(_ text: String) {
        self.text = text
    }

    func parse() throws(ReferenceError) -> ImageReference {
        guard !text.isEmpty else { throw .empty }

        var remainder = Substring(text)
        var digest: Digest?
        if let at = remainder.firstIndex(of: "@") {
            do {
                digest = try Digest(parsing: remainder[remainder.index(after: at)...])
            } catch {
                throw .invalidDigest(text)
            }
            remainder = remainder[..<at]
        }

        // A tag is whatever follows the last ':' provided no '/' follows it (else it is a port).
        var tag: String?
        if let colon = remainder.lastIndex(of: ":"), !remainder[colon...].contains("/") {
            let candidate = remainder[remainder.index(after: colon)...]
            guard Self.isValidTag(candidate) else { throw .invalidTag(text) }
            tag = String(candidate)
            remainder = remainder[..<colon]
        }

        let name = String(remainder)
        guard !name.isEmpty else { throw .invalidFormat(text, reason: "the repository name is missing") }
        let (domain, path) = try split(name)

        if tag == nil, digest == nil {
            tag = ImageReference.defaultTag
        }
        return ImageReference(domain: domain, path: path, tag: tag, digest: digest)
    }

    /// Separates the domain from the path and applies Docker's defaults.
    private func split(_ name: String) throws(ReferenceError) -> (String, String) {
        var domain = ImageReference.defaultDomain
        var path = name
        if let slash = name.firstIndex(of: "/") {
            let first = name[..<slash]
            let looksLikeDomain =
                first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first
            if looksLikeDomain {
                domain = String(first)
                path = String(name[name.index(after: slash)...])
                try checkDomain(domain)
            }
        }
        if domain == "index.docker.io" {
            domain = ImageReference.defaultDomain
        }
        if domain == ImageReference.defaultDomain, !path.contains("/") {
            path = "library/" + path
        }
        guard name.count <= 255 else { throw .nameTooLong(text) }
        try checkPath(path)
        return (domain, path)
    }

    private func checkDomain(_ domain: String) throws(ReferenceError) {
        var host = Substring(domain)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else {
                throw .invalidFormat(text, reason: "unterminated IPv6 address in '\(domain)'")
            }
            let address = host[host.index(after: host.startIndex)..<close]
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .invalidFormat(text, reason: "'\(domain)' is not a valid IPv6 address")
            }
            host = host[host.index(after: close)...]
            if !host.isEmpty {
                try checkPort(host)
            }
            return
        }
        if let colon = host.firstIndex(of: ":") {
            try checkPort(host[colon...])
            host = host[..<colon]
        }
        for component in host.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(component.utf8)
            let valid =
                !bytes.isEmpty && bytes.allSatisfy { Self.isAlphaNumeric($0, allowUpper: true) || $0 == 0x2D }
                && bytes.first != 0x2D && bytes.last != 0x2D
            guard valid else {
                throw .invalidFormat(text, reason: "'\(domain)' is not a valid registry host")
            }
        }
    }

    private func checkPort(_ part: Substring) throws(ReferenceError) {
        let digits = part.dropFirst()
        guard part.first == ":", !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidFormat(text, reason: "'\(part)' is not a valid port")
        }
    }

    private func checkPath(_ path: String) throws(ReferenceError) {
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.contains(where: { $0.isUppercase }) {
                throw .uppercase(text)
            }
            guard Self.isValidPathComponent(component) else {
                throw .invalidFormat(
                    text,
                    reason: "'\(component)' is not a valid path component (lowercase letters and digits, "
                        + "separated by '.', '_', '__' or '-')"
                )
            }
        }
    }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
    static func isValidPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        guard let first = bytes.first, let last = bytes.last,
            isAlphaNumeric(first, allowUpper: false), isAlphaNumeric(last, allowUpper: false)
        else { return false }
        var index = 0
        while index < bytes.count {
            if isAlphaNumeric(bytes[index], allowUpper: false) {
                index += 1
                continue
            }
            // A separator run: '.', '_', '__' or one or more '-'.
            var end = index
            while end < bytes.count, !isAlphaNumeric(bytes[end], allowUpper: false) { end += 1 }
            let separator = bytes[index..<end]
            let allDashes = separator.allSatisfy { $0 == 0x2D }
            let valid =
                allDashes || separator.elementsEqual([0x2E]) || separator.elementsEqual([0x5F])
                || separator.elementsEqual([0x5F, 0x5F])
            guard valid else { return false }
            index = end
        }
        return true
    }

    /// `[\w][\w.-]{0,127}`
    static func isValidTag(_ tag: Substring) -> Bool {
        let bytes = Array(tag.utf8)
        guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
        return bytes.allSatisfy { isWord($0) || $0 == 0x2E || $0 == 0x2D }
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        isAlphaNumeric(byte, allowUpper: true) || byte == 0x5F
    }

    private static func isAlphaNumeric(_ byte: UInt8, allowUpper: Bool) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (allowUpper && byte >= 0x41 && byte <= 0x5A)
    }
}
