import Foundation

/// Unpacks the compressed forms feeds are published in: gzip (RFC 1952, the EPSS CSV) and zip
/// (the OSV `all.zip` archives, stored or deflated entries).
enum CompressedFeed {
    static func isGzip(_ data: Data) -> Bool { data.starts(with: [0x1F, 0x8B]) }
    static func isZip(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// The decompressed bytes of every gzip member, verified against each member's CRC-32 and size.
    static func gunzip(_ data: Data, path: String) throws -> Data {
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        var offset = 0
        while offset + 18 <= bytes.count, bytes[offset] == 0x1F, bytes[offset + 1] == 0x8B {
            guard bytes[offset + 2] == 8 else { throw failure(path, "unknown gzip compression method") }
            let flags = bytes[offset + 3]
            var cursor = offset + 10
            if flags & 4 != 0 { cursor += 2 + Int(bytes[cursor]) | Int(bytes[cursor + 1]) << 8 }
            for flag: UInt8 in [8, 16] where flags & flag != 0 {
                while cursor < bytes.count && bytes[cursor] != 0 { cursor += 1 }
                cursor += 1
            }
            if flags & 2 != 0 { cursor += 2 }
            var inflater = Inflater(bytes, offset: cursor, expectedSize: bytes.count * 4)
            do {
                try inflater.inflate()
            } catch {
                throw failure(path, error.reason)
            }
            let end = inflater.endOffset
            guard end + 8 <= bytes.count else { throw failure(path, "gzip trailer missing") }
            let crc = UInt32(littleEndian: bytes, at: end)
            let size = UInt32(littleEndian: bytes, at: end + 4)
            guard CRC32.checksum(inflater.output) == crc, UInt32(truncatingIfNeeded: inflater.output.count) == size
            else { throw failure(path, "gzip checksum does not match; the download is damaged") }
            output += inflater.output
            offset = end + 8
        }
        guard !output.isEmpty || offset > 0 else { throw failure(path, "not a gzip stream") }
        return Data(output)
    }

    /// Calls `body` with the name and bytes of every file entry of a zip archive, in central
    /// directory order.
    static func unzip(_ data: Data, path: String, _ body: (String, Data) throws -> Void) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 22 else { throw failure(path, "zip archive too short") }
        var end = bytes.count - 22
        while end >= 0 && UInt32(littleEndian: bytes, at: end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { throw failure(path, "zip end of central directory not found") }
        var entries = Int(UInt16(littleEndian: bytes, at: end + 10))
        var cursor = Int(UInt32(littleEndian: bytes, at: end + 16))
        // More than 65,535 entries (OSV's npm archive) or offsets past 4 GiB: the ZIP64 record,
        // found through the locator just before the classic end record, holds the real values.
        if entries == 0xFFFF || cursor == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, UInt32(littleEndian: bytes, at: locator) == 0x0706_4B50 else {
                throw failure(path, "zip64 end of central directory locator not found")
            }
            let record = Int(UInt64(littleEndian: bytes, at: locator + 8))
            guard record + 56 <= bytes.count, UInt32(littleEndian: bytes, at: record) == 0x0606_4B50 else {
                throw failure(path, "zip64 end of central directory is damaged")
            }
            entries = Int(UInt64(littleEndian: bytes, at: record + 32))
            cursor = Int(UInt64(littleEndian: bytes, at: record + 48))
        }

        for _ in 0..<entries {
            guard cursor + 46 <= bytes.count, UInt32(littleEndian: bytes, at: cursor) == 0x0201_4B50 else {
                throw failure(path, "zip central directory is damaged")
            }
            let method = UInt16(littleEndian: bytes, at: cursor + 10)
            var compressedSize = Int(UInt32(littleEndian: bytes, at: cursor + 20))
            var size = Int(UInt32(littleEndian: bytes, at: cursor + 24))
            let nameLength = Int(UInt16(littleEndian: bytes, at: cursor + 28))
            let extraLength = Int(UInt16(littleEndian: bytes, at: cursor + 30))
            let commentLength = Int(UInt16(littleEndian: bytes, at: cursor + 32))
            var local = Int(UInt32(littleEndian: bytes, at: cursor + 42))
            let name = String(decoding: bytes[cursor + 46..<min(cursor + 46 + nameLength, bytes.count)], as: UTF8.self)
            if size == 0xFFFF_FFFF || compressedSize == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                (size, compressedSize, local) = zip64Fields(
                    bytes, extra: cursor + 46 + nameLength, length: extraLength, (size, compressedSize, local))
            }
            cursor += 46 + nameLength + extraLength + commentLength
            if name.hasSuffix("/") { continue }

            guard local + 30 <= bytes.count, UInt32(littleEndian: bytes, at: local) == 0x0403_4B50 else {
                throw failure(path, "zip entry \(name) is damaged")
            }
            let start =
                local + 30 + Int(UInt16(littleEndian: bytes, at: local + 26))
                + Int(UInt16(littleEndian: bytes, at: local + 28))
            guard start + compressedSize <= bytes.count else { throw failure(path, "zip entry \(name) is truncated") }
            switch method {
            case 0: try body(name, Data(bytes[start..<start + compressedSize]))
            case 8:
                var inflater = Inflater(bytes, offset: start, expectedSize: size)
                do {
                    try inflater.inflate()
                } catch {
                    throw failure(path, "zip entry \(name): \(error.reason)")
                }
                try body(name, Data(inflater.output))
            default: throw failure(path, "zip entry \(name) uses compression method \(method); only deflate is read")
            }
        }
    }

    /// Replaces the 32-bit fields marked 0xFFFFFFFF with their values from the ZIP64 extra field
    /// (id 1), which lists only those, in the order size, compressed size, local header offset.
    private static func zip64Fields(
        _ bytes: [UInt8], extra: Int, length: Int, _ fields: (Int, Int, Int)
    ) -> (Int, Int, Int) {
        var (size, compressedSize, local) = fields
        var cursor = extra
        while cursor + 4 <= extra + length {
            let id = UInt16(littleEndian: bytes, at: cursor)
            let fieldLength = Int(UInt16(littleEndian: bytes, at: cursor + 2))
            if id == 1 {
                var value = cursor + 4
                for index in 0..<3 {
                    let marked = [size, compressedSize, local][index] == 0xFFFF_FFFF
                    guard marked, value + 8 <= cursor + 4 + fieldLength else { continue }
                    let number = Int(UInt64(littleEndian: bytes, at: value))
                    if index == 0 {
                        size = number
                    } else if index == 1 {
                        compressedSize = number
                    } else {
                        local = number
                    }
                    value += 8
                }
            }
            cursor += 4 + fieldLength
        }
        return (size, compressedSize, local)
    }

    private static func failure(_ path: String, _ reason: String) -> AdvisoriesError {
        .badCompression(path: path, reason: reason)
    }
}

/// The CRC-32 of gzip and zip (polynomial 0xEDB88320).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }
}

extension FixedWidthInteger {
    /// Reads a little-endian integer at `offset` of `bytes`.
    fileprivate init(littleEndian bytes: [UInt8], at offset: Int) {
        var value: Self = 0
        for index in 0..<(Self.bitWidth / 8) where offset + index < bytes.count {
            value |= Self(bytes[offset + index]) << (index * 8)
        }
        self = value
    }
}
