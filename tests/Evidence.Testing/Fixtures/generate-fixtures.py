#!/usr/bin/env python3
"""Writes the test fixtures of this folder from a checkout of the public sources they come from.

Run once by a maintainer when a source changes, never by the build or the tests:

    python3 tests/Evidence.Testing/Fixtures/generate-fixtures.py <reference-folder>

<reference-folder> holds the public sources listed in README.md (the HIPAA Security Rule table,
the AWS Config HIPAA pack with AWS's citations, the Azure HITRUST/HIPAA initiative flattened, and
both editions of the SigV4 test suite). Only facts are kept: citations, kinds, designations,
identifiers, and the inputs and expected outputs of each signing case, each in this project's own
format. Every expected text is checked to round-trip byte for byte.
"""
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_json(name, value):
    with open(os.path.join(HERE, name), "w", newline="\n", encoding="utf-8") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")


def text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def lines(value):
    """An expected text as a list of lines; joined with LF it gives the exact bytes back."""
    assert "\r" not in value and not value.endswith("\n"), value
    return value.split("\n")


def request_lines(value):
    """A raw request as a list of lines; a final LF after the headers carries no meaning."""
    assert "\r" not in value
    if value.endswith("\n"):
        assert "\n\n" not in value, "a request with a body must keep its exact bytes"
        value = value[:-1]
    return value.split("\n")


def security_rule(reference):
    rows = read_csv(os.path.join(reference, "hipaa", "hipaa-security-rule.csv"))
    kinds = {"standard": "standard", "implementation-spec": "specification"}
    write_csv("hipaa-security-rule.csv", ["citation", "kind", "designation", "parent", "family", "title"], [
        [r["citation"], kinds[r["kind"]], "" if r["designation"] == "-" else r["designation"],
         r["parent_standard"], r["family"], r["title"]]
        for r in rows
    ])


def aws_pack(reference):
    rows = read_csv(os.path.join(reference, "aws-config", "aws-hipaa-rules.csv"))
    out = []
    for r in sorted(rows, key=lambda r: r["config_rule_identifier"]):
        split = lambda v: [c.strip() for c in v.split(";") if c.strip()]
        citations = sorted(set(split(r["hipaa_sections"]) + split(r["derived_sections_from_equivalent_rule"])))
        source = r["mapping_source"]
        equivalent = source.split(":", 1)[1] if source.startswith("derived-from-equivalent:") else ""
        assert (source == "UNMAPPED") == (len(citations) == 0), r["config_rule_identifier"]
        out.append([r["config_rule_identifier"], ";".join(citations), equivalent])
    write_csv("aws-config-hipaa-pack.csv", ["rule", "aws_citations", "cited_through_rule"], out)


def azure_initiative(reference):
    rows = read_csv(os.path.join(reference, "azure-policy", "azure-hipaa-policies.csv"))
    ids = sorted({r["policyDefinitionId"] for r in rows if r["defaultEffect"] != "Manual"}, key=str.lower)
    write_csv("azure-hitrust-hipaa-automated-policies.csv", ["definition"], [[i] for i in ids])


def sigv4_botocore(reference):
    root = os.path.join(reference, "sigv4", "aws4_testsuite-botocore")
    tokens = {"get-vanilla-with-session-token": "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"}
    cases = []
    for folder, _, files in os.walk(root):
        for req in (f for f in files if f.endswith(".req")):
            name = os.path.relpath(folder, root).replace(os.sep, "/")
            stem = os.path.join(folder, req[:-4])
            case = {"name": name, "request": request_lines(text(stem + ".req"))}
            if req[:-4] in tokens:
                case["sessionToken"] = tokens[req[:-4]]
            case["canonicalRequest"] = lines(text(stem + ".creq"))
            case["stringToSign"] = lines(text(stem + ".sts"))
            case["authorization"] = text(stem + ".authz")
            cases.append(case)
    cases.sort(key=lambda c: c["name"])
    # Like botocore's harness, the test supplies the credentials, time and scope of this edition.
    write_json(os.path.join("sigv4", "botocore-cases.json"), {"cases": cases})


def header(request, name):
    found = [l.split(":", 1)[1].strip() for l in request.split("\n") if l.lower().startswith(name.lower() + ":")]
    assert len(found) <= 1
    return found[0] if found else None


def sigv4_aws_c_auth(reference):
    root = os.path.join(reference, "sigv4", "aws-c-auth-v4")
    cases = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        with open(os.path.join(folder, "context.json"), encoding="utf-8") as f:
            context = json.load(f)
        keys = context["credentials"]
        signed = text(os.path.join(folder, "header-signed-request.txt"))
        case = {
            "name": name,
            "accessKeyId": keys["access_key_id"],
            "secretAccessKey": keys["secret_access_key"],
            "sessionToken": keys.get("token"),
            "time": context["timestamp"],
            "region": context["region"],
            "service": context["service"],
            "normalizePath": context["normalize"],
            "signContentHash": context["sign_body"],
            "signSessionToken": not context.get("omit_session_token", False),
            "request": request_lines(text(os.path.join(folder, "request.txt"))),
            "canonicalRequest": lines(text(os.path.join(folder, "header-canonical-request.txt"))),
            "stringToSign": lines(text(os.path.join(folder, "header-string-to-sign.txt"))),
            "signature": text(os.path.join(folder, "header-signature.txt")),
            "authorization": header(signed, "Authorization"),
            "addedSecurityToken": header(signed, "X-Amz-Security-Token"),
        }
        cases.append(case)
    write_json(os.path.join("sigv4", "aws-c-auth-cases.json"), {"cases": cases})


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate-fixtures.py <folder-with-the-sources>")
    reference = sys.argv[1]
    security_rule(reference)
    aws_pack(reference)
    azure_initiative(reference)
    sigv4_botocore(reference)
    sigv4_aws_c_auth(reference)


if __name__ == "__main__":
    main()
