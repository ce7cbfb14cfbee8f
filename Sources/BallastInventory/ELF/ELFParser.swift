/// Reads an ``ELFFile`` out of ``ELFBytes``: the header, the program headers, `PT_INTERP` and the
/// `PT_DYNAMIC` entries, then (in `ELFParser+Symbols.swift`) the tables those entries point at.
///
/// Layouts follow the System V gABI (https://refspecs.linuxfoundation.org/elf/gabi4+/contents.html).
/// Every offset and size comes from the file, so every read is bounds-checked and every sum is
/// overflow-checked: garbled input gives an ``ELFError``.
struct ELFParser {
    /// The fields of the ELF header this parser uses.
    struct Header {
        var fileClass: ELFFile.FileClass
        var byteOrder: ELFFile.ByteOrder
        var type: ELFFileType
        var machine: ELFMachine
        var programHeaderOffset: UInt64 = 0
        var programHeaderSize: UInt64 = 0
        var programHeaderCount: UInt64 = 0
        var sectionHeaderOffset: UInt64 = 0
        var sectionHeaderSize: UInt64 = 0
        var sectionHeaderCount: UInt64 = 0

        var isReadable: Bool { fileClass == .elf64 && byteOrder == .littleEndian }

        /// Where the program header table ends: the bytes a reader needs before it knows the segments.
        var programHeadersEnd: UInt64 {
            let (size, overflow) = programHeaderSize.multipliedReportingOverflow(by: programHeaderCount)
            let (end, overflow2) = programHeaderOffset.addingReportingOverflow(size)
            return overflow || overflow2 ? .max : end
        }
    }

    /// One program header (`Elf64_Phdr`).
    struct Segment {
        var type: UInt32
        var flags: UInt32
        var offset: UInt64
        var address: UInt64
        var fileSize: UInt64

        static let load: UInt32 = 1
        static let dynamic: UInt32 = 2
        static let interpreter: UInt32 = 3
        static let writable: UInt32 = 2
    }

    static let magic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46]
    static let elf64HeaderSize: UInt64 = 64
    static let programHeaderEntrySize: UInt64 = 56

    let bytes: ELFBytes

    init(_ bytes: ELFBytes) {
        self.bytes = bytes
    }

    func parse() throws(ELFError) -> ELFFile {
        let header = try ELFParser.header(bytes)
        var file = ELFFile(
            fileClass: header.fileClass, byteOrder: header.byteOrder, machine: header.machine, type: header.type)
        guard header.isReadable else { return file }

        file.isFullyParsed = true
        let segments = try ELFParser.segments(bytes, header: header)
        if let interpreter = segments.first(where: { $0.type == Segment.interpreter }) {
            let text = try bytes.slice(at: interpreter.offset, size: interpreter.fileSize, "PT_INTERP segment")
            file.interpreter = String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard let dynamic = segments.first(where: { $0.type == Segment.dynamic }) else { return file }
        let entries = try DynamicEntries(bytes, segment: dynamic)
        try read(entries, into: &file, header: header, segments: segments)
        return file
    }

    /// The ELF header; for a layout other than ELF64 little-endian, only class, byte order, type
    /// and machine.
    static func header(_ bytes: ELFBytes) throws(ELFError) -> Header {
        let magic = try? bytes.slice(at: 0, size: 4, "ELF identification")
        guard let magic, magic.elementsEqual(ELFParser.magic) else {
            // A file shorter than the magic that starts like it is a cut-short ELF file.
            if let fileSize = bytes.fileSize, fileSize < 4,
                (bytes.parts.first?.bytes ?? []).elementsEqual(ELFParser.magic.prefix(Int(fileSize)))
            {
                throw .truncated(what: "ELF identification", offset: 0, size: 4, fileSize: fileSize)
            }
            throw .notELF
        }
        let fileClass: ELFFile.FileClass
        switch try bytes.u8(at: 4, "EI_CLASS byte") {
        case 1: fileClass = .elf32
        case 2: fileClass = .elf64
        case let other: throw .malformed(what: "EI_CLASS byte", detail: "is \(other), not 1 (ELF32) or 2 (ELF64)")
        }
        let byteOrder: ELFFile.ByteOrder
        switch try bytes.u8(at: 5, "EI_DATA byte") {
        case 1: byteOrder = .littleEndian
        case 2: byteOrder = .bigEndian
        case let other:
            throw .malformed(what: "EI_DATA byte", detail: "is \(other), not 1 (little-endian) or 2 (big-endian)")
        }
        let big = byteOrder == .bigEndian
        var header = Header(
            fileClass: fileClass, byteOrder: byteOrder,
            type: ELFFileType(rawValue: try bytes.u16(at: 16, bigEndian: big, "e_type field")),
            machine: ELFMachine(rawValue: try bytes.u16(at: 18, bigEndian: big, "e_machine field")))
        guard header.isReadable else { return header }

        _ = try bytes.slice(at: 0, size: elf64HeaderSize, "ELF header")
        header.programHeaderOffset = try bytes.u64(at: 32, "e_phoff field")
        header.sectionHeaderOffset = try bytes.u64(at: 40, "e_shoff field")
        header.programHeaderSize = UInt64(try bytes.u16(at: 54, "e_phentsize field"))
        header.programHeaderCount = UInt64(try bytes.u16(at: 56, "e_phnum field"))
        header.sectionHeaderSize = UInt64(try bytes.u16(at: 58, "e_shentsize field"))
        header.sectionHeaderCount = UInt64(try bytes.u16(at: 60, "e_shnum field"))
        if header.programHeaderCount > 0, header.programHeaderSize < programHeaderEntrySize {
            throw .malformed(
                what: "e_phentsize field", detail: "is \(header.programHeaderSize), less than an Elf64_Phdr's 56 bytes")
        }
        return header
    }

    /// The program header table.
    static func segments(_ bytes: ELFBytes, header: Header) throws(ELFError) -> [Segment] {
        let tableSize = try header.programHeaderSize.multiplied(by: header.programHeaderCount, "program header table")
        _ = try bytes.slice(at: header.programHeaderOffset, size: tableSize, "program header table")
        var segments: [Segment] = []
        for index in 0..<header.programHeaderCount {
            let base = header.programHeaderOffset + index * header.programHeaderSize
            segments.append(
                Segment(
                    type: try bytes.u32(at: base, "p_type field"),
                    flags: try bytes.u32(at: base + 4, "p_flags field"),
                    offset: try bytes.u64(at: base + 8, "p_offset field"),
                    address: try bytes.u64(at: base + 16, "p_vaddr field"),
                    fileSize: try bytes.u64(at: base + 32, "p_filesz field")))
        }
        return segments
    }

    /// The file offset of virtual address `address`, through the `PT_LOAD` segment that maps it.
    static func offset(of address: UInt64, in segments: [Segment], _ what: String) throws(ELFError) -> UInt64 {
        for segment in segments where segment.type == Segment.load {
            guard address >= segment.address, address - segment.address < segment.fileSize else { continue }
            return try segment.offset.adding(address - segment.address, what)
        }
        throw .unmappedAddress(what: what, address: address)
    }
}
