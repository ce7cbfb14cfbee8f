/// One thing found in an image that has a name and a version: an OS package, the Node.js
/// runtime, or an npm package.
public struct Component: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable, Comparable {
        /// A Debian package from dpkg's database.
        case deb
        /// An Alpine-format package (Alpine, Wolfi, Chainguard) from apk's database.
        case apk
        /// A Node.js runtime binary.
        case nodeRuntime = "node-runtime"
        /// An npm package root (a folder with a package.json under node_modules, or an app).
        case npm

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Who a component belongs to, which decides how a team gates on it.
    public enum Scope: String, Codable, Sendable {
        /// The application and its dependencies.
        case app
        /// Tooling that ships with the image: npm and its bundled packages, corepack, yarn.
        case tooling
        /// The operating system, including node modules installed by OS packages.
        case os
        /// The Node.js runtime itself.
        case runtime
    }

    public var kind: Kind
    public var name: String
    public var version: String
    public var scope: Scope
    /// The package URL (https://github.com/package-url/purl-spec).
    public var purl: String
    public var architecture: String?
    /// The source package (Debian `Source:`, apk origin) when it differs or is recorded.
    public var sourceName: String?
    public var sourceVersion: String?
    /// A finer kind: `app`, `node_modules`, `npm`, `npm-bundled`, `corepack`, `debian-nodejs`,
    /// `global` for npm; `upstream` or `distribution` for a runtime.
    public var origin: String?
    /// The OS package that installed this component, when one did.
    public var ownerPackage: String?
    /// Anything but `installed` for dpkg records in other states (`config-files`, `half-installed`…).
    public var status: String?
    public var licenses: [String]
    /// Where the evidence is: the database record, the package.json, the binary.
    public var paths: [String]
    /// The layer that last wrote the evidence.
    public var layer: LayerReference?
    /// For OS packages: whether a file of the package is loaded into a node process (set once
    /// native code is analysed; nil when unknown).
    public var linkedIntoNode: Bool?
    /// The number of files the package database says the package owns.
    public var fileCount: Int?
    /// For npm packages: whether the app's lockfile marks it as a development dependency.
    public var isDevelopment: Bool?

    public init(
        kind: Kind, name: String, version: String, scope: Scope, purl: String, architecture: String? = nil,
        sourceName: String? = nil, sourceVersion: String? = nil, origin: String? = nil, ownerPackage: String? = nil,
        status: String? = nil, licenses: [String] = [], paths: [String] = [], layer: LayerReference? = nil,
        linkedIntoNode: Bool? = nil, fileCount: Int? = nil, isDevelopment: Bool? = nil
    ) {
        self.kind = kind
        self.name = name
        self.version = version
        self.scope = scope
        self.purl = purl
        self.architecture = architecture
        self.sourceName = sourceName
        self.sourceVersion = sourceVersion
        self.origin = origin
        self.ownerPackage = ownerPackage
        self.status = status
        self.licenses = licenses
        self.paths = paths
        self.layer = layer
        self.linkedIntoNode = linkedIntoNode
        self.fileCount = fileCount
        self.isDevelopment = isDevelopment
    }
}

/// The layer a piece of evidence came from.
public struct LayerReference: Codable, Hashable, Sendable {
    public var index: Int
    public var diffID: String?
    public var createdBy: String?
}
