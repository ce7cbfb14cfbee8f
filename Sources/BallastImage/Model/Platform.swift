import BallastCore

/// An operating system and CPU architecture, optionally with a variant: `linux/arm64/v8`.
///
/// See https://github.com/opencontainers/image-spec/blob/main/image-index.md (platform).
public struct Platform: Codable, Hashable, Sendable {
    public var os: String
    public var architecture: String
    public var variant: String?
    public var osVersion: String?
    public var osFeatures: [String]?

    enum CodingKeys: String, CodingKey {
        case os, architecture, variant
        case osVersion = "os.version"
        case osFeatures = "os.features"
    }

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    public static let linuxAMD64 = Platform(os: "linux", architecture: "amd64")

    /// Parses `os/arch[/variant]` as given to `--platform`.
    public init(parsing text: String) throws(PlatformError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw .malformed(text)
        }
        self.init(
            os: parts[0].lowercased(), architecture: parts[1].lowercased(), variant: parts.count == 3 ? parts[2] : nil)
    }

    /// Whether an index entry's platform is what the user asked for. A variant is compared only
    /// when the user named one, and arm64's implicit `v8` matches a missing variant.
    public func matches(_ candidate: Platform) -> Bool {
        guard os == candidate.os, architecture == candidate.architecture else { return false }
        guard let variant else { return true }
        let theirs = candidate.variant ?? (architecture == "arm64" ? "v8" : nil)
        return variant == theirs
    }

    /// Attestation manifests in BuildKit indexes claim `unknown/unknown`.
    public var isUnknown: Bool { os == "unknown" && architecture == "unknown" }
}

extension Platform: CustomStringConvertible {
    public var description: String {
        [os, architecture, variant].compactMap { $0 }.joined(separator: "/")
    }
}

public enum PlatformError: BallastError, Equatable {
    case malformed(String)

    public var exitCode: ExitCode { .usage }

    public var description: String {
        switch self {
        case .malformed(let text):
            "invalid platform '\(text)': use os/arch or os/arch/variant, e.g. linux/amd64 or linux/arm64/v8"
        }
    }
}
