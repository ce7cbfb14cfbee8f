import BallastCore

/// Why an ELF file could not be read: it is not ELF, it is cut short or garbled, or the parts a
/// streaming read kept do not hold what the dynamic section points at.
///
/// Messages speak of the ELF structures of the System V gABI
/// (https://refspecs.linuxfoundation.org/elf/gabi4+/contents.html).
public enum ELFError: BallastError, Equatable {
    /// The first bytes are not `\x7fELF`.
    case notELF
    /// A structure runs past the end of the file.
    case truncated(what: String, offset: UInt64, size: UInt64, fileSize: UInt64)
    /// A structure lies in a part of the file that a streaming read did not keep.
    case notRetained(what: String, offset: UInt64, size: UInt64)
    /// A field holds a value the format does not allow.
    case malformed(what: String, detail: String)
    /// A virtual address from the dynamic section falls in no `PT_LOAD` segment.
    case unmappedAddress(what: String, address: UInt64)
    /// A streaming read would have to keep more bytes than its cap allows.
    case capExceeded(needed: UInt64, cap: Int)
    /// The stream ended before the header, the program headers or a needed segment.
    case endedEarly(received: UInt64, needed: UInt64)

    public var description: String {
        switch self {
        case .notELF:
            "not an ELF file: it does not start with the bytes 7f 45 4c 46 (\\x7fELF)"
        case .truncated(let what, let offset, let size, let fileSize):
            "truncated ELF file: the \(what) at offset \(elfHex(offset)) (\(size) bytes) runs past the end of the "
                + "file (\(fileSize) bytes); the file is damaged or was cut short"
        case .notRetained(let what, let offset, let size):
            "the \(what) at offset \(elfHex(offset)) (\(size) bytes) lies outside the parts of the file kept while "
                + "streaming; raise the scanner's cap or read the whole file instead"
        case .malformed(let what, let detail):
            "malformed ELF file: \(what) \(detail)"
        case .unmappedAddress(let what, let address):
            "malformed ELF file: the \(what) address \(elfHex(address)) lies in no PT_LOAD segment"
        case .capExceeded(let needed, let cap):
            "reading the dynamic section needs \(needed) bytes kept in memory, more than the cap of \(cap) bytes; "
                + "raise the scanner's cap or read the whole file"
        case .endedEarly(let received, let needed):
            "the file ended after \(received) bytes, before byte \(needed) that the ELF headers point at; "
                + "the file is damaged or was cut short"
        }
    }
}

/// `0x…`, as readelf prints offsets and addresses.
func elfHex(_ value: UInt64) -> String {
    "0x" + String(value, radix: 16)
}
