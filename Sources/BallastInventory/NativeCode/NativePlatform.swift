/// What an image offers native code: the processor it runs on and its C library.
public struct NativePlatform: Hashable, Codable, Sendable {
    /// The C library family, which decides how `DT_NEEDED` names and symbol versions are treated.
    public enum LibcFamily: String, Hashable, Codable, Sendable {
        case glibc, musl
    }

    public var machine: ELFMachine
    public var libc: LibcFamily
    /// e.g. `2.36` or `1.2.5`, when known.
    public var libcVersion: String?

    public init(machine: ELFMachine, libc: LibcFamily, libcVersion: String? = nil) {
        self.machine = machine
        self.libc = libc
        self.libcVersion = libcVersion
    }

    /// The platform of an image with OCI architecture `architecture` (`amd64`) and the libc that
    /// ``SystemFacts`` found; nil when either is unknown.
    public init?(architecture: String, libc: SystemFacts.Libc?) {
        guard let machine = ELFMachine(ociArchitecture: architecture), let libc,
            let family = LibcFamily(rawValue: libc.family)
        else { return nil }
        self.init(machine: machine, libc: family, libcVersion: libc.version)
    }

    /// The stems musl's loader answers itself: a `DT_NEEDED` name `lib` + one of these (`libc.so.6`,
    /// `libm.so.6`, `libpthread.so.0`, `libdl.so.2`, `librt.so.1`, `libutil.so.1`, `libxnet.so`,
    /// `libc.musl-x86_64.so.1`) is never looked up on disk: musl's libc stands in for glibc's split
    /// libraries. See `load_library` in musl's `ldso/dynlink.c`
    /// (https://git.musl-libc.org/cgit/musl/tree/ldso/dynlink.c).
    /// glibc's loader name `ld-linux-x86-64.so.2` is not among them: musl searches for it like
    /// any other library, and only a compatibility package such as gcompat provides it.
    public static let muslReservedStems = ["c.", "pthread.", "rt.", "m.", "dl.", "util.", "xnet."]

    /// The architecture name in musl's file names (`x86_64` in `ld-musl-x86_64.so.1`).
    public var muslArchitecture: String {
        switch machine {
        case .x86_64: "x86_64"
        case .aarch64: "aarch64"
        case .i386: "i386"
        case .arm: "armhf"
        case .powerPC64: "powerpc64le"
        case .s390: "s390x"
        case .riscV: "riscv64"
        case .loongArch: "loongarch64"
        default: "\(machine)"
        }
    }

    /// musl's own loader, which is also its libc, e.g. `/lib/ld-musl-x86_64.so.1`.
    public var muslLoaderPath: String {
        "/lib/ld-musl-\(muslArchitecture).so.1"
    }

    /// Whether musl's loader takes `name` for itself.
    func isMuslBuiltIn(_ name: String) -> Bool {
        guard libc == .musl else { return false }
        if name.hasPrefix("ld-musl-") { return true }
        guard name.hasPrefix("lib") else { return false }
        let stem = name.dropFirst(3)
        return NativePlatform.muslReservedStems.contains { stem.hasPrefix($0) }
    }
}
