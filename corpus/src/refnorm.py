#!/usr/bin/env python3
"""Reference stand-in for `dirtrace norm FILE` (only that sub-command).

    corpus/src/refnorm.py norm FILE      -> UTF-8, NFC, new tone style, LF
    corpus/src/refnorm.py detect FILE    -> the detected encoding

Lines are kept one for one.  It exists so that tests/check_gold.sh can be
run before the real CLI decodes the legacy encodings:
    sh tests/check_gold.sh corpus/src/refnorm.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vnenc  # noqa: E402


def main(argv):
    if len(argv) != 3 or argv[1] not in ("norm", "detect"):
        sys.stderr.write("usage: refnorm.py norm|detect FILE\n")
        return 2
    try:
        with open(argv[2], "rb") as f:
            data = f.read()
    except OSError as e:
        sys.stderr.write("refnorm.py: %s\n" % e)
        return 2
    if argv[1] == "detect":
        print(vnenc.decode(data)[1])
        return 0
    sys.stdout.write(vnenc.normalize(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
