# results.awk: the tables and targets of results.md from run.sh's table
# (size, name, input bytes, items, wall s, peak KiB, CPU s; tab-separated).
# awk -F '\t' -v cores=N: N the machine's cores (the pipeline's bound).
#
# Per size: the commands; each stage beside the physical limits of the
# machine on its input; the targets of the benchmark issue, each by wall
# and by CPU time, judged by the measure the issue names (both where it
# names none); the streaming stages' peak RSS; the other baselines as
# information.  Then the RSS from 1 M to the largest size, and the
# scale-out run.  A figure whose clock read zero (a tiny input) is "-".
function have(s, n) { return (s SUBSEP n) in wall }
function verdict(ok) { return ok ? "met" : "**not met**" }
# a over b, or -1 (unknown) when either is not above zero
function ratio(a, b) { return a > 0 && b > 0 ? a / b : -1 }
function cell(v, fmt) { return v < 0 ? "-" : sprintf(fmt, v) }
function mib(s, n) { return kib[s, n] / 1024 }
# MB/s of command N's input: by wall time, by CPU time, and the two as
# "wall / CPU"
function mbw(s, n) { return ratio(bytes[s, n] / 1e6, wall[s, n]) }
function mbc(s, n) { return ratio(bytes[s, n] / 1e6, cpu[s, n]) }
function both(s, n) { return cell(mbw(s, n), "%.0f") " / " cell(mbc(s, n), "%.0f") }
# the limits are measured on the stages' inputs, not shown among the tools
function limit(n) { return n ~ /^(cat|wc -l|csv-count|tsv-split) / || n == "pipe" }

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
	printf "## %d tickets (%.0f MB of CSV)\n\n", s, bytes[s, "sla-parse"] / 1e6
	print "| command | input MB | wall s | CPU s | MB/s | items/s | peak RSS |"
	print "|---|---:|---:|---:|---:|---:|---:|"
	for (i = 1; i <= nnames[s]; i++) {
		n = names[s, i]
		if (limit(n))
			continue
		unit = n ~ /^sla-report/ ? " rows" : " tickets"
		printf "| %s | %.0f | %.3f | %.3f | %s | %s%s | %.1f MiB |\n", n,
		       bytes[s, n] / 1e6, wall[s, n], cpu[s, n], cell(mbw(s, n), "%.1f"),
		       cell(ratio(items[s, n], wall[s, n]), "%.0f"), unit, mib(s, n)
	}
	print ""
}

# Each stage's MB/s beside those of the limits on the same input, and the
# pipeline beside the bound its stages and the cores set.
function limits(s,    i, st, input, fl, sum, slow, slowest, bound, pipe) {
	split("sla-parse sla-classify sla-check sla-report", st, " ")
	split("export.csv tickets.tsv classified.tsv check.tsv", input, " ")
	split("csv-count tsv-split tsv-split tsv-split", fl, " ")
	printf "### The limits of this machine, %d tickets\n\n", s
	print "MB/s of each stage's input, by wall time / by CPU time.  The field split is"
	print "the bare libcsv loop on the CSV, the memchr TSV split on a stream; the pipe"
	print "carries as many bytes as the pipeline's three streams (its CPU time is both"
	print "ends'); stage ÷ split is the stage's speed over the split's."
	print ""
	print "| stage | its input | MB | the stage | cat | wc -l | field split | stage ÷ split | pipe |"
	print "|---|---|---:|---:|---:|---:|---:|---:|---:|"
	for (i = 1; i <= 4; i++) {
		if (!have(s, st[i]) || !have(s, fl[i] " " input[i]))
			continue
		printf "| %s | %s | %.0f | %s | %s | %s | %s %s | %s / %s | %s |\n", st[i], input[i],
		       bytes[s, st[i]] / 1e6, both(s, st[i]), both(s, "cat " input[i]),
		       both(s, "wc -l " input[i]), fl[i], both(s, fl[i] " " input[i]),
		       cell(100 * ratio(wall[s, fl[i] " " input[i]], wall[s, st[i]]), "%.0f %%"),
		       cell(100 * ratio(cpu[s, fl[i] " " input[i]], cpu[s, st[i]]), "%.0f %%"),
		       have(s, "pipe") ? both(s, "pipe") : "-"
		sum += cpu[s, st[i]]
		if (cpu[s, st[i]] > slowest) {
			slow = st[i]
			slowest = cpu[s, st[i]]
		}
	}
	print ""
	if (!have(s, "pipeline") || slow == "" || !have(s, "pipe"))
		return
	# In the pipeline every stage runs at once, so its wall time is at least
	# the slowest stage's CPU time, and at least its own CPU time over the
	# cores.  The stages alone read files and write to /dev/null; in the
	# pipeline they copy their streams through pipes too, which the
	# pipeline's CPU time counts.  The dd pipe of as many bytes says what
	# that copying costs at most (both ends, and reading /dev/zero).
	pipe = cpu[s, "pipe"]
	bound = cpu[s, "pipeline"] / cores
	if (slowest > bound)
		bound = slowest
	printf "The pipeline: %.3f s wall, %.3f s CPU.  Its four stages alone: %.3f s CPU,\n",
	       wall[s, "pipeline"], cpu[s, "pipeline"], sum
	printf "the slowest %s's %.3f s; the pipes add %.3f s CPU (a dd pipe of as many\n",
	       slow, slowest, cpu[s, "pipeline"] - sum
	printf "bytes takes %.3f s).  On %d cores its wall time cannot fall below its CPU\n",
	       pipe, cores
	printf "time over the cores or its slowest stage's, about %.3f s", bound
	if (have(s, "miller") && bound > 0)
		printf " (there it would be %.2f × Miller's speed)", wall[s, "miller"] / bound
	if (bound > 0)
		printf ";\nit took %.2f × that", wall[s, "pipeline"] / bound
	print ".\n"
}

# One target: its measure by wall time and by CPU time (V and C, -1
# unknown) against THRESHOLD, judged by the clock the issue names, BY.
function target(what, by, w, c, fmt, threshold) {
	printf "| %s | %s | %s | %s | %s | %s |\n", what, by, cell(w, fmt),
	       by == "CPU time" || w < 0 ? "" : verdict(w >= threshold), cell(c, fmt),
	       by == "wall time" || c < 0 ? "" : verdict(c >= threshold)
}

function targets(s,    stage, i, w, c) {
	printf "### Targets, %d tickets\n\n", s
	print "| target | judged by | by wall time | | by CPU time | |"
	print "|---|---|---:|---|---:|---|"
	target("sla-parse ≥ 70 % of the bare libcsv loop's MB/s", "CPU time",
	       100 * ratio(wall[s, "csv-count export.csv"], wall[s, "sla-parse"]),
	       100 * ratio(cpu[s, "csv-count export.csv"], cpu[s, "sla-parse"]), "%.1f %%", 70)
	target("sla-classify ≥ 4 M tickets/s (default rules)", "wall and CPU",
	       ratio(items[s, "sla-classify"], wall[s, "sla-classify"]) / 1e6,
	       ratio(items[s, "sla-classify"], cpu[s, "sla-classify"]) / 1e6, "%.2f M/s", 4)
	target("sla-check ≥ 3 M tickets/s (default policy)", "wall and CPU",
	       ratio(items[s, "sla-check"], wall[s, "sla-check"]) / 1e6,
	       ratio(items[s, "sla-check"], cpu[s, "sla-check"]) / 1e6, "%.2f M/s", 3)
	target("sla-report ≥ 10 M check rows/s (text)", "wall and CPU",
	       ratio(items[s, "sla-report"], wall[s, "sla-report"]) / 1e6,
	       ratio(items[s, "sla-report"], cpu[s, "sla-report"]) / 1e6, "%.2f M/s", 10)
	if (have(s, "miller"))
		target("pipeline ≥ 3 × Miller's speed (Miller's time ÷ the pipeline's)", "wall time",
		       ratio(wall[s, "miller"], wall[s, "pipeline"]),
		       ratio(cpu[s, "miller"], cpu[s, "pipeline"]), "%.2f ×", 3)
	print ""
	print "| peak RSS | | ≤ 4 MiB |"
	print "|---|---:|---|"
	split("sla-parse sla-classify sla-check", stage, " ")
	for (i = 1; i <= 3; i++)
		printf "| %s | %.1f MiB | %s |\n", stage[i], mib(s, stage[i]),
		       verdict(kib[s, stage[i]] <= 4096)
	printf "| sla-report | %.1f MiB | no target: it holds the report's groups |\n",
	       mib(s, "sla-report")
	if (have(s, "pipeline"))
		printf "| pipeline | %.1f MiB | no target: its largest process |\n", mib(s, "pipeline")
	print ""
}

# The other baselines, beside the pipeline: information, no target.
function baselines(s,    b, i, any) {
	split("miller python-csv pandas", b, " ")
	for (i = 1; i <= 3; i++)
		any = any || have(s, b[i])
	if (!any)
		return
	printf "### The baselines beside the pipeline, %d tickets (information)\n\n", s
	print "| baseline | wall s | CPU s | peak RSS | its wall ÷ the pipeline's | its CPU ÷ the pipeline's |"
	print "|---|---:|---:|---:|---:|---:|"
	for (i = 1; i <= 3; i++)
		if (have(s, b[i]))
			printf "| %s | %.3f | %.3f | %.1f MiB | %s | %s |\n", b[i], wall[s, b[i]],
			       cpu[s, b[i]], mib(s, b[i]),
			       cell(ratio(wall[s, b[i]], wall[s, "pipeline"]), "%.2f ×"),
			       cell(ratio(cpu[s, b[i]], cpu[s, "pipeline"]), "%.2f ×")
	print ""
}

# Peak RSS of the streaming stages from 1 M tickets to the largest size:
# flat when it changes by no more than 10 % (a page or two of noise).
function growth(    big, i, stage, r) {
	big = order[nsizes]
	if (big <= 1000000 || !have(1000000, "sla-parse")) {
		print "### Peak RSS from 1 M to 10 M tickets\n"
		print "Not measured: this run did not have 1 M and a larger size"
		print "(`make bench BENCH_SIZES=\"1000000 10000000\"`).\n"
		return
	}
	printf "### Peak RSS from 1000000 to %d tickets\n\n", big
	printf "| stage | 1000000 | %d | change | flat (within ±10 %%) | ≤ 4 MiB at both |\n", big
	print "|---|---:|---:|---:|---|---|"
	split("sla-parse sla-classify sla-check", stage, " ")
	for (i = 1; i <= 3; i++) {
		r = kib[big, stage[i]] / kib[1000000, stage[i]] - 1
		printf "| %s | %.1f MiB | %.1f MiB | %+.1f %% | %s | %s |\n", stage[i],
		       mib(1000000, stage[i]), mib(big, stage[i]), 100 * r,
		       verdict(r <= 0.10 && r >= -0.10),
		       verdict(kib[1000000, stage[i]] <= 4096 && kib[big, stage[i]] <= 4096)
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
		       mib(s, "sla-report"),
		       have(s, "sla-report-before") ? sprintf("%.1f MiB", mib(s, "sla-report-before")) : "-"
	}
	print ""
}

END {
	if (cores < 1)
		cores = 1
	for (i = 1; i <= nsizes; i++) {
		table(order[i])
		limits(order[i])
		targets(order[i])
		baselines(order[i])
	}
	growth()
	scale_out()
}
