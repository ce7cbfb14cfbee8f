import BallastLayers

/// Reads an ELF file's dynamic section while the file streams past, keeping only the parts the
/// dynamic loader reads, never the whole file.
///
/// A 120-140 MB node binary keeps its `.dynsym`, `.dynstr` and `.gnu.version*` tables in its first
/// `PT_LOAD` segment (about 10 MB at the start of the file) and its `PT_DYNAMIC` segment (a few
/// hundred bytes) near the end. The scanner keeps the ELF header, the program headers,
/// `PT_INTERP`, `PT_DYNAMIC`, the first `PT_LOAD` and the section header table; once `PT_DYNAMIC`
/// has passed, it also keeps the tables it points at that are still ahead, where tools such as
/// patchelf move them. All of it stays within ``cap``. ``finish()`` returns an ``ELFScanResult``.
public final class ELFScanner: ContentScanner {
    public static let defaultCap = 32 << 20

    /// The most bytes kept at once.
    public let cap: Int
    /// The most bytes this scanner held at any one time, for checking the cap.
    public private(set) var peakRetainedBytes = 0

    var position: UInt64 = 0
    /// Bytes from the start of the file, until the program headers say what else to keep.
    var head: [UInt8] = []
    var headNeeded: UInt64 = ELFParser.elf64HeaderSize
    var planned = false
    var kept: [Kept] = []
    var segments: [ELFParser.Segment] = []
    /// `PT_DYNAMIC`, until its entries have been read to find tables further on.
    var pendingDynamic: ELFParser.Segment?
    var outcome: ELFScanResult?

    /// A range of the file to keep and the bytes of it seen so far.
    struct Kept {
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
        // Stop right after PT_DYNAMIC to see which tables lie ahead before they stream past.
        if let dynamic = pendingDynamic, dynamic.offset + dynamic.fileSize > position {
            let split = min(remaining.count, Int(clamping: dynamic.offset + dynamic.fileSize - position))
            keep(remaining.prefix(split))
            remaining = remaining.dropFirst(split)
        }
        if let dynamic = pendingDynamic, dynamic.offset + dynamic.fileSize <= position {
            pendingDynamic = nil
            keepTables(after: dynamic)
        }
        keep(remaining)
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

    /// Copies the bytes at `position` into every kept range they overlap.
    private func keep(_ bytes: Slice<UnsafeRawBufferPointer>) {
        for index in kept.indices {
            let part = kept[index]
            let want = part.start + UInt64(part.bytes.count)
            guard want < part.end, want >= position, want < position + UInt64(bytes.count) else { continue }
            let from = bytes.startIndex + Int(want - position)
            let count = min(bytes.endIndex - from, Int(part.end - want))
            kept[index].bytes.append(contentsOf: bytes[from..<(from + count)])
        }
        position += UInt64(bytes.count)
        track()
    }

    func track() {
        // Kept ranges are reserved whole up front, so they count in full from the start.
        peakRetainedBytes = max(peakRetainedBytes, retainedBytes)
    }

    var retainedBytes: Int {
        head.count + kept.reduce(0) { $0 + Int($1.end - $1.start) }
    }
}

/// What an ``ELFScanner`` hands back: the parsed file, or the error that stopped it.
public typealias ELFScanResult = Result<ELFFile, ELFError>
