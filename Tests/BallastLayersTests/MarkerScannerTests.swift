import Testing

@testable import BallastLayers

@Suite("Marker scanner")
struct MarkerScannerTests {
    private func scan(_ text: String, chunkSize: Int) -> String? {
        let scanner = MarkerScanner(marker: "node.js/v", keep: 8)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            let more = bytes[offset..<end].withUnsafeBytes { scanner.consume($0) }
            if !more { break }
            offset = end
        }
        return (scanner.finish() as? MarkerMatch)?.following
    }

    @Test("finds the marker wherever chunk boundaries fall", arguments: 1...12)
    func findsAcrossBoundaries(chunkSize: Int) {
        let text = "\u{0}\u{0}junk node.js/v22.20.0\u{0}more"
        #expect(scan(text, chunkSize: chunkSize)?.hasPrefix("22.20.0") == true)
    }

    @Test("reports nothing when the marker is absent")
    func absent() {
        #expect(scan("no marker here node.js/", chunkSize: 4) == nil)
    }
}
