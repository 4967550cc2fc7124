/* gen-export: a deterministic generator of realistic helpdesk exports for
 * the benchmarks (tests/bench/run.sh).
 *
 *   gen-export --rows N [--seed S] > export.csv
 *
 * The shape is tests/data/sample.csv's: a Chinese helpdesk's Excel export
 * (CRLF, quoted commas, quotes and newlines in cells, Chinese and English
 * text), tickets opened over 2025-2026, open tickets, breaches and pauses.
 * The same N and S always give the same bytes. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_time.h"

typedef struct { uint64_t s; } rng;

static uint64_t
next(rng *r)
{
	/* splitmix64: tiny, fast, and the same everywhere */
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t
below(rng *r, int64_t n)
{
	return (int64_t)(next(r) % (uint64_t)n);
}

#define PICK(r, a) ((a)[below((r), (int64_t)(sizeof(a) / sizeof *(a)))])

static const char *const customers[] = { "市广播电视台", "华东电网调度中心", "\"\"\"Blue Sky\"\" Logistics\"",
	"省人民医院", "星河数据科技有限公司", "\"Northwind Traders, Ltd.\"" };
static const char *const channels[] = { "电话", "邮件", "web", "微信", "phone", "email" };
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
/* Already quoted where the text needs it. */
static const char *const descriptions[4][4] = {
	{ "播出系统崩溃，主备链路均中断", "\"Production outage: playout server crashed, all channels black\"",
	  "\"Storage array down, \"\"all\"\" VMs offline\"", "\"机房UPS故障导致系统瘫痪\n现场已断电\"" },
	{ "编辑系统卡顿，影响大多数用户正常使用", "Major degradation: login fails for most users",
	  "邮件系统延迟严重，影响多数用户收发", "\"VPN gateway drops connections for most remote staff, intermittently\"" },
	{ "打印机卡纸，无法打印", "\"Printer jam on 3rd floor, paper tray 2\"",
	  "\"Download of the nightly report is slow, but works\"", "\"Password reset for user \"\"lin.wei\"\", account locked\"" },
	{ "建议：增加报表导出为Excel的功能", "Feature request: dark mode in the operator console",
	  "咨询：如何配置备份策略？", "\"Suggestion: add 中文 labels to the dashboard, please\"" },
};

static void
put_time(int64_t t)
{
	if (t < 0)
		return;
	int64_t y;
	unsigned m, d;
	int64_t days = t / SLA_DAY, sod = t % SLA_DAY;
	sla_civil_from_days(days, &y, &m, &d);
	printf("%04lld-%02u-%02u %02d:%02d:%02d", (long long)y, m, d, (int)(sod / 3600),
	       (int)(sod / 60 % 60), (int)(sod % 60));
}

/* Targets of the default policy's tiers (seconds), and how far a breach
 * goes past them. */
static const int64_t response_max[4] = { 3600, 7200, 8 * 3600, 48 * 3600 };
static const int64_t resolve_max[4] = { 24 * 3600, 24 * 3600, 48 * 3600, 96 * 3600 };

static void
row(rng *r, long i, int64_t first_day, int64_t span_days, int64_t end)
{
	int tier = (int)below(r, 100);
	tier = tier < 15 ? 0 : tier < 40 ? 1 : tier < 80 ? 2 : 3;
	bool breach = below(r, 100) < 12;
	int64_t opened = (first_day + below(r, span_days)) * SLA_DAY + below(r, SLA_DAY);
	int64_t respond = opened + 300 + below(r, response_max[tier] * (breach ? 2 : 1) * 7 / 10);
	int64_t onsite = tier == 0 ? opened + 3600 + below(r, (breach ? 6 : 3) * 3600) : -1;
	int64_t resolved = opened + 1800 + below(r, resolve_max[tier] * (breach ? 2 : 1) * 8 / 10);
	int64_t replaced = tier == 0 && resolved - opened > 8 * 3600 ? opened + 6 * 3600 + below(r, 20 * 3600) : -1;
	int64_t closed = resolved + 3600 + below(r, 48 * 3600);
	int64_t pause_start = -1, pause_end = -1;

	if (below(r, 100) < 15) {
		pause_start = opened + (resolved - opened) / 3;
		pause_end = pause_start + 3600 + below(r, 20 * 3600);
		if (pause_end >= resolved)
			pause_start = -1;
	}
	if (resolved > end || below(r, 100) < 3)
		resolved = replaced = closed = -1; /* still open */
	if (respond > end)
		respond = -1;

	printf("INC-%08ld,", i);
	put_time(opened);
	printf(",%s,%s,%s,%s,", PICK(r, priorities[tier]), PICK(r, categories[tier]), PICK(r, channels),
	       PICK(r, customers));
	put_time(respond);
	putchar(',');
	put_time(onsite);
	putchar(',');
	put_time(resolved);
	putchar(',');
	put_time(replaced);
	putchar(',');
	put_time(closed);
	putchar(',');
	if (pause_start >= 0) {
		put_time(pause_start);
		putchar('/');
		put_time(pause_end);
	}
	printf(",%s,%s\r\n", below(r, 1000) < 5 ? "不可抗力：台风导致区域停电" : "", PICK(r, descriptions[tier]));
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rows", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long rows = 100000;
	rng r = { 1 };
	int c;

	while ((c = getopt_long(argc, argv, "n:s:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'n': rows = strtol(optarg, NULL, 10); break;
		case 's': r.s = strtoull(optarg, NULL, 10); break;
		case 'h':
			puts("usage: gen-export [--rows N] [--seed S] > export.csv");
			return 0;
		default: return 2;
		}
	}
	if (rows < 0) {
		fputs("gen-export: --rows must not be negative\n", stderr);
		return 2;
	}
	/* Local times in 2025-2026; "now" is the end of 2026. */
	int64_t first = sla_days_from_civil(2025, 1, 1), last = sla_days_from_civil(2026, 12, 31);
	int64_t end = (last + 1) * SLA_DAY;
	static char buf[1 << 20];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	fputs("工单编号,报修时间,优先级,category,channel,客户名称,首次响应时间,到场时间,解决时间,"
	      "replaced,关闭时间,paused,exclude,故障描述\r\n", stdout);
	for (long i = 1; i <= rows; i++)
		row(&r, i, first, last - first - 30, end);
	return fflush(stdout) == 0 ? 0 : 2;
}
