#!/bin/sh
# deps.sh - make sure the Debian packages dirtrace builds and tests with are
# installed; install the missing ones with apt-get (as root directly, else
# through sudo).  If neither is possible, print the exact command and exit 2.
# `deps.sh browser` does the same for what `make check-browser` needs
# instead: Chromium and a font with Vietnamese and Cyrillic glyphs;
# `deps.sh bench` for what `make bench` needs on top of the build: the
# sqlite3 shell (the FTS5 peer) and GNU time (CPU time and peak RSS).
set -u
# python3 reads the JSON and CSV reports back in the end-to-end tests;
# binutils' objdump checks the installed library's soname.
PACKAGES="make gcc pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
libxml2-dev libpcre2-dev libicu-dev libstemmer-dev libcriterion-dev \
python3 binutils"
if [ "${1:-}" = browser ]; then
	PACKAGES="chromium fonts-dejavu-core"
fi
if [ "${1:-}" = bench ]; then
	PACKAGES="sqlite3 time"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
	if [ "${1:-}" = browser ]; then
		command -v chromium >/dev/null 2>&1 && exit 0
		echo "dirtrace: deps: not a Debian system; install Chromium" \
			"(a 'chromium' command) and fonts with Vietnamese glyphs" >&2
		exit 2
	fi
	if [ "${1:-}" = bench ]; then
		command -v sqlite3 >/dev/null 2>&1 &&
			[ -x /usr/bin/time ] && exit 0
		echo "dirtrace: deps: not a Debian system; install the sqlite3" \
			"shell (with FTS5) and GNU time as /usr/bin/time" >&2
		exit 2
	fi
	# Not Debian: trust pkg-config and the linker, say what is needed.
	if pkg-config --exists libcmark-gfm libxml-2.0 libpcre2-8 icu-uc \
		icu-i18n criterion 2>/dev/null; then
		exit 0
	fi
	echo "dirtrace: deps: not a Debian system; install the equivalents of:" >&2
	echo "  $PACKAGES" >&2
	exit 2
fi

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "dirtrace: deps: installing:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo"
else
	echo "dirtrace: deps: cannot install as $(id -un); run as root:" >&2
	echo "  apt-get update && apt-get install -y$missing" >&2
	exit 2
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || exit 2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2 || {
	echo "dirtrace: deps: apt-get install failed:" >&2
	echo "  apt-get install -y$missing" >&2
	exit 2
}
