#!/usr/bin/env bats
# The tests run only what a fresh machine has after `sh tests/deps.sh check`:
# every external command named in the CLI tests and the test runners comes
# from an Essential or Priority: required Debian package, or is in deps.sh's
# check set.  And deps.sh's sets are wired to the make targets that need them.

load helpers
bats_require_minimum_version 1.5.0

ROOT="$BATS_TEST_DIRNAME/../.."

# What make check runs: the bats files, their helpers, the runners (names
# relative to the top of the tree, which is the working directory).
test_scripts() {
	printf '%s\n' tests/cli/*.bats tests/cli/*.bash tests/run.sh tests/tally.sh \
		tests/valgrind.sh tests/fuzz/run.sh
}

# The words in command position in shell FILES, as "word file:line", one a
# line.  A small lexer: comments and single-quoted text (awk and jq
# programs, data) are skipped; double-quoted text too, except its $(...)
# and the script of bash -c / sh -c; after a pipe, ;, &&, ||, (, $(, a
# keyword, an assignment or a prefix (run, timeout, exec, command, xargs,
# env, !) the next plain word is a command.  A word with a quote or a $ in
# it (a command in a variable) is not named; nor is a case pattern (word)).
command_words() {
	awk '
	function emit(   plain) {
		if (w == "") return
		plain = !odd
		if (w == "]]") dbr = 0
		else if (!pos || dbr) ;
		else if (w ~ /^[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?\+?=/) ;	# an assignment
		else if (pre != "" && w ~ /^(-.*|[0-9]+)$/) {			# an option of the prefix
			if (w == "-c" && (pre == "bash" || pre == "sh")) dashc = 1
		} else if (pre == "bash" || pre == "sh") pos = 0		# a script file
		else if (!plain || w ~ /^-/) pos = 0
		else if (w == "[[") dbr = 1
		else if (w == "for" || w == "case" || w == "select") pos = 0
		else if (w in keyword) pre = ""
		else if (st[sp] != "P" && substr(src, i) ~ /^[ \t]*\)/) pos = 0	# a case pattern
		else if (substr(src, i) ~ /^[ \t]*\(\)/) pos = 0			# a function
		else {
			printf "%s %s:%d\n", w, FILENAME, FNR
			if (w in prefix || w == "bash" || w == "sh") pre = w
			else pos = 0
		}
		w = ""; odd = 0
	}
	function cmd() { emit(); pos = 1; pre = ""; dashc = 0; redir = 0 }
	BEGIN {
		split("run timeout exec command xargs env nice nohup builtin", p, " ")
		for (k in p) prefix[p[k]] = 1
		split("if then else elif fi do done while until in esac { } ! time function @test", p, " ")
		for (k in p) keyword[p[k]] = 1
	}
	FNR == 1 { sp = 0; st[0] = "N"; w = ""; odd = 0; hd = ""; cont = 0; dbr = 0; redir = 0 }
	hd != "" {
		line = $0
		if (hdstrip) sub(/^\t+/, "", line)
		if (line == hd) { hd = ""; next }
		if (hdquoted) next
	}
	{
		src = $0; n = length(src)
		if (st[sp] != "S" && st[sp] != "D" && !cont) cmd()
		cont = 0
		for (i = 1; i <= n; i++) {
			c = substr(src, i, 1); s = st[sp]
			if (s == "S") { if (c == "\047") sp--; continue }
			if (s == "D") {
				if (c == "\\") i++
				else if (c == "\"") sp--
				else if (c == "$" && substr(src, i + 1, 1) == "(" && substr(src, i + 2, 1) != "(") {
					st[++sp] = "P"; i++; cmd()
				}
				continue
			}
			if (s == "A") { if (substr(src, i, 2) == "))") { sp--; i++ } continue }
			# N (the top), P ($(...), (...), <(...)) or C (the script of bash -c "...")
			if (c == "\\") { if (i == n) cont = 1; else { w = w substr(src, i, 2); odd = 1 } i++; continue }
			if (c == "#" && w == "") break
			if (c == "\047") { w = w c; odd = 1; st[++sp] = "S"; continue }
			if (c == "\"") {
				if (s == "C" && w == "") { sp--; pos = 0; continue }
				if (s == "C") { emit(); sp--; pos = 0; continue }
				if (dashc && w == "") { dashc = 0; st[++sp] = "C"; cmd(); continue }
				w = w c; odd = 1; st[++sp] = "D"; continue
			}
			if (c == "$") {
				if (substr(src, i + 1, 2) == "((") { w = w c; odd = 1; st[++sp] = "A"; i += 2; continue }
				if (substr(src, i + 1, 1) == "(") { emit(); st[++sp] = "P"; i++; cmd(); continue }
				w = w c; odd = 1; continue
			}
			if (c == "(") {
				if (substr(src, i + 1, 1) == ")") {
					if (w ~ /=$/) { emit(); i++; continue }	# a=()
					w = ""; odd = 0; i++; cmd(); continue		# name() {
				}
				if (substr(src, i + 1, 1) == "(" && w == "") { st[++sp] = "A"; i++; continue }
				if (w != "") { emit(); st[++sp] = "P"; pos = 0; continue }	# a=( ... )
				st[++sp] = "P"; cmd(); continue
			}
			if (c == ")") { emit(); if (s == "P") { sp--; pos = 0 } else cmd(); continue }
			if (c == "<" && substr(src, i, 2) == "<<" && substr(src, i + 2, 1) != "<") {
				emit()
				if (match(substr(src, i + 2), /^-?[ \t]*(\047[^\047]*\047|"[^"]*"|[A-Za-z0-9_]+)/)) {
					hd = substr(src, i + 2, RLENGTH); hdstrip = hd ~ /^-/
					sub(/^-?[ \t]*/, "", hd); hdquoted = hd ~ /^[\047"]/
					gsub(/[\047"]/, "", hd); i += 1 + RLENGTH
				}
				continue
			}
			if ((c == "<" || c == ">") && substr(src, i + 1, 1) == "(") { emit(); st[++sp] = "P"; i++; cmd(); continue }
			if (c == ">" || c == "<") {
				emit()
				while (substr(src, i + 1, 1) ~ /[<>|]/) i++
				if (substr(src, i + 1, 1) == "&") { i++; while (substr(src, i + 1, 1) ~ /[0-9-]/) i++ }
				else redir = 1
				continue
			}
			if (c == "|" || c == ";" || c == "&") { cmd(); continue }
			if (c == " " || c == "\t") {
				if (redir && w != "") { w = ""; odd = 0; redir = 0 }
				else emit()
				continue
			}
			w = w c
		}
		if (st[sp] != "S" && st[sp] != "D" && !cont) { if (redir) { w = ""; odd = 0; redir = 0 } emit() }
	}' "$@"
}

# The commands deps.sh's check set provides.
check_set() {
	sh "$ROOT/tests/deps.sh" --list check | awk '$1 == "cmd" || $1 == "fuzzer" { print $2 }'
}

# Each command word of FILES that is not a shell builtin or keyword, not a
# function the files define, not bats's own, and not one of our tools, that
# neither comes from an Essential or Priority: required package nor is in
# the check set: "word file:line: why".
outside_check_set() {
	local words allowed path pkg
	words=$(command_words "$@" | sort -k1,1 -u)
	allowed=$({
		compgen -b; compgen -k
		sed -n 's/^[[:space:]]*\(function[[:space:]]\{1,\}\)\{0,1\}\([A-Za-z_][A-Za-z0-9_-]*\)[[:space:]]*()[[:space:]]*[{(].*/\2/p' "$@"
		printf '%s\n' run skip load bats_load_library bats_require_minimum_version \
			setup teardown setup_file teardown_file
		check_set
	} | sort -u)
	# The candidates: what is left, with their paths (or none).
	declare -A where at
	while read -r word loc; do
		case $word in sla-*|\[|\[\[|@*) continue ;; esac
		grep -qxF -- "$word" <<< "$allowed" && continue
		at[$word]=$loc
		path=$(type -P -- "$word") || { echo "$word $loc: not on this machine, and not in deps.sh's check set"; continue; }
		where[$word]=$(realpath -- "$path")
	done <<< "$words"
	[ ${#where[@]} -gt 0 ] || return 0
	# Which package owns each path: dpkg knows /bin/x or /usr/bin/x, as
	# installed before the /usr merge; ask for both.
	declare -A owner
	while IFS=': ' read -r pkg path; do
		owner[${path##*/}]=${pkg%%:*}
	done < <(for p in "${where[@]}"; do echo "$p"; case $p in /usr/*) echo "${p#/usr}";; *) echo "/usr$p";; esac; done |
		xargs dpkg -S 2>/dev/null | sed 's/, [^:]*//')
	declare -A base
	local pkgs=() word
	for word in "${!where[@]}"; do
		pkg=${owner[${where[$word]##*/}]:-}
		base[$word]=$pkg
		[ -z "$pkg" ] || pkgs+=("$pkg")
	done
	declare -A rank
	if [ ${#pkgs[@]} -gt 0 ]; then
		while IFS=$'\t' read -r pkg essential priority; do
			rank[$pkg]="${essential:-no} $priority"
		done < <(dpkg-query -W -f '${Package}\t${Essential}\t${Priority}\n' "${pkgs[@]}" 2>/dev/null)
	fi
	for word in "${!where[@]}"; do
		pkg=${base[$word]}
		if [ -z "$pkg" ]; then
			echo "$word ${at[$word]}: ${where[$word]} is in no Debian package, and not in deps.sh's check set"
			continue
		fi
		case ${rank[$pkg]:-} in
		yes\ *|*\ required) ;;
		*) echo "$word ${at[$word]}: package $pkg (${rank[$pkg]:-unknown}) is neither Essential nor required, and not in deps.sh's check set" ;;
		esac
	done
}

@test "every command the tests run is Essential, required, or in deps.sh's check set" {
	cd "$ROOT"
	mapfile -t files < <(test_scripts)
	[ "${#files[@]}" -gt 10 ]
	run --separate-stderr outside_check_set "${files[@]}"
	[ "$status" -eq 0 ]
	[ -z "$output" ] || { echo "$output"; return 1; }
}

@test "the scan finds a command outside the check set: one of no package, python3 (and gzip is Essential)" {
	# a command no package holds stands for one the check set lacks; it is
	# written in at a placeholder, so that this file never calls it
	outside=no-such-tool
	cat > "$BATS_TEST_TMPDIR/t.bash" <<-'EOF'
	distinct_ids() {
		OUTSIDE --csv -d "$2" -c "$3" "$1" |
			jq -r '.[] | tostring' | sort -u | wc -l
	}
	x() {
		run --separate-stderr bash -c "sla-parse x | python3 -c 'import csv'"
		[ "$(printf '%s' "$output" | gzip -dc)" = 1 ]
		awk 'NR == 1 { print }' x | timeout 5 sed -n 1p > /dev/null 2>&1
		distinct_ids x , y
	}
	EOF
	sed -i "s/OUTSIDE/$outside/" "$BATS_TEST_TMPDIR/t.bash"
	run outside_check_set "$BATS_TEST_TMPDIR/t.bash"
	[ "$status" -eq 0 ]
	echo "$output"
	[[ "$output" == *"$outside $BATS_TEST_TMPDIR/t.bash:2: "* ]]
	[[ "$output" == *"python3 $BATS_TEST_TMPDIR/t.bash:6: "* ]]
	[ "$(wc -l <<< "$output")" -eq 2 ]
}

@test "the scan names commands in pipes, substitutions, bash -c and after prefixes" {
	cat > "$BATS_TEST_TMPDIR/t.sh" <<-'EOF'
	# not: a comment
	x=$(one | two) && three; four || five
	run --separate-stderr timeout 30 six -x "not $(seven)" 'not eight'
	bash -c "nine; ten | eleven"
	echo "not ; twelve" > not13 2>&1
	[ "$(wc -l < f)" -eq 1 ] && ! fourteen
	case $x in fifteen) sixteen ;; esac
	f() { seventeen; }
	awk '
		not_awk_code
	' | eighteen
	EOF
	run command_words "$BATS_TEST_TMPDIR/t.sh"
	got=$(awk '{ print $1 }' <<< "$output" | tr '\n' ' ')
	[ "$got" = "one two three four five run timeout six seven bash nine ten eleven echo [ wc fourteen sixteen seventeen awk eighteen " ]
}

@test "deps.sh --list: check and bench each hold build; the check set names what the tests run" {
	run sh "$ROOT/tests/deps.sh" --list build
	[ "$status" -eq 0 ]
	build=$output
	[[ "$build" == *"header csv.h libcsv-dev"* && "$build" == *"file /usr/share/zoneinfo/Asia/Shanghai tzdata"* ]]
	[[ "$build" == *"pkg xlsxwriter libxlsxwriter-dev"* ]]
	[[ "$build" != *bats* && "$build" != *valgrind* && "$build" != *mandoc* && "$build" != *clang* ]]
	run sh "$ROOT/tests/deps.sh" --list check
	[ "$status" -eq 0 ]
	[ "$(head -n "$(wc -l <<< "$build")" <<< "$output")" = "$build" ]
	for c in bats mandoc clang valgrind jq xmllint zsh fish mlr /usr/bin/python3 parallel; do
		grep -q "^cmd $c " <<< "$output" || { echo "check set: no $c"; return 1; }
	done
	[[ "$output" == *"fuzzer clang libclang-rt-14-dev"* && "$output" == *"pkg cmocka libcmocka-dev"* ]]
	# sla-report's read-back tests: Miller and openpyxl, never pandas (heavy)
	[[ "$output" == *"python openpyxl python3-openpyxl"* && "$output" != *pandas* ]]
	run sh "$ROOT/tests/deps.sh" --list bench
	[ "$(head -n "$(wc -l <<< "$build")" <<< "$output")" = "$build" ]
	[[ "$output" == *"cmd mlr miller"* && "$output" == *"cmd parallel parallel"* && "$output" != *bats* ]]
	run sh "$ROOT/tests/deps.sh" --list
	[ "$output" = "$(sh "$ROOT/tests/deps.sh" --list check)" ]
	run --separate-stderr sh "$ROOT/tests/deps.sh" nonsense
	[ "$status" -eq 2 ]
	[[ "$stderr" == "usage: sh tests/deps.sh"* ]]
}

@test "deps.sh names what is missing, and the apt-get line, and exits 2 (not root)" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\necho 1000\n' > "$BATS_TEST_TMPDIR/bin/id"
	chmod +x "$BATS_TEST_TMPDIR/bin/id"
	PATH="$BATS_TEST_TMPDIR/bin:$PATH" CC=no-such-cc run --separate-stderr sh "$ROOT/tests/deps.sh" build
	[ "$status" -eq 2 ]
	[ "$stderr" = "sla-tools: missing for build: gcc libcsv-dev
sla-tools: run as root: sudo apt-get install gcc libcsv-dev" ]
}

@test "make: demo, all and install probe the build set; check, test and fuzz the check set; bench the bench set" {
	probes() { make -n -C "$ROOT" "$@" 2>/dev/null | grep -o 'sh tests/deps.sh [a-z]*' | sort -u | tr '\n' ' '; }
	[ "$(probes -B demo)" = "sh tests/deps.sh build " ]
	[ "$(probes -B all)" = "sh tests/deps.sh build " ]
	[ "$(probes -B install)" = "sh tests/deps.sh build " ]
	[ "$(probes -B test)" = "sh tests/deps.sh build sh tests/deps.sh check " ]
	[ "$(probes -B fuzz)" = "sh tests/deps.sh check " ]
	grep -q '^check: deps-check$' "$ROOT/Makefile"	# make -n check would run its sub-makes
	[ "$(probes -B bench)" = "sh tests/deps.sh bench sh tests/deps.sh build " ]
}
