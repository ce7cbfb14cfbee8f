import Foundation

/// The packages an npm lockfile (`package-lock.json` or `npm-shrinkwrap.json`) says are
/// installed below an app.
///
/// See https://docs.npmjs.com/cli/configuring-npm/package-lock-json. Versions 2 and 3 list
/// `packages` keyed by install path (`node_modules/a/node_modules/b`); version 1 nests
/// `dependencies` by name. Workspace links are left out: they are the app's own folders.
struct PackageLock {
    struct Entry: Equatable {
        /// The install path below the app folder, e.g. `node_modules/send/node_modules/ms`.
        var path: String
        var name: String
        var version: String
        var isDevelopment: Bool
    }

    let version: Int
    let entries: [Entry]

    init?(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        version = object["lockfileVersion"] as? Int ?? 1
        if let packages = object["packages"] as? [String: Any] {
            entries = packages.compactMap { key, value in
                guard !key.isEmpty, let fields = value as? [String: Any], fields["link"] as? Bool != true,
                    let version = fields["version"] as? String
                else { return nil }
                let name = fields["name"] as? String ?? PackageLock.name(fromPath: key)
                return Entry(path: key, name: name, version: version, isDevelopment: fields["dev"] as? Bool ?? false)
            }.sorted { $0.path < $1.path }
        } else if let dependencies = object["dependencies"] as? [String: Any] {
            var collected: [Entry] = []
            PackageLock.walk(dependencies, under: "", into: &collected)
            entries = collected.sorted { $0.path < $1.path }
        } else {
            entries = []
        }
    }

    /// Version 1: `{"a": {"version": …, "dependencies": {"b": …}}}` nests installs.
    private static func walk(_ dependencies: [String: Any], under prefix: String, into entries: inout [Entry]) {
        for (name, value) in dependencies {
            guard let fields = value as? [String: Any] else { continue }
            let path = prefix + "node_modules/" + name
            if let version = fields["version"] as? String, !version.hasPrefix("file:") {
                entries.append(
                    Entry(path: path, name: name, version: version, isDevelopment: fields["dev"] as? Bool ?? false))
            }
            if let nested = fields["dependencies"] as? [String: Any] {
                walk(nested, under: path + "/", into: &entries)
            }
        }
    }

    /// `node_modules/@scope/name` → `@scope/name`.
    static func name(fromPath path: String) -> String {
        guard let range = path.range(of: "node_modules/", options: .backwards) else { return path }
        return String(path[range.upperBound...])
    }
}
