#!/usr/bin/env python3
"""Compares Ballast's inventory of an image with Syft's, as sets of (type, name, version).

Usage: compare-syft.py [--ballast BIN] [--json] IMAGE_INPUT
Runs `ballast sbom --format json` and `syft scan -o json` on the same image, maps Syft's types
onto Ballast's (binary `node` is the Node.js runtime), and sorts every difference into a known
reason or "unexplained". Exits 1 when anything is unexplained. A test and benchmark tool only.

Known reasons, each a case where Ballast is right:
  nested-manifest     Syft counts a package.json that is not a package root (npm's mkdirp ships
                      dist/cjs/package.json; Debian's web-streams-polyfill has es6/package.json
                      without a version); it is a file inside a package, not a package.
  dpkg-python         Syft lists Python egg-info metadata that a Debian package installed; the
                      package is in the inventory as its dpkg record, and Ballast inventories
                      Node, not Python, ecosystems.
  lockfile-only       Syft lists lockfile entries whose packages are not installed (deleted
                      by a later layer, or never installed); Ballast reports what is on disk.
  synthetic-dpkg      distroless's old layout carries a dpkg record `nodejs` that describes the
                      upstream binary; Ballast reports it once, as the runtime, not as a Debian
                      package that Debian's advisories would wrongly match.
  missed-runtime      Syft's binary classifier does not find this node (Debian's launcher keeps
                      its version in libnode; distroless's /nodejs/bin/node), Ballast reads it.
  distribution-runtime  Ballast also lists a distribution-packaged node as a runtime component
                      (it points at its owning package), which Syft leaves to the package.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ballast_set(binary, image):
    out = subprocess.run([binary, "sbom", "-q", "--format", "json", image], capture_output=True, text=True, check=True)
    doc = json.loads(out.stdout)
    items = {}
    for c in doc["components"]:
        kind = {"node-runtime": "node"}.get(c["kind"], c["kind"])
        items.setdefault((kind, c["name"], c["version"]), []).append(c)
    return items


def syft_binary():
    """$SYFT_BIN, else syft on PATH, else the one scripts/setup installs into the test venv."""
    if os.environ.get("SYFT_BIN"):
        return os.environ["SYFT_BIN"]
    found = shutil.which("syft")
    if found:
        return found
    venv = os.environ.get("BALLAST_PYENV", os.path.expanduser("~/.cache/ballast-pyenv"))
    return os.path.join(venv, "bin", "syft")


def syft_set(image):
    env = dict(os.environ, SYFT_CHECK_FOR_APP_UPDATE="false")
    source = image.replace("oci:", "oci-dir:", 1) if image.startswith("oci:") else image
    out = subprocess.run([syft_binary(), "scan", source, "-o", "json", "-q"], capture_output=True, text=True, check=True,
                         env=env)
    doc = json.loads(out.stdout)
    items = {}
    for a in doc["artifacts"]:
        kind = a["type"]
        if kind == "binary" and a["name"] == "node":
            kind = "node"
        items.setdefault((kind, a["name"], a["version"]), []).append(a)
    return items


def is_package_root(path):
    """`…/node_modules/NAME/package.json`, `…/@scope/NAME/…`, or a Debian node library root."""
    parts = path.strip("/").split("/")
    if len(parts) < 3 or parts[-1] != "package.json":
        return False
    parent = parts[:-1]
    for base in (["usr", "share", "nodejs"], ["usr", "lib", "nodejs"]):
        if parent[:3] == base:
            rest = parent[3:]
            return len(rest) == 1 or (len(rest) == 2 and rest[0].startswith("@"))
    if "node_modules" in parent:
        index = len(parent) - 1 - parent[::-1].index("node_modules")
        rest = parent[index + 1:]
        return len(rest) == 1 or (len(rest) == 2 and rest[0].startswith("@"))
    return True


def explain_extra_in_syft(key, artifacts, ours):
    kind, name, version = key
    paths = [loc["path"] for a in artifacts for loc in a.get("locations", [])]
    if kind == "npm" and not any(is_package_root(p) for p in paths):
        return "nested-manifest"
    if kind == "python" and all(p.startswith("/usr/lib/python3/dist-packages/") for p in paths):
        return "dpkg-python"
    if kind == "npm" and all(p.endswith("package-lock.json") or p.endswith(".package-lock.json") for p in paths):
        return "lockfile-only"
    if kind == "deb" and name == "nodejs" and any(c[0] == "node" and c[2] == version for c in ours):
        return "synthetic-dpkg"
    return "unexplained"


def explain_extra_in_ballast(key, components):
    kind, name, version = key
    if kind == "node":
        origin = components[0].get("origin")
        return "distribution-runtime" if origin == "distribution" else "missed-runtime"
    return "unexplained"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ballast", default=os.path.join(ROOT, ".build", "debug", "ballast"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("image")
    args = parser.parse_args()

    ours = ballast_set(args.ballast, args.image)
    theirs = syft_set(args.image)
    rows = []
    for key in sorted(set(theirs) - set(ours)):
        rows.append(("syft only", key, explain_extra_in_syft(key, theirs[key], ours)))
    for key in sorted(set(ours) - set(theirs)):
        rows.append(("ballast only", key, explain_extra_in_ballast(key, ours[key])))
    reasons = collections.Counter(r[2] for r in rows)
    if args.json:
        print(json.dumps({"common": len(set(ours) & set(theirs)), "differences": [
            {"side": s, "type": k[0], "name": k[1], "version": k[2], "reason": r} for s, k, r in rows],
            "reasons": reasons}, indent=1, sort_keys=True))
    else:
        print(f"{args.image}: {len(set(ours) & set(theirs))} in common, {len(rows)} differences")
        for side, key, reason in rows:
            print(f"  {side:<13} {key[0]:<5} {key[1]}@{key[2]}  [{reason}]")
    sys.exit(1 if reasons.get("unexplained") else 0)


if __name__ == "__main__":
    main()
