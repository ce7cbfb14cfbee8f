import Foundation

/// The folders a dynamic loader searches for a `DT_NEEDED` name after the object's own
/// `DT_RPATH`/`DT_RUNPATH`, read from an image's configuration.
///
/// glibc's `ld.so` searches the folders of `/etc/ld.so.conf` (through the `ld.so.cache` that
/// `ldconfig` builds from it, following `include` lines) and then its defaults; see ld.so(8) and
/// ldconfig(8). musl's loader reads `/etc/ld-musl-<arch>.path` (folders separated by newlines or
/// colons) or else uses `/lib:/usr/local/lib:/usr/lib`; see https://wiki.musl-libc.org/environment-variables.
/// Paths here are absolute (`/usr/lib`); the closures that read the image get them that way.
public struct LibrarySearchPath: Hashable, Codable, Sendable {
    /// The folders, in search order, without duplicates.
    public var directories: [String]

    public init(directories: [String]) {
        var seen: Set<String> = []
        self.directories = directories.map(LibrarySearchPath.normalize).filter { seen.insert($0).inserted }
    }

    /// The folders glibc searches without an `ld.so.conf`, multiarch ones first as Debian's
    /// `ld.so.conf.d/x86_64-linux-gnu.conf` lists them.
    public static func glibcDefaults(multiarch: String = "x86_64-linux-gnu") -> [String] {
        ["/lib/\(multiarch)", "/usr/lib/\(multiarch)", "/lib64", "/usr/lib64", "/lib", "/usr/lib"]
    }

    /// musl's built-in path, used when there is no path file.
    public static let muslDefaults = ["/lib", "/usr/local/lib", "/usr/lib"]

    /// glibc's search path: the folders of `/etc/ld.so.conf` and its includes, then the defaults.
    /// - Parameters:
    ///   - readText: the contents of a file in the image, or nil when it is absent.
    ///   - matchingPaths: the image's files matching a glob such as `/etc/ld.so.conf.d/*.conf`.
    public static func glibc(
        multiarch: String = "x86_64-linux-gnu", readText: (String) -> String?, matchingPaths: (String) -> [String]
    ) -> LibrarySearchPath {
        var directories: [String] = []
        var visited: Set<String> = []
        readConfiguration("/etc/ld.so.conf", into: &directories, visited: &visited, readText, matchingPaths)
        return LibrarySearchPath(directories: directories + glibcDefaults(multiarch: multiarch))
    }

    /// musl's search path: `/etc/ld-musl-<arch>.path` when present, else the built-in one.
    public static func musl(architecture: String = "x86_64", readText: (String) -> String?) -> LibrarySearchPath {
        guard let text = readText("/etc/ld-musl-\(architecture).path") else {
            return LibrarySearchPath(directories: muslDefaults)
        }
        let directories = text.split(whereSeparator: { $0 == "\n" || $0 == ":" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("/") }
        return LibrarySearchPath(directories: directories)
    }

    /// The most nested `include` levels followed; deeper ones are a loop or a mistake.
    static let maximumIncludeDepth = 8

    private static func readConfiguration(
        _ path: String, into directories: inout [String], visited: inout Set<String>, depth: Int = 0,
        _ readText: (String) -> String?, _ matchingPaths: (String) -> [String]
    ) {
        guard depth <= maximumIncludeDepth, visited.insert(path).inserted, let text = readText(path) else { return }
        let folder = parent(of: path)
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if line.hasPrefix("include ") || line.hasPrefix("include\t") {
                // ldconfig reads a relative include pattern from the including file's folder.
                for pattern in line.dropFirst("include".count).split(whereSeparator: \.isWhitespace).map(String.init) {
                    let absolute = pattern.hasPrefix("/") ? pattern : folder + "/" + pattern
                    for included in matchingPaths(absolute).sorted() {
                        readConfiguration(
                            included, into: &directories, visited: &visited, depth: depth + 1, readText, matchingPaths)
                    }
                }
            } else if line.hasPrefix("hwcap ") {
                continue
            } else {
                // Old configurations may list several folders on a line, separated by spaces,
                // tabs, commas or colons; `=type` suffixes are for libc5 and ignored.
                for entry in line.split(whereSeparator: { " \t,:".contains($0) }) {
                    let folder = String(entry.prefix { $0 != "=" })
                    if folder.hasPrefix("/") { directories.append(folder) }
                }
            }
        }
    }

    /// `DT_RPATH` or `DT_RUNPATH` entries as folders: `$ORIGIN`/`${ORIGIN}` becomes the folder of
    /// the object at `objectPath`; entries left relative (searched from the working folder) or
    /// with other tokens (`$LIB`, `$PLATFORM`) are dropped.
    public static func expand(_ list: String?, origin objectPath: String) -> [String] {
        guard let list else { return [] }
        let origin = parent(of: normalize(objectPath))
        return list.split(separator: ":").compactMap { entry in
            let expanded = entry.replacingOccurrences(of: "${ORIGIN}", with: origin)
                .replacingOccurrences(of: "$ORIGIN", with: origin)
            guard expanded.hasPrefix("/"), !expanded.contains("$") else { return nil }
            return normalize(expanded)
        }
    }

    /// `path` made absolute, with `.`, `..` and repeated slashes resolved lexically.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                _ = components.popLast()
                continue
            }
            components.append(component)
        }
        return "/" + components.joined(separator: "/")
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
