import Foundation

/// Rows of `meta/<name>.files.tsv.gz`: every entry of an image's merged root file system.
public struct GroundTruthFile: Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// `f` file, `d` directory, `l` symlink, `o` other.
    public let type: String
    public let size: Int64
    public let link: String

    public init(path: String, type: String, size: Int64, link: String) {
        self.path = path
        self.type = type
        self.size = size
        self.link = link
    }

    public var description: String { "\(path) \(type) \(size) \(link)" }
}

extension TestImages {
    public func groundTruthFiles(_ name: String) throws -> [String: GroundTruthFile] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", root.appendingPathComponent("meta/\(name).files.tsv.gz").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var files: [String: GroundTruthFile] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7 else { continue }
            files[fields[0]] = GroundTruthFile(
                path: fields[0], type: fields[1], size: Int64(fields[5]) ?? -1, link: fields[6])
        }
        return files
    }
}
