/// Parts of an ELF file, each at its file offset, with bounds-checked little- and big-endian reads.
///
/// A whole file is one part starting at 0. A streaming read keeps a few parts (headers, a
/// segment or two), and a read that falls outside every part says so instead of guessing.
struct ELFBytes: Sendable {
    struct Part: Sendable {
        let offset: UInt64
        let bytes: [UInt8]

        var end: UInt64 { offset + UInt64(bytes.count) }
    }

    let parts: [Part]
    /// The file's size when the parts are the whole file, so a short read means truncation.
    let fileSize: UInt64?

    init(whole bytes: [UInt8]) {
        parts = [Part(offset: 0, bytes: bytes)]
        fileSize = UInt64(bytes.count)
    }

    init(parts: [Part]) {
        self.parts = parts
        fileSize = nil
    }

    /// The `size` bytes at `offset`, which must lie inside one part.
    func slice(at offset: UInt64, size: UInt64, _ what: String) throws(ELFError) -> ArraySlice<UInt8> {
        let (end, overflow) = offset.addingReportingOverflow(size)
        if !overflow {
            for part in parts where part.offset <= offset && end <= part.end {
                let start = Int(offset - part.offset)
                return part.bytes[start..<(start + Int(size))]
            }
        }
        if let fileSize {
            throw .truncated(what: what, offset: offset, size: size, fileSize: fileSize)
        }
        throw .notRetained(what: what, offset: offset, size: size)
    }

    func u8(at offset: UInt64, _ what: String) throws(ELFError) -> UInt8 {
        try slice(at: offset, size: 1, what).first!
    }

    func u16(at offset: UInt64, bigEndian: Bool = false, _ what: String) throws(ELFError) -> UInt16 {
        UInt16(truncatingIfNeeded: try unsigned(at: offset, size: 2, bigEndian: bigEndian, what))
    }

    func u32(at offset: UInt64, bigEndian: Bool = false, _ what: String) throws(ELFError) -> UInt32 {
        UInt32(truncatingIfNeeded: try unsigned(at: offset, size: 4, bigEndian: bigEndian, what))
    }

    func u64(at offset: UInt64, bigEndian: Bool = false, _ what: String) throws(ELFError) -> UInt64 {
        try unsigned(at: offset, size: 8, bigEndian: bigEndian, what)
    }

    private func unsigned(at offset: UInt64, size: UInt64, bigEndian: Bool, _ what: String) throws(ELFError) -> UInt64 {
        let bytes = try slice(at: offset, size: size, what)
        var value: UInt64 = 0
        for index in bytes.indices {
            let shift = bigEndian ? UInt64(bytes.endIndex - 1 - index) * 8 : UInt64(index - bytes.startIndex) * 8
            value |= UInt64(bytes[index]) << shift
        }
        return value
    }

    /// The NUL-terminated string at `offset`, which must end before `limit` (a string table's end).
    func string(at offset: UInt64, limit: UInt64, _ what: String) throws(ELFError) -> String {
        guard offset < limit else {
            throw .malformed(
                what: what, detail: "starts at \(elfHex(offset)), past its string table's end \(elfHex(limit))")
        }
        let available = try availableSlice(from: offset, upTo: limit, what)
        guard let terminator = available.firstIndex(of: 0) else {
            let availableEnd = offset + UInt64(available.count)
            if availableEnd < limit { _ = try slice(at: availableEnd, size: 1, what) }
            throw .malformed(what: what, detail: "at \(elfHex(offset)) has no terminating NUL before \(elfHex(limit))")
        }
        return String(decoding: available[..<terminator], as: UTF8.self)
    }

    /// The bytes from `offset` up to `limit` or the end of the part holding `offset`, whichever is first.
    private func availableSlice(from offset: UInt64, upTo limit: UInt64, _ what: String) throws(ELFError)
        -> ArraySlice<UInt8>
    {
        guard let part = parts.first(where: { $0.offset <= offset && offset < $0.end }) else {
            _ = try slice(at: offset, size: 1, what)
            return []
        }
        let start = Int(offset - part.offset)
        let end = Int(min(limit, part.end) - part.offset)
        return part.bytes[start..<end]
    }
}

extension UInt64 {
    /// The sum, or a malformed-file error naming `what` when it overflows.
    func adding(_ other: UInt64, _ what: String) throws(ELFError) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard !overflow else { throw .malformed(what: what, detail: "overflows a 64-bit offset") }
        return sum
    }

    func multiplied(by other: UInt64, _ what: String) throws(ELFError) -> UInt64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard !overflow else { throw .malformed(what: what, detail: "overflows a 64-bit size") }
        return product
    }
}
