// swift-tools-version:6.0
import PackageDescription

/// Ballast: measure, scan and rebuild the base images of Node.js containers.
///
/// Data flows one way, one module a step:
/// reference → image source (BallastImage) → merged layer view (BallastLayers) → inventory
/// → matcher (advisory database) → findings → policy → report. Each C library sits in its own
/// system-library target and is wrapped by exactly one Swift module.

/// A library module; every one has a README saying what belongs in it.
func module(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, exclude: ["README.md"])
}

let package = Package(
    name: "Ballast",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ballast", targets: ["ballast"]),
        .library(name: "BallastCommands", targets: ["BallastCommands"]),
    ],
    targets: [
        // C libraries from Debian's -dev packages.
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Shared: errors, exit codes, logging, terminal output.
        module("BallastCore", []),
        // SHA-256 digests; the one wrapper of libcrypto.
        module("BallastDigest", ["CCrypto", "BallastCore"]),
        // Streaming tar reading; the one wrapper of libarchive.
        module("BallastArchive", ["CArchive", "BallastCore", "BallastDigest"]),
        // References, OCI and Docker models, image sources (layouts, archives, registries).
        module("BallastImage", ["BallastCore", "BallastDigest", "BallastArchive"]),
        // The merged root file system of an image's layers.
        module("BallastLayers", ["BallastCore", "BallastDigest", "BallastArchive", "BallastImage"]),
        // What an image holds: OS identity, libc, runtimes, packages.
        module("BallastInventory", ["BallastCore", "BallastArchive", "BallastImage", "BallastLayers"]),
        // Inventory components against the advisory database: findings.
        module("BallastMatching", ["BallastCore", "BallastInventory", "BallastAdvisories", "BallastVersions"]),
        // What a team decides about findings: VEX, ignore files, CI gates.
        module("BallastPolicy", ["BallastCore", "BallastMatching"]),
        // Documents for machines: SBOMs (CycloneDX, SPDX) and Ballast's own JSON.
        module(
            "BallastReport",
            ["BallastCore", "BallastDigest", "BallastImage", "BallastInventory", "BallastAdvisories", "BallastMatching", "BallastPolicy"]
        ),
        // Version ordering and ranges per ecosystem (dpkg, apk, npm semver).
        module("BallastVersions", ["BallastCore"]),
        module("BallastAdvisories", ["CSQLite", "BallastCore", "BallastDigest", "BallastArchive", "BallastVersions"]),
        // Dockerfile parsing, lint rules and pinning.
        module("BallastDockerfile", ["BallastCore"]),
        // Every subcommand, argument parsing and rendering.
        module(
            "BallastCommands",
            [
                "BallastCore", "BallastDigest", "BallastImage", "BallastLayers", "BallastInventory", "BallastMatching", "BallastPolicy", "BallastReport", "BallastVersions",
                "BallastDockerfile", "BallastAdvisories",
            ]
        ),
        .executableTarget(name: "ballast", dependencies: ["BallastCommands"]),
        // Benchmark driver for bench/run: matching against a synthetic advisory database.
        .executableTarget(
            name: "ballast-bench", dependencies: ["BallastCore", "BallastAdvisories", "BallastInventory", "BallastMatching"],
            path: "bench/Sources/ballast-bench"),

        .target(
            name: "BallastTestSupport", dependencies: ["BallastCore", "BallastDigest", "BallastImage"],
            path: "Tests/Support", exclude: ["servers"]),
        .testTarget(name: "BallastCoreTests", dependencies: ["BallastCore"]),
        .testTarget(name: "BallastArchiveTests", dependencies: ["BallastArchive", "BallastTestSupport"]),
        .testTarget(
            name: "BallastImageTests",
            dependencies: ["BallastImage", "BallastArchive", "BallastLayers", "BallastDigest", "BallastTestSupport"]),
        .testTarget(name: "BallastLayersTests", dependencies: ["BallastLayers", "BallastTestSupport"]),
        .testTarget(name: "BallastInventoryTests", dependencies: ["BallastInventory", "BallastTestSupport"]),
        .testTarget(
            name: "BallastMatchingTests",
            dependencies: ["BallastMatching", "BallastPolicy", "BallastAdvisories", "BallastTestSupport"]),
        .testTarget(name: "BallastReportTests", dependencies: ["BallastReport", "BallastTestSupport"]),
        .testTarget(name: "BallastVersionsTests", dependencies: ["BallastVersions", "BallastTestSupport"]),
        .testTarget(name: "BallastDockerfileTests", dependencies: ["BallastDockerfile", "BallastTestSupport"]),
        .testTarget(name: "BallastAdvisoriesTests", dependencies: ["BallastAdvisories", "BallastTestSupport"]),
        .testTarget(name: "BallastCommandsTests", dependencies: ["BallastCommands", "BallastTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
