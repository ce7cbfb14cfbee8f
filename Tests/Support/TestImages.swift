import Foundation

/// The real images built by `../shared/testimages/build.sh`, found through `images.tsv`.
///
/// The folder is `$TESTIMAGES_DIR`, else `~/.cache/testimages`; `scripts/test` builds it.
/// Expected contents come from `meta/<name>.json`, never from numbers written into tests.
public struct TestImages: Sendable {
    public let root: URL

    public struct Entry: Sendable {
        public let name: String
        public let repoTag: String
        public let ociDirectory: String
        public let ociRef: String
        public let dockerArchive: String
        public let docker25Archive: String?
    }

    public static let shared: TestImages = {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["TESTIMAGES_DIR"] ?? (NSHomeDirectory() + "/.cache/testimages")
        return TestImages(root: URL(fileURLWithPath: path))
    }()

    /// Every built image, by name.
    public func entries() throws -> [String: Entry] {
        let index = root.appendingPathComponent("images.tsv")
        guard let text = try? String(contentsOf: index, encoding: .utf8) else {
            throw TestSupportError("no test images at \(root.path); run scripts/test (or scripts/build-test-images)")
        }
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 6 else { continue }
            let resolve = { (path: String) in path.hasPrefix("/") ? path : self.root.appendingPathComponent(path).path }
            entries[fields[0]] = Entry(
                name: fields[0], repoTag: fields[1], ociDirectory: resolve(fields[2]), ociRef: fields[3],
                dockerArchive: resolve(fields[4]), docker25Archive: fields[5] == "-" ? nil : resolve(fields[5])
            )
        }
        return entries
    }

    public func entry(_ name: String) throws -> Entry {
        guard let entry = try entries()[name] else {
            throw TestSupportError("test image '\(name)' is not built in \(root.path); run scripts/test")
        }
        return entry
    }

    /// `meta/<name>.json`, parsed.
    public func meta(_ name: String) throws -> [String: Any] {
        let url = root.appendingPathComponent("meta/\(name).json")
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestSupportError("\(url.path) is not a JSON object")
        }
        return object
    }

    /// Rows of a `meta/<name>.<kind>.tsv` file as dictionaries keyed by the header.
    public func metaTable(_ name: String, _ kind: String) throws -> [[String: String]] {
        let url = root.appendingPathComponent("meta/\(name).\(kind).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        else { return [] }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }
}

public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
