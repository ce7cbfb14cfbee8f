import BallastLayers
import Foundation

/// npm packages: every package root (`node_modules/NAME`, `node_modules/@scope/NAME`) and every
/// app root (a package.json with node_modules or a lockfile beside it, outside node_modules).
///
/// Each package says whose it is: the app's (`app`, `node_modules`, `global`), tooling that ships
/// with Node.js (`npm`, `npm-bundled`, `corepack`, `yarn`), or the OS's (`debian-nodejs`,
/// modules installed by Debian packages).
struct NpmCataloger {
    static let manifestLimit = 1 << 20
    static let requests: [ContentRequest] = [
        .capture(["**/package.json"], limit: manifestLimit),
        .capture(["**/package-lock.json", "**/npm-shrinkwrap.json"], limit: 64 << 20),
    ]
    static let debianRoots = [
        "usr/share/nodejs/", "usr/lib/nodejs/", "usr/lib/x86_64-linux-gnu/nodejs/",
        "usr/lib/aarch64-linux-gnu/nodejs/",
    ]

    let filesystem: MergedFilesystem
    let owners: [String: String]

    func catalog(warnings: inout [InventoryWarning]) throws -> [Component] {
        var components: [Component] = []
        let manifests = filesystem.paths(matching: PathPattern("**/package.json"))
        for path in manifests {
            guard let origin = classify(path) else { continue }
            guard let node = filesystem.nodes[path], node.kind == .file || node.kind == .hardlink else { continue }
            guard let bytes = try filesystem.contents(of: path) else {
                warnings.append(
                    InventoryWarning(
                        path: path,
                        message: "package.json of \(node.size) bytes is over the 1 MB limit; package skipped"))
                continue
            }
            guard let manifest = PackageManifest(bytes) else {
                warnings.append(
                    InventoryWarning(path: path, message: "package.json is not a JSON object; package skipped"))
                continue
            }
            guard let name = manifest.name, let version = manifest.version else {
                if manifest.hasInvalidVersion {
                    warnings.append(
                        InventoryWarning(path: path, message: "package.json has a non-string version; package skipped"))
                } else if origin != "app" {
                    warnings.append(
                        InventoryWarning(path: path, message: "package.json has no name or version; package skipped"))
                }
                continue
            }
            components.append(
                Component(
                    kind: .npm, name: name, version: version, scope: NpmCataloger.scope(of: origin),
                    purl: PackageURL.npm(name: name, version: version), origin: origin, ownerPackage: owners[path],
                    licenses: manifest.licenses, paths: [path]))
        }
        try applyLockfiles(to: &components, warnings: &warnings)
        return components
    }

    /// Reads each app's lockfile: marks development dependencies, reports entries that disagree
    /// with what is installed, and, for an app shipped without node_modules, lists what the
    /// lockfile pins.
    private func applyLockfiles(to components: inout [Component], warnings: inout [InventoryWarning]) throws {
        let apps = components.filter { $0.origin == "app" }
        // Built once: lockfile-only components are appended after it and never looked up here.
        var byPath: [String: Int] = [:]
        for (index, component) in components.enumerated() where component.kind == .npm {
            byPath[component.paths[0]] = index
        }
        for app in apps {
            let directory = String(app.paths[0].dropLast("/package.json".count))
            let candidates = ["npm-shrinkwrap.json", "package-lock.json"].map { directory + "/" + $0 }
            guard let lockPath = candidates.first(where: { filesystem.nodes[$0] != nil }) else { continue }
            guard let bytes = try filesystem.contents(of: lockPath), let lock = PackageLock(bytes) else {
                warnings.append(InventoryWarning(path: lockPath, message: "lockfile is not valid JSON; not used"))
                continue
            }
            let installed =
                filesystem.node(directory + "/node_modules") != nil
                || filesystem.hasEntries(under: directory + "/node_modules")
            var disagreements: [String] = []
            for entry in lock.entries {
                let manifest = directory + "/" + entry.path + "/package.json"
                if let index = byPath[manifest] {
                    components[index].isDevelopment = entry.isDevelopment
                    if components[index].version != entry.version {
                        disagreements.append("\(entry.name)@\(entry.version) (installed: \(components[index].version))")
                    }
                } else if installed {
                    disagreements.append("\(entry.name)@\(entry.version) (not installed)")
                } else {
                    components.append(
                        Component(
                            kind: .npm, name: entry.name, version: entry.version, scope: .app,
                            purl: PackageURL.npm(name: entry.name, version: entry.version), origin: "lockfile",
                            paths: [lockPath], isDevelopment: entry.isDevelopment))
                }
            }
            if !disagreements.isEmpty {
                warnings.append(
                    InventoryWarning(
                        path: lockPath,
                        message: "the lockfile disagrees with node_modules, which is reported: "
                            + disagreements.joined(separator: ", ")))
            }
        }
    }

    /// The origin of a package.json, or nil when it is not a package root (a nested file such
    /// as `dist/cjs/package.json`).
    func classify(_ path: String) -> String? {
        let directory = String(path.dropLast("/package.json".count))
        let components = directory.split(separator: "/").map(String.init)
        guard let last = components.last else { return nil }

        if let root = NpmCataloger.debianRoots.first(where: { path.hasPrefix($0) }) {
            let rest = directory.dropFirst(root.count).split(separator: "/")
            let isRoot =
                rest.count == 1 || (rest.count == 2 && rest[0].hasPrefix("@")) || isUnderNodeModules(components)
            return isRoot ? "debian-nodejs" : nil
        }
        guard isUnderNodeModules(components) else {
            let modules = directory + "/node_modules"
            let hasModules = filesystem.node(modules) != nil || filesystem.hasEntries(under: modules)
            let hasLock = filesystem.node(directory + "/package-lock.json") != nil
            return hasModules || hasLock ? "app" : nil
        }
        // The innermost node_modules decides where the package sits.
        guard let index = components.lastIndex(of: "node_modules") else { return nil }
        let depth = components.count - index - 1
        guard depth == 1 && !last.hasPrefix("@") || depth == 2 && components[index + 1].hasPrefix("@") else {
            return nil
        }
        let joined = components.joined(separator: "/")
        if let global = joined.range(of: "lib/node_modules/") {
            let tail = joined[global.upperBound...]
            let head = String(tail.split(separator: "/").first ?? "")
            let isDirect = !tail.dropFirst(head.count).contains("node_modules")
            switch head {
            case "npm": return isDirect ? "npm" : "npm-bundled"
            case "corepack": return "corepack"
            case "yarn": return "yarn"
            default: return isDirect ? "global" : "node_modules"
            }
        }
        if joined.hasPrefix("opt/yarn") { return "yarn" }
        return "node_modules"
    }

    private func isUnderNodeModules(_ components: [String]) -> Bool {
        components.dropLast().contains("node_modules")
    }

    static func scope(of origin: String) -> Component.Scope {
        switch origin {
        case "npm", "npm-bundled", "corepack", "yarn": .tooling
        case "debian-nodejs": .os
        default: .app
        }
    }
}

/// The fields of a package.json the inventory uses.
struct PackageManifest {
    var name: String?
    var version: String?
    var licenses: [String] = []
    var hasInvalidVersion = false

    init?(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        name = object["name"] as? String
        if let version = object["version"] {
            if let text = version as? String { self.version = text } else { hasInvalidVersion = true }
        }
        if let license = object["license"] as? String {
            licenses = [license]
        } else if let license = object["license"] as? [String: Any], let type = license["type"] as? String {
            licenses = [type]
        } else if let list = object["licenses"] as? [[String: Any]] {
            licenses = list.compactMap { $0["type"] as? String }
        }
    }
}
