/// The entries of a `PT_DYNAMIC` segment (`Elf64_Dyn`) that say what a loader must find and where
/// the symbol and version tables are.
///
/// Tags are those of the System V gABI
/// (https://refspecs.linuxfoundation.org/elf/gabi4+/ch5.dynamic.html) and the GNU extensions the
/// LSB lists (https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/dynamicsection.html).
struct DynamicEntries {
    static let entrySize: UInt64 = 16

    enum Tag {
        static let null: UInt64 = 0
        static let needed: UInt64 = 1
        static let hash: UInt64 = 4
        static let stringTable: UInt64 = 5
        static let symbolTable: UInt64 = 6
        static let stringTableSize: UInt64 = 10
        static let symbolEntrySize: UInt64 = 11
        static let soname: UInt64 = 14
        static let rpath: UInt64 = 15
        static let bindNow: UInt64 = 24
        static let runpath: UInt64 = 29
        static let flags: UInt64 = 30
        static let gnuHash: UInt64 = 0x6fff_fef5
        static let versionSymbols: UInt64 = 0x6fff_fff0
        static let flags1: UInt64 = 0x6fff_fffb
        static let versionDefinitions: UInt64 = 0x6fff_fffc
        static let versionDefinitionCount: UInt64 = 0x6fff_fffd
        static let versionNeeds: UInt64 = 0x6fff_fffe
        static let versionNeedCount: UInt64 = 0x6fff_ffff
    }

    /// `DF_BIND_NOW` in `DT_FLAGS`.
    static let flagBindNow: UInt64 = 0x8
    /// `DF_1_NOW` in `DT_FLAGS_1`.
    static let flag1Now: UInt64 = 0x1

    /// String-table offsets of every `DT_NEEDED`, in order.
    var neededNames: [UInt64] = []
    /// The first value of every other tag, by tag.
    var values: [UInt64: UInt64] = [:]

    init(_ bytes: ELFBytes, segment: ELFParser.Segment) throws(ELFError) {
        _ = try bytes.slice(at: segment.offset, size: segment.fileSize, "PT_DYNAMIC segment")
        for index in 0..<(segment.fileSize / DynamicEntries.entrySize) {
            let base = segment.offset + index * DynamicEntries.entrySize
            let tag = try bytes.u64(at: base, "dynamic entry tag")
            let value = try bytes.u64(at: base + 8, "dynamic entry value")
            if tag == Tag.null { break }
            if tag == Tag.needed {
                neededNames.append(value)
            } else if values[tag] == nil {
                values[tag] = value
            }
        }
    }

    subscript(tag: UInt64) -> UInt64? { values[tag] }

    var bindNow: Bool {
        values[Tag.bindNow] != nil || (values[Tag.flags] ?? 0) & DynamicEntries.flagBindNow != 0
            || (values[Tag.flags1] ?? 0) & DynamicEntries.flag1Now != 0
    }
}
