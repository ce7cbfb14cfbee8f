import BallastLayers

/// Alpine-format packages (Alpine, Wolfi, Chainguard) from `lib/apk/db/installed`.
///
/// See https://wiki.alpinelinux.org/wiki/Apk_spec: one paragraph of `X:value` lines per
/// package; `P` name, `V` version, `A` architecture, `o` origin, `L` licence, and files as an
/// `F:` folder followed by `R:` names in it. Every paragraph is installed.
struct ApkCataloger {
    static let path = "lib/apk/db/installed"
    static let requests: [ContentRequest] = [.capture([path], limit: 64 << 20)]

    let filesystem: MergedFilesystem
    /// `alpine`, `wolfi`, `chainguard`: the purl namespace.
    let namespace: String
    let distro: String?

    func catalog(warnings: inout [InventoryWarning]) throws -> [DpkgCataloger.Record] {
        guard let text = try filesystem.text(of: ApkCataloger.path) else { return [] }
        var records: [DpkgCataloger.Record] = []
        for paragraph in text.components(separatedBy: "\n\n") where !paragraph.allSatisfy(\.isWhitespace) {
            var fields: [Character: String] = [:]
            var files: [String] = []
            var folder = ""
            for line in paragraph.split(separator: "\n") {
                guard line.count >= 2, line[line.index(after: line.startIndex)] == ":" else { continue }
                let key = line.first!
                let value = String(line.dropFirst(2))
                switch key {
                case "F": folder = value
                case "R": files.append(folder.isEmpty ? value : folder + "/" + value)
                default: if fields[key] == nil { fields[key] = value }
                }
            }
            guard let name = fields["P"], let version = fields["V"] else {
                warnings.append(
                    InventoryWarning(path: ApkCataloger.path, message: "a record without P: or V: was skipped"))
                continue
            }
            let architecture = fields["A"]
            let component = Component(
                kind: .apk, name: name, version: version, scope: .os,
                purl: PackageURL.apk(
                    name: name, version: version, architecture: architecture, namespace: namespace, distro: distro),
                architecture: architecture, sourceName: fields["o"], sourceVersion: fields["o"] == nil ? nil : version,
                licenses: fields["L"].map { [$0] } ?? [], paths: [ApkCataloger.path], fileCount: files.count)
            records.append(DpkgCataloger.Record(component: component, files: files))
        }
        return records
    }
}
