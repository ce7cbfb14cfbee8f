/// The white space of JavaScript's `\s` and `String.prototype.trim`, which node-semver relies on
/// to trim versions and to split ranges.
enum JavaScriptWhitespace {
    /// Whether `scalar` is white space or a line terminator in ECMAScript.
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            true
        default:
            false
        }
    }

    /// `text` without leading and trailing white space.
    static func trim(_ text: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        var view = text
        while let first = view.first, contains(first) { view.removeFirst() }
        while let last = view.last, contains(last) { view.removeLast() }
        return view
    }

    /// `text` trimmed, with every inner run of white space replaced by one space.
    static func collapse(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if contains(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
        return String(result)
    }
}
