/// A parsed ELF file and the absolute path it has in an image, which `$ORIGIN` expands against.
public struct NativeObject: Hashable, Codable, Sendable {
    /// e.g. `/app/node_modules/x/build/Release/x.node`.
    public var path: String
    public var file: ELFFile

    public init(path: String, file: ELFFile) {
        self.path = LibrarySearchPath.normalize(path)
        self.file = file
    }

    /// The folders this object's own `DT_NEEDED` names are searched in first, `$ORIGIN` expanded.
    ///
    /// glibc uses `DT_RUNPATH` when present and else `DT_RPATH`; musl uses both, `DT_RPATH` first.
    func ownSearchDirectories(libc: NativePlatform.LibcFamily) -> [String] {
        let rpath = LibrarySearchPath.expand(file.rpath, origin: path)
        let runpath = LibrarySearchPath.expand(file.runpath, origin: path)
        switch libc {
        case .glibc: return file.runpath == nil ? rpath : runpath
        case .musl: return rpath + runpath
        }
    }
}
