import CCrypto

/// An incremental SHA-256 over libcrypto's EVP interface.
///
/// Not thread-safe: one hasher belongs to one stream. Uses the CPU's SHA extensions where
/// OpenSSL finds them, which keeps hashing well below the cost of decompression.
public struct SHA256Hasher: ~Copyable {
    private let context: OpaquePointer

    public init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not initialise SHA-256")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        EVP_DigestUpdate(context, base, buffer.count)
    }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Finishes the hash; the hasher must not be used afterwards.
    public consuming func finalize() -> Digest {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &output, &length)
        return Digest(algorithm: "sha256", bytes: output)
    }

    /// The SHA-256 digest of a complete buffer.
    public static func hash(_ bytes: some Sequence<UInt8>) -> Digest {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
