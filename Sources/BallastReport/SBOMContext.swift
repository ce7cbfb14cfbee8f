import BallastCore
import BallastDigest
import BallastImage
import BallastInventory
import Foundation

/// What every SBOM names besides the components: the image, the tool, the moment.
public struct SBOMContext: Sendable {
    public let image: ResolvedImage
    public let inventory: Inventory
    public let toolVersion: String
    /// The creation time written into documents: `SOURCE_DATE_EPOCH` when set, so a build can be
    /// reproduced byte for byte, else now.
    public let created: Date

    public init(image: ResolvedImage, inventory: Inventory, toolVersion: String, environment: [String: String]) {
        self.image = image
        self.inventory = inventory
        self.toolVersion = toolVersion
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            created = Date(timeIntervalSince1970: epoch)
        } else {
            created = Date()
        }
    }

    /// The image's name for people: its reference, or what the user typed.
    var imageName: String { image.reference?.description ?? image.input }

    /// The digest that identifies the image: the manifest's, else the config's.
    var imageDigest: Digest { image.manifestDigest ?? image.configDigest }

    var timestamp: String { Timestamp.instant(created) }

    /// A UUID derived from the image, the tool and the time, so the same inputs give the same
    /// document.
    var documentUUID: String {
        let seed = "\(imageDigest) \(toolVersion) \(timestamp)"
        let hex = SHA256Hasher.hash(Array(seed.utf8)).hex
        let chars = Array(hex.prefix(32))
        var text = String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-5" + String(chars[13..<16]) + "-"
        let variants = Array("89ab")
        text += String(variants[(chars[16].hexDigitValue ?? 0) % 4]) + String(chars[17..<20]) + "-"
        text += String(chars[20..<32])
        return text
    }
}
