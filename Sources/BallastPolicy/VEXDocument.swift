import Foundation

/// Reads VEX statements from OpenVEX (https://github.com/openvex/spec) and CycloneDX VEX
/// (https://cyclonedx.org/capabilities/vex/) JSON documents.
///
/// Statements whose status says no action is needed suppress findings: OpenVEX `not_affected`
/// and `fixed`; CycloneDX analysis states `not_affected`, `false_positive` and `resolved`.
public enum VEXDocument {
    public static func suppressions(path: String) throws(PolicyError) -> [Suppression] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: "no such file or not readable")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .invalidVEX(path: path, reason: "not a JSON object")
        }
        if let statements = object["statements"] as? [[String: Any]] {
            return try openVEX(statements, path: path)
        }
        if object["bomFormat"] as? String == "CycloneDX" || object["vulnerabilities"] != nil {
            return try cycloneDX(object["vulnerabilities"] as? [[String: Any]] ?? [], path: path)
        }
        throw .invalidVEX(path: path, reason: "neither OpenVEX statements nor CycloneDX vulnerabilities")
    }

    private static func openVEX(_ statements: [[String: Any]], path: String) throws(PolicyError) -> [Suppression] {
        var result: [Suppression] = []
        for (index, statement) in statements.enumerated() {
            let vulnerability: String?
            if let name = statement["vulnerability"] as? String {
                vulnerability = name
            } else if let object = statement["vulnerability"] as? [String: Any] {
                vulnerability = object["name"] as? String ?? object["@id"] as? String
            } else {
                vulnerability = nil
            }
            guard let vulnerability, let status = statement["status"] as? String else {
                throw .invalidVEX(path: path, reason: "statement \(index + 1) has no vulnerability or status")
            }
            guard status == "not_affected" || status == "fixed" else { continue }
            let products: [String] = (statement["products"] as? [Any] ?? []).compactMap { product in
                if let text = product as? String { return text }
                guard let object = product as? [String: Any] else { return nil }
                let identifiers = object["identifiers"] as? [String: Any]
                return object["@id"] as? String ?? identifiers?["purl"] as? String
            }
            result.append(
                Suppression(
                    vulnerability: vulnerability, products: products, status: status,
                    justification: statement["justification"] as? String ?? statement["impact_statement"] as? String,
                    source: path, expires: nil))
        }
        return result
    }

    private static func cycloneDX(_ vulnerabilities: [[String: Any]], path: String) throws(PolicyError) -> [Suppression]
    {
        var result: [Suppression] = []
        for (index, vulnerability) in vulnerabilities.enumerated() {
            guard let id = vulnerability["id"] as? String else {
                throw .invalidVEX(path: path, reason: "vulnerability \(index + 1) has no id")
            }
            let analysis = vulnerability["analysis"] as? [String: Any] ?? [:]
            guard let state = analysis["state"] as? String,
                ["not_affected", "false_positive", "resolved"].contains(state)
            else { continue }
            let products = (vulnerability["affects"] as? [[String: Any]] ?? []).compactMap { $0["ref"] as? String }
            result.append(
                Suppression(
                    vulnerability: id, products: products, status: state,
                    justification: analysis["justification"] as? String ?? analysis["detail"] as? String, source: path,
                    expires: nil))
        }
        return result
    }
}
