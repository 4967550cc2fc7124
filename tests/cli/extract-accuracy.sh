#!/bin/bash
# extract-accuracy.sh DIR: score sla-extract on the letters of DIR against
# the table of DIR/README.md, and print recall and precision.
#
# The README's table has one row a commitment a careful reader finds:
#   | file | tier / scope | metric | target | clause (short) |
# file names DIR/FILE.txt; a scope of "all ..." is the requests the letter
# gives no tier (sla-extract's tier "*"), any other scope is a label of the
# letter, which the rules draft (--rules) must give the extracted row's
# tier; metric is a built-in, or "a or b" (one metric stopped by either,
# or the two); target is the policy's duration, with ", when resolve > 8h"
# for a condition and "on working days" for a calendar that is not 24x7;
# "—" for a letter that commits to nothing.
#
# An expected row is found when a row of `sla-extract --format tsv` for its
# file agrees on all of these.  Precision counts the extracted rows of
# built-in metrics (custom ones -- replies, answers, reports -- are the
# comments the README does not score) that match an expected row.
# Prints a line a file, each miss and false find, then
#   recall F/E = R%
#   precision T/X = P%
# Commands are found on PATH (sla-extract, sla-classify).
set -u
dir=${1:?usage: extract-accuracy.sh DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The seconds of a duration "1h30m", "2d" (awk); a working-day one ("3wd")
# stays as it is.  Fields are read with IFS=tab, which runs empty fields
# together, so an empty one is written "-".
SECS='function secs(d,   s, n, u) {
	if (d == "" || d == "-") return "-"
	if (d ~ /wd/) return d
	s = 0
	while (match(d, /^[0-9]+[dhms]/)) {
		n = substr(d, 1, RLENGTH - 1) + 0; u = substr(d, RLENGTH, 1)
		s += n * (u == "d" ? 86400 : u == "h" ? 3600 : u == "m" ? 60 : 1)
		d = substr(d, RLENGTH + 1)
	}
	return s
}
function cond(c) { if (c == "" || c == "-") return "-"; sub(/ > /, " ", c); split(c, p, " "); return p[1] ">" secs(p[2]) }
function dash(v) { return v == "" ? "-" : v }'

# The expected rows: file, scope, metric, target, condition, calendar.
awk -F'|' "$SECS"'
NF >= 6 {
	for (i = 2; i <= 5; i++) { gsub(/^ +| +$/, "", $i) }
	if ($2 == "file" || $2 ~ /^-+$/ || $2 == "") next
	target = $5; c = ""; cal = ""
	if (match(target, /, when [a-z]+ > [0-9a-z]+/)) {
		c = substr(target, RSTART + 7, RLENGTH - 7); target = substr(target, 1, RSTART - 1)
	}
	if (target ~ /on working days/) cal = "business"
	sub(/ .*/, "", target)
	printf "%s\t%s\t%s\t%s\t%s\t%s\n", $2, $3, $4, (target == "—" ? "-" : secs(target)), cond(c), dash(cal)
}' "$dir/README.md" > "$tmp/expected"

found=0 expected=0 good=0 extracted=0
for file in $(cut -f1 "$tmp/expected" | uniq); do
	letter="$dir/$file.txt"
	if [ ! -f "$letter" ]; then
		echo "$file: no letter $letter" >&2
		continue
	fi
	sla-extract --format tsv --rules "$tmp/rules" "$letter" > "$tmp/tsv" 2>/dev/null
	# the extracted rows: tier, metric, target, calendar, condition, line
	awk -F'\t' "$SECS"'
	NR > 1 { printf "%s\t%s\t%s\t%s\t%s\t%s\n", $1, $2, secs($3), $4, cond($5), $6 }' \
		"$tmp/tsv" > "$tmp/got"
	: > "$tmp/used"
	fe=0 ff=0
	while IFS=$'\t' read -r f scope metric target cond cal; do
		[ "$f" = "$file" ] || continue
		[ "$metric" = "—" ] && continue
		fe=$((fe + 1))
		tier='*'
		case $scope in
		all*) ;;
		*)	tier=$(printf 'id\tpriority\n1\t%s\n' "$scope" |
				sla-classify --rules "$tmp/rules" 2>/dev/null | tail -1 | cut -f3)
			[ -n "$tier" ] || tier='?' ;;
		esac
		want=$target wc=$cond
		hit=$(awk -F'\t' -v t="$tier" -v m="$metric" -v s="$want" -v c="$wc" -v cal="$cal" '
			function fits(got,   n, i, part, parts) {
				if (got == m) return 1
				n = split(m, parts, / or /)
				if (n < 2) return 0
				for (i = 1; i <= n; i++) if (got == parts[i]) return 1
				for (i = 1; i <= n; i++) if (("_or_" got "_or_") !~ ("_or_" parts[i] "_or_")) return 0
				return 1
			}
			$1 == t && fits($2) && $3 == s && $5 == c && (cal == "-" || $4 != "24x7") { print NR; exit }
		' "$tmp/got")
		if [ -n "$hit" ]; then
			ff=$((ff + 1))
		else
			echo "  missed: $file: $scope $metric $target when $cond on $cal"
		fi
		printf '%s\t%s\t%s\t%s\t%s\n' "$tier" "$metric" "$want" "$wc" "$cal" >> "$tmp/used"
	done < "$tmp/expected"
	# precision: each extracted row of built-in metrics against the expected
	fx=0 fg=0
	while IFS=$'\t' read -r tier metric s cal cond line; do
		builtin=1
		for p in ${metric//_or_/ }; do
			case $p in response|onsite|workaround|resolve|replacement) ;; *) builtin=0 ;; esac
		done
		[ $builtin = 1 ] || continue
		fx=$((fx + 1))
		ok=$(awk -F'\t' -v t="$tier" -v m="$metric" -v s="$s" -v c="$cond" -v cal="$cal" '
			function fits(want,   n, i, parts) {
				if (want == m) return 1
				n = split(want, parts, / or /)
				if (n < 2) return 0
				for (i = 1; i <= n; i++) if (m == parts[i]) return 1
				for (i = 1; i <= n; i++) if (("_or_" m "_or_") !~ ("_or_" parts[i] "_or_")) return 0
				return 1
			}
			$1 == t && fits($2) && $3 == s && $4 == c && ($5 == "-" || cal != "24x7") { print 1; exit }
		' "$tmp/used")
		if [ -n "$ok" ]; then
			fg=$((fg + 1))
		else
			echo "  false: $file: line $line: $tier $metric $s when $cond on $cal"
		fi
	done < "$tmp/got"
	printf '%-20s expected %2d  found %2d  extracted %2d  right %2d\n' "$file" "$fe" "$ff" "$fx" "$fg"
	expected=$((expected + fe)) found=$((found + ff)) extracted=$((extracted + fx)) good=$((good + fg))
done
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b ? 100 * a / b : 100 }'; }
echo "recall $found/$expected = $(pct $found $expected)%"
echo "precision $good/$extracted = $(pct $good $extracted)%"
