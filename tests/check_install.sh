#!/bin/sh
# check_install.sh - `make install` into a scratch DESTDIR gives a header,
# both libraries (with a soname), dirtrace.pc, the binary and the man
# page; a program builds against them through pkg-config and runs; and
# `make uninstall` removes every file again.
set -u
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pass=0
fail=0
check() {
	if eval "$2"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $1"
		fail=$((fail + 1))
	fi
}
# A plain build whatever make called us: under `make asan-check` the
# caller's BUILD=… SAN=1 CFLAGS=… reach us through MAKEFLAGS and the
# environment, and an uninstrumented program cannot load an ASan library.
plain_make() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SAN -u BUILD -u CFLAGS \
		make -s "$@"
}
plain_make install PREFIX=/opt/dt DESTDIR="$stage" >/dev/null 2>&1
root="$stage/opt/dt"
for f in bin/dirtrace include/dirtrace.h lib/libdirtrace.a \
	lib/libdirtrace.so.0 lib/libdirtrace.so lib/pkgconfig/dirtrace.pc \
	share/man/man1/dirtrace.1; do
	check "installs $f" "[ -e '$root/$f' ]"
done
check "the shared library has the soname libdirtrace.so.0" \
	"objdump -p '$root/lib/libdirtrace.so.0' | grep -q 'SONAME *libdirtrace.so.0'"
cat > "$stage/use.c" <<'C'
#include <dirtrace.h>
#include <stdio.h>
int main(void)
{
	static const char src[] = "Điều 1. A\n\n1. x\n";
	dt_doc *d = NULL;

	if (dt_doc_parse(&d, src, sizeof(src) - 1, "x.md", NULL, NULL) < 0)
		return 1;
	printf("%s\n", dt_unit_eid(dt_doc_unit_at(d, 1)));
	dt_doc_free(d);
	return 0;
}
C
# The .pc names /opt/dt; point it at the scratch copy for this build.
sed "s|/opt/dt|$root|g" "$root/lib/pkgconfig/dirtrace.pc" > "$stage/dirtrace.pc"
flags=$(PKG_CONFIG_PATH="$stage" pkg-config --cflags --libs dirtrace)
check "a program builds against the installed library through pkg-config" \
	"cc '$stage/use.c' $flags -o '$stage/use' 2>/dev/null"
check "and runs" \
	"[ \"\$(LD_LIBRARY_PATH='$root/lib' '$stage/use')\" = art_1__para_1 ]"
check "the installed binary runs" "'$root/bin/dirtrace' --version >/dev/null"
plain_make uninstall PREFIX=/opt/dt DESTDIR="$stage" >/dev/null 2>&1
check "uninstall removes every installed file" \
	"[ -z \"\$(find '$root' -type f 2>/dev/null)\" ]"
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
