import BallastLayers

/// Debian packages from dpkg's database: `var/lib/dpkg/status` with the file lists in
/// `var/lib/dpkg/info/`, or distroless's `var/lib/dpkg/status.d/` (one control file per
/// package, with `<package>.md5sums` beside it).
///
/// See https://man7.org/linux/man-pages/man1/dpkg-query.1.html (status fields) and
/// deb-control(5): `Source:` may carry the source version in parentheses.
struct DpkgCataloger {
    static let requests: [ContentRequest] = [
        .capture(["var/lib/dpkg/status"], limit: 64 << 20),
        .capture(["var/lib/dpkg/status.d/*"], limit: 4 << 20),
        .capture(["var/lib/dpkg/info/*.list", "var/lib/dpkg/info/*.md5sums"], limit: 16 << 20),
    ]

    struct Record {
        var component: Component
        /// Files the package owns, without a leading `/`.
        var files: [String]
    }

    let filesystem: MergedFilesystem
    let distro: String?

    func catalog(warnings: inout [InventoryWarning]) throws -> [Record] {
        var records: [Record] = []
        if let status = try filesystem.text(of: "var/lib/dpkg/status") {
            records += parse(status, path: "var/lib/dpkg/status", warnings: &warnings)
        }
        let statusD = filesystem.paths(matching: PathPattern("var/lib/dpkg/status.d/*"))
            .filter { !$0.hasSuffix(".md5sums") && filesystem.node($0)?.kind == .file }
        for path in statusD {
            guard let text = try filesystem.text(of: path) else {
                warnings.append(InventoryWarning(path: path, message: "could not be read; package skipped"))
                continue
            }
            records += parse(text, path: path, warnings: &warnings)
        }
        return records
    }

    private func parse(_ text: String, path: String, warnings: inout [InventoryWarning]) -> [Record] {
        let (paragraphs, malformed) = ControlParagraphs.parse(text)
        if !malformed.isEmpty {
            warnings.append(
                InventoryWarning(
                    path: path,
                    message: "\(malformed.count) malformed line\(malformed.count == 1 ? "" : "s") skipped "
                        + "(first at line \(malformed[0]))"))
        }
        var records: [Record] = []
        for paragraph in paragraphs {
            guard let name = paragraph["Package"], !name.isEmpty else {
                warnings.append(
                    InventoryWarning(path: path, message: "record at line \(paragraph.line) has no Package; skipped"))
                continue
            }
            guard let version = paragraph["Version"], !version.isEmpty else {
                warnings.append(InventoryWarning(path: path, message: "package \(name) has no Version; skipped"))
                continue
            }
            // status.d records carry no Status: everything there is installed.
            let state = paragraph["Status"].map { $0.split(separator: " ").last.map(String.init) ?? $0 } ?? "installed"
            if state == "not-installed" { continue }
            let architecture = paragraph["Architecture"]
            let (sourceName, sourceVersion) = DpkgCataloger.source(paragraph["Source"], version: version)
            let files = ownedFiles(name: name, architecture: architecture, recordPath: path)
            let component = Component(
                kind: .deb, name: name, version: version, scope: .os,
                purl: PackageURL.deb(name: name, version: version, architecture: architecture, distro: distro),
                architecture: architecture, sourceName: sourceName, sourceVersion: sourceVersion,
                origin: paragraph["Maintainer"]?.contains("OpenJS") == true ? "synthetic" : nil,
                status: state == "installed" ? nil : state, paths: [path], fileCount: files.isEmpty ? nil : files.count)
            records.append(Record(component: component, files: files))
        }
        return records
    }

    /// `Source: foo` or `Source: foo (1.2-3)`; absent means the binary package's own name.
    static func source(_ field: String?, version: String) -> (String?, String?) {
        guard let field, !field.isEmpty else { return (nil, nil) }
        if let open = field.firstIndex(of: "("), let close = field.lastIndex(of: ")"), open < close {
            let name = field[..<open].trimmingCharacters(in: .whitespaces)
            let sourceVersion = field[field.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            return (name, sourceVersion)
        }
        return (field, version)
    }

    /// Files from `info/<name>.list` (or `<name>:<arch>.list`), else the md5sums beside the record.
    private func ownedFiles(name: String, architecture: String?, recordPath: String) -> [String] {
        var candidates = ["var/lib/dpkg/info/\(name).list"]
        if let architecture { candidates.insert("var/lib/dpkg/info/\(name):\(architecture).list", at: 0) }
        for candidate in candidates {
            if let text = try? filesystem.text(of: candidate) {
                return text.split(separator: "\n").map { String($0.drop(while: { $0 == "/" })) }
                    .filter { !$0.isEmpty && $0 != "." }
            }
        }
        var sums = ["var/lib/dpkg/info/\(name).md5sums"]
        if let architecture { sums.insert("var/lib/dpkg/info/\(name):\(architecture).md5sums", at: 0) }
        if recordPath.hasPrefix("var/lib/dpkg/status.d/") { sums.insert(recordPath + ".md5sums", at: 0) }
        for candidate in sums {
            if let text = try? filesystem.text(of: candidate) {
                return text.split(separator: "\n").compactMap { (line: Substring) -> String? in
                    guard let space = line.firstIndex(of: " ") else { return nil }
                    return String(line[space...].drop(while: { $0 == " " || $0 == "/" }))
                }
            }
        }
        return []
    }
}
