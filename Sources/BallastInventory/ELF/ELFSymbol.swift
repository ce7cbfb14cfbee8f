/// One entry of an ELF file's dynamic symbol table (`.dynsym`), with its symbol version.
///
/// Bindings and section indexes follow the System V gABI
/// (https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.symtab.html); versions follow the LSB's
/// symbol versioning
/// (https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/symversion.html).
public struct ELFSymbol: Hashable, Codable, Sendable, CustomStringConvertible {
    /// `STB_GLOBAL`, `STB_WEAK` or `STB_GNU_UNIQUE`; local symbols are not kept.
    public enum Binding: String, Hashable, Codable, Sendable {
        case global, weak, unique
    }

    public var name: String
    public var binding: Binding
    /// False when `st_shndx` is `SHN_UNDEF`: the symbol is imported from another object.
    public var isDefined: Bool
    /// The version name from `.gnu.version`: a `.gnu.version_r` need for an undefined symbol, a
    /// `.gnu.version_d` definition for a defined one; nil for an unversioned symbol.
    public var version: String?
    /// For a defined symbol, true when its version is hidden (`name@VERSION`, not the default
    /// `name@@VERSION` that new links bind to).
    public var isHidden: Bool

    public init(name: String, binding: Binding, isDefined: Bool, version: String? = nil, isHidden: Bool = false) {
        self.name = name
        self.binding = binding
        self.isDefined = isDefined
        self.version = version
        self.isHidden = isHidden
    }

    public var isWeak: Bool { binding == .weak }

    /// `name`, `name@VERSION` or, for a defined default version, `name@@VERSION`.
    public var description: String {
        guard let version else { return name }
        return name + (isDefined && !isHidden ? "@@" : "@") + version
    }
}

/// A version a shared object defines (`.gnu.version_d`, `Elf64_Verdef`), e.g. `GLIBC_2.36`.
public struct ELFVersionDefinition: Hashable, Codable, Sendable {
    /// The index that `.gnu.version` entries use for it.
    public var index: UInt16
    public var name: String
    /// `VER_FLG_BASE`: the entry naming the object itself (its soname), not a symbol version.
    public var isBase: Bool
    /// `VER_FLG_WEAK`.
    public var isWeak: Bool
}

/// The versions an object needs from one library (`.gnu.version_r`, `Elf64_Verneed`).
public struct ELFVersionNeed: Hashable, Codable, Sendable {
    /// One `Elf64_Vernaux`: a version name such as `GLIBC_2.38` or `GLIBCXX_3.4.30`.
    public struct Version: Hashable, Codable, Sendable {
        /// The index that `.gnu.version` entries use for it (`vna_other`).
        public var index: UInt16
        public var name: String
        /// `VER_FLG_WEAK`: a missing version gives a warning, not a failure.
        public var isWeak: Bool
    }

    /// The `DT_NEEDED` name the versions are expected from, e.g. `libc.so.6`.
    public var library: String
    public var versions: [Version]
}
