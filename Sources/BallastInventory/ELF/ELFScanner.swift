import BallastLayers

/// Reads an ELF file's dynamic section while the file streams past, keeping only the parts the
/// dynamic loader reads first, never the whole file.
///
/// A 120-140 MB node binary keeps its `.dynsym`, `.dynstr` and `.gnu.version*` tables in its first
/// `PT_LOAD` segment (about 10 MB at the start of the file) and its `PT_DYNAMIC` segment (a few
/// hundred bytes) near the end. The scanner keeps the ELF header, the program headers,
/// `PT_INTERP`, `PT_DYNAMIC` and as much of the first `PT_LOAD` as the cap leaves room for, then
/// parses them as ``ELFFile`` does. ``finish()`` returns an ``ELFScanResult``.
public final class ELFScanner: ContentScanner {
    public static let defaultCap = 32 << 20

    /// The most bytes kept at once.
    public let cap: Int
    /// The most bytes this scanner held at any one time, for checking the cap.
    public private(set) var peakRetainedBytes = 0

    private var position: UInt64 = 0
    /// Bytes from the start of the file, until the program headers say what else to keep.
    private var head: [UInt8] = []
    private var headNeeded: UInt64 = ELFParser.elf64HeaderSize
    private var planned = false
    private var kept: [Kept] = []
    private var outcome: ELFScanResult?

    /// A range of the file to keep and the bytes of it seen so far.
    private struct Kept {
        let start: UInt64
        let end: UInt64
        var bytes: [UInt8] = []

        var isComplete: Bool { start + UInt64(bytes.count) == end }
    }

    public init(cap: Int = ELFScanner.defaultCap) {
        self.cap = cap
    }

    /// A request that streams every file matching `patterns` through a fresh scanner.
    public static func request(_ patterns: [String], cap: Int = ELFScanner.defaultCap) -> ContentRequest {
        ContentRequest(patterns, action: .scan({ ELFScanner(cap: cap) }))
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard outcome == nil else { return false }
        var remaining = chunk[...]
        while !planned {
            let take = min(remaining.count, Int(clamping: headNeeded - UInt64(head.count)))
            head.append(contentsOf: remaining.prefix(take))
            remaining = remaining.dropFirst(take)
            position += UInt64(take)
            track()
            guard UInt64(head.count) >= headNeeded else { return true }
            guard readHeaders() else { return false }
        }
        for index in kept.indices {
            let part = kept[index]
            let want = part.start + UInt64(part.bytes.count)
            guard want < part.end, want >= position, want < position + UInt64(remaining.count) else { continue }
            let from = remaining.startIndex + Int(want - position)
            let count = min(remaining.endIndex - from, Int(part.end - want))
            kept[index].bytes.append(contentsOf: remaining[from..<(from + count)])
        }
        position += UInt64(remaining.count)
        track()
        return kept.contains { !$0.isComplete }
    }

    public func finish() -> (any Sendable)? {
        result()
    }

    /// What the stream held: the parsed file, or why it could not be read.
    public func result() -> ELFScanResult {
        if let outcome { return outcome }
        guard planned else {
            // The stream ended inside the headers: what was seen is the whole file.
            return Result { () throws(ELFError) in try ELFParser(ELFBytes(whole: head)).parse() }
        }
        if let short = kept.first(where: { !$0.isComplete }) {
            return .failure(.endedEarly(received: position, needed: short.end))
        }
        let parts = kept.map { ELFBytes.Part(offset: $0.start, bytes: $0.bytes) }
        return Result { () throws(ELFError) in try ELFParser(ELFBytes(parts: parts)).parse() }
    }

    /// Reads the header, then the program headers, and plans what to keep; false once done.
    /// Until the program headers are in `head`, it asks for more bytes by raising `headNeeded`.
    private func readHeaders() -> Bool {
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
            try plan(ELFParser.segments(bytes, header: header), headersEnd: header.programHeadersEnd)
            return true
        } catch {
            outcome = .failure(error)
            return false
        }
    }

    private func plan(_ segments: [ELFParser.Segment], headersEnd: UInt64) throws(ELFError) {
        var ranges = [(start: UInt64(0), end: headersEnd)]
        for segment in segments
        where segment.type == ELFParser.Segment.interpreter
            || segment.type == ELFParser.Segment.dynamic
        {
            ranges.append((segment.offset, try segment.offset.adding(segment.fileSize, "segment size")))
        }
        let fixed = ranges.reduce(UInt64(0)) { $0 + ($1.end - $1.start) }
        guard fixed <= UInt64(cap) else { throw .capExceeded(needed: fixed, cap: cap) }

        // The linker puts the symbol and version tables in the first PT_LOAD. Tools that rewrite
        // dynamic sections (patchelf, auditwheel) move them into new segments at the end: the
        // one holding PT_DYNAMIC (with .dynstr after it) and the one holding PT_INTERP (with
        // .gnu.hash). Keep each, from those segments' start, as far as the cap leaves room.
        let loads = segments.filter { $0.type == ELFParser.Segment.load && $0.fileSize > 0 }
        var wanted: [(start: UInt64, end: UInt64)] = []
        let first = loads.min(by: { $0.offset < $1.offset })
        for special in [ELFParser.Segment.dynamic, ELFParser.Segment.interpreter] {
            guard let segment = segments.first(where: { $0.type == special }),
                let load = loads.first(where: {
                    $0.offset <= segment.offset && segment.offset - $0.offset < $0.fileSize
                }),
                load.offset != first?.offset
            else { continue }
            wanted.append((segment.offset, try load.offset.adding(load.fileSize, "PT_LOAD size")))
        }
        if let first {
            wanted.insert(
                (first.offset, try first.offset.adding(first.fileSize, "PT_LOAD size")), at: min(1, wanted.count))
        }
        var room = UInt64(cap) - fixed
        for range in wanted {
            let size = min(range.end - range.start, room)
            ranges.append((range.start, range.start + size))
            room -= size
        }
        kept = ranges.filter { $0.end > $0.start }.map { range in
            var part = Kept(start: range.start, end: range.end)
            part.bytes.reserveCapacity(Int(range.end - range.start))
            if range.start < UInt64(head.count) {
                part.bytes.append(contentsOf: head[Int(range.start)..<Int(min(range.end, UInt64(head.count)))])
            }
            return part
        }
        planned = true
        head = []
        track()
    }

    private func track() {
        // Kept ranges are reserved whole up front, so they count in full from the start.
        let retained = head.count + kept.reduce(0) { $0 + Int($1.end - $1.start) }
        peakRetainedBytes = max(peakRetainedBytes, retained)
    }
}

/// What an ``ELFScanner`` hands back: the parsed file, or the error that stopped it.
public typealias ELFScanResult = Result<ELFFile, ELFError>
