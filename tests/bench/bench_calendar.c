/* bench_calendar: business() and due() queries per second on one core.
 *
 *   bench_calendar [--queries N] [--seed S]
 *
 * Two calendars: the 5x8 of the default policy (Asia/Shanghai, 09:00-12:00
 * and 13:00-18:00, the bundled cn holidays and make-up days) and a night
 * shift in Europe/Berlin (22:00-06:00 every day, so that every DST change
 * falls in business hours).  Starts are spread over 2025-2026, spans and
 * targets up to two years.  The queries are drawn before the clock starts;
 * the first query of each calendar builds its tables, and is timed too.
 * The clock is the process's CPU time: the figure is per core, and other
 * work on a busy machine does not take from it. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sla_calendar.h"

static uint64_t
next(uint64_t *s)
{
	/* splitmix64, as gen-export */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { TWO_YEARS = 2 * 365 * SLA_DAY };

struct query {
	int64_t start, end, target;
};

static int
bench(const char *what, sla_calendar *c, const struct query *q, long n)
{
	int64_t sum = 0;
	double t0 = seconds();
	for (long i = 0; i < n; i++)
		sum += sla_business(c, q[i].start, q[i].end);
	double t1 = seconds();
	for (long i = 0; i < n; i++)
		sum += sla_due(c, q[i].start, q[i].target);
	double t2 = seconds();
	if (sum == 0)
		return -1; /* nothing was counted: the calendar is broken */
	printf("calendar %-28s business %10.0f queries/s   due %10.0f queries/s\n", what,
	       (double)n / (t1 - t0), (double)n / (t2 - t1));
	return 0;
}

static sla_calendar *
calendar(const char *zone, const char *hours, const char *dates, sla_tz **tz)
{
	char err[200];
	if (!(*tz = sla_tz_load(zone, err, sizeof err))) {
		fprintf(stderr, "bench_calendar: %s\n", err);
		return NULL;
	}
	sla_calendar *c = sla_calendar_new(zone, *tz);
	if (!c || sla_calendar_parse_hours(c, dates ? "mon-fri" : "mon-sun", hours, err, sizeof err) < 0 ||
	    (dates && (sla_calendar_load_dates(c, SLA_DAY_HOLIDAY, dates, err, sizeof err) < 0 ||
		       sla_calendar_load_dates(c, SLA_DAY_WORKDAY, dates, err, sizeof err) < 0))) {
		fprintf(stderr, "bench_calendar: %s\n", c ? err : "out of memory");
		sla_calendar_free(c);
		return NULL;
	}
	return c;
}

int
main(int argc, char **argv)
{
	long n = 2000000;
	uint64_t seed = 1;
	static const struct option longopts[] = {
		{ "queries", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	for (int opt; (opt = getopt_long(argc, argv, "n:s:", longopts, NULL)) != -1;) {
		if (opt == 'n')
			n = strtol(optarg, NULL, 10);
		else if (opt == 's')
			seed = strtoull(optarg, NULL, 10);
		else
			return 2;
	}
	if (n < 1)
		return 2;
	struct query *q = malloc((size_t)n * sizeof *q);
	if (!q)
		return 2;
	int64_t from = sla_days_from_civil(2025, 1, 1) * SLA_DAY;
	for (long i = 0; i < n; i++) {
		q[i].start = from + (int64_t)(next(&seed) % TWO_YEARS);
		q[i].end = q[i].start + (int64_t)(next(&seed) % TWO_YEARS);
		q[i].target = (int64_t)(next(&seed) % (2 * 250 * 8 * 3600));
	}
	sla_tz *tz5x8 = NULL, *tznight = NULL;
	sla_calendar *office = calendar("Asia/Shanghai", "09:00-12:00, 13:00-18:00", "cn", &tz5x8);
	sla_calendar *night = calendar("Europe/Berlin", "22:00-06:00", NULL, &tznight);
	int rc = office && night &&
		 bench("5x8 Asia/Shanghai cn", office, q, n) == 0 &&
		 bench("22:00-06:00 Europe/Berlin", night, q, n) == 0 ? 0 : 2;
	sla_calendar_free(office);
	sla_calendar_free(night);
	sla_tz_free(tz5x8);
	sla_tz_free(tznight);
	free(q);
	return rc;
}
