import Foundation

/// Reads CISA's KEV catalogue JSON (https://www.cisa.gov/known-exploited-vulnerabilities-catalog):
/// `{catalogVersion, dateReleased, count, vulnerabilities: [{cveID, vendorProject, …}]}`.
enum KEVParser {
    static func parse(_ data: Data) throws -> FeedContent {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = object["vulnerabilities"] as? [Any]
        else { throw InvalidRecord("not a KEV catalogue: no vulnerabilities array") }

        var content = FeedContent()
        for (index, value) in entries.enumerated() {
            guard let entry = value as? [String: Any], let cve = entry["cveID"] as? String, cve.hasPrefix("CVE-"),
                let dateAdded = entry["dateAdded"] as? String
            else {
                content.skip("entry \(index + 1) has no cveID or dateAdded")
                continue
            }
            content.kev.append(
                KEVEntry(
                    cve: cve, vendor: entry["vendorProject"] as? String ?? "",
                    product: entry["product"] as? String ?? "",
                    name: entry["vulnerabilityName"] as? String ?? "", dateAdded: dateAdded,
                    dueDate: entry["dueDate"] as? String ?? "",
                    knownRansomwareCampaignUse: entry["knownRansomwareCampaignUse"] as? String ?? "Unknown"))
            content.records += 1
        }
        return content
    }
}
