/// The image configuration: runtime defaults, the layer diff IDs and the build history.
///
/// See https://github.com/opencontainers/image-spec/blob/main/config.md. Field names follow
/// the JSON, which Docker's schema 2 config shares.
public struct ImageConfig: Codable, Hashable, Sendable {
    public var created: String?
    public var author: String?
    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var config: RuntimeConfig?
    public var rootfs: RootFS?
    public var history: [HistoryEntry]?

    public struct RuntimeConfig: Codable, Hashable, Sendable {
        public var User: String?
        public var ExposedPorts: [String: EmptyObject]?
        public var Env: [String]?
        public var Entrypoint: [String]?
        public var Cmd: [String]?
        public var Volumes: [String: EmptyObject]?
        public var WorkingDir: String?
        public var Labels: [String: String]?
        public var StopSignal: String?
    }

    public struct RootFS: Codable, Hashable, Sendable {
        public var type: String
        public var diff_ids: [String]
    }

    public struct HistoryEntry: Codable, Hashable, Sendable {
        public var created: String?
        public var created_by: String?
        public var author: String?
        public var comment: String?
        public var empty_layer: Bool?
    }

    /// The `{}` value of port and volume sets. Anything else is accepted and ignored.
    public struct EmptyObject: Codable, Hashable, Sendable {
        public init() {}
        public init(from decoder: any Decoder) throws {}
        public func encode(to encoder: any Encoder) throws {
            _ = encoder.container(keyedBy: NoKeys.self)
        }
        private enum NoKeys: CodingKey {}
    }

    /// The environment as ordered name/value pairs.
    public var environment: [(name: String, value: String)] {
        (config?.Env ?? []).map { entry in
            guard let equals = entry.firstIndex(of: "=") else { return (entry, "") }
            return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
        }
    }

    /// History entries paired with the layer they created: entry `i` of the result belongs to
    /// layer `i`. Entries marked `empty_layer` create no layer and are skipped. Nil where the
    /// history does not account for every layer.
    public func layerHistory(layerCount: Int) -> [HistoryEntry?] {
        let creating = (history ?? []).filter { $0.empty_layer != true }
        // Some builders write no history; never shift entries onto the wrong layer.
        guard creating.count == layerCount else { return Array(repeating: nil, count: layerCount) }
        return creating.map { Optional($0) }
    }
}
