#!/usr/bin/env python3
"""Validates SBOM documents against the official schemas, using the reference libraries.

Usage: validate-sbom.py cyclonedx|spdx FILE
Prints 'valid' and exits 0, or prints each problem and exits 1. A test tool only.
"""
import sys


def cyclonedx(path):
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    errors = JsonStrictValidator(SchemaVersion.V1_6).validate_str(open(path).read())
    return [str(errors)] if errors else []


def spdx(path):
    from spdx_tools.spdx.parser.parse_anything import parse_file
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    document = parse_file(path)
    return [m.validation_message for m in validate_full_spdx_document(document, "SPDX-2.3")]


def main():
    kind, path = sys.argv[1], sys.argv[2]
    problems = {"cyclonedx": cyclonedx, "spdx": spdx}[kind](path)
    for problem in problems[:20]:
        print(problem)
    if problems:
        sys.exit(1)
    print("valid")


if __name__ == "__main__":
    main()
