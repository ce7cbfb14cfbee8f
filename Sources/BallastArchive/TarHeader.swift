/// Field decoding for 512-byte ustar headers.
enum TarHeader {
    static func checksumMatches(_ header: [UInt8]) -> Bool {
        let stored = number(header, 148, 8)
        var sum: Int64 = 0
        for (index, byte) in header.enumerated() {
            sum += (148..<156).contains(index) ? 0x20 : Int64(byte)
        }
        return stored == sum
    }

    /// An octal field, or a base-256 one when the high bit of the first byte is set.
    static func number(_ header: [UInt8], _ offset: Int, _ length: Int) -> Int64 {
        let field = header[offset..<offset + length]
        if let first = field.first, first & 0x80 != 0 {
            var value: Int64 = Int64(first & 0x7F)
            for byte in field.dropFirst() { value = value << 8 | Int64(byte) }
            return value
        }
        var value: Int64 = 0
        for byte in field {
            if byte == 0 || byte == 0x20 {
                if value > 0 { break } else { continue }
            }
            guard byte >= 0x30, byte <= 0x37 else { break }
            value = value * 8 + Int64(byte - 0x30)
        }
        return value
    }

    static func string(_ bytes: [UInt8], _ offset: Int, _ length: Int) -> String {
        let field = bytes[offset..<min(bytes.count, offset + length)]
        let end = field.firstIndex(of: 0) ?? field.endIndex
        return String(decoding: field[field.startIndex..<end], as: UTF8.self)
    }

    /// The name, joined with the ustar prefix field when the magic says ustar.
    static func fullName(_ header: [UInt8]) -> String {
        let name = string(header, 0, 100)
        let isUstar = header[257..<262].elementsEqual("ustar".utf8)
        let prefix = isUstar ? string(header, 345, 155) : ""
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    static func kind(_ type: UInt8) -> TarEntry.Kind {
        switch type {
        case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): .file
        case UInt8(ascii: "1"): .hardlink
        case UInt8(ascii: "2"): .symlink
        case UInt8(ascii: "3"): .characterDevice
        case UInt8(ascii: "4"): .blockDevice
        case UInt8(ascii: "5"): .directory
        case UInt8(ascii: "6"): .fifo
        default: .other
        }
    }

    /// Pax records: `LEN key=value\n` repeated.
    static func paxRecords(_ data: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        var index = 0
        while index < data.count {
            guard let space = data[index...].firstIndex(of: 0x20),
                let length = Int(String(decoding: data[index..<space], as: UTF8.self)), length > 0,
                index + length <= data.count
            else { break }
            let record = data[(space + 1)..<(index + length - 1)]
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
                records[key] = String(decoding: record[(equals + 1)...], as: UTF8.self)
            }
            index += length
        }
        return records
    }
}
