import BallastInventory
import BallastMatching

/// A CycloneDX 1.6 JSON BOM of an image (https://cyclonedx.org/docs/1.6/json/).
///
/// The image is `metadata.component` (type `container`); each inventory component is a
/// `library` (an app root is an `application`, the Node.js runtime a `platform`) carrying its
/// purl and Ballast's findings as `ballast:` properties.
public struct CycloneDXDocument: Encodable {
    public var bomFormat = "CycloneDX"
    public var specVersion = "1.6"
    public var serialNumber: String
    public var version = 1
    public var metadata: Metadata
    public var components: [CDXComponent]
    public var dependencies: [Dependency]
    /// The scan's findings, for `ballast scan --format cyclonedx`.
    public var vulnerabilities: [CDXVulnerability]?

    public struct CDXVulnerability: Encodable {
        public var bomRef: String
        public var id: String
        public var source: Source?
        public var ratings: [Rating]?
        public var description: String?
        public var recommendation: String?
        public var references: [Reference]?
        public var affects: [Affect]
        public var properties: [Property]?

        enum CodingKeys: String, CodingKey {
            case id, source, ratings, description, recommendation, references, affects, properties
            case bomRef = "bom-ref"
        }
    }

    public struct Source: Encodable {
        public var name: String
    }

    public struct Rating: Encodable {
        public var score: Double?
        public var severity: String
        public var method: String?
        public var vector: String?
    }

    public struct Reference: Encodable {
        public var id: String
        public var source: Source
    }

    public struct Affect: Encodable {
        public var ref: String
    }

    public struct Metadata: Encodable {
        public var timestamp: String
        public var tools: Tools
        public var component: CDXComponent
        /// `ballast:warning` for every input the inventory had to skip.
        public var properties: [Property]?
    }

    public struct Tools: Encodable {
        public var components: [CDXComponent]
    }

    public struct CDXComponent: Encodable {
        public var type: String
        public var bomRef: String
        public var name: String
        public var version: String?
        public var purl: String?
        public var licenses: [LicenseChoice]?
        public var properties: [Property]?

        enum CodingKeys: String, CodingKey {
            case type, name, version, purl, licenses, properties
            case bomRef = "bom-ref"
        }
    }

    public struct LicenseChoice: Encodable {
        public var license: License
    }

    public struct License: Encodable {
        public var name: String
    }

    public struct Property: Encodable {
        public var name: String
        public var value: String
    }

    public struct Dependency: Encodable {
        public var ref: String
        public var dependsOn: [String]
    }

    public init(_ context: SBOMContext) {
        serialNumber = "urn:uuid:\(context.documentUUID)"
        let image = CDXComponent(
            type: "container", bomRef: "image", name: context.imageName, version: context.imageDigest.description,
            purl: nil, licenses: nil,
            properties: [
                Property(name: "ballast:platform", value: context.image.platform.description),
                Property(name: "ballast:configDigest", value: context.image.configDigest.description),
            ])
        metadata = Metadata(
            timestamp: context.timestamp,
            tools: Tools(components: [
                CDXComponent(
                    type: "application", bomRef: "tool", name: "ballast", version: context.toolVersion, purl: nil,
                    licenses: nil, properties: nil)
            ]),
            component: image,
            properties: context.inventory.warnings.isEmpty
                ? nil : context.inventory.warnings.map { Property(name: "ballast:warning", value: $0.description) })
        var seen: [String: Int] = [:]
        components = context.inventory.components.map { component in
            // bom-refs must be unique; the same purl can appear at two paths.
            let base = component.purl
            let count = seen[base, default: 0]
            seen[base] = count + 1
            var entry = CycloneDXDocument.component(component, bomRef: count == 0 ? base : "\(base)#\(count)")
            let key = "\(component.name)@\(component.version)"
            for addon in context.inventory.nativeAddons where component.kind == .npm && addon.package == key {
                entry.properties?.append(
                    Property(name: "ballast:nativeAddon", value: "/\(addon.path) \(addon.verdict)"))
            }
            return entry
        }
        dependencies = [Dependency(ref: "image", dependsOn: components.map(\.bomRef))]
    }

    /// The BOM with the scan's findings as CycloneDX vulnerabilities.
    public init(_ context: ScanContext) {
        self.init(context.sbom)
        let refs = Dictionary(components.map { ($0.purl ?? "", $0.bomRef) }, uniquingKeysWith: { first, _ in first })
        vulnerabilities = context.outcome.findings.enumerated().map { index, finding in
            var ratings = [
                Rating(
                    score: nil, severity: finding.severity == "unknown" ? "unknown" : finding.severity, method: "other",
                    vector: nil)
            ]
            if let score = finding.cvssScore {
                let method = finding.cvssVector?.hasPrefix("CVSS:3") == true ? "CVSSv31" : "other"
                ratings.append(
                    Rating(
                        score: score, severity: Severity(cvss: score).rawValue, method: method,
                        vector: finding.cvssVector))
            }
            var properties = [
                Property(name: "ballast:status", value: finding.status),
                Property(name: "ballast:scope", value: finding.component.scope.rawValue),
            ]
            if let date = finding.kevDateAdded {
                properties.append(Property(name: "ballast:kevDateAdded", value: date))
            }
            if let epss = finding.epssScore { properties.append(Property(name: "ballast:epss", value: String(epss))) }
            return CDXVulnerability(
                bomRef: "vuln-\(index + 1)", id: finding.id, source: Source(name: finding.feeds.joined(separator: ",")),
                ratings: ratings, description: finding.summary,
                recommendation: finding.fixedVersion.map { "upgrade \(finding.component.name) to \($0)" },
                references: finding.aliases.isEmpty
                    ? nil : finding.aliases.map { Reference(id: $0, source: Source(name: "alias")) },
                affects: [Affect(ref: refs[finding.component.purl] ?? "image")], properties: properties)
        }
    }

    static func component(_ component: Component, bomRef: String) -> CDXComponent {
        let type: String
        switch component.kind {
        case .nodeRuntime: type = "platform"
        case .npm where component.origin == "app": type = "application"
        default: type = "library"
        }
        var properties = [
            Property(name: "ballast:kind", value: component.kind.rawValue),
            Property(name: "ballast:scope", value: component.scope.rawValue),
        ]
        func add(_ name: String, _ value: String?) {
            if let value { properties.append(Property(name: "ballast:\(name)", value: value)) }
        }
        add("origin", component.origin)
        add("ownerPackage", component.ownerPackage)
        add("sourceName", component.sourceName)
        add("sourceVersion", component.sourceVersion)
        add("status", component.status)
        add("linkedIntoNode", component.linkedIntoNode.map { $0 ? "true" : "false" })
        add("layerDiffID", component.layer?.diffID)
        for path in component.paths {
            properties.append(Property(name: "ballast:path", value: "/" + path))
        }
        let licenses = component.licenses.map { LicenseChoice(license: License(name: $0)) }
        return CDXComponent(
            type: type, bomRef: bomRef, name: component.name, version: component.version, purl: component.purl,
            licenses: licenses.isEmpty ? nil : licenses, properties: properties)
    }
}
