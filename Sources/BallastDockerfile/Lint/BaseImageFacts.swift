/// What Ballast knows about common base images: which have no shell, which user they run as,
/// which are full toolchains, and which Node.js line a tag names.
enum BaseImageFacts {
    /// Debian and Alpine release words that appear in official node tags.
    static let distributions: Set<String> = ["bookworm", "bullseye", "buster", "stretch", "jessie", "trixie", "alpine"]

    /// Whether the image has no `/bin/sh`: distroless (except `:debug`), Chainguard and Docker
    /// Hardened Images (except `-dev`), and the repositories the caller lists.
    static func lacksShell(_ image: ImageName, extra: Set<String>) -> Bool {
        if extra.contains(image.repository) {
            return true
        }
        let tag = image.tag ?? "latest"
        if image.registry == "gcr.io", image.path.hasPrefix("distroless/") {
            return !tag.contains("debug")
        }
        if image.registry == "cgr.dev" || image.registry == "dhi.io" {
            return !tag.hasSuffix("-dev") && tag != "dev" && !shellImageNames.contains(image.name)
        }
        return false
    }

    /// Hardened images whose whole point is a shell.
    static let shellImageNames: Set<String> = ["bash", "busybox", "wolfi-base", "chainguard-base", "alpine-base"]

    /// The non-root user an image provides, and whether it already runs as that user by default.
    static func defaultUser(_ image: ImageName) -> (user: String, alreadyNonRoot: Bool)? {
        if image.isOfficialNode {
            return ("node", false)
        }
        if image.registry == "gcr.io", image.path.hasPrefix("distroless/") {
            return ("nonroot", (image.tag ?? "").contains("nonroot"))
        }
        if image.registry == "cgr.dev" || image.registry == "dhi.io" {
            return ("nonroot", true)
        }
        return nil
    }

    /// Whether the image is a full build toolchain: the default Debian `node` variants and buildpack-deps.
    static func isToolchain(_ image: ImageName) -> Bool {
        if image.shortPath == "buildpack-deps" {
            return true
        }
        guard image.isOfficialNode else { return false }
        let parts = (image.tag ?? "latest").lowercased().split(separator: "-")
        return !parts.contains { $0 == "slim" || $0.hasPrefix("alpine") }
    }

    /// Whether the image is built on Alpine Linux (musl libc).
    static func isAlpine(_ image: ImageName) -> Bool {
        image.shortPath == "alpine" || (image.tag ?? "").lowercased().contains("alpine")
    }

    /// The Node.js major version an image carries: official `node` tags (numbers or LTS codenames)
    /// and distroless `nodejsNN` images.
    static func nodeMajor(_ image: ImageName) -> Int? {
        if image.isOfficialNode || image.registry == "cgr.dev" && image.name == "node" {
            guard let first = (image.tag ?? "").lowercased().split(separator: "-").first else { return nil }
            if let codename = NodeReleaseSchedule.codenames[String(first)] {
                return codename
            }
            return first.split(separator: ".").first.flatMap { Int($0) }
        }
        if image.registry == "gcr.io", image.path.hasPrefix("distroless/nodejs") {
            let digits = image.name.dropFirst("nodejs".count).prefix { $0.isNumber }
            return Int(digits)
        }
        return nil
    }
}
