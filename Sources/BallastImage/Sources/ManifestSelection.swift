/// Chooses the manifest for one platform from an image index or Docker manifest list.
public enum ManifestSelection {
    /// The first manifest whose platform matches `platform`.
    ///
    /// Attestation manifests (BuildKit marks them `unknown/unknown` and annotates them
    /// `vnd.docker.reference.type`) are never chosen. An entry with no platform is taken only when
    /// it is the index's sole image manifest.
    public static func select(from index: ImageIndex, platform: Platform, source: String) throws(ImageError)
        -> Descriptor
    {
        let candidates = index.manifests.filter { descriptor in
            let isAttestation =
                descriptor.platform?.isUnknown == true
                || descriptor.annotations?[AnnotationKey.dockerReferenceType] != nil
            return !isAttestation
        }
        if let match = candidates.first(where: { $0.platform.map(platform.matches) ?? false }) {
            return match
        }
        if candidates.count == 1, candidates[0].platform == nil {
            return candidates[0]
        }
        throw .noMatchingPlatform(requested: platform, available: candidates.compactMap(\.platform), source: source)
    }
}
