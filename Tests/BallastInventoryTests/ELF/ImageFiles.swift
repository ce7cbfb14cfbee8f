import BallastTestSupport
import Foundation
import Synchronization

/// Real files taken out of the built test images with the system `tar`, for tests that parse them.
///
/// A path is resolved through the image's ground-truth symlinks, then extracted from the topmost
/// layer that holds it. Each file is extracted once per test run.
enum ImageFiles {
    private static let cache = Mutex<[String: URL]>([:])
    /// Extracted files stay here between runs, by layer digest, so a rerun does not extract the
    /// 120-140 MB node binaries again and the folder never holds more than one copy of each.
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-elf-files")

    /// The file at `path` (relative to the image root) in image `image`, on disk.
    static func file(_ path: String, in image: String) throws -> URL {
        let key = image + ":" + path
        if let cached = cache.withLock({ $0[key] }) { return cached }

        let images = TestImages.shared
        let files = try images.groundTruthFiles(image)
        let resolved = try resolve(path, links: files)
        let size = files[resolved]?.size ?? -1
        let meta = try images.meta(image)
        let layers = (meta["layers"] as? [[String: Any]] ?? []).compactMap { $0["digest"] as? String }
        let blobs = URL(fileURLWithPath: try images.entry(image).ociDirectory).appendingPathComponent("blobs/sha256")
        for digest in layers.reversed() {
            let hex = String(digest.dropFirst("sha256:".count))
            let stored = folder.appendingPathComponent(hex + "/" + resolved)
            if let attributes = try? FileManager.default.attributesOfItem(atPath: stored.path),
                (attributes[.size] as? NSNumber)?.int64Value == size
            {
                cache.withLock { $0[key] = stored }
                return stored
            }
            let scratch = folder.appendingPathComponent("scratch/" + UUID().uuidString)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try run(
                "/bin/tar",
                ["-xzf", blobs.appendingPathComponent(hex).path, "-C", scratch.path, resolved, "./" + resolved])
            let extracted = scratch.appendingPathComponent(resolved)
            guard FileManager.default.fileExists(atPath: extracted.path) else { continue }
            try FileManager.default.createDirectory(
                at: stored.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Another test process may have stored it meanwhile; either copy is the same file.
            try? FileManager.default.moveItem(at: extracted, to: stored)
            cache.withLock { $0[key] = stored }
            return stored
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

    /// Compiles C `source` into a shared object with gcc and returns its path. Builds are kept by
    /// a hash of their inputs, so reruns reuse them instead of filling the temporary folder.
    static func compileSharedObject(_ source: String, name: String, extraFlags: [String] = []) throws -> URL {
        let inputs = ([name, source] + extraFlags).joined(separator: "\u{0}")
        let key = String(
            inputs.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }, radix: 16)
        let builds = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-elf-gcc")
        let stored = builds.appendingPathComponent(key + "/" + name + ".so")
        if FileManager.default.fileExists(atPath: stored.path) { return stored }

        let scratch = builds.appendingPathComponent("scratch-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sourceFile = scratch.appendingPathComponent(name + ".c")
        try source.write(to: sourceFile, atomically: true, encoding: .utf8)
        let output = scratch.appendingPathComponent(name + ".so")
        try run("/usr/bin/gcc", ["-shared", "-fPIC", "-O1", "-o", output.path, sourceFile.path] + extraFlags)
        guard FileManager.default.fileExists(atPath: output.path) else {
            throw TestSupportError("gcc did not build \(name).so")
        }
        try FileManager.default.createDirectory(
            at: stored.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Another test process may have stored the same build meanwhile; either copy will do.
        try? FileManager.default.moveItem(at: output, to: stored)
        return stored
    }
}
