/// Whether native code would load on an image, and the evidence: what its loader would find
/// missing, and what it found where.
public struct CompatibilityReport: Hashable, Codable, Sendable {
    public enum Verdict: String, Hashable, Codable, Sendable {
        /// Every library, version and symbol the object needs is there.
        case compatible
        /// Something it needs is missing: the loader would refuse it or fail at a call.
        case incompatible
        /// A library it needs exists but could not be read, so nothing certain can be said.
        case unknown
    }

    /// One thing the loader would not find.
    public struct Finding: Hashable, Codable, Sendable, CustomStringConvertible {
        public enum Kind: String, Hashable, Codable, Sendable {
            /// Built for another processor, class or byte order.
            case machine
            /// A `DT_NEEDED` library or the `PT_INTERP` program interpreter is not in the image.
            case missingLibrary
            /// A library exists but could not be read or parsed.
            case unreadableLibrary
            /// A library lacks a symbol version (`.gnu.version_r`) the object needs, e.g. `GLIBC_2.38`.
            case missingVersion
            /// No loaded library defines an imported symbol, e.g. `__sprintf_chk` on musl.
            case missingSymbol
        }

        public var kind: Kind
        /// What is missing: a library name, version name, symbol name or machine.
        public var subject: String
        /// One sentence for the user.
        public var description: String

        public init(_ kind: Kind, _ subject: String, _ description: String) {
            self.kind = kind
            self.subject = subject
            self.description = description
        }
    }

    /// Where a `DT_NEEDED` name led.
    public struct Library: Hashable, Codable, Sendable {
        /// The name as written in `DT_NEEDED`.
        public var name: String
        /// The absolute path in the image it loads from; musl's own libc for the names it takes itself.
        public var path: String
        /// The object whose `DT_NEEDED` names it.
        public var neededBy: String
    }

    public var verdict: Verdict
    /// Why the verdict is not ``Verdict/compatible``; empty when it is.
    public var findings: [Finding]
    /// Context that does not change the verdict: when a failure would happen, imports left to the
    /// host process, weak imports that stay unbound.
    public var notes: [String]
    /// The libraries the object loads, directly or not, in the order the loader reaches them.
    public var libraries: [Library]

    public init(findings: [Finding], notes: [String], libraries: [Library]) {
        self.findings = findings
        self.notes = notes
        self.libraries = libraries
        if findings.contains(where: { $0.kind != .unreadableLibrary }) {
            verdict = .incompatible
        } else {
            verdict = findings.isEmpty ? .compatible : .unknown
        }
    }
}
