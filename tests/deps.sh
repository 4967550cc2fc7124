#!/bin/sh
# Probe for what sla-tools needs, one set at a time; install what is missing
# from Debian's packages when run as root, otherwise print the exact command
# and exit 2.  Each probe asks for the thing itself (a header, a pkg-config
# module, a command, a zone file), not for a package name, so a machine that
# has them from elsewhere passes too.
#
#   sh tests/deps.sh build     make, make demo, make install: compiler, libraries, zones
#   sh tests/deps.sh check     build, and what make check, make test, make fuzz run
#                              (GNU time: sla-check.bats measures memory with it;
#                              zsh and fish: completions.bats drives the completions;
#                              Miller and Python's csv and openpyxl read back
#                              sla-report's --table and xlsx; GNU parallel:
#                              sla-report-partial.bats runs the recipe;
#                              chromium, poppler and Noto Sans CJK: html-render.bats
#                              renders and prints the HTML report, in Chinese too)
#   sh tests/deps.sh bench     build, the baselines make bench compares with, and
#                              GNU parallel (the report on N jobs)
#   sh tests/deps.sh           the same as check
#   sh tests/deps.sh --list SET   print SET's requirements, one a line:
#                              "KIND THING PACKAGE", KIND one of cmd, header,
#                              pkg, file, fuzzer, python (no probing, exit 0)
#
# The rule for tests: a test runs only commands of an Essential or
# Priority: required Debian package, or those of the check set below
# (tests/cli/deps.bats holds the tests to it).
set -u
cc=${CC:-cc}

# The sets, one requirement a line: SET KIND THING PACKAGE.  check and bench
# each include build.
table() {
	cat <<EOF
build cmd $cc gcc
build cmd make make
build cmd pkg-config pkg-config
build header csv.h libcsv-dev
build pkg libpcre2-8 libpcre2-dev
build pkg inih libinih-dev
build pkg xlsxwriter libxlsxwriter-dev
build pkg uchardet libuchardet-dev
build pkg nettle nettle-dev
build cmd iconv libc-bin
build file /usr/share/zoneinfo/Asia/Shanghai tzdata
check pkg cmocka libcmocka-dev
check cmd bats bats
check cmd mandoc mandoc
check cmd clang clang
check cmd valgrind valgrind
check fuzzer clang libclang-rt-14-dev
check cmd jq jq
check cmd xmllint libxml2-utils
check cmd chromium chromium
check cmd pdftotext poppler-utils
check cmd pdfinfo poppler-utils
check cmd pdftoppm poppler-utils
check file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
check cmd /usr/bin/time time
check cmd zsh zsh
check cmd fish fish
check cmd mlr miller
check cmd /usr/bin/python3 python3
check python openpyxl python3-openpyxl
check cmd parallel parallel
bench cmd mlr miller
bench cmd parallel parallel
bench python pandas python3-pandas
EOF
}

usage() {
	echo "usage: sh tests/deps.sh [build | check | bench]" >&2
	echo "       sh tests/deps.sh --list build | check | bench" >&2
	exit 2
}

# The requirements of set $1: build's own, and $1's if it is not build.
list() {
	table | while read -r set kind thing pkg; do
		[ "$set" = build ] || [ "$set" = "$1" ] && echo "$kind $thing $pkg"
	done
}

have() {
	case $1 in
	cmd)    command -v "$2" >/dev/null 2>&1 ;;
	header) printf '#include <%s>\n' "$2" | "$cc" -E -x c - >/dev/null 2>&1 ;;
	pkg)    pkg-config --exists "$2" 2>/dev/null ;;
	file)   [ -f "$2" ] ;;
	# libFuzzer and clang's sanitizer runtimes (make fuzz, run by make check)
	fuzzer) echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' |
		"$2" -fsanitize=fuzzer,address,undefined -x c -o /dev/null - >/dev/null 2>&1 ;;
	# the system's /usr/bin/python3, where Debian's modules are (tests/bench/run.sh
	# and sla-report-tables.bats run it)
	python) /usr/bin/python3 -c "import $2" >/dev/null 2>&1 ;;
	esac
}

list_only=
if [ "${1:-}" = --list ]; then
	list_only=1
	shift
fi
set=${1:-check}
case $set in
build | check | bench) ;;
*) usage ;;
esac
[ $# -le 1 ] || usage
if [ -n "$list_only" ]; then
	list "$set"
	exit 0
fi

missing=$(list "$set" | while read -r kind thing pkg; do
	have "$kind" "$thing" || echo "$pkg"
done | sort -u | tr '\n' ' ')
missing=${missing% }
[ -z "$missing" ] && exit 0

echo "sla-tools: missing for $set: $missing" >&2
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086 # one word a package
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 && exit 0
	echo "sla-tools: apt-get failed; run: apt-get install $missing" >&2
	exit 2
fi
echo "sla-tools: run as root: sudo apt-get install $missing" >&2
exit 2
