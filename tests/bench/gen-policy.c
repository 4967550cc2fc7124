/* gen-policy: deterministic policy files of one shape and size, for the
 * policy-loading benchmark (tests/bench/policy.sh).
 *
 *   gen-policy SHAPE N > policy.ini
 *
 *   continuation  one calendar whose holidays are N continuation lines of
 *                 a date each ("  2000-01-02", 13 bytes a line)
 *   long-line     the same N dates on one line, which the INI reader is
 *                 handed in pieces of its buffer's size
 *   credits       N credit bands, one a continuation line
 *   tiers         N tiers on the built-in 24x7, each with two targets
 *   calendars     N calendars and N tiers, each tier on a calendar of its own
 *   metrics       N metrics, and one tier with a target on each
 *
 * Each shape makes one step of the loader work N times: joining a value's
 * lines, numbering sections and keys, looking names up.  Every file loads
 * (sla-check --print-policy exits 0). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_time.h"

static void
date(int64_t day)
{
	int64_t y;
	unsigned m, d;
	sla_civil_from_days(day, &y, &m, &d);
	printf("%04lld-%02u-%02u", (long long)y, m, d);
}

static void
holidays(long n, const char *sep)
{
	int64_t day0 = sla_days_from_civil(2000, 1, 1);
	printf("\n[calendar c]\nmon-fri = 09:00-18:00\nholidays = ");
	date(day0);
	for (long i = 1; i <= n; i++) {
		fputs(sep, stdout);
		date(day0 + i);
	}
	printf("\n\n[tier t]\ncalendar = c\nresolve = 8h\n");
}

/* Compliance levels 100 % - i ppm, each below the one before. */
static void
credits(long n)
{
	printf("fee = 1000\n\n[tier t]\ncalendar = 24x7\nresolve = 8h\n\n[penalties]\ncredits =");
	for (long i = 1; i <= n; i++) {
		long ppm = 1000000 - i;
		printf("%s%ld.%04ld%%:%ld%%\n", i == 1 ? " " : "  ", ppm / 10000, ppm % 10000,
		       1 + i % 50);
	}
}

int
main(int argc, char **argv)
{
	char *end;
	long n = argc == 3 ? strtol(argv[2], &end, 10) : -1;
	if (argc != 3 || *end || n < 1 || n > 100000000) {
		fputs("usage: gen-policy continuation|long-line|credits|tiers|calendars|metrics N\n",
		      stderr);
		return 2;
	}
	const char *shape = argv[1];
	printf("; gen-policy %s %ld\n[policy]\ntimezone = UTC\n", shape, n);
	if (strcmp(shape, "continuation") == 0)
		holidays(n, "\n  ");
	else if (strcmp(shape, "long-line") == 0)
		holidays(n, ", ");
	else if (strcmp(shape, "credits") == 0)
		credits(n);
	else if (strcmp(shape, "tiers") == 0)
		for (long i = 1; i <= n; i++)
			printf("\n[tier t%ld]\ncalendar = 24x7\nresponse = 1h\nresolve = 8h\n", i);
	else if (strcmp(shape, "calendars") == 0)
		for (long i = 1; i <= n; i++)
			printf("\n[calendar c%ld]\nmon-fri = 09:00-18:00\n\n[tier t%ld]\n"
			       "calendar = c%ld\nresolve = 8h\n", i, i, i);
	else if (strcmp(shape, "metrics") == 0) {
		for (long i = 1; i <= n; i++)
			printf("\n[metric m%ld]\nstart = opened\nstop = resolved\n", i);
		printf("\n[tier t]\ncalendar = 24x7\n");
		for (long i = 1; i <= n; i++)
			printf("m%ld = 1h\n", i);
	} else {
		fprintf(stderr, "gen-policy: unknown shape \"%s\"\n", shape);
		return 2;
	}
	return fflush(stdout) == 0 ? 0 : 2;
}
