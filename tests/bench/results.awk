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
		unit = n ~ /^sla-report/ ? " rows" : " tickets"
		printf "| %s | %.0f | %.3f | %.3f | %.1f | %.0f%s | %.1f MiB |\n", n,
		       bytes[s, n] / 1e6, wall[s, n], cpu[s, n], mbs(s, n), rate(s, n, items),
		       unit, kib[s, n] / 1024
	}
	print ""
}

# One target: its measure by wall time and by CPU time, each with its
# verdict (on a loaded machine the two differ).
function target(what, wall_v, cpu_v, unit, ok_wall, ok_cpu) {
	printf "| %s | %s | %s | %s | %s |\n", what, sprintf(unit, wall_v), verdict(ok_wall),
	       sprintf(unit, cpu_v), verdict(ok_cpu)
}

function ratios(s,    w, c, stage, i, worst, worstname, r) {
	printf "### Targets, %d tickets\n\n", s
	print "| target | by wall time | | by CPU time | |"
	print "|---|---:|---|---:|---|"
	w = mbs(s, "sla-parse") / mbs(s, "csv-count")
	c = cpu[s, "csv-count"] / cpu[s, "sla-parse"]
	target("sla-parse ≥ 50 % of the bare libcsv loop's MB/s", 100 * w, 100 * c, "%.1f %%",
	       w >= 0.5, c >= 0.5)
	split("sla-classify sla-check", stage, " ")
	for (i = 1; i <= 2; i++) {
		w = rate(s, stage[i], items)
		c = items[s, stage[i]] / cpu[s, stage[i]]
		target(stage[i] " ≥ 1 M tickets/s", w / 1e6, c / 1e6, "%.2f M/s", w >= 1e6, c >= 1e6)
	}
	w = rate(s, "sla-report", items)
	c = items[s, "sla-report"] / cpu[s, "sla-report"]
	target("sla-report ≥ 2 M rows/s", w / 1e6, c / 1e6, "%.2f M/s", w >= 2e6, c >= 2e6)
	if (have(s, "miller")) {
		w = mbs(s, "pipeline") / mbs(s, "miller")
		c = cpu[s, "miller"] / cpu[s, "pipeline"]
		target("pipeline ≥ 4 × Miller's MB/s", w, c, "%.2f ×", w >= 4, c >= 4)
	}
	if (have(s, "pandas")) {
		w = mbs(s, "pipeline") / mbs(s, "pandas")
		c = cpu[s, "pandas"] / cpu[s, "pipeline"]
		target("pipeline ≥ 3.5 × pandas' MB/s", w, c, "%.2f ×", w >= 3.5, c >= 3.5)
	}
	print ""
	if (!have(s, "miller"))
		return
	split("sla-parse sla-classify sla-check sla-report", stage, " ")
	print "| peak RSS ≤ 1 % of Miller's (" sprintf("%.0f", kib[s, "miller"] / 1024) " MiB) | | |"
	print "|---|---:|---|"
	for (i = 1; i <= 4; i++) {
		r = kib[s, stage[i]] / kib[s, "miller"]
		printf "| %s | %.2f %% (%.1f MiB) | %s |\n", stage[i], 100 * r,
		       kib[s, stage[i]] / 1024, verdict(r <= 0.01)
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

# The scale-out run: the stages after sla-parse in one process each, and
# on N jobs of GNU parallel with their partial reports merged.
function scale_out(    i, s, n, many) {
	print "### The report on N jobs (GNU parallel), and its memory\n"
	print "| tickets | check rows | stages 2-4 wall s | CPU s | on N jobs wall s | CPU s | wall speed-up | sla-report peak RSS | before |"
	print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	for (i = 1; i <= nsizes; i++) {
		s = order[i]
		many = ""
		for (n = 1; n <= nnames[s]; n++)
			if (names[s, n] ~ /^stages 2-4, /)
				many = names[s, n]
		printf "| %d | %d | %s | %s | %s | %s | %s | %.1f MiB | %s |\n", s, items[s, "sla-report"],
		       have(s, "stages 2-4") ? sprintf("%.3f", wall[s, "stages 2-4"]) : "-",
		       have(s, "stages 2-4") ? sprintf("%.3f", cpu[s, "stages 2-4"]) : "-",
		       many != "" ? sprintf("%.3f (%s)", wall[s, many], substr(many, 13)) : "-",
		       many != "" ? sprintf("%.3f", cpu[s, many]) : "-",
		       many != "" ? sprintf("%.2f ×", wall[s, "stages 2-4"] / wall[s, many]) : "-",
		       kib[s, "sla-report"] / 1024,
		       have(s, "sla-report-before") ? sprintf("%.1f MiB", kib[s, "sla-report-before"] / 1024) : "-"
	}
	print ""
}

END {
	for (i = 1; i <= nsizes; i++) {
		table(order[i])
		ratios(order[i])
	}
	growth()
	scale_out()
}
