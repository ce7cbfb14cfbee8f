import BallastCore
import BallastDigest

/// Why an archive or layer could not be read.
public enum ArchiveError: BallastError {
    case openFailed(path: String, reason: String)
    case truncated(what: String)
    case corrupt(what: String, reason: String)
    case compressedOuterArchive(path: String)
    case digestMismatch(what: String, expected: Digest, actual: Digest)
    case sizeMismatch(what: String, expected: Int64, actual: Int64)

    public var description: String {
        switch self {
        case .openFailed(let path, let reason):
            "cannot open \(path): \(reason)"
        case .truncated(let what):
            "\(what) is truncated; the file was cut short, export or download it again"
        case .corrupt(let what, let reason):
            "\(what) is not a valid tar stream (\(reason)); export or download it again"
        case .compressedOuterArchive(let path):
            "\(path) is compressed; decompress it first (e.g. gunzip), then pass the .tar"
        case .digestMismatch(let what, let expected, let actual):
            "\(what) should have digest \(expected) but has \(actual); the blob is corrupt or was altered"
        case .sizeMismatch(let what, let expected, let actual):
            "\(what) should be \(expected) bytes but is \(actual); the blob is corrupt or truncated"
        }
    }
}
