#!/bin/sh
# make screenshots: the HTML report as people see it, for people to look at
# (not a test: html-render.bats is).  Renders three pages with headless
# Chromium -- the bundled 200-ticket sample under the example contract,
# 50,000 generated tickets, and the sample in Chinese -- each as the page
# (NAME.html), a screenshot of its top (NAME.png), its A4 print (NAME.pdf)
# and, with pdftoppm, every printed page small (NAME-pages/); then says
# how many pages each print has and which hold hardly any text.
#
#   sh tests/screenshots.sh BIN BUILD    (make screenshots passes both)
#
# Out of the tree: everything goes to BUILD/screenshots.  Chinese needs a
# CJK font (Debian: fonts-noto-cjk, which make screenshots installs with
# the check set); without one it is drawn as boxes.
set -eu
bin=$1
build=$2
out=$build/screenshots
here=$(cd "$(dirname "$0")" && pwd)
contract=$(cd "$here/../lib/data/examples" && pwd)/contract.ini
now=2026-11-01T00:00:00+08:00
mkdir -p "$out"

sandbox=
[ "$(id -u)" -ne 0 ] || sandbox=--no-sandbox
browse() {
	HOME=$out chromium --headless $sandbox --disable-gpu --no-first-run \
		--user-data-dir="$out/profile" "$@" 2>/dev/null
}

# check EXPORT NAME: the export through the pipeline into NAME.tsv.
check() {
	"$bin/sla-parse" "$1" 2>/dev/null | "$bin/sla-classify" |
		"$bin/sla-check" --policy "$contract" --now "$now" > "$out/$2.tsv"
}

# page NAME STREAM [OPTION...]: the report, rendered and printed.
page() {
	name=$1 stream=$2
	shift 2
	"$bin/sla-report" --policy "$contract" --by customer -f html "$@" "$out/$stream.tsv" \
		> "$out/$name.html"
	browse --window-size=1000,3000 --screenshot="$out/$name.png" "file://$out/$name.html" >/dev/null
	browse --no-pdf-header-footer --print-to-pdf-no-header --print-to-pdf="$out/$name.pdf" \
		"file://$out/$name.html" >/dev/null
	pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ { print $2 }')
	# pdftotext ends each page with a form feed
	sparse=$(pdftotext "$out/$name.pdf" - |
		awk 'BEGIN { RS = "\f" } NR <= pages && NF <= 20 { printf " %d", NR }' pages="$pages")
	echo "$out/$name.pdf: $pages pages${sparse:+; hardly any text on page$sparse}"
	if command -v pdftoppm >/dev/null 2>&1 && [ "$pages" -le 40 ]; then
		rm -rf "$out/$name-pages"
		mkdir -p "$out/$name-pages"
		pdftoppm -r 40 -png "$out/$name.pdf" "$out/$name-pages/page"
	fi
}

if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=zh | grep -q .; then
	echo "screenshots: no CJK font: Chinese shows as boxes (apt-get install fonts-noto-cjk)" >&2
fi
check "$here/data/sample.csv" sample
"$build/bench/gen-export" --rows 50000 --seed 1 > "$out/export-50k.csv"
check "$out/export-50k.csv" 50k
page sample-200 sample
page sample-200-zh sample --lang zh
page generated-50k 50k
echo "screenshots: $out/*.png; the printed pages in $out/*-pages/"
