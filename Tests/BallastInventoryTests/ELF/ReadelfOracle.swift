import Foundation

/// What binutils' `readelf` says about a file: the second oracle beside the images' meta.
struct ReadelfOracle {
    let url: URL

    /// `readelf --dyn-syms -W`: global, weak and unique symbols as `name@VER`/`name@@VER`, with
    /// binding and defined-ness.
    func dynamicSymbols() throws -> [String] {
        let text = try ImageFiles.run("/usr/bin/readelf", ["--dyn-syms", "-W", url.path])
        var symbols: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 8, fields[0].hasSuffix(":"), Int(fields[0].dropLast()) != nil else { continue }
            guard ["GLOBAL", "WEAK", "UNIQUE"].contains(fields[4]) else { continue }
            symbols.append("\(fields[7]) \(fields[4].lowercased()) \(fields[6] == "UND" ? "undefined" : "defined")")
        }
        return symbols
    }

    /// `readelf -d`: the values of one tag (`NEEDED`, `SONAME`, `RPATH`, `RUNPATH`), in order.
    func dynamic(_ tag: String) throws -> [String] {
        let text = try ImageFiles.run("/usr/bin/readelf", ["-d", "-W", url.path])
        return text.split(separator: "\n").filter { $0.contains("(\(tag))") }.compactMap { line in
            guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    /// `readelf -d` flags: whether `BIND_NOW` or `NOW` appears.
    func bindNow() throws -> Bool {
        let text = try ImageFiles.run("/usr/bin/readelf", ["-d", "-W", url.path])
        return text.split(separator: "\n").contains { line in
            line.contains("(BIND_NOW)")
                || (line.contains("(FLAGS") && (line.contains(" NOW") || line.contains("BIND_NOW")))
        }
    }

    /// `readelf -V`: version needs as `library:VERSION` and definitions as names.
    func versions() throws -> (needs: [String], definitions: [String]) {
        let text = try ImageFiles.run("/usr/bin/readelf", ["-V", "-W", url.path])
        var needs: [String] = []
        var definitions: [String] = []
        var library = ""
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if let file = fields.firstIndex(of: "File:"), file + 1 < fields.count {
                library = fields[file + 1]
            } else if fields.contains("Rev:"), let name = fields.firstIndex(of: "Name:"), name + 1 < fields.count {
                definitions.append(fields[name + 1])
            } else if !fields.contains("Parent"), fields.contains("Version:"),
                let name = fields.firstIndex(of: "Name:"), name + 1 < fields.count
            {
                needs.append(library + ":" + fields[name + 1])
            }
        }
        return (needs, definitions)
    }
}
