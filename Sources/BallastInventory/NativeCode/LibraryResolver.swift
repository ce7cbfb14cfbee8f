/// Finds the file a `DT_NEEDED` name loads in an image and reads it, as the image's dynamic
/// loader would: the object's own `DT_RPATH`/`DT_RUNPATH` folders first, then the image's
/// ``LibrarySearchPath``.
///
/// It reads the image only through the closures it is built from, so it works over the merged
/// file system of an image, a folder on disk, or a table in a test.
public struct LibraryResolver: Sendable {
    /// What a look-up found.
    public enum Lookup: Sendable {
        /// The library at `path` (absolute, links not resolved), parsed.
        case found(path: String, file: ELFFile)
        /// A file exists at `path` but could not be read or parsed.
        case unreadable(path: String, reason: String)
        /// No folder searched holds the name.
        case missing(searched: [String])
    }

    /// The folders searched after the object's own.
    public let searchPath: LibrarySearchPath
    private let fileExists: @Sendable (String) -> Bool
    private let loadLibrary: @Sendable (String) -> Result<ELFFile, any Error>?

    /// - Parameters:
    ///   - searchPath: the image's search path, from ``LibrarySearchPath/glibc(multiarch:readText:matchingPaths:)``
    ///     or ``LibrarySearchPath/musl(architecture:readText:)``.
    ///   - fileExists: whether an absolute path leads to a regular file in the image (following links).
    ///   - loadLibrary: the parsed file at an absolute path: `.success` with the file, `.failure`
    ///     when it could not be parsed, nil when its contents were not read (e.g. not captured).
    public init(
        searchPath: LibrarySearchPath, fileExists: @escaping @Sendable (String) -> Bool,
        loadLibrary: @escaping @Sendable (String) -> Result<ELFFile, any Error>?
    ) {
        self.searchPath = searchPath
        self.fileExists = fileExists
        self.loadLibrary = loadLibrary
    }

    /// Looks up `name` for an object whose expanded `DT_RPATH`/`DT_RUNPATH` folders are
    /// `objectDirectories`. A name with a `/` is a path and is not searched for.
    ///
    /// A file that is not ELF, or is for another machine than `machine`, is skipped, as glibc's
    /// loader skips it and goes on searching (an `i386` library in a folder listed before the
    /// `x86-64` one).
    public func lookUp(_ name: String, objectDirectories: [String], machine: ELFMachine? = nil) -> Lookup {
        let candidates =
            name.contains("/")
            ? [LibrarySearchPath.normalize(name)]
            : (objectDirectories + searchPath.directories).map { $0 == "/" ? "/" + name : $0 + "/" + name }
        var searched: [String] = []
        for candidate in candidates {
            searched.append(LibrarySearchPath.parent(of: candidate))
            guard fileExists(candidate) else { continue }
            switch loadLibrary(candidate) {
            case .success(let file):
                if let machine, file.machine != machine || file.fileClass != .elf64 { continue }
                return .found(path: candidate, file: file)
            case .failure(let error as ELFError) where error == .notELF:
                // glibc's loader passes over a file that is not ELF (a linker script named
                // `libc.so`, say) and keeps searching.
                continue
            case .failure(let error):
                return .unreadable(path: candidate, reason: String(describing: error))
            case nil:
                return .unreadable(path: candidate, reason: "its contents were not read")
            }
        }
        return .missing(searched: searched)
    }
}
