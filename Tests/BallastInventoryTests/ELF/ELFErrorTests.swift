import Testing

@testable import BallastInventory

@Suite("ELF error messages")
struct ELFErrorTests {
    @Test(
        "each error says what failed, where, and what next",
        arguments: [
            (ELFError.notELF, "not an ELF file: it does not start with the bytes 7f 45 4c 46 (\\x7fELF)"),
            (
                .truncated(what: "program header table", offset: 64, size: 728, fileSize: 100),
                "truncated ELF file: the program header table at offset 0x40 (728 bytes) runs past the end of the file "
                    + "(100 bytes); the file is damaged or was cut short"
            ),
            (
                .notRetained(what: ".dynsym table", offset: 0x2000, size: 48),
                "the .dynsym table at offset 0x2000 (48 bytes) lies outside the parts of the file kept while "
                    + "streaming; "
                    + "raise the scanner's cap or read the whole file instead"
            ),
            (
                .malformed(what: "vd_version field", detail: "at 0x300 is 2, not 1"),
                "malformed ELF file: vd_version field at 0x300 is 2, not 1"
            ),
            (
                .unmappedAddress(what: "DT_VERNEED", address: 0xdead),
                "malformed ELF file: the DT_VERNEED address 0xdead lies in no PT_LOAD segment"
            ),
            (
                .capExceeded(needed: 40_000_000, cap: 33_554_432),
                "reading the dynamic section needs 40000000 bytes kept in memory, more than the cap of 33554432 bytes; "
                    + "raise the scanner's cap or read the whole file"
            ),
            (
                .endedEarly(received: 4096, needed: 8192),
                "the file ended after 4096 bytes, before byte 8192 that the ELF headers point at; the file is damaged "
                    + "or was cut short"
            ),
        ] as [(ELFError, String)])
    func messages(error: ELFError, message: String) {
        #expect(error.description == message)
        #expect(error.exitCode == .operational)
    }
}
