import Foundation

/// The CVSS v3.0 and v3.1 base score of a vector, for feeds that give the vector only (OSV
/// `severity[]`).
///
/// See https://www.first.org/cvss/v3.1/specification-document, section 7.1 and Appendix A
/// (the Roundup function); v3.0 differs only in rounding up directly.
public enum CVSSv3 {
    /// The base score of `vector` (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H` → 9.8), or nil
    /// when it is not a complete v3 vector.
    public static func baseScore(_ vector: String) -> Double? {
        let parts = vector.split(separator: "/").map(String.init)
        guard let version = parts.first, version == "CVSS:3.0" || version == "CVSS:3.1" else { return nil }
        var metrics: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return nil }
            metrics[pair[0]] = pair[1]
        }
        let changed = metrics["S"] == "C"
        guard metrics["S"] == "U" || changed,
            let attackVector = ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2][metrics["AV"] ?? ""],
            let complexity = ["L": 0.77, "H": 0.44][metrics["AC"] ?? ""],
            let privileges = (changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27])[
                metrics["PR"] ?? ""],
            let interaction = ["N": 0.85, "R": 0.62][metrics["UI"] ?? ""],
            let confidentiality = impact(metrics["C"]), let integrity = impact(metrics["I"]),
            let availability = impact(metrics["A"])
        else { return nil }

        let subScore = 1 - (1 - confidentiality) * (1 - integrity) * (1 - availability)
        let impact =
            changed ? 7.52 * (subScore - 0.029) - 3.25 * pow(subScore - 0.02, 15) : 6.42 * subScore
        let exploitability = 8.22 * attackVector * complexity * privileges * interaction
        guard impact > 0 else { return 0 }
        let total = min((changed ? 1.08 : 1) * (impact + exploitability), 10)
        return version == "CVSS:3.1" ? roundUp(total) : (total * 10).rounded(.up) / 10
    }

    private static func impact(_ value: String?) -> Double? {
        ["H": 0.56, "L": 0.22, "N": 0][value ?? ""]
    }

    /// CVSS 3.1 Roundup: the smallest one-decimal number at or above `value`, computed on
    /// integers so floating-point noise does not push 4.0 to 4.1.
    private static func roundUp(_ value: Double) -> Double {
        let scaled = Int((value * 100_000).rounded())
        return scaled % 10_000 == 0 ? Double(scaled) / 100_000 : Double(scaled / 10_000 + 1) / 10
    }
}
