#!/bin/sh
# tpl2c.sh FILE... - the templates of templates/ as the C table
# dt__tpl_files (lib/template.h) of the library's built-in templates, so
# that the editable files are the one source of truth.  Bytes, not string
# literals: templates hold quotes, backslashes and lines longer than a C
# string literal may portably be (4095 bytes).  Each array ends with a NUL
# that `len` does not count.
set -eu
printf '/* generated from templates/ by tools/tpl2c.sh; do not edit */\n'
printf '#include "template.h"\n\n'
i=0
for f in "$@"; do
	printf '/* %s */\nstatic const unsigned char t%d[] = {\n' "$f" "$i"
	od -An -v -tx1 "$f" |
		sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/\t/'
	printf '\t0\n};\n'
	i=$((i + 1))
done
printf 'const dt__tpl_file dt__tpl_files[] = {\n'
i=0
for f in "$@"; do
	printf '\t{ "%s", (const char *)t%d, sizeof(t%d) - 1 },\n' \
		"$(basename "$f")" "$i" "$i"
	i=$((i + 1))
done
printf '\t{ NULL, NULL, 0 }\n};\n'
