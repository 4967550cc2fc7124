/* Unit tests: partial reports (sla_report_partial.h) -- what a partial
 * holds and how it ends, and that parts of a stream merge into the report
 * of the whole, in any order and as trees, and that bad partials are
 * refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_digest.h"
#include "sla_report.h"
#include "sla_report_partial.h"

static const char *const header_names[] = {
	"id", "line", "customer", "tier", "metric", "start", "target_s", "elapsed_s",
	"overrun_s", "status", "penalty", "reason", "satisfaction",
};
enum { NCOLS = sizeof header_names / sizeof header_names[0] };

static const sla_credit_band bands[] = { { 990000, 50000 }, { 950000, 100000 } };
static const sla_report_terms contract = {
	.contract = "test", .currency = "CNY", .minor_digits = 2, .fee = 2000000,
	.bands = bands, .nbands = 2, .cap = { .set = true, .percent = true, .ppm = 100000 },
	.period = SLA_PERIOD_MONTH, .per_customer = true,
};
static const char *const tiers[] = { "urgent", "normal" };
static const char *const by[] = { "tier", "metric" };

typedef struct fixture {
	sla_tz *tz;
	sla_diag d;
	sla_report_config cfg;
	char dir[64];
} fixture;

static void
start(fixture *x)
{
	char err[128];
	memset(x, 0, sizeof *x);
	x->tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	assert_non_null(x->tz);
	x->d = sla_diag_init("test");
	x->d.out = fopen("/dev/null", "w");
	x->cfg = (sla_report_config){ .period = SLA_PERIOD_MONTH, .by = by, .nby = 2, .top = 2,
				      .tz = x->tz, .tier_order = tiers, .ntiers = 2,
				      .terms = &contract, .partial = true,
				      .policy_digest = 0x0123456789abcdefu };
	strcpy(x->dir, "/tmp/test_partial.XXXXXX");
	assert_non_null(mkdtemp(x->dir));
}

static void
stop(fixture *x)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", x->dir);
	assert_int_equal(system(cmd), 0);
	sla_tz_free(x->tz);
	fclose(x->d.out);
}

static sla_report *
new_report(fixture *x)
{
	sla_field header[NCOLS];
	for (size_t i = 0; i < NCOLS; i++)
		header[i] = (sla_field){ header_names[i], strlen(header_names[i]) };
	sla_report *r = sla_report_new(&x->cfg, header, NCOLS, &x->d);
	assert_non_null(r);
	return r;
}

/* Add ROW, tab-separated text in header_names' order. */
static void
add(sla_report *r, const char *row)
{
	char line[512];
	sla_field f[NCOLS];
	size_t n = 0;
	char *p = line;

	strcpy(line, row);
	for (;;) {
		char *tab = strchr(p, '\t');
		f[n++] = (sla_field){ p, tab ? (size_t)(tab - p) : strlen(p) };
		if (!tab)
			break;
		p = tab + 1;
	}
	assert_int_equal(n, NCOLS);
	assert_int_equal(sla_report_add(r, f, 0, NULL, "test.tsv", 2), 0);
}

/* Write R with WRITE (a partial, or a finished report as JSON) into the
 * file NAME of the fixture's directory; returns its path (static). */
static const char *
write_to(fixture *x, sla_report *r, const char *name, bool partial)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", x->dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	sla_writer *w = sla_writer_new(fileno(f));
	if (partial)
		assert_int_equal(sla_report_write_partial(r, w), 0);
	else
		sla_report_write(r, SLA_FORMAT_JSON, SLA_LANG_EN, w);
	assert_int_equal(sla_writer_close(w), 0);
	fclose(f);
	return path;
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*n = fread(buf, 1, (1 << 20) - 1, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

static void
a_partial_holds_its_settings_parts_and_counts(void **state)
{
	(void)state;
	fixture x;
	start(&x);
	sla_report *r = new_report(&x);
	add(r, "A\t7\tc1\turgent\tresponse\t2026-10-05T10:00:00+08:00\t3600\t600\t0\tmet\t\t\t5");
	add(r, "A\t7\tc1\turgent\tresolve\t2026-10-05T10:00:00+08:00\t3600\t5400\t1800\tbreached\t600.00\t\t5");
	add(r, "B\t9\tc2\turgent\tresponse\t2026-10-06T10:00:00+08:00\t3600\t600\t0\tmet\t\t\t");
	add(r, "C\t12\tc2\tnormal\tresponse\t2026-10-06T10:00:00+08:00\t3600\t60\t0\texcluded\t\tforce majeure\t");
	size_t n;
	char *text = slurp(write_to(&x, r, "p", true), &n);

	/* The header's digest is that of the settings block after it. */
	char *settings = strchr(text, '\n') + 1, *body = strstr(text, "\npart\t") + 1;
	char hex[17], want[64];
	sla_digest_hex(sla_digest(SLA_DIGEST_INIT, settings, (size_t)(body - settings)), hex);
	snprintf(want, sizeof want, "sla-report-partial\t%d\t%s\n", SLA_PARTIAL_VERSION, hex);
	assert_memory_equal(text, want, strlen(want));
	assert_non_null(strstr(settings, "set\tby\ttier\tmetric\nset\ttop\t2\nset\ttimezone\tAsia/Shanghai\n"
					 "set\tpolicy\t0123456789abcdef\nset\ttiers\turgent\tnormal\n"));
	assert_non_null(strstr(settings, "set\tcredits\t990000:50000\t950000:100000\nset\tcap\tpercent\t100000\n"
					 "set\tstatements\tmonth\tcustomer\n"));
	/* Its one part: lines 7 to 12, 4 rows. */
	assert_memory_equal(body, "part\t0\t\t7\t12\t4\t", 15);
	assert_non_null(strstr(body, "\nrows\t4\n"));
	/* The urgent response group, first seen at row 1, and its histogram. */
	assert_non_null(strstr(body, "\ngroup\t0\t1\t20727\turgent\tresponse\t"));
	assert_non_null(strstr(body, "\nhist\t600:2\n"));
	/* A breach, with its penalty in minor units; the statement's sum. */
	assert_non_null(strstr(body, "\nbreach\t0\t2\tA\tc1\turgent\tresolve\t\t7\tbreached\t20727\t3600\t5400\t1800\t60000\n"));
	assert_non_null(strstr(body, "\nstatement\t0\t1\t20727\tc1\t1\t1\t60000\n"));
	/* The end counts the lines before it and digests their bytes. */
	char *end = strstr(text, "\nend\t") + 1;
	size_t lines = 0;
	for (char *p = text; p < end; p++)
		lines += *p == '\n';
	snprintf(want, sizeof want, "end\t%zu\t%s\n", lines,
		 sla_digest_hex(sla_digest(SLA_DIGEST_INIT, text, (size_t)(end - text)), hex));
	assert_string_equal(end, want);
	free(text);
	sla_report_free(r);
	stop(&x);
}

/* No rows, no part: nothing tells it from another empty part. */
static void
a_partial_of_no_rows_has_no_part(void **state)
{
	(void)state;
	fixture x;
	start(&x);
	sla_report *r = new_report(&x);
	size_t n;
	char *text = slurp(write_to(&x, r, "p", true), &n);
	assert_null(strstr(text, "\npart\t"));
	assert_non_null(strstr(text, "\nrows\t0\nsatisfaction\t1\ntotal\t"));
	free(text);
	sla_report_free(r);
	stop(&x);
}


/* ---- merges ------------------------------------------------------------- */

/* A small deterministic generator (xorshift64*), so failures repeat. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1Du;
}

/* Ticket T's rows (one to three metrics) into R: customers, tiers,
 * statuses, penalties, satisfaction and ties of overrun drawn from S. */
static void
add_ticket(sla_report *r, unsigned t, uint64_t *s)
{
	static const char *const metrics[] = { "response", "resolve", "onsite" };
	static const char *const statuses[] = { "met", "met", "breached", "overdue", "pending",
						"excluded", "invalid", "met" };
	unsigned nrows = 1 + (unsigned)(next_random(s) % 3);
	unsigned day = 1 + (unsigned)(next_random(s) % 60);
	char row[512];
	for (unsigned m = 0; m < nrows; m++) {
		const char *status = statuses[next_random(s) % 8];
		bool broken = status[0] == 'b' || status[0] == 'o';
		unsigned overrun = broken ? 60 * (unsigned)(next_random(s) % 4) : 0;
		snprintf(row, sizeof row, "T%u\t%u\tc%u\t%s\t%s\t2026-%02u-%02uT10:00:00+08:00\t3600\t%u\t%u\t%s\t%s\t%s\t%s",
			 t, 2 + 3 * t, (unsigned)(next_random(s) % 3), next_random(s) % 4 ? "urgent" : "odd",
			 metrics[m], day > 30 ? 11 : 10, (day - 1) % 30 + 1,
			 (unsigned)(next_random(s) % 50) * 60 + overrun, overrun, status,
			 broken && next_random(s) % 2 ? "150.00" : "",
			 status[0] == 'e' ? "force majeure" : status[0] == 'i' ? "stop before start" : "",
			 next_random(s) % 3 ? "" : next_random(s) % 2 ? "4" : "90%");
		add(r, row);
	}
}

/* The report of the partials PATHS[0..N) merged: a partial again (FINISH
 * false) or JSON, into the file NAME; NULL when the merge refused. */
static const char *
merge_to(fixture *x, char **paths, size_t n, const char *name, bool finish)
{
	sla_merge *m = sla_merge_new(&(sla_merge_check){ 0 }, &x->d);
	sla_reader *in = sla_reader_open_lines(paths, n, &x->d);
	assert_non_null(in);
	const char *out = NULL;
	sla_report *r = sla_merge_read(m, in) == 0 ? sla_merge_report(m, finish) : NULL;
	if (r)
		out = write_to(x, r, name, !finish);
	sla_reader_free(in);
	sla_merge_free(m);
	return out;
}

static void
shuffle(char **v, size_t n, uint64_t *s)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(next_random(s) % i);
		char *t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* A stream of tickets cut at random tickets into 1 to 8 parts, each
 * counted apart, merged in random orders and as a random tree: the JSON
 * of the whole, byte for byte. */
static void
parts_merge_into_the_whole(void **state)
{
	(void)state;
	uint64_t seed = 11;
	for (int round = 0; round < 12; round++) {
		fixture x;
		start(&x);
		unsigned ntickets = 1 + (unsigned)(next_random(&seed) % 60);
		size_t nparts = 1 + (size_t)(next_random(&seed) % 8);
		uint64_t data = next_random(&seed), s = data;
		sla_report *whole = new_report(&x);
		for (unsigned t = 0; t < ntickets; t++)
			add_ticket(whole, t, &s);
		assert_int_equal(sla_report_finish(whole), 0);
		size_t wn, gn;
		char *want = slurp(write_to(&x, whole, "whole.json", false), &wn);
		sla_report_free(whole);

		/* the same tickets again, part by part */
		char *paths[8];
		unsigned cut[9] = { 0 };
		for (size_t p = 1; p < nparts; p++)
			cut[p] = (unsigned)(next_random(&seed) % (ntickets + 1));
		cut[nparts] = ntickets;
		for (size_t i = 1; i < nparts; i++) /* sorted */
			for (size_t j = i; j > 0 && cut[j] < cut[j - 1]; j--) {
				unsigned t = cut[j];
				cut[j] = cut[j - 1];
				cut[j - 1] = t;
			}
		s = data;
		for (size_t p = 0; p < nparts; p++) {
			char name[16];
			sla_report *r = new_report(&x);
			for (unsigned t = cut[p]; t < cut[p + 1]; t++)
				add_ticket(r, t, &s);
			snprintf(name, sizeof name, "p%zu", p);
			paths[p] = strdup(write_to(&x, r, name, true));
			sla_report_free(r);
		}
		shuffle(paths, nparts, &seed);
		char *got = slurp(merge_to(&x, paths, nparts, "merged.json", true), &gn);
		assert_string_equal(got, want);
		free(got);
		/* a tree: the first half merged into a partial, then with the rest */
		size_t half = nparts / 2;
		char *tree[9];
		tree[0] = strdup(merge_to(&x, paths, half ? half : 1, "half", false));
		for (size_t p = half ? half : 1; p < nparts; p++)
			tree[1 + p - (half ? half : 1)] = paths[p];
		size_t ntree = 1 + nparts - (half ? half : 1);
		shuffle(tree, ntree, &seed);
		got = slurp(merge_to(&x, tree, ntree, "tree.json", true), &gn);
		assert_string_equal(got, want);
		free(got);
		for (size_t i = 0; i < ntree; i++)
			if (strstr(tree[i], "/half"))
				free(tree[i]);
		for (size_t p = 0; p < nparts; p++)
			free(paths[p]);
		free(want);
		stop(&x);
	}
}

/* Write TEXT into the file NAME of the fixture's directory; its path. */
static char *
file_of(fixture *x, const char *name, const char *text, size_t n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", x->dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
	return strdup(path);
}

static void
bad_partials_are_refused(void **state)
{
	(void)state;
	fixture x;
	start(&x);
	sla_report *r = new_report(&x);
	uint64_t s = 5;
	for (unsigned t = 0; t < 10; t++)
		add_ticket(r, t, &s);
	size_t n;
	char *good = slurp(write_to(&x, r, "good", true), &n);
	sla_report_free(r);
	char *ok = file_of(&x, "ok", good, n);
	char *paths[2] = { ok, NULL };
	assert_non_null(merge_to(&x, paths, 1, "out", true));

	/* cut short: at a line's end, and inside a line */
	char *cut = file_of(&x, "cut", good, (size_t)(strstr(good, "\nend\t") + 1 - good));
	paths[0] = cut;
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(cut);
	cut = file_of(&x, "cut", good, n / 2);
	paths[0] = cut;
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(cut);
	/* a count changed: the end line's digest tells */
	char *changed = strdup(good);
	char *rows = strstr(changed, "\nrows\t") + 6;
	*rows = *rows == '9' ? '8' : '9';
	paths[0] = file_of(&x, "changed", changed, n);
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(paths[0]);
	/* a setting changed: the header's digest tells */
	strcpy(changed, good);
	*(strstr(changed, "set\ttop\t2") + 8) = '3';
	paths[0] = file_of(&x, "changed", changed, n);
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(paths[0]);
	/* another version, and no partial at all */
	strcpy(changed, good);
	changed[strlen("sla-report-partial\t")] = '3';
	paths[0] = file_of(&x, "v3", changed, n);
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(paths[0]);
	paths[0] = file_of(&x, "junk", "id\tline\n", 8);
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(paths[0]);
	/* the same part twice, in one stream or in two files */
	paths[0] = paths[1] = ok;
	assert_null(merge_to(&x, paths, 2, "out", true));
	char *twice = malloc(2 * n);
	memcpy(twice, good, n);
	memcpy(twice + n, good, n);
	paths[0] = file_of(&x, "twice", twice, 2 * n);
	assert_null(merge_to(&x, paths, 1, "out", true));
	free(paths[0]);
	free(twice);
	free(changed);
	free(ok);
	free(good);
	stop(&x);
}

/* TEXT, the settings and body of a partial, with a true header and end
 * line: what is refused then is refused for what the text says. */
static char *
wrapped(fixture *x, const char *name, const char *text)
{
	size_t n = strlen(text), set = 0;
	while (strncmp(text + set, "set\t", 4) == 0)
		set = (size_t)(strchr(text + set, '\n') + 1 - text);
	char hex[17], *buf = malloc(n + 128);
	assert_non_null(buf);
	int h = sprintf(buf, "sla-report-partial\t%d\t%s\n%s", SLA_PARTIAL_VERSION,
			sla_digest_hex(sla_digest(SLA_DIGEST_INIT, text, set), hex), text);
	size_t lines = 0;
	for (int i = 0; i < h; i++)
		lines += buf[i] == '\n';
	h += sprintf(buf + h, "end\t%zu\t%s\n", lines,
		     sla_digest_hex(sla_digest(SLA_DIGEST_INIT, buf, (size_t)h), hex));
	char *path = file_of(x, name, buf, (size_t)h);
	free(buf);
	return path;
}

/* Settings that a fuzzer found to hurt: none at all, a zone twice (the
 * first was lost), terms of payment without a currency (a null name). */
static void
broken_settings_are_refused(void **state)
{
	(void)state;
	static const char *const bodies[] = {
		"rows\t0\n",
		"set\tperiod\tmonth\nset\tby\nset\ttop\t5\nset\ttimezone\tUTC\nset\ttimezone\tUTC\n"
		"set\tpolicy\t0123456789abcdef\nset\ttiers\nrows\t0\n",
		"set\tperiod\tmonth\nset\tby\nset\ttop\t5\nset\ttimezone\tUTC\n"
		"set\tpolicy\t0123456789abcdef\nset\ttiers\nset\tcontract\nset\tminor\t2\nrows\t0\n",
		/* the metrics' order: never empty, never before the tiers */
		"set\tperiod\tmonth\nset\tby\nset\ttop\t5\nset\ttimezone\tUTC\n"
		"set\tpolicy\t0123456789abcdef\nset\ttiers\nset\tmetrics\nrows\t0\n",
		"set\tperiod\tmonth\nset\tby\nset\ttop\t5\nset\ttimezone\tUTC\n"
		"set\tpolicy\t0123456789abcdef\nset\tmetrics\tresponse\nset\ttiers\nrows\t0\n",
	};
	fixture x;
	start(&x);
	/* the same settings whole are taken */
	char *ok = wrapped(&x, "ok", "set\tperiod\tmonth\nset\tby\nset\ttop\t5\nset\ttimezone\tUTC\n"
			   "set\tpolicy\t0123456789abcdef\nset\ttiers\nrows\t0\n");
	char *paths[1] = { ok };
	assert_non_null(merge_to(&x, paths, 1, "out", true));
	free(ok);
	/* with the policy's metrics, and without them (an earlier sla-report's) */
	ok = wrapped(&x, "ok", "set\tperiod\tmonth\nset\tby\nset\ttop\t5\nset\ttimezone\tUTC\n"
		     "set\tpolicy\t0123456789abcdef\nset\ttiers\nset\tmetrics\tresponse\tresolve\nrows\t0\n");
	paths[0] = ok;
	assert_non_null(merge_to(&x, paths, 1, "out", true));
	free(ok);
	for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
		paths[0] = wrapped(&x, "bad", bodies[i]);
		assert_null(merge_to(&x, paths, 1, "out", true));
		free(paths[0]);
	}
	stop(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_partial_holds_its_settings_parts_and_counts),
		cmocka_unit_test(a_partial_of_no_rows_has_no_part),
		cmocka_unit_test(parts_merge_into_the_whole),
		cmocka_unit_test(bad_partials_are_refused),
		cmocka_unit_test(broken_settings_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
