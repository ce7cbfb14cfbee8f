import Foundation

/// Writes small ustar archives in test code, so hostile and unusual layers (whiteouts, links,
/// loops, long names) are built where the test can see them.
public struct TarWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func file(_ path: String, _ contents: String, mode: Int = 0o644) {
        file(path, Array(contents.utf8), mode: mode)
    }

    public mutating func file(_ path: String, _ contents: [UInt8], mode: Int = 0o644) {
        header(path, type: "0", size: contents.count, mode: mode)
        bytes += contents
        pad()
    }

    public mutating func directory(_ path: String, mode: Int = 0o755) {
        header(path.hasSuffix("/") ? path : path + "/", type: "5", size: 0, mode: mode)
    }

    public mutating func symlink(_ path: String, to target: String) {
        header(path, type: "2", size: 0, mode: 0o777, link: target)
    }

    public mutating func hardlink(_ path: String, to target: String) {
        header(path, type: "1", size: 0, mode: 0o644, link: target)
    }

    /// Ends the archive with two zero blocks.
    public func finished() -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: 1024)
    }

    private mutating func header(_ path: String, type: Character, size: Int, mode: Int, link: String = "") {
        if path.utf8.count > 100 {
            // A pax record carries names ustar cannot hold.
            let body = "path=\(path)\n"
            var length = body.utf8.count + 3
            while "\(length) \(body)".utf8.count != length { length += 1 }
            let record = Array("\(length) \(body)".utf8)
            header("././@PaxHeader", type: "x", size: record.count, mode: 0o644)
            bytes += record
            pad()
        }
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            put(String(value, radix: 8).leftPadded(to: width - 1), at: offset, width: width - 1)
        }
        put(path, at: 0, width: 100)
        octal(mode, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(size, at: 124, width: 12)
        octal(0, at: 136, width: 12)
        put(String(type), at: 156, width: 1)
        put(link, at: 157, width: 100)
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(String(sum, radix: 8).leftPadded(to: 6) + "\0 ", at: 148, width: 8)
        bytes += block
    }

    private mutating func pad() {
        let remainder = bytes.count % 512
        if remainder != 0 { bytes += [UInt8](repeating: 0, count: 512 - remainder) }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
