#!/bin/sh
# Probe for what sla-tools needs to build and test; install what is missing
# from Debian's packages when run as root, otherwise print the exact command
# and exit 2.  Each probe asks for the thing itself (a header, a pkg-config
# module, a command, a zone file), not for a package name, so a machine that
# has them from elsewhere passes too.
#
#   sh tests/deps.sh          what make, make check and make fuzz need
#   sh tests/deps.sh bench    that, and the baselines of make bench
set -u
cc=${CC:-cc}
missing=""
need() { missing="$missing $1"; }

have_header() { printf '#include <%s>\n' "$1" | "$cc" -E -x c - >/dev/null 2>&1; }
have_pkg()    { pkg-config --exists "$1" 2>/dev/null; }
have_cmd()    { command -v "$1" >/dev/null 2>&1; }

have_cmd "$cc"        || need gcc
have_cmd make         || need make
have_cmd pkg-config   || need pkg-config
have_header csv.h     || need libcsv-dev
have_pkg libpcre2-8   || need libpcre2-dev
have_pkg inih         || need libinih-dev
have_pkg cmocka       || need libcmocka-dev
have_cmd bats         || need bats
have_cmd mandoc       || need mandoc
have_cmd clang        || need clang
have_cmd valgrind     || need valgrind
# libFuzzer and clang's sanitizer runtimes (make fuzz, run by make check)
echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }' \
	| clang -fsanitize=fuzzer,address,undefined -x c -o /dev/null - >/dev/null 2>&1 \
	|| need libclang-rt-14-dev
have_cmd iconv        || need libc-bin
[ -f /usr/share/zoneinfo/Asia/Shanghai ] || need tzdata
if [ "${1:-}" = bench ]; then
	# The benchmark's baselines: Miller, and Debian's pandas for the
	# system's python3 (tests/bench/run.sh runs /usr/bin/python3).
	have_cmd mlr  || need miller
	/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || need python3-pandas
fi

[ -z "$missing" ] && exit 0

echo "sla-tools: missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ] && have_cmd apt-get; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 && exit 0
	echo "sla-tools: apt-get failed; run: apt-get install$missing" >&2
	exit 2
fi
echo "sla-tools: run as root: sudo apt-get install$missing" >&2
exit 2
