import BallastCore
import BallastDigest

/// Why an image could not be read. Every message names the image or file and the next step.
public enum ImageError: BallastError {
    case notFound(path: String)
    case notALayout(path: String, reason: String)
    case notAnArchive(path: String, reason: String)
    case malformedDocument(what: String, source: String, reason: String)
    case blobMissing(digest: Digest, source: String)
    case digestMismatch(what: String, expected: Digest, actual: Digest, source: String)
    case sizeMismatch(what: String, digest: Digest, expected: Int64, actual: Int64, source: String)
    case unknownMediaType(String, what: String, source: String)
    case noMatchingPlatform(requested: Platform, available: [Platform], source: String)
    case noImageForTag(tag: String, available: [String], source: String)
    case ambiguousImage(available: [String], source: String)
    case unsupportedTransport(String)
    case invalidReference(ReferenceError)
    case io(path: String, reason: String)

    public var exitCode: ExitCode {
        switch self {
        case .unsupportedTransport, .invalidReference: .usage
        default: .operational
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such file or directory; check the path (oci:DIR, oci-archive:FILE, docker-archive:FILE)"
        case .notALayout(let path, let reason):
            "\(path) is not an OCI image layout (\(reason)); point oci: at a folder holding oci-layout and index.json"
        case .notAnArchive(let path, let reason):
            "\(path) is not a readable image archive (\(reason)); pass the output of 'docker save' or an OCI archive"
        case .malformedDocument(let what, let source, let reason):
            "\(source): the \(what) is not valid (\(reason)); the image is damaged, rebuild or pull it again"
        case .blobMissing(let digest, let source):
            "\(source): blob \(digest) is missing; the image is incomplete, export or pull it again"
        case .digestMismatch(let what, let expected, let actual, let source):
            "\(source): \(what) \(expected) has digest \(actual); the blob is corrupt or was altered, nothing from this image is reported"
        case .sizeMismatch(let what, let digest, let expected, let actual, let source):
            "\(source): \(what) \(digest) is \(actual) bytes, but its descriptor says \(expected); the blob is corrupt or truncated"
        case .unknownMediaType(let type, let what, let source):
            "\(source): the \(what) has media type '\(type)', which Ballast cannot read; only OCI and Docker schema 2 images are supported"
        case .noMatchingPlatform(let requested, let available, let source):
            "\(source) has no image for platform \(requested) (available: \(available.map(\.description).joined(separator: ", "))); choose one with --platform"
        case .noImageForTag(let tag, let available, let source):
            "\(source) has no image tagged '\(tag)' (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case .ambiguousImage(let available, let source):
            "\(source) holds several images; name one of: \(available.joined(separator: ", "))"
        case .unsupportedTransport(let input):
            "'\(input)' names an unknown transport; use oci:DIR[:TAG], oci-archive:FILE, docker-archive:FILE or a registry reference"
        case .invalidReference(let error):
            error.description
        case .io(let path, let reason):
            "\(path): \(reason)"
        }
    }
}
