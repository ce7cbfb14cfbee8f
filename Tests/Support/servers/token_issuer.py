#!/usr/bin/env python3
"""A token service for Docker Distribution's token authentication, for tests only.

Usage: token_issuer.py --key KEY.pem --cert CERT.pem --issuer NAME --service NAME
                       --user USER --password PASSWORD --refresh-token TOKEN
                       --anonymous REPO[,REPO] --log FILE
Prints "PORT <port>" once listening on 127.0.0.1. Issues RS256 JWTs signed with the openssl CLI,
with the certificate in the `x5c` header (the registry trusts it through its rootcertbundle).
Anonymous callers may pull the repositories given with --anonymous; callers with the right Basic
credentials may pull any, and so may OAuth2 `refresh_token` grants (POST) with the right token, as
`docker login` leaves an identity token. Anonymous answers carry `token`, authenticated ones `access_token`,
so clients must accept both. Each request is logged as a JSON line (never with credentials).
"""
import argparse
import base64
import json
import signal
import subprocess
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

# The test process blocks signals that its children inherit; servers must die on SIGTERM.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(number, signal.SIG_DFL)

args_parser = argparse.ArgumentParser()
for name in ("key", "cert", "issuer", "service", "user", "password", "refresh-token", "anonymous", "log"):
    args_parser.add_argument("--" + name, required=True)
args = args_parser.parse_args()
anonymous_repos = set(filter(None, args.anonymous.split(",")))
log_lock = threading.Lock()

with open(args.cert) as f:
    pem = f.read()
cert_der_b64 = "".join(line for line in pem.splitlines() if line and not line.startswith("-----"))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(subject, access):
    header = {"typ": "JWT", "alg": "RS256", "x5c": [cert_der_b64]}
    now = int(time.time())
    claims = {
        "iss": args.issuer, "sub": subject, "aud": args.service, "exp": now + 300, "nbf": now - 10,
        "iat": now, "jti": uuid.uuid4().hex, "access": access,
    }
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", args.key], input=signing_input.encode(),
        capture_output=True, check=True).stdout
    return signing_input + "." + b64url(signature)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *_):
        pass

    def do_POST(self):
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length", "0"))
        form = parse_qs(self.rfile.read(length).decode())
        grant = form.get("grant_type", [""])[0]
        if grant != "refresh_token" or form.get("refresh_token", [""])[0] != args.refresh_token:
            self.record(url.path, form, "rejected")
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.answer(url.path, form, args.user, caller="identity-token")

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        user = None
        header = self.headers.get("Authorization", "")
        if header.startswith("Basic "):
            decoded = base64.b64decode(header[6:]).decode(errors="replace")
            name, _, password = decoded.partition(":")
            if name != args.user or password != args.password:
                self.record(url.path, query, "rejected")
                self.send_response(401)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            user = name
        self.answer(url.path, query, user)

    def answer(self, path, query, user, caller=None):
        access = []
        for scope in query.get("scope", []):
            kind, _, rest = scope.partition(":")
            repo, _, actions = rest.rpartition(":")
            if kind == "repository" and (user or repo in anonymous_repos):
                access.append({"type": kind, "name": repo, "actions": ["pull"] if "pull" in actions else []})
        self.record(path, query, caller or user or "anonymous")
        token = sign(user or "", access)
        body = json.dumps({"access_token": token} if user else {"token": token, "expires_in": 300}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def record(self, path, query, caller):
        entry = {"path": path, "scope": query.get("scope", []), "service": query.get("service", []), "caller": caller}
        with log_lock, open(args.log, "a") as f:
            f.write(json.dumps(entry) + "\n")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("PORT", server.server_address[1], flush=True)
server.serve_forever()
