/// The tables `PT_DYNAMIC` points at: strings, `.dynsym`, its hash tables for the symbol count,
/// and the GNU version tables.
///
/// Versioning follows the LSB
/// (https://refspecs.linuxfoundation.org/LSB_5.0.0/LSB-Core-generic/LSB-Core-generic/symversion.html).
extension ELFParser {
    static let symbolEntrySize: UInt64 = 24
    /// More entries than any real table has; a longer chain of `vd_next`/`vn_next` is garbage.
    static let maximumVersionEntries = 65_536

    func read(_ entries: DynamicEntries, into file: inout ELFFile, header: Header, segments: [Segment])
        throws(ELFError)
    {
        typealias Tag = DynamicEntries.Tag
        file.bindNow = entries.bindNow
        let strings = try stringTable(entries, segments)
        file.needed = try entries.neededNames.map { (name) throws(ELFError) in
            try strings.string(name, "DT_NEEDED name")
        }
        file.soname = try entries[Tag.soname].map { (name) throws(ELFError) in try strings.string(name, "DT_SONAME") }
        file.rpath = try entries[Tag.rpath].map { (name) throws(ELFError) in try strings.string(name, "DT_RPATH") }
        file.runpath = try entries[Tag.runpath].map { (name) throws(ELFError) in
            try strings.string(name, "DT_RUNPATH")
        }

        var versionNames: [UInt16: String] = [:]
        if let address = entries[Tag.versionDefinitions] {
            let offset = try ELFParser.offset(of: address, in: segments, "DT_VERDEF")
            file.versionDefinitions = try versionDefinitions(
                at: offset, count: entries[Tag.versionDefinitionCount], strings)
            for definition in file.versionDefinitions where !definition.isBase {
                versionNames[definition.index] = definition.name
            }
        }
        if let address = entries[Tag.versionNeeds] {
            let offset = try ELFParser.offset(of: address, in: segments, "DT_VERNEED")
            file.versionNeeds = try versionNeeds(at: offset, count: entries[Tag.versionNeedCount], strings)
            for need in file.versionNeeds {
                for version in need.versions { versionNames[version.index] = version.name }
            }
        }

        file.symbols = try symbols(entries, header: header, segments: segments, strings, versionNames)
    }

    /// The global, weak and unique entries of `.dynsym`, with their versions from `.gnu.version`.
    private func symbols(
        _ entries: DynamicEntries, header: Header, segments: [Segment], _ strings: StringTable,
        _ versionNames: [UInt16: String]
    ) throws(ELFError) -> [ELFSymbol] {
        typealias Tag = DynamicEntries.Tag
        guard let symbolAddress = entries[Tag.symbolTable] else { return [] }
        let symbolOffset = try ELFParser.offset(of: symbolAddress, in: segments, "DT_SYMTAB")
        let count = try symbolCount(entries, header: header, segments: segments)
        let entrySize = entries[Tag.symbolEntrySize] ?? ELFParser.symbolEntrySize
        guard entrySize >= ELFParser.symbolEntrySize else {
            throw .malformed(what: "DT_SYMENT", detail: "is \(entrySize), less than an Elf64_Sym's 24 bytes")
        }
        _ = try bytes.slice(at: symbolOffset, size: try entrySize.multiplied(by: count, "DT_SYMTAB"), ".dynsym table")
        var versionOffset: UInt64?
        if let address = entries[Tag.versionSymbols] {
            let offset = try ELFParser.offset(of: address, in: segments, "DT_VERSYM")
            _ = try bytes.slice(at: offset, size: try count.multiplied(by: 2, "DT_VERSYM"), ".gnu.version table")
            versionOffset = offset
        }

        var symbols: [ELFSymbol] = []
        for index in 1..<max(count, 1) {
            let base = symbolOffset + index * entrySize
            let info = try bytes.u8(at: base + 4, "st_info field")
            let binding: ELFSymbol.Binding
            switch info >> 4 {
            case 1: binding = .global
            case 2: binding = .weak
            case 10: binding = .unique
            default: continue
            }
            let name = try strings.string(UInt64(try bytes.u32(at: base, "st_name field")), "symbol name")
            let section = try bytes.u16(at: base + 6, "st_shndx field")
            var symbol = ELFSymbol(name: name, binding: binding, isDefined: section != 0)
            if let versionOffset {
                let raw = try bytes.u16(at: versionOffset + index * 2, ".gnu.version entry")
                // Indexes 0 (local) and 1 (global) mean "unversioned".
                symbol.version = raw & 0x7fff > 1 ? versionNames[raw & 0x7fff] : nil
                symbol.isHidden = raw & 0x8000 != 0
            }
            symbols.append(symbol)
        }
        return symbols
    }

    /// `DT_STRTAB` with its size `DT_STRSZ`.
    struct StringTable {
        let bytes: ELFBytes
        let offset: UInt64
        let size: UInt64

        func string(_ index: UInt64, _ what: String) throws(ELFError) -> String {
            guard index < size else {
                throw .malformed(what: what, detail: "is at \(index), past the string table's \(size) bytes")
            }
            return try bytes.string(at: offset + index, limit: offset + size, what)
        }
    }

    private func stringTable(_ entries: DynamicEntries, _ segments: [Segment]) throws(ELFError) -> StringTable {
        guard let address = entries[DynamicEntries.Tag.stringTable] else {
            throw .malformed(what: "dynamic section", detail: "has no DT_STRTAB")
        }
        guard let size = entries[DynamicEntries.Tag.stringTableSize] else {
            throw .malformed(what: "dynamic section", detail: "has no DT_STRSZ")
        }
        let offset = try ELFParser.offset(of: address, in: segments, "DT_STRTAB")
        _ = try offset.adding(size, "DT_STRSZ")
        return StringTable(bytes: bytes, offset: offset, size: size)
    }

    /// The number of `.dynsym` entries: `nchain` of `DT_HASH`, the end of the last chain of
    /// `DT_GNU_HASH`, or the size of the `SHT_DYNSYM` section header.
    private func symbolCount(_ entries: DynamicEntries, header: Header, segments: [Segment]) throws(ELFError)
        -> UInt64
    {
        do {
            if let address = entries[DynamicEntries.Tag.hash] {
                let offset = try ELFParser.offset(of: address, in: segments, "DT_HASH")
                _ = try bytes.slice(at: offset, size: 8, "DT_HASH header")
                return UInt64(try bytes.u32(at: offset + 4, "DT_HASH nchain"))
            }
            if let address = entries[DynamicEntries.Tag.gnuHash] {
                return try gnuHashSymbolCount(at: try ELFParser.offset(of: address, in: segments, "DT_GNU_HASH"))
            }
        } catch {
            // A streaming read may have passed the hash table (patchelf moves it before
            // PT_DYNAMIC); the section headers at the end of the file give the count as well.
            guard case .notRetained = error, let count = try? sectionHeaderSymbolCount(header) else { throw error }
            return count
        }
        if let count = try sectionHeaderSymbolCount(header) {
            return count
        }
        throw .malformed(
            what: "dynamic section",
            detail: "has DT_SYMTAB but neither DT_HASH, DT_GNU_HASH nor a .dynsym section header")
    }

    private func gnuHashSymbolCount(at offset: UInt64) throws(ELFError) -> UInt64 {
        _ = try bytes.slice(at: offset, size: 16, "DT_GNU_HASH header")
        let bucketCount = UInt64(try bytes.u32(at: offset, "DT_GNU_HASH nbuckets"))
        let symbolOffset = UInt64(try bytes.u32(at: offset + 4, "DT_GNU_HASH symoffset"))
        let bloomWords = UInt64(try bytes.u32(at: offset + 8, "DT_GNU_HASH bloom_size"))
        let buckets = try offset.adding(16 + (try bloomWords.multiplied(by: 8, "DT_GNU_HASH bloom")), "DT_GNU_HASH")
        let chains = try buckets.adding(try bucketCount.multiplied(by: 4, "DT_GNU_HASH buckets"), "DT_GNU_HASH")
        _ = try bytes.slice(at: buckets, size: bucketCount * 4, "DT_GNU_HASH buckets")

        var last: UInt64 = 0
        for index in 0..<bucketCount {
            last = max(last, UInt64(try bytes.u32(at: buckets + index * 4, "DT_GNU_HASH bucket")))
        }
        guard last >= symbolOffset else { return symbolOffset }
        // The last bucket's chain ends at the entry whose low bit is set; the table ends there.
        var index = last
        while try bytes.u32(at: try chains.adding((index - symbolOffset) * 4, "DT_GNU_HASH chain"), "DT_GNU_HASH chain")
            & 1 == 0
        {
            index += 1
        }
        return index + 1
    }

    private func sectionHeaderSymbolCount(_ header: Header) throws(ELFError) -> UInt64? {
        guard header.sectionHeaderOffset != 0, header.sectionHeaderSize >= 64 else { return nil }
        let tableSize = try header.sectionHeaderSize.multiplied(by: header.sectionHeaderCount, "section header table")
        _ = try bytes.slice(at: header.sectionHeaderOffset, size: tableSize, "section header table")
        for index in 0..<header.sectionHeaderCount {
            let base = header.sectionHeaderOffset + index * header.sectionHeaderSize
            guard try bytes.u32(at: base + 4, "sh_type field") == 11 else { continue }
            let size = try bytes.u64(at: base + 32, "sh_size field")
            let entrySize = try bytes.u64(at: base + 56, "sh_entsize field")
            guard entrySize > 0 else { throw .malformed(what: ".dynsym section header", detail: "has sh_entsize 0") }
            return size / entrySize
        }
        return nil
    }
}
