# results.awk: the tables and ratios of results.md from run.sh's table
# (size, name, input bytes, items, wall s, peak KiB, CPU s; tab-separated).
function rate(s, n, what) { return what[s, n] / wall[s, n] }
function mbs(s, n) { return rate(s, n, bytes) / 1e6 }
function verdict(ok) { return ok ? "met" : "**not met**" }
function have(s, n) { return (s SUBSEP n) in wall }

{
	if (!($1 in seen)) {
		seen[$1] = 1
		order[++nsizes] = $1
	}
	if (!(($1 SUBSEP $2) in wall))
		names[$1, ++nnames[$1]] = $2
	bytes[$1, $2] = $3; items[$1, $2] = $4
	wall[$1, $2] = $5; kib[$1, $2] = $6; cpu[$1, $2] = $7
}

function table(s,    i, n, unit) {
	printf "## %d tickets (%.0f MB of CSV)\n\n", s, bytes[s, "cat"] / 1e6
	print "| command | input MB | wall s | CPU s | MB/s | items/s | peak RSS |"
	print "|---|---:|---:|---:|---:|---:|---:|"
	for (i = 1; i <= nnames[s]; i++) {
		n = names[s, i]
		unit = n == "sla-report" ? " rows" : " tickets"
		printf "| %s | %.0f | %.3f | %.3f | %.1f | %.0f%s | %.1f MiB |\n", n,
		       bytes[s, n] / 1e6, wall[s, n], cpu[s, n], mbs(s, n), rate(s, n, items),
		       unit, kib[s, n] / 1024
	}
	print ""
}

function ratios(s,    r, rc, stage, i, worst, worstname) {
	printf "### Targets, %d tickets\n\n", s
	print "| target | measured | |"
	print "|---|---|---|"
	r = mbs(s, "sla-parse") / mbs(s, "csv-count")
	rc = cpu[s, "csv-count"] / cpu[s, "sla-parse"]
	printf "| sla-parse ≥ 50 %% of the bare libcsv loop's MB/s | %.0f %% (CPU time: %.0f %%) | %s |\n",
	       100 * r, 100 * rc, verdict(r >= 0.5)
	split("sla-classify sla-check", stage, " ")
	for (i = 1; i <= 2; i++) {
		r = rate(s, stage[i], items)
		printf "| %s ≥ 1 M tickets/s | %.2f M/s (CPU time: %.2f M/s) | %s |\n", stage[i],
		       r / 1e6, items[s, stage[i]] / cpu[s, stage[i]] / 1e6, verdict(r >= 1e6)
	}
	r = rate(s, "sla-report", items)
	printf "| sla-report ≥ 2 M rows/s | %.2f M/s (CPU time: %.2f M/s) | %s |\n", r / 1e6,
	       items[s, "sla-report"] / cpu[s, "sla-report"] / 1e6, verdict(r >= 2e6)
	if (have(s, "miller")) {
		r = mbs(s, "pipeline") / mbs(s, "miller")
		printf "| pipeline ≥ 4 × Miller's MB/s | %.2f × (CPU time: %.2f ×) | %s |\n", r,
		       cpu[s, "miller"] / cpu[s, "pipeline"], verdict(r >= 4)
	}
	if (have(s, "pandas")) {
		r = mbs(s, "pipeline") / mbs(s, "pandas")
		printf "| pipeline ≥ 3.5 × pandas' MB/s | %.2f × (CPU time: %.2f ×) | %s |\n", r,
		       cpu[s, "pandas"] / cpu[s, "pipeline"], verdict(r >= 3.5)
	}
	if (have(s, "miller")) {
		split("sla-parse sla-classify sla-check sla-report", stage, " ")
		worst = 0
		for (i = 1; i <= 4; i++)
			if (kib[s, stage[i]] > worst) {
				worst = kib[s, stage[i]]
				worstname = stage[i]
			}
		r = worst / kib[s, "miller"]
		printf "| every stage's peak RSS ≤ 1 %% of Miller's | %.2f %% (%s, %.1f of %.0f MiB) | %s |\n",
		       100 * r, worstname, worst / 1024, kib[s, "miller"] / 1024, verdict(r <= 0.01)
	}
	print ""
}

# Peak RSS of the streaming stages, from 1 M tickets to the largest size.
function growth(    big, i, stage, r) {
	big = order[nsizes]
	if (big <= 1000000 || !have(1000000, "sla-parse"))
		return
	printf "### Peak RSS from 1000000 to %d tickets\n\n", big
	print "| stage | 1 M | largest | change | |"
	print "|---|---:|---:|---:|---|"
	split("sla-parse sla-classify sla-check", stage, " ")
	for (i = 1; i <= 3; i++) {
		r = kib[big, stage[i]] / kib[1000000, stage[i]] - 1
		printf "| %s | %.1f MiB | %.1f MiB | %+.1f %% | %s |\n", stage[i],
		       kib[1000000, stage[i]] / 1024, kib[big, stage[i]] / 1024, 100 * r,
		       verdict(r <= 0.10 && r >= -0.10)
	}
	print ""
}

END {
	for (i = 1; i <= nsizes; i++) {
		table(order[i])
		ratios(order[i])
	}
	growth()
}
