import BallastTestSupport
import Foundation
import Synchronization

/// Real files taken out of the built test images with the system `tar`, for tests that parse them.
///
/// A path is resolved through the image's ground-truth symlinks, then extracted from the topmost
/// layer that holds it. Each file is extracted once per test run.
enum ImageFiles {
    private static let cache = Mutex<[String: URL]>([:])
    private static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("ballast-elf-\(ProcessInfo.processInfo.processIdentifier)")

    /// The file at `path` (relative to the image root) in image `image`, on disk.
    static func file(_ path: String, in image: String) throws -> URL {
        let key = image + ":" + path
        if let cached = cache.withLock({ $0[key] }) { return cached }

        let images = TestImages.shared
        let resolved = try resolve(path, links: try images.groundTruthFiles(image))
        let meta = try images.meta(image)
        let layers = (meta["layers"] as? [[String: Any]] ?? []).compactMap { $0["digest"] as? String }
        let blobs = URL(fileURLWithPath: try images.entry(image).ociDirectory).appendingPathComponent("blobs/sha256")
        let target = folder.appendingPathComponent(image + "/" + UUID().uuidString)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for digest in layers.reversed() {
            let blob = blobs.appendingPathComponent(String(digest.dropFirst("sha256:".count)))
            try run("/bin/tar", ["-xzf", blob.path, "-C", target.path, resolved, "./" + resolved])
            let extracted = target.appendingPathComponent(resolved)
            if FileManager.default.fileExists(atPath: extracted.path) {
                cache.withLock { $0[key] = extracted }
                return extracted
            }
        }
        throw TestSupportError("\(resolved) is in no layer of \(image)")
    }

    /// The bytes of ``file(_:in:)``.
    static func bytes(_ path: String, in image: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try file(path, in: image)))
    }

    /// Follows the symlinks of `meta/<image>.files.tsv.gz` in every component of `path`.
    private static func resolve(_ path: String, links: [String: GroundTruthFile]) throws -> String {
        var pending = Array(path.split(separator: "/").map(String.init).reversed())
        var resolved: [String] = []
        var hops = 0
        while let component = pending.popLast() {
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                _ = resolved.popLast()
                continue
            }
            let candidate = (resolved + [component]).joined(separator: "/")
            if let entry = links[candidate], entry.type == "l" {
                hops += 1
                guard hops < 40 else { throw TestSupportError("symlink loop at \(path)") }
                if entry.link.hasPrefix("/") { resolved.removeAll() }
                pending.append(contentsOf: entry.link.split(separator: "/").map(String.init).reversed())
                continue
            }
            resolved.append(component)
        }
        return resolved.joined(separator: "/")
    }

    /// Runs a program and returns its standard output; its exit status is not checked.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Compiles C `source` into a shared object with gcc and returns its path.
    static func compileSharedObject(_ source: String, name: String, extraFlags: [String] = []) throws -> URL {
        let directory = folder.appendingPathComponent("gcc/" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let sourceFile = directory.appendingPathComponent(name + ".c")
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent(name + ".so")
        try run("/usr/bin/gcc", ["-shared", "-fPIC", "-O1", "-o", output.path, sourceFile.path] + extraFlags)
        guard FileManager.default.fileExists(atPath: output.path) else {
            throw TestSupportError("gcc did not build \(name).so")
        }
        return output
    }
}
