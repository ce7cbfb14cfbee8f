import BallastInventory

/// An SPDX 2.3 JSON document of an image
/// (https://spdx.github.io/spdx-spec/v2.3/document-creation-information/).
///
/// The document DESCRIBES the image package, which CONTAINS one package per component, each
/// with its purl as a `PACKAGE-MANAGER` external reference. Licences are recorded as
/// `NOASSERTION`: package metadata rarely holds valid SPDX expressions, and a document must not
/// claim what it has not concluded.
public struct SPDXDocument: Encodable {
    public var spdxVersion = "SPDX-2.3"
    public var dataLicense = "CC0-1.0"
    public var SPDXID = "SPDXRef-DOCUMENT"
    public var name: String
    public var documentNamespace: String
    public var creationInfo: CreationInfo
    public var documentDescribes: [String]
    public var packages: [Package]
    public var relationships: [Relationship]

    public struct CreationInfo: Encodable {
        public var created: String
        public var creators: [String]
        /// The inputs the inventory had to skip, one a line.
        public var comment: String?
    }

    public struct Package: Encodable {
        public var name: String
        public var SPDXID: String
        public var versionInfo: String
        public var downloadLocation = "NOASSERTION"
        public var filesAnalyzed = false
        public var licenseConcluded = "NOASSERTION"
        public var licenseDeclared = "NOASSERTION"
        public var copyrightText = "NOASSERTION"
        public var primaryPackagePurpose: String
        public var sourceInfo: String?
        public var externalRefs: [ExternalRef]?
    }

    public struct ExternalRef: Encodable {
        public var referenceCategory = "PACKAGE-MANAGER"
        public var referenceType = "purl"
        public var referenceLocator: String
    }

    public struct Relationship: Encodable {
        public var spdxElementId: String
        public var relationshipType: String
        public var relatedSpdxElement: String
    }

    public init(_ context: SBOMContext) {
        name = context.imageName
        documentNamespace = "https://spdx.org/spdxdocs/ballast/\(context.documentUUID)"
        let warnings = context.inventory.warnings.map { "skipped: \($0)" }.joined(separator: "\n")
        creationInfo = CreationInfo(
            created: context.timestamp, creators: ["Tool: ballast-\(context.toolVersion)"],
            comment: warnings.isEmpty ? nil : warnings)
        let imageID = "SPDXRef-Image"
        documentDescribes = [imageID]
        var packages = [
            Package(
                name: context.imageName, SPDXID: imageID, versionInfo: context.imageDigest.description,
                primaryPackagePurpose: "CONTAINER", sourceInfo: "image read from \(context.image.input)")
        ]
        var relationships = [
            Relationship(spdxElementId: "SPDXRef-DOCUMENT", relationshipType: "DESCRIBES", relatedSpdxElement: imageID)
        ]
        for (index, component) in context.inventory.components.enumerated() {
            let id = "SPDXRef-Package-\(component.kind.rawValue)-\(index + 1)"
            let purpose: String
            switch component.kind {
            case .nodeRuntime: purpose = "APPLICATION"
            case .npm where component.origin == "app": purpose = "APPLICATION"
            default: purpose = "LIBRARY"
            }
            let source = component.paths.first.map { "found at /\($0)" }
            packages.append(
                Package(
                    name: component.name, SPDXID: id, versionInfo: component.version, primaryPackagePurpose: purpose,
                    sourceInfo: source, externalRefs: [ExternalRef(referenceLocator: component.purl)]))
            relationships.append(
                Relationship(spdxElementId: imageID, relationshipType: "CONTAINS", relatedSpdxElement: id))
        }
        self.packages = packages
        self.relationships = relationships
    }
}
