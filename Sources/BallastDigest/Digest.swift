import BallastCore

/// A content digest, `algorithm:hex`, as used by OCI descriptors.
///
/// See https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests. Only
/// `sha256` and `sha512` are accepted; Ballast computes `sha256`.
public struct Digest: Hashable, Sendable, Comparable {
    public let algorithm: String
    public let hex: String

    public init(algorithm: String, bytes: [UInt8]) {
        self.algorithm = algorithm
        self.hex = Digest.hexString(bytes)
    }

    /// Parses `sha256:…` (64 lowercase hex digits) or `sha512:…` (128).
    public init(parsing text: some StringProtocol) throws(DigestError) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { throw DigestError.malformed(String(text)) }
        let algorithm = String(parts[0])
        let hex = String(parts[1])
        let expectedLength: Int
        switch algorithm {
        case "sha256": expectedLength = 64
        case "sha512": expectedLength = 128
        default: throw DigestError.unsupportedAlgorithm(String(text))
        }
        guard hex.utf8.count == expectedLength, hex.utf8.allSatisfy({ Digest.isLowerHex($0) }) else {
            throw DigestError.malformed(String(text))
        }
        self.algorithm = algorithm
        self.hex = hex
    }

    /// The short form Docker shows: the first twelve hex digits.
    public var short: String { String(hex.prefix(12)) }

    public static func < (lhs: Digest, rhs: Digest) -> Bool {
        lhs.description < rhs.description
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Digest: CustomStringConvertible {
    public var description: String { "\(algorithm):\(hex)" }
}

extension Digest: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum DigestError: BallastError, Equatable {
    case malformed(String)
    case unsupportedAlgorithm(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            "'\(text)' is not a valid digest; expected sha256: followed by 64 lowercase hex digits"
        case .unsupportedAlgorithm(let text):
            "'\(text)' uses an unsupported digest algorithm; Ballast accepts sha256 and sha512"
        }
    }
}
