/* bench_classify: tickets per second of sla-classify's engine with the
 * embedded default rules.
 *
 *   bench_classify [--rows N] [--seed S] [--no-priority]
 *
 * Writes N tickets of the canonical stream to a temporary file (the
 * priorities, categories and descriptions of tests/bench/gen-export.c: a
 * fifth of them without a priority, so that the description rules run;
 * all of them with --no-priority, the worst case), then times the whole path of the tool on it: read, classify, write to
 * /dev/null.  Prints tickets/s and MB/s. */
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "sla_rules.h"

static uint64_t
next(uint64_t *s)
{
	/* splitmix64, as gen-export */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

#define PICK(s, a) ((a)[next(s) % (sizeof(a) / sizeof *(a))])

static const char *const priorities[4][5] = {
	{ "P1", "紧急", "Critical", "", "1 - Critical" },
	{ "P2", "高", "High", "", "2 - High" },
	{ "P3", "中", "Moderate", "", "3 - Moderate" },
	{ "P4", "低", "Low", "", "4 - Low" },
};
static const char *const categories[4][3] = {
	{ "重大故障", "Hardware", "网络" }, { "严重故障", "Software", "网络" },
	{ "一般故障", "Hardware", "Software" }, { "咨询", "需求", "Request" },
};
static const char *const descriptions[4][4] = {
	{ "播出系统崩溃，主备链路均中断", "Production outage: playout server crashed, all channels black",
	  "Storage array down, \"all\" VMs offline", "机房UPS故障导致系统瘫痪\\n现场已断电" },
	{ "编辑系统卡顿，影响大多数用户正常使用", "Major degradation: login fails for most users",
	  "邮件系统延迟严重，影响多数用户收发", "VPN gateway drops connections for most remote staff, intermittently" },
	{ "打印机卡纸，无法打印", "Printer jam on 3rd floor, paper tray 2",
	  "Download of the nightly report is slow, but works", "Password reset for user \"lin.wei\", account locked" },
	{ "建议：增加报表导出为Excel的功能", "Feature request: dark mode in the operator console",
	  "咨询：如何配置备份策略？", "Suggestion: add 中文 labels to the dashboard, please" },
};

static int
write_tickets(FILE *f, long rows, uint64_t seed, bool no_priority)
{
	fputs("id\tline\topened\tpriority\tseverity\ttier\trule\tcategory\tchannel\tcustomer\t"
	      "first_response\tresolved\terror\tdescription\n", f);
	for (long i = 1; i <= rows; i++) {
		unsigned tier = (unsigned)(next(&seed) % 4);
		const char *priority = PICK(&seed, priorities[tier]);
		fprintf(f, "INC-%08ld\t%ld\t2026-03-02T09:30:00+08:00\t%s\t\t\t\t%s\tweb\t省人民医院\t"
			"2026-03-02T10:30:00+08:00\t\t\t%s\n",
			i, i + 1, no_priority ? "" : priority, PICK(&seed, categories[tier]),
			PICK(&seed, descriptions[tier]));
	}
	return fflush(f);
}

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
bench(char *path, long rows, long bytes, const char *what)
{
	sla_diag d = sla_diag_init("bench_classify");
	sla_rules *rs = sla_rules_new(true);
	sla_reader *r = sla_reader_open(&path, 1, &d);
	int null = open("/dev/null", O_WRONLY);
	sla_writer *w = null >= 0 ? sla_writer_new(null) : NULL;
	sla_classify_opts opts = { 0 };
	int rc = -1;

	if (rs && r && w && sla_rules_add_default(rs, &d) == 0) {
		double t0 = seconds();
		rc = sla_classify_stream(r, w, rs, &opts, &d, false);
		double t = seconds() - t0;
		printf("sla-classify (default rules): %ld tickets in %.3f s: %.0f tickets/s, %.1f MB/s%s\n",
		       rows, t, (double)rows / t, (double)bytes / t / 1e6, what);
	}
	sla_writer_close(w);
	if (null >= 0)
		close(null);
	sla_reader_free(r);
	sla_rules_free(rs);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rows", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "no-priority", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	long rows = 1000000;
	uint64_t seed = 1;
	bool no_priority = false;
	int c;

	while ((c = getopt_long(argc, argv, "n:s:P", longopts, NULL)) != -1) {
		switch (c) {
		case 'n': rows = strtol(optarg, NULL, 10); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'P': no_priority = true; break;
		default:
			fputs("usage: bench_classify [--rows N] [--seed S] [--no-priority]\n", stderr);
			return 2;
		}
	}
	char path[] = "/tmp/sla-bench-classify-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f || rows < 1 || write_tickets(f, rows, seed, no_priority) != 0) {
		fputs("bench_classify: cannot write the tickets\n", stderr);
		if (f)
			fclose(f);
		unlink(path);
		return 2;
	}
	long bytes = ftell(f);
	fclose(f);
	int rc = bench(path, rows, bytes, no_priority ? " (no priorities)" : "");
	unlink(path);
	return rc < 0 ? 2 : 0;
}
