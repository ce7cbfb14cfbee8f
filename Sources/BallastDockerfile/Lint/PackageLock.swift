import Foundation

/// The packages of an npm lockfile (`package-lock.json` versions 1, 2 and 3) that build or ship
/// native code.
///
/// Lockfile format: https://docs.npmjs.com/cli/configuring-npm/package-lock-json. Versions 2 and 3
/// list every package under `packages` with `hasInstallScript`; version 1 only nests
/// `dependencies`, so there only the list of known native packages applies.
struct PackageLock {
    /// Packages known to compile a native addon or download a prebuilt binary for one libc.
    static let knownNative: Set<String> = [
        "argon2", "bcrypt", "better-sqlite3", "bufferutil", "canvas", "cpu-features", "farmhash", "grpc",
        "kerberos", "leveldown", "libxmljs", "node-pty", "node-sass", "re2", "sharp", "sqlite3",
        "utf-8-validate", "zeromq", "@serialport/bindings-cpp",
    ]

    /// Names of native packages, sorted and without duplicates.
    let nativePackages: [String]

    /// Reads a lockfile; `nil` when it is not JSON with the expected shape.
    init?(data: Data) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var names: Set<String> = []
        if let packages = root["packages"] as? [String: Any] {
            for (key, value) in packages {
                guard let range = key.range(of: "node_modules/", options: .backwards) else { continue }
                let name = String(key[range.upperBound...])
                let entry = value as? [String: Any] ?? [:]
                if entry["hasInstallScript"] as? Bool == true || entry["gypfile"] as? Bool == true
                    || Self.knownNative.contains(name)
                {
                    names.insert(name)
                }
            }
        } else if let dependencies = root["dependencies"] as? [String: Any] {
            Self.collect(dependencies, into: &names)
        } else {
            return nil
        }
        nativePackages = names.sorted()
    }

    private static func collect(_ dependencies: [String: Any], into names: inout Set<String>) {
        for (name, value) in dependencies {
            if knownNative.contains(name) {
                names.insert(name)
            }
            if let nested = (value as? [String: Any])?["dependencies"] as? [String: Any] {
                collect(nested, into: &names)
            }
        }
    }
}
