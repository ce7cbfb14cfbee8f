/// Judges whether an ELF object (a Node.js addon, a library, an executable) would load on an
/// image, from its dynamic section alone, the way the image's loader would.
///
/// The rules follow glibc's `ld.so` and musl's `ldso/dynlink.c`:
/// - the machine, class and byte order must be the image's;
/// - every `DT_NEEDED` must be found, through the object's `DT_RPATH`/`DT_RUNPATH` and the
///   image's ``LibrarySearchPath``; musl takes `libc.so.6`, `libm.so.6`, `libpthread.so.0` and the
///   other names of ``NativePlatform/muslReservedStems`` for itself;
/// - on glibc, every version in `.gnu.version_r` must be defined by the library it names;
/// - every strong undefined symbol must be defined by a loaded object: on glibc with the same
///   version name (in any loaded object, as `ld.so` looks it up), on musl by name alone, since
///   musl ignores versions.
///
/// Symbols an addon imports from the process that loads it (`napi_*` from node) are looked up in
/// the host object and its libraries when one is given, and listed in the notes otherwise.
public struct NativeCompatibility: Sendable {
    public let platform: NativePlatform
    public let resolver: LibraryResolver

    /// The most objects followed through `DT_NEEDED`; more means a loop the names do not show.
    static let maximumObjects = 512

    public init(platform: NativePlatform, resolver: LibraryResolver) {
        self.platform = platform
        self.resolver = resolver
    }

    /// Judges `object` as loaded by `host` (e.g. `dlopen` from the node executable), or on its own.
    public func judge(_ object: NativeObject, loadedBy host: NativeObject? = nil) -> CompatibilityReport {
        var findings: [CompatibilityReport.Finding] = []
        if let mismatch = machineMismatch(object) {
            return CompatibilityReport(findings: [mismatch], notes: [], libraries: [])
        }
        if let interpreter = object.file.interpreter {
            findings += checkInterpreter(interpreter, of: object)
        }

        var loading = Loading(compatibility: self)
        if let host { loading.load(host, reportFailures: false) }
        let hostPaths = Set(loading.objects.map(\.path))
        loading.load(object, reportFailures: true)
        findings += loading.findings

        var notes: [String] = []
        if platform.libc == .glibc {
            for requester in loading.objects where !hostPaths.contains(requester.path) {
                findings += checkVersions(of: requester, in: loading)
            }
        }
        // Imports may come from a library that was not found or read: checking them would only
        // repeat that finding as missing symbols.
        guard loading.findings.isEmpty else {
            notes.append("imported symbols were not checked, because not every library \(object.path) needs was read")
            return CompatibilityReport(findings: findings, notes: notes, libraries: loading.libraries)
        }
        let symbols = checkSymbols(of: object, in: loading, hasHost: host != nil)
        findings += symbols.findings
        notes += symbols.notes
        if symbols.findings.contains(where: { $0.kind == .missingSymbol }) {
            notes.append(bindingNote(object.file))
        }
        return CompatibilityReport(findings: findings, notes: notes, libraries: loading.libraries)
    }

    private func machineMismatch(_ object: NativeObject) -> CompatibilityReport.Finding? {
        let file = object.file
        if file.machine != platform.machine {
            return .init(
                .machine, file.machine.description,
                "\(object.path) is built for \(file.machine), but the image runs on \(platform.machine)")
        }
        guard file.fileClass == .elf64, file.byteOrder == .littleEndian else {
            let bits = file.fileClass == .elf32 ? "32-bit" : "64-bit"
            let layout = "\(bits) \(file.byteOrder == .bigEndian ? "big" : "little")-endian"
            return .init(
                .machine, layout,
                "\(object.path) is a \(layout) \(file.machine) file, but the image's \(platform.machine) loader "
                    + "takes 64-bit little-endian files")
        }
        return nil
    }

    private func checkInterpreter(_ interpreter: String, of object: NativeObject) -> [CompatibilityReport.Finding] {
        switch resolver.lookUp(interpreter, objectDirectories: []) {
        case .found, .unreadable: return []
        case .missing:
            return [
                .init(
                    .missingLibrary, interpreter,
                    "the program interpreter \(interpreter) of \(object.path) is not in the image, so it cannot start")
            ]
        }
    }

    /// Checks the versions `requester` needs against the libraries that provide them (glibc only).
    private func checkVersions(of requester: NativeObject, in loading: Loading) -> [CompatibilityReport.Finding] {
        var findings: [CompatibilityReport.Finding] = []
        for need in requester.file.versionNeeds {
            guard let provider = loading.provider(of: need.library) else { continue }
            let defined = provider.file.definedVersionNames
            for version in need.versions where !version.isWeak && !defined.contains(version.name) {
                let libc = platform.libcVersion.map { " (the image's glibc is \($0))" } ?? ""
                findings.append(
                    .init(
                        .missingVersion, version.name,
                        "\(requester.path) needs version \(version.name) of \(need.library), which \(provider.path) "
                            + "does not define\(need.library.hasPrefix("libc.") ? libc : "")"))
            }
        }
        return findings
    }

    private func bindingNote(_ file: ELFFile) -> String {
        if file.bindNow {
            return "the object is linked with BIND_NOW, so the loader binds every symbol at load time: loading fails "
                + "(require() throws ERR_DLOPEN_FAILED)"
        }
        return "the object binds lazily: loading succeeds and the first call to a missing function fails "
            + "(glibc exits with 'symbol lookup error'; musl crashes with SIGSEGV); "
            + "a missing variable fails at load"
    }
}
