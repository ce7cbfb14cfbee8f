import Testing

@testable import BallastLayers

@Suite("Path patterns")
struct PathPatternTests {
    @Test(
        "globs match as documented",
        arguments: [
            ("etc/os-release", "etc/os-release", true),
            ("etc/os-release", "usr/lib/os-release", false),
            ("**/package.json", "package.json", true),
            ("**/package.json", "app/node_modules/@scope/x/package.json", true),
            ("**/package.json", "app/package.json.bak", false),
            ("usr/lib/*/libc.so.6", "usr/lib/x86_64-linux-gnu/libc.so.6", true),
            ("usr/lib/*/libc.so.6", "usr/lib/a/b/libc.so.6", false),
            ("lib/ld-musl-*.so.1", "lib/ld-musl-x86_64.so.1", true),
            ("lib*/ld-linux-*.so.?", "lib64/ld-linux-x86-64.so.2", true),
            ("app/**/*.node", "app/node_modules/x/build/Release/x.node", true),
            ("app/**/*.node", "app/x.node", true),
            ("**", "anything/at/all", true),
            ("/etc/passwd", "etc/passwd", true),
        ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(PathPattern(pattern).matches(path) == expected)
    }
}
