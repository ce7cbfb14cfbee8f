import BallastCore

/// The human-readable form of ``ImageReport``.
enum InspectTable {
    static func render(_ report: ImageReport, terminal: Terminal) -> String {
        var lines: [String] = []
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("\(terminal.styled(name.padding(toLength: 14, withPad: " ", startingAt: 0), .bold)) \(value)")
        }
        field("Image", report.input)
        field("Reference", report.reference)
        field("Manifest", report.manifestDigest ?? "none (legacy docker save archive)")
        field("Index", report.indexDigest)
        field("Config", report.configDigest)
        field("Platform", report.platform)
        field("Created", report.created)
        field(
            "Size",
            "\(ByteCount.format(report.compressedSize)) compressed, \(ByteCount.format(report.uncompressedSize)) "
                + "uncompressed, \(report.layers.count) layers, \(report.fileCount) files")

        let config = report.config
        field("User", config.user.map { $0.isEmpty ? "root (unset)" : $0 } ?? "root (unset)")
        field("Entrypoint", config.entrypoint.map(shellWords))
        field("Cmd", config.cmd.map(shellWords))
        field("WorkingDir", config.workingDir)
        field("Node (env)", config.nodeVersion)
        field("Ports", config.exposedPorts.joined(separator: ", "))

        let system = report.system
        field("OS", system.os.map { $0.prettyName ?? [$0.id, $0.versionID].compactMap { $0 }.joined(separator: " ") })
        field(
            "libc",
            system.libc.map { [$0.family, $0.version].compactMap { $0 }.joined(separator: " ") } ?? "none found")
        field("Shell", system.shell ?? "none")
        field("Package mgr", system.packageManagers.isEmpty ? "none" : system.packageManagers.joined(separator: ", "))
        field("Package db", system.packageDatabases.map { "/" + $0 }.joined(separator: ", "))
        field(
            "node",
            system.nodePaths.isEmpty
                ? "not found"
                : system.nodePaths.map { $0.path == $0.resolvedPath ? $0.path : "\($0.path) → \($0.resolvedPath)" }
                    .joined(separator: ", "))
        field("npm binary", system.npmPath ?? "not found")
        let packages = report.packages
        let kinds = ["deb", "apk", "npm"].compactMap { kind in packages.byKind[kind].map { "\($0) \(kind)" } }
        field("Packages", kinds.isEmpty ? "none found" : kinds.joined(separator: ", "))
        if !packages.npmByOrigin.isEmpty {
            field(
                "npm",
                packages.npmByOrigin.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        for runtime in packages.runtimes {
            let owner = runtime.ownerPackage.map { " (package \($0))" } ?? ""
            field("Node.js", "\(runtime.version), \(runtime.origin) build at \(runtime.path)\(owner)")
        }
        for addon in packages.nativeAddons {
            let why = addon.reasons.isEmpty ? "" : ": " + addon.reasons.joined(separator: "; ")
            field("Addon", "/\(addon.path) \(addon.verdict)\(why)")
        }
        if !report.warnings.isEmpty {
            field(
                "Skipped",
                "\(report.warnings.count) unreadable input(s): \(report.warnings.map(\.description).joined(separator: "; "))"
            )
        }
        if !config.env.isEmpty {
            lines.append(terminal.styled("Environment", .bold))
            lines += config.env.map { "  \($0.name)=\($0.value)" }
        }
        if !config.labels.isEmpty {
            lines.append(terminal.styled("Labels", .bold))
            lines += config.labels.sorted { $0.key < $1.key }.map { "  \($0.key)=\($0.value)" }
        }

        var table = TextTable(
            ["#", "DIGEST", "COMPRESSED", "SIZE", "CREATED BY"], alignments: [.right, .left, .right, .right, .left])
        for layer in report.layers {
            table.add([
                "\(layer.index)", String(layer.digest.dropFirst(7).prefix(12)), ByteCount.format(layer.compressedSize),
                ByteCount.format(layer.uncompressedSize), summarize(layer.createdBy),
            ])
        }
        lines.append(terminal.styled("Layers", .bold))
        return lines.joined(separator: "\n") + "\n" + table.render(indent: "  ")
    }

    /// `created_by` shortened to one line of at most 70 characters.
    private static func summarize(_ createdBy: String?) -> String {
        guard var text = createdBy else { return "-" }
        for prefix in ["/bin/sh -c #(nop) ", "/bin/sh -c "] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 70 ? String(text.prefix(69)) + "…" : text
    }

    private static func shellWords(_ words: [String]) -> String {
        "[" + words.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
