/// What an ELF executable or shared object tells its dynamic loader: machine, interpreter, the
/// libraries it needs and where it looks for them, how it binds, and the symbols and symbol
/// versions it imports and exports.
///
/// Fields mirror the System V gABI (https://refspecs.linuxfoundation.org/elf/gabi4+/contents.html)
/// and glibc's symbol versioning as the LSB documents it
/// (https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/symversion.html).
/// Only ELF64 little-endian files are read in full; for others only the header is read, which is
/// enough to say what they are built for.
public struct ELFFile: Hashable, Codable, Sendable {
    /// `EI_CLASS`: 32- or 64-bit.
    public enum FileClass: String, Hashable, Codable, Sendable {
        case elf32, elf64
    }

    /// `EI_DATA`: the byte order of every field.
    public enum ByteOrder: String, Hashable, Codable, Sendable {
        case littleEndian, bigEndian
    }

    public var fileClass: FileClass
    public var byteOrder: ByteOrder
    public var machine: ELFMachine
    public var type: ELFFileType
    /// False for a layout other than ELF64 little-endian, of which only the header was read.
    public var isFullyParsed: Bool
    /// `PT_INTERP`: the program interpreter, e.g. `/lib64/ld-linux-x86-64.so.2`.
    public var interpreter: String?
    /// `DT_NEEDED`, in order.
    public var needed: [String]
    /// `DT_SONAME`.
    public var soname: String?
    /// `DT_RPATH`, unexpanded (`$ORIGIN` stays as written).
    public var rpath: String?
    /// `DT_RUNPATH`, unexpanded.
    public var runpath: String?
    /// `DT_BIND_NOW`, `DF_BIND_NOW` in `DT_FLAGS` or `DF_1_NOW` in `DT_FLAGS_1`: every symbol is
    /// bound when the object loads, so a missing one fails the load rather than the first call.
    public var bindNow: Bool
    /// The global, weak and unique entries of `.dynsym`, in table order.
    public var symbols: [ELFSymbol]
    /// `.gnu.version_d`, base entry included.
    public var versionDefinitions: [ELFVersionDefinition]
    /// `.gnu.version_r`.
    public var versionNeeds: [ELFVersionNeed]

    /// Parses a complete file.
    public init(bytes: [UInt8]) throws(ELFError) {
        self = try ELFParser(ELFBytes(whole: bytes)).parse()
    }

    init(
        fileClass: FileClass, byteOrder: ByteOrder, machine: ELFMachine, type: ELFFileType,
        isFullyParsed: Bool = false
    ) {
        self.fileClass = fileClass
        self.byteOrder = byteOrder
        self.machine = machine
        self.type = type
        self.isFullyParsed = isFullyParsed
        needed = []
        bindNow = false
        symbols = []
        versionDefinitions = []
        versionNeeds = []
    }

    /// Symbols this file imports.
    public var undefinedSymbols: [ELFSymbol] { symbols.filter { !$0.isDefined } }

    /// Symbols this file exports.
    public var definedSymbols: [ELFSymbol] { symbols.filter(\.isDefined) }

    /// The symbol version names this file defines, without the base entry.
    public var definedVersionNames: Set<String> {
        Set(versionDefinitions.filter { !$0.isBase }.map(\.name))
    }
}
