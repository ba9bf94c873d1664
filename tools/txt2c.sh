#!/bin/sh
# txt2c.sh FILE NAME - turn a data file (one entry per line, '#' comments and
# blank lines skipped) into a C array `const char *const dt__data_NAME[]`
# ending with NULL, plus its count.  Keeps word lists readable as data.
set -eu
file=$1
name=$2
printf '/* generated from %s by tools/txt2c.sh; do not edit */\n' "$file"
printf '#include <stddef.h>\n'
printf 'extern const char *const dt__data_%s[];\n' "$name"
printf 'extern const size_t dt__data_%s_count;\n' "$name"
printf 'const char *const dt__data_%s[] = {\n' "$name"
sed -e 's/#.*$//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$file" |
	grep -v '^$' |
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/",/'
printf '\tNULL\n};\n'
count=$(sed -e 's/#.*$//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$file" | grep -c -v '^$' || true)
printf 'const size_t dt__data_%s_count = %s;\n' "$name" "$count"
