/// How an ``ELFScanner`` decides what to keep: first from the program headers, then from the
/// `PT_DYNAMIC` entries once they have streamed past.
extension ELFScanner {
    /// More section header bytes than any real file has (1,000 sections are 64 KB).
    static let maximumSectionHeaderBytes: UInt64 = 1 << 20

    /// Reads the header, then the program headers, and plans what to keep; false once done.
    /// Until the program headers are in `head`, it asks for more bytes by raising `headNeeded`.
    func readHeaders() -> Bool {
        do throws(ELFError) {
            let bytes = ELFBytes(parts: [ELFBytes.Part(offset: 0, bytes: head)])
            let header = try ELFParser.header(bytes)
            guard header.isReadable else {
                outcome = .success(try ELFParser(bytes).parse())
                return false
            }
            guard UInt64(head.count) >= header.programHeadersEnd else {
                guard header.programHeadersEnd <= UInt64(cap) else {
                    throw .capExceeded(needed: header.programHeadersEnd, cap: cap)
                }
                headNeeded = header.programHeadersEnd
                return true
            }
            segments = try ELFParser.segments(bytes, header: header)
            try plan(header)
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    private func plan(_ header: ELFParser.Header) throws(ELFError) {
        var ranges = [(start: UInt64(0), end: header.programHeadersEnd)]
        for segment in segments
        where segment.type == ELFParser.Segment.interpreter || segment.type == ELFParser.Segment.dynamic {
            ranges.append((segment.offset, try segment.offset.adding(segment.fileSize, "segment size")))
        }
        let fixed = ranges.reduce(UInt64(0)) { total, range in
            let (sum, overflow) = total.addingReportingOverflow(range.end - range.start)
            return overflow ? .max : sum
        }
        guard fixed <= UInt64(cap) else { throw .capExceeded(needed: fixed, cap: cap) }

        // The linker puts the symbol and version tables in the first PT_LOAD; the section header
        // table, a few KB at the end, counts .dynsym when a hash table streamed past unkept.
        var wanted: [(start: UInt64, end: UInt64)] = []
        let loads = segments.filter { $0.type == ELFParser.Segment.load && $0.fileSize > 0 }
        if let first = loads.min(by: { $0.offset < $1.offset }) {
            wanted.append((first.offset, try first.offset.adding(first.fileSize, "PT_LOAD size")))
        }
        let (tableSize, overflow) = header.sectionHeaderSize.multipliedReportingOverflow(by: header.sectionHeaderCount)
        let (tableEnd, overflow2) = header.sectionHeaderOffset.addingReportingOverflow(tableSize)
        if header.sectionHeaderOffset != 0, !overflow, !overflow2, tableSize <= ELFScanner.maximumSectionHeaderBytes {
            wanted.insert((header.sectionHeaderOffset, tableEnd), at: 0)
        }
        var room = UInt64(cap) - fixed
        for range in wanted {
            let size = min(range.end - range.start, room)
            ranges.append((range.start, range.start + size))
            room -= size
        }
        add(ranges)
        pendingDynamic = segments.first { $0.type == ELFParser.Segment.dynamic }
        planned = true
        head = []
        track()
    }

    /// Once `PT_DYNAMIC` has been read, keeps the tables it points at that are still ahead: the
    /// string table exactly, the others to the end of their segment.
    func keepTables(after dynamic: ELFParser.Segment) {
        typealias Tag = DynamicEntries.Tag
        let parts = kept.filter(\.isComplete).map { ELFBytes.Part(offset: $0.start, bytes: $0.bytes) }
        guard let entries = try? DynamicEntries(ELFBytes(parts: parts), segment: dynamic) else { return }
        let loads = segments.filter { $0.type == ELFParser.Segment.load }
        var wanted: [(start: UInt64, end: UInt64)] = []
        for tag in [
            Tag.stringTable, Tag.symbolTable, Tag.hash, Tag.gnuHash, Tag.versionSymbols,
            Tag.versionDefinitions, Tag.versionNeeds,
        ] {
            guard let address = entries[tag], let offset = try? ELFParser.offset(of: address, in: segments, "table"),
                offset >= position, !kept.contains(where: { $0.start <= offset && offset < $0.end }),
                let load = ELFScanner.load(holding: offset, in: loads)
            else { continue }
            let (segmentEnd, overflow) = load.offset.addingReportingOverflow(load.fileSize)
            guard !overflow else { continue }
            var end = segmentEnd
            if tag == Tag.stringTable, let size = entries[Tag.stringTableSize] {
                let (tableEnd, overflow) = offset.addingReportingOverflow(size)
                if !overflow { end = min(segmentEnd, tableEnd) }
            }
            wanted.append((offset, end))
        }

        // Tables in one segment overlap once extended to its end: keep each stretch once.
        var merged: [(start: UInt64, end: UInt64)] = []
        for range in wanted.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, range.start <= last.end {
                merged[merged.count - 1].end = max(last.end, range.end)
            } else {
                merged.append(range)
            }
        }
        var room = UInt64(max(0, cap - retainedBytes))
        add(
            merged.map { range in
                let size = min(range.end - range.start, room)
                room -= size
                return (range.start, range.start + size)
            })
        track()
    }

    private func add(_ ranges: [(start: UInt64, end: UInt64)]) {
        for range in ranges where range.end > range.start {
            var part = Kept(start: range.start, end: range.end)
            part.bytes.reserveCapacity(Int(range.end - range.start))
            if range.start < UInt64(head.count) {
                part.bytes.append(contentsOf: head[Int(range.start)..<Int(min(range.end, UInt64(head.count)))])
            }
            kept.append(part)
        }
    }

    static func load(holding offset: UInt64, in loads: [ELFParser.Segment]) -> ELFParser.Segment? {
        loads.first { $0.offset <= offset && offset - $0.offset < $0.fileSize }
    }
}
