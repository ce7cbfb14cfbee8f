#!/usr/bin/env python3
"""A loopback proxy in front of a test registry that misbehaves on purpose, for tests only.

Usage: registry_proxy.py --upstream HOST:PORT --log FILE [--redirect-blobs]
                         [--throttle COUNT:STATUS:RETRY_AFTER] [--corrupt DIGEST]
Prints "PORT <proxy port> <blob port>" once listening. The proxy listens on 127.0.0.1; the blob
host on 127.0.0.2, a different host and port.
  --redirect-blobs  answers blob GETs with 307 to the blob host, which fetches the blob upstream
                    with the credentials the proxy saw (like a pre-signed URL) and serves it.
  --throttle        answers the first COUNT manifest requests with STATUS and Retry-After
                    (RETRY_AFTER "-" sends none).
  --corrupt         flips one byte of the blob with that digest.
  --fake-digest-header DIGEST
                    replaces the Docker-Content-Digest header of manifest answers with DIGEST.
  --drop-blobs COUNT
                    cuts the connection halfway through the first COUNT blob answers.
  --tls CERT KEY    serves the proxy over TLS with that certificate.
  --paginate-tags   serves tag lists in pages of the `n` asked for, sorted, with `Link` headers,
                    as registries that paginate do.
Every request is logged as a JSON line with its server, method, path and header names; the
value of Authorization is never logged, only whether it was present.
"""
import argparse
import http.client
import json
import signal
import threading
import uuid
from urllib.parse import parse_qs, urlencode, urlparse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The test process blocks signals that its children inherit; servers must die on SIGTERM.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(number, signal.SIG_DFL)

parser = argparse.ArgumentParser()
parser.add_argument("--upstream", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--redirect-blobs", action="store_true")
parser.add_argument("--throttle")
parser.add_argument("--corrupt")
parser.add_argument("--paginate-tags", action="store_true")
parser.add_argument("--fake-digest-header")
parser.add_argument("--drop-blobs", type=int, default=0)
parser.add_argument("--tls", nargs=2)
args = parser.parse_args()

lock = threading.Lock()
pending = {}
throttle_left, throttle_status, throttle_retry = 0, 0, "-"
if args.throttle:
    count, status, retry = args.throttle.split(":")
    throttle_left, throttle_status, throttle_retry = int(count), int(status), retry
drops_left = args.drop_blobs
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "host", "proxy-connection"}


def record(server, handler):
    entry = {
        "server": server, "method": handler.command, "path": handler.path,
        "headers": sorted(name.lower() for name in handler.headers.keys()),
        "authorization": "Authorization" in handler.headers,
    }
    with lock, open(args.log, "a") as f:
        f.write(json.dumps(entry) + "\n")


def forward(handler, path, headers, corrupt=False, drop=False):
    connection = http.client.HTTPConnection(args.upstream, timeout=60)
    connection.request(handler.command, path, headers=headers)
    response = connection.getresponse()
    handler.send_response(response.status)
    fake_digest = args.fake_digest_header if "/manifests/" in path else None
    for name, value in response.getheaders():
        if name.lower() == "docker-content-digest" and fake_digest:
            value = fake_digest
        if name.lower() not in HOP_HEADERS:
            handler.send_header(name, value)
    handler.end_headers()
    first = True
    sent, length = 0, int(response.getheader("Content-Length") or 0)
    while handler.command != "HEAD":
        chunk = response.read(65536)
        if drop and response.status == 200 and sent + len(chunk) > length // 2:
            handler.wfile.write(chunk[: length // 2 - sent])
            handler.wfile.flush()
            handler.connection.shutdown(2)
            handler.close_connection = True
            break
        if not chunk:
            break
        if corrupt and first and response.status == 200:
            chunk = bytes([chunk[0] ^ 0xFF]) + chunk[1:]
        first = False
        handler.wfile.write(chunk)
        sent += len(chunk)
    connection.close()


class Proxy(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        global throttle_left
        record("proxy", self)
        if "/manifests/" in self.path:
            with lock:
                throttled = throttle_left > 0
                throttle_left -= 1 if throttled else 0
            if throttled:
                self.send_response(throttle_status)
                if throttle_retry != "-":
                    self.send_header("Retry-After", throttle_retry)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        if args.paginate_tags and "/tags/list" in self.path:
            self.paginate(headers)
            return
        is_blob = "/blobs/sha256:" in self.path and self.command == "GET"
        if is_blob and args.redirect_blobs:
            token = uuid.uuid4().hex
            with lock:
                pending[token] = (self.path, headers)
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.2:{blob_server.server_address[1]}/signed/{token}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        corrupt = bool(is_blob and args.corrupt and self.path.endswith(args.corrupt))
        global drops_left
        with lock:
            drop = is_blob and drops_left > 0
            drops_left -= 1 if drop else 0
        forward(self, self.path, headers, corrupt, drop)


    def paginate(self, headers):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        connection = http.client.HTTPConnection(args.upstream, timeout=60)
        connection.request("GET", url.path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            self.send_response(response.status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        listing = json.loads(body)
        tags = sorted(listing.get("tags") or [])
        last = query.get("last", [""])[0]
        tags = [tag for tag in tags if tag > last]
        size = int(query.get("n", [len(tags) or 1])[0])
        page, rest = tags[:size], tags[size:]
        body = json.dumps({"name": listing["name"], "tags": page}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if rest:
            link = url.path + "?" + urlencode({"n": size, "last": page[-1]})
            self.send_header("Link", f'<{link}>; rel="next"')
        self.end_headers()
        self.wfile.write(body)


class BlobHost(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def do_GET(self):
        record("blobs", self)
        with lock:
            path, headers = pending.pop(self.path.rsplit("/", 1)[-1], (None, None))
        if path is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        forward(self, path, headers)


server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
if args.tls:
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.tls[0], args.tls[1])
    server.socket = context.wrap_socket(server.socket, server_side=True)
blob_server = ThreadingHTTPServer(("127.0.0.2", 0), BlobHost)
threading.Thread(target=blob_server.serve_forever, daemon=True).start()
print("PORT", server.server_address[1], blob_server.server_address[1], flush=True)
server.serve_forever()
