/// The GNU version tables: `.gnu.version_d` (`Elf64_Verdef`/`Elf64_Verdaux`) and
/// `.gnu.version_r` (`Elf64_Verneed`/`Elf64_Vernaux`), as the LSB lays them out
/// (https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/symversion.html).
extension ELFParser {
    static let versionFlagBase: UInt16 = 0x1
    static let versionFlagWeak: UInt16 = 0x2

    /// The definitions chained from `offset`; `count` is `DT_VERDEFNUM` when present.
    func versionDefinitions(at start: UInt64, count: UInt64?, _ strings: StringTable) throws(ELFError)
        -> [ELFVersionDefinition]
    {
        var definitions: [ELFVersionDefinition] = []
        var offset = start
        for _ in 0..<min(count ?? UInt64(ELFParser.maximumVersionEntries), UInt64(ELFParser.maximumVersionEntries)) {
            _ = try bytes.slice(at: offset, size: 20, "Elf64_Verdef entry")
            let version = try bytes.u16(at: offset, "vd_version field")
            guard version == 1 else {
                throw .malformed(what: "vd_version field", detail: "at \(elfHex(offset)) is \(version), not 1")
            }
            let flags = try bytes.u16(at: offset + 2, "vd_flags field")
            let index = try bytes.u16(at: offset + 4, "vd_ndx field")
            let auxiliary = try offset.adding(UInt64(try bytes.u32(at: offset + 12, "vd_aux field")), "vd_aux field")
            let next = UInt64(try bytes.u32(at: offset + 16, "vd_next field"))
            let name = try strings.string(UInt64(try bytes.u32(at: auxiliary, "vda_name field")), "version name")
            definitions.append(
                ELFVersionDefinition(
                    index: index & 0x7fff, name: name, isBase: flags & ELFParser.versionFlagBase != 0,
                    isWeak: flags & ELFParser.versionFlagWeak != 0))
            guard next != 0 else { break }
            offset = try offset.adding(next, "vd_next field")
        }
        return definitions
    }

    /// The needs chained from `offset`; `count` is `DT_VERNEEDNUM` when present.
    func versionNeeds(at start: UInt64, count: UInt64?, _ strings: StringTable) throws(ELFError)
        -> [ELFVersionNeed]
    {
        var needs: [ELFVersionNeed] = []
        var offset = start
        var remainingVersions = ELFParser.maximumVersionEntries
        for _ in 0..<min(count ?? UInt64(ELFParser.maximumVersionEntries), UInt64(ELFParser.maximumVersionEntries)) {
            _ = try bytes.slice(at: offset, size: 16, "Elf64_Verneed entry")
            let version = try bytes.u16(at: offset, "vn_version field")
            guard version == 1 else {
                throw .malformed(what: "vn_version field", detail: "at \(elfHex(offset)) is \(version), not 1")
            }
            let auxiliaryCount = try bytes.u16(at: offset + 2, "vn_cnt field")
            let library = try strings.string(UInt64(try bytes.u32(at: offset + 4, "vn_file field")), "vn_file name")
            var auxiliary = try offset.adding(UInt64(try bytes.u32(at: offset + 8, "vn_aux field")), "vn_aux field")
            let next = UInt64(try bytes.u32(at: offset + 12, "vn_next field"))

            var versions: [ELFVersionNeed.Version] = []
            for _ in 0..<auxiliaryCount {
                remainingVersions -= 1
                guard remainingVersions >= 0 else {
                    throw .malformed(what: ".gnu.version_r table", detail: "has more than 65536 versions")
                }
                _ = try bytes.slice(at: auxiliary, size: 16, "Elf64_Vernaux entry")
                let flags = try bytes.u16(at: auxiliary + 4, "vna_flags field")
                let index = try bytes.u16(at: auxiliary + 6, "vna_other field")
                let name = try strings.string(
                    UInt64(try bytes.u32(at: auxiliary + 8, "vna_name field")), "version name")
                versions.append(
                    ELFVersionNeed.Version(
                        index: index & 0x7fff, name: name, isWeak: flags & ELFParser.versionFlagWeak != 0))
                let step = UInt64(try bytes.u32(at: auxiliary + 12, "vna_next field"))
                guard step != 0 else { break }
                auxiliary = try auxiliary.adding(step, "vna_next field")
            }
            needs.append(ELFVersionNeed(library: library, versions: versions))
            guard next != 0 else { break }
            offset = try offset.adding(next, "vn_next field")
        }
        return needs
    }
}
