#!/usr/bin/env python3
"""Write the legacy-encoded corpus files from their UTF-8 NFC originals.

Run by hand from the repository root after editing an original:
    python3 corpus/src/mklegacy.py

Each original lives under corpus/src/<set>/<split>/ and its encoded copy at
corpus/<set>/<split>/ with the same name.  The copy keeps the original's
lines one for one (checked below), so gold line numbers computed on the
original hold for the copy.  When glibc iconv is installed its TCVN5712-1
and CP1258 output is compared byte for byte with ours.
"""
import os
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import vnenc  # noqa: E402

ROOT = os.path.dirname(HERE)  # corpus/

# (original under src/, encoding)
JOBS = [
    ("vi/dev/03-NQ-CB.md", "TCVN3"),
    ("vi/dev/05-HD-HU.md", "CP1258"),
    ("vi/test/09-NQ-CB.md", "VNI"),
    ("vi/test/15-KH-TU.md", "NFD-OLDTONE-CRLF"),
    ("vi/dev/01-QC-CB.md", "VNI"),
    ("vi/test/11-BC-DUK.md", "CP1258"),
]


def encode(text, how):
    if how == "TCVN3":
        return vnenc.encode_tcvn3(text)
    if how == "VNI":
        return vnenc.encode_vni(text)
    if how == "CP1258":
        return vnenc.encode_cp1258(text)
    if how == "NFD-OLDTONE-CRLF":
        t = unicodedata.normalize("NFD", vnenc.retone(text, "old"))
        return t.replace("\n", "\r\n").encode("utf-8")
    raise ValueError(how)


def iconv_check(text, how, data):
    name = {"TCVN3": "TCVN5712-1", "CP1258": "CP1258"}.get(how)
    if not name or not shutil.which("iconv"):
        return
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", name],
                       input=text.encode("utf-8"), capture_output=True)
    if r.returncode != 0:
        sys.exit("iconv -t %s failed: %s" % (name, r.stderr.decode()))
    if r.stdout != data:
        sys.exit("our %s bytes differ from iconv -t %s" % (how, name))


def main():
    for rel, how in JOBS:
        src = os.path.join(HERE, rel)
        dst = os.path.join(ROOT, rel)
        with open(src, encoding="utf-8") as f:
            text = f.read()
        if not unicodedata.is_normalized("NFC", text):
            sys.exit("%s: original is not NFC" % src)
        data = encode(text, how)
        iconv_check(text, how, data)
        back = vnenc.normalize(data)
        if back != vnenc.normalize(text.encode("utf-8")):
            sys.exit("%s: %s copy does not decode back to the original" % (rel, how))
        if back.count("\n") != text.count("\n"):
            sys.exit("%s: line count changed" % rel)
        if vnenc.decode(data)[1] != {"NFD-OLDTONE-CRLF": "UTF-8"}.get(how, how.replace("CP1258", "WINDOWS-1258")):
            sys.exit("%s: detected as %s" % (rel, vnenc.decode(data)[1]))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(data)
        print("%-28s %-17s %5d lines" % (rel, how, text.count("\n")))


if __name__ == "__main__":
    main()
