import Foundation

/// Reads the files beside a Dockerfile (`.dockerignore`, `package.json`, `package-lock.json`).
///
/// A seam so tests can supply files from memory instead of a folder.
public protocol ProjectFiles: Sendable {
    /// The bytes of `name` in the Dockerfile's folder, or `nil` when there is no such file.
    func contents(of name: String) -> Data?
}

/// The files of a folder on disk.
public struct DirectoryProjectFiles: ProjectFiles {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func contents(of name: String) -> Data? {
        try? Data(contentsOf: directory.appendingPathComponent(name))
    }
}

/// Files held in memory, by name.
public struct InMemoryProjectFiles: ProjectFiles {
    public let files: [String: String]

    public init(_ files: [String: String] = [:]) {
        self.files = files
    }

    public func contents(of name: String) -> Data? {
        files[name].map { Data($0.utf8) }
    }
}
