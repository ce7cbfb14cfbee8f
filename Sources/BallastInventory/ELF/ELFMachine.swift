/// The `e_machine` field of an ELF header: the processor a file is built for.
///
/// Codes are those of the System V gABI and its processor supplements
/// (https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html).
public struct ELFMachine: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    public static let i386 = ELFMachine(rawValue: 3)
    public static let mips = ELFMachine(rawValue: 8)
    public static let powerPC = ELFMachine(rawValue: 20)
    public static let powerPC64 = ELFMachine(rawValue: 21)
    public static let s390 = ELFMachine(rawValue: 22)
    public static let arm = ELFMachine(rawValue: 40)
    public static let sparcV9 = ELFMachine(rawValue: 43)
    public static let x86_64 = ELFMachine(rawValue: 62)
    public static let aarch64 = ELFMachine(rawValue: 183)
    public static let riscV = ELFMachine(rawValue: 243)
    public static let loongArch = ELFMachine(rawValue: 258)

    private static let names: [UInt16: String] = [
        3: "i386", 8: "mips", 20: "ppc", 21: "ppc64", 22: "s390", 40: "arm", 43: "sparcv9", 62: "x86-64",
        183: "aarch64", 243: "riscv", 258: "loongarch",
    ]

    private static let ociArchitectures: [String: ELFMachine] = [
        "386": .i386, "amd64": .x86_64, "arm": .arm, "arm64": .aarch64, "loong64": .loongArch,
        "mips": .mips, "mipsle": .mips, "mips64": .mips, "mips64le": .mips, "ppc64": .powerPC64,
        "ppc64le": .powerPC64, "riscv64": .riscV, "s390x": .s390,
    ]

    /// The machine of an OCI platform's `architecture` (`amd64` → x86-64), or nil for one it does
    /// not know.
    public init?(ociArchitecture: String) {
        guard let machine = ELFMachine.ociArchitectures[ociArchitecture] else { return nil }
        self = machine
    }

    /// `x86-64`, `aarch64`, …, or `machine 0x…` for a code without a name here.
    public var description: String {
        ELFMachine.names[rawValue] ?? "machine \(elfHex(UInt64(rawValue)))"
    }
}

/// The `e_type` field of an ELF header.
public enum ELFFileType: Hashable, Codable, Sendable, CustomStringConvertible {
    /// `ET_REL`: an object file for the linker.
    case relocatable
    /// `ET_EXEC`: an executable at a fixed address.
    case executable
    /// `ET_DYN`: a shared object, or a position-independent executable.
    case sharedObject
    /// `ET_CORE`: a core dump.
    case core
    case other(UInt16)

    init(rawValue: UInt16) {
        switch rawValue {
        case 1: self = .relocatable
        case 2: self = .executable
        case 3: self = .sharedObject
        case 4: self = .core
        default: self = .other(rawValue)
        }
    }

    public var description: String {
        switch self {
        case .relocatable: "relocatable"
        case .executable: "executable"
        case .sharedObject: "shared object"
        case .core: "core"
        case .other(let code): "type \(elfHex(UInt64(code)))"
        }
    }
}
