import BallastArchive
import BallastCore
import Foundation

/// Opens images stored on local disk: OCI layout folders, OCI archives and `docker save`
/// tarballs. Archives are indexed, never extracted.
enum LocalImageSource {
    static func resolve(
        _ location: ImageLocation, input: String, platform: Platform, platformIsExplicit: Bool
    ) throws -> ResolvedImage {
        switch location {
        case .ociLayout(let path, let tag):
            let kind = try kind(of: path)
            if kind == .file {
                return try resolveArchive(
                    path: path, tag: tag, input: input, platform: platform, explicit: platformIsExplicit)
            }
            let reader = OCILayoutReader(store: DirectoryBlobStore(root: path), input: input, transport: .ociLayout)
            return try reader.resolve(tag: tag, platform: platform, platformIsExplicit: platformIsExplicit)
        case .ociArchive(let path, let tag), .dockerArchive(let path, let tag):
            guard try kind(of: path) == .file else {
                throw ImageError.notAnArchive(path: path, reason: "it is a folder; use oci:\(path) for a layout folder")
            }
            return try resolveArchive(
                path: path, tag: tag, input: input, platform: platform, explicit: platformIsExplicit)
        case .registry:
            throw InternalError("a registry reference reached the local image source")
        }
    }

    /// Reads an archive by what it holds rather than by the prefix the user chose.
    private static func resolveArchive(
        path: String, tag: String?, input: String, platform: Platform, explicit: Bool
    ) throws -> ResolvedImage {
        let index: TarIndex
        do {
            index = try TarIndex(path: path)
        } catch {
            switch error {
            case .corrupt(_, let reason): throw ImageError.notAnArchive(path: path, reason: reason)
            default: throw error
            }
        }
        let store = TarBlobStore(index: index)
        if store.file("manifest.json") != nil {
            return try DockerArchiveReader(store: store, input: input)
                .resolve(tag: tag, platform: platform, platformIsExplicit: explicit)
        }
        if store.file("oci-layout") != nil {
            return try OCILayoutReader(store: store, input: input, transport: .ociArchive)
                .resolve(tag: tag, platform: platform, platformIsExplicit: explicit)
        }
        throw ImageError.notAnArchive(path: path, reason: "it holds neither manifest.json nor oci-layout")
    }

    private enum Kind { case file, directory }

    private static func kind(of path: String) throws(ImageError) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        return isDirectory.boolValue ? .directory : .file
    }
}
