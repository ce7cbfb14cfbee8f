import Foundation

/// Where an image is, parsed from what the user typed.
///
/// Transport prefixes follow skopeo and syft: `oci:DIR[:TAG]`, `oci-archive:FILE[:TAG]`,
/// `docker-archive:FILE[:TAG]`, `registry:REF`. Without a prefix, an existing path is read as
/// whatever it holds, and anything else is a registry reference.
public enum ImageLocation: Sendable, Equatable {
    case ociLayout(path: String, tag: String?)
    case ociArchive(path: String, tag: String?)
    case dockerArchive(path: String, tag: String?)
    case registry(ImageReference)

    public init(parsing input: String) throws(ImageError) {
        let prefixes: [(String, (String, String?) -> ImageLocation)] = [
            ("oci:", { .ociLayout(path: $0, tag: $1) }),
            ("oci-archive:", { .ociArchive(path: $0, tag: $1) }),
            ("docker-archive:", { .dockerArchive(path: $0, tag: $1) }),
        ]
        for (prefix, make) in prefixes where input.hasPrefix(prefix) {
            let (path, tag) = ImageLocation.splitTag(String(input.dropFirst(prefix.count)))
            self = make(path, tag)
            return
        }
        if input.hasPrefix("registry:") || input.hasPrefix("docker://") {
            let text = input.hasPrefix("registry:") ? String(input.dropFirst(9)) : String(input.dropFirst(9))
            self = .registry(try ImageLocation.reference(text))
            return
        }
        if let transport = input.split(separator: ":", maxSplits: 1).first,
            ["dir", "docker-daemon", "containers-storage", "podman", "oci-dir"].contains(String(transport))
        {
            throw .unsupportedTransport(input)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                self = .ociLayout(path: input, tag: nil)
            } else {
                self = .dockerArchive(path: input, tag: nil)  // resolved further by content when opened
            }
            return
        }
        self = .registry(try ImageLocation.reference(input))
    }

    /// `PATH:TAG`, where the tag may itself hold colons (`app.tar:node:22`): the first colon
    /// whose left side exists splits; with none existing, the last colon does.
    private static func splitTag(_ text: String) -> (String, String?) {
        if FileManager.default.fileExists(atPath: text) { return (text, nil) }
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let path = String(text[..<colon])
            if FileManager.default.fileExists(atPath: path) {
                let tag = String(text[text.index(after: colon)...])
                return (path, tag.isEmpty ? nil : tag)
            }
            index = text.index(after: colon)
        }
        guard let colon = text.lastIndex(of: ":") else { return (text, nil) }
        let tag = String(text[text.index(after: colon)...])
        guard !tag.isEmpty, !tag.contains("/") else { return (text, nil) }
        return (String(text[..<colon]), tag)
    }

    private static func reference(_ text: String) throws(ImageError) -> ImageReference {
        do {
            return try ImageReference(parsing: text)
        } catch {
            throw .invalidReference(error)
        }
    }
}
