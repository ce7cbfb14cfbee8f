import Foundation

/// The feed formats Ballast imports, each the format as its publisher writes it.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    /// One OSV record (https://ossf.github.io/osv-schema/) or a zip of them (`all.zip`).
    case osv
    /// The Debian security tracker's JSON (https://security-tracker.debian.org/tracker/data/json).
    case debianTracker = "debian-tracker"
    /// An Alpine or Wolfi secdb file, YAML or JSON (https://secdb.alpinelinux.org).
    case secdb
    /// The Node.js security WG core index or one core advisory file.
    case nodejsCore = "nodejs-core"
    /// The Node.js security WG npm index or one npm advisory file.
    case nodejsNpm = "nodejs-npm"
    /// The Node.js release schedule (https://github.com/nodejs/Release/blob/main/schedule.json).
    case nodejsSchedule = "nodejs-schedule"
    /// CISA's KEV catalogue JSON.
    case kev
    /// FIRST's EPSS CSV, plain or gzipped.
    case epss

    /// Tells the format from the first bytes and, when they leave doubt, the file name.
    public static func detect(_ data: Data, name: String) -> FeedFormat? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .osv }
        if data.starts(with: [0x1F, 0x8B]) {
            // Only EPSS is published gzipped; look inside for anything else.
            guard let inner = try? CompressedFeed.gunzip(data, path: name) else { return nil }
            return detect(inner, name: name)
        }
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace }
        if trimmed.hasPrefix("#model_version") || trimmed.lowercased().hasPrefix("cve,epss") { return .epss }
        if !trimmed.hasPrefix("{") && head.contains("secfixes") { return .secdb }
        guard trimmed.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return detect(object)
    }

    private static func detect(_ object: [String: Any]) -> FeedFormat? {
        if object["vulnerabilities"] != nil && object["catalogVersion"] != nil { return .kev }
        if object["packages"] is [Any] { return .secdb }
        if object["id"] is String && (object["affected"] != nil || object["modified"] != nil) { return .osv }
        if object["module_name"] != nil { return .nodejsNpm }
        if object["vulnerable"] != nil && object["patched"] != nil { return .nodejsCore }
        guard let sample = object.values.first as? [String: Any] else { return nil }
        if sample["module_name"] != nil { return .nodejsNpm }
        if sample["vulnerable"] != nil { return .nodejsCore }
        if sample["start"] != nil && sample["end"] != nil { return .nodejsSchedule }
        if let cve = sample.values.first as? [String: Any], cve["releases"] != nil { return .debianTracker }
        return nil
    }
}
