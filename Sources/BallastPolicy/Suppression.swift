import BallastMatching

/// A statement that a vulnerability does not need action for some products.
public struct Suppression: Codable, Hashable, Sendable {
    /// The vulnerability identifier (CVE, GHSA…), matched against every identifier of a finding.
    public var vulnerability: String
    /// Package URLs, image digests or package names it applies to; empty means every product.
    public var products: [String]
    /// `not_affected`, `fixed`, `false_positive`, `ignored`…
    public var status: String
    public var justification: String?
    /// Where it came from: a VEX file or the ignore file, with the line.
    public var source: String
    /// For ignore-file entries: the last day the entry holds.
    public var expires: String?

    /// Whether this statement covers `finding` in an image with digest `imageDigest`.
    public func covers(_ finding: Finding, imageDigests: Set<String>) -> Bool {
        guard finding.identifiers.contains(vulnerability) else { return false }
        guard !products.isEmpty else { return true }
        return products.contains { product in
            if imageDigests.contains(product) { return true }
            if imageDigests.contains(where: {
                product.hasSuffix("@" + $0) || product.hasSuffix("@" + $0.replacingOccurrences(of: ":", with: "%3A"))
            }) {
                return true
            }
            return Suppression.purl(product, matches: finding.component.purl) || product == finding.component.name
        }
    }

    /// A product purl matches when type, namespace, name and version agree; qualifiers the
    /// statement leaves out are not required.
    static func purl(_ product: String, matches purl: String) -> Bool {
        func base(_ text: String) -> String { String(text.split(separator: "?").first ?? Substring(text)) }
        if product == purl || base(product) == base(purl) { return true }
        // A purl without a version covers every version.
        return !base(product).contains("@") && base(purl).hasPrefix(base(product) + "@")
    }
}
