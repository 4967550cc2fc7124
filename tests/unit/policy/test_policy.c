/* Unit tests: the policy reader, the embedded default and lint. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_calquery.h"
#include "sla_data.h"
#include "sla_policy.h"

/* Messages go to a memory stream, so that tests can read them. */
typedef struct capture {
	sla_diag d;
	char *text;
	size_t len;
} capture;

static void
capture_open(capture *c)
{
	c->d = sla_diag_init("test");
	c->d.out = open_memstream(&c->text, &c->len);
	assert_non_null(c->d.out);
}

static const char *
capture_text(capture *c)
{
	fflush(c->d.out);
	return c->text;
}

static void
capture_close(capture *c)
{
	fclose(c->d.out);
	free(c->text);
}

/* Write the N bytes of TEXT to a fresh temporary policy file; the caller
 * unlinks PATH. */
static void
temp_policy_n(char *path, const char *text, size_t n)
{
	strcpy(path, "/tmp/sla-policy-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
}

static void
temp_policy(char *path, const char *text)
{
	temp_policy_n(path, text, strlen(text));
}

static const sla_target *
target(sla_policy *p, const char *tier, const char *metric)
{
	const sla_tier *t = sla_policy_tier(p, tier, strlen(tier));
	assert_non_null(t);
	int k = sla_policy_metric_find(p, metric);
	assert_true(k >= 0);
	return &t->targets[k];
}

static void
embedded_default_is_the_data_file(void **state)
{
	(void)state;
	capture c;
	capture_open(&c);
	sla_policy *p = sla_policy_load(NULL, NULL, &c.d);
	assert_non_null(p);
	size_t len;
	const char *text = sla_policy_text(p, &len);
	const struct sla_blob *b = sla_data_find("default-policy.ini");
	assert_non_null(b);
	assert_int_equal(len, b->len);
	assert_memory_equal(text, b->data, len);
	assert_string_equal(sla_policy_file(p), "<default>");
	assert_string_equal(sla_tz_name(sla_policy_tz(p)), "Asia/Shanghai");
	assert_string_equal(sla_policy_currency(p), "CNY");
	assert_int_equal(sla_policy_minor_digits(p), 2);
	assert_int_equal(sla_policy_warn_ppm(p), 750000);
	assert_string_equal(sla_policy_default_tier(p)->name, "normal");
	assert_int_equal(sla_policy_ntiers(p), 4);

	/* DESIGN §8, tier by tier */
	assert_int_equal(target(p, "urgent", "response")->target.secs, 3600);
	assert_int_equal(target(p, "urgent", "onsite")->target.secs, 4 * 3600);
	assert_int_equal(target(p, "urgent", "resolve")->target.secs, 24 * 3600);
	assert_int_equal(target(p, "urgent", "replacement")->target.secs, 24 * 3600);
	assert_true(sla_calendar_is_24x7(target(p, "urgent", "resolve")->calendar));
	assert_int_equal(target(p, "high", "response")->target.secs, 2 * 3600);
	assert_false(target(p, "high", "onsite")->set);
	assert_int_equal(target(p, "normal", "response")->target.secs, 8 * 3600);
	assert_int_equal(target(p, "normal", "resolve")->target.secs, 48 * 3600);
	assert_string_equal(sla_calendar_name(target(p, "normal", "resolve")->calendar), "5x8");
	assert_int_equal(target(p, "low", "response")->target.secs, 48 * 3600);
	assert_false(target(p, "low", "resolve")->set);

	sla_calendar *c58 = sla_policy_calendar(p, "5x8");
	assert_non_null(c58);
	assert_int_equal(sla_calendar_day_length(c58), 8 * 3600);
	assert_int_equal(sla_policy_ncalendars(p), 2);
	assert_ptr_equal(sla_policy_calendar_at(p, 0), sla_policy_calendar(p, "24x7"));

	const sla_metric *repl = sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "replacement"));
	assert_int_equal(repl->when_metric, sla_policy_metric_find(p, "resolve"));
	assert_int_equal(repl->when.secs, 8 * 3600);
	/* until the unit is replaced or the fault repaired (DESIGN §8) */
	assert_int_equal(repl->nstops, 2);
	assert_string_equal(repl->stop_cols[0], "replaced");
	assert_string_equal(repl->stop_cols[1], "resolved");
	assert_true(sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "resolve"))->pausable);
	assert_false(sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "response"))->pausable);
	assert_string_equal(capture_text(&c), "");
	sla_policy_free(p);
	capture_close(&c);
}

static void
full_policy_reads_every_key(void **state)
{
	(void)state;
	capture c;
	capture_open(&c);
	sla_policy *p = sla_policy_load("tests/data/policies/good-full.ini", NULL, &c.d);
	assert_non_null(p);
	assert_string_equal(sla_policy_name(p), "广播系统维保合同");
	assert_int_equal(sla_policy_fee(p), 2000000);
	assert_int_equal(sla_policy_warn_ppm(p), 800000);

	const sla_credit_band *bands;
	assert_int_equal(sla_policy_credit_bands(p, &bands), 3);
	assert_int_equal(bands[0].below_ppm, 990000);
	assert_int_equal(bands[0].credit_ppm, 50000);
	assert_int_equal(bands[2].below_ppm, 900000);
	assert_int_equal(bands[2].credit_ppm, 250000);
	sla_cap cap = sla_policy_cap(p);
	assert_true(cap.set && cap.percent);
	assert_int_equal(cap.ppm, 100000);

	/* the tier's penalty for every metric, penalty.METRIC over it */
	const sla_penalty *pen = &target(p, "urgent", "resolve")->penalty;
	assert_true(pen->set);
	assert_int_equal(pen->fixed, 50000);
	assert_int_equal(pen->rate, 10000);
	assert_int_equal(pen->unit_s, 3600);
	assert_int_equal(pen->max, 200000);
	pen = &target(p, "urgent", "onsite")->penalty;
	assert_int_equal(pen->fixed, 100000);
	assert_int_equal(pen->rate, 0);
	assert_false(pen->has_max);
	assert_false(target(p, "normal", "response")->penalty.set);
	assert_int_equal(target(p, "normal", "resolve")->penalty.rate, 20000);
	assert_int_equal(target(p, "normal", "resolve")->penalty.unit_s, 1800);

	/* calendar.METRIC; a metric defined by the policy; 3wd */
	assert_true(sla_calendar_is_24x7(target(p, "normal", "response")->calendar));
	assert_string_equal(sla_calendar_name(target(p, "normal", "resolve")->calendar), "5x8");
	assert_int_equal(target(p, "normal", "resolve")->target.wd, 3);
	assert_int_equal(target(p, "urgent", "callback")->target.secs, 1800);
	const sla_metric *cb = sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "callback"));
	assert_string_equal(cb->start_col, "resolved");
	assert_int_equal(cb->nstops, 1);
	assert_string_equal(cb->stop_cols[0], "closed");
	assert_int_equal(cb->when_metric, -1);

	/* day = 8h on a calendar of nights; a continued list of holidays */
	sla_calendar *night = sla_policy_calendar(p, "night");
	assert_int_equal(sla_calendar_day_length(night), 8 * 3600);
	enum sla_day_kind kind;
	const char *name;
	sla_calendar_day(night, sla_days_from_civil(2026, 5, 1), &kind, &name);
	assert_int_equal(kind, SLA_DAY_HOLIDAY);
	assert_string_equal(capture_text(&c), "");
	sla_policy_free(p);
	capture_close(&c);
}

static void
tz_override_replaces_the_zone(void **state)
{
	(void)state;
	capture c;
	capture_open(&c);
	sla_policy *p = sla_policy_load(NULL, "Europe/Berlin", &c.d);
	assert_non_null(p);
	assert_string_equal(sla_tz_name(sla_policy_tz(p)), "Europe/Berlin");
	sla_policy_free(p);
	assert_null(sla_policy_load(NULL, "Nowhere/Atlantis", &c.d));
	assert_non_null(strstr(capture_text(&c), "test: timezone: "));
	capture_close(&c);
	/* the caller names its override: sla-check's is --tz */
	capture_open(&c);
	sla_policy_overrides o = { .tz = "Nowhere/Atlantis", .tz_name = "--tz" };
	assert_null(sla_policy_load_from(NULL, &o, &c.d));
	assert_non_null(strstr(capture_text(&c), "test: --tz: "));
	capture_close(&c);
}

/* A policy of the N bytes of TEXT that must fail with MESSAGE (as a substring). */
static void
fails_with_n(const char *text, size_t n, const char *message)
{
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy_n(path, text, n);
	assert_null(sla_policy_load(path, NULL, &c.d));
	const char *out = capture_text(&c);
	if (!strstr(out, message))
		fail_msg("expected \"%s\" in \"%s\"", message, out);
	assert_non_null(strstr(out, path));
	unlink(path);
	capture_close(&c);
}

static void
fails_with(const char *text, const char *message)
{
	fails_with_n(text, strlen(text), message);
}

static void
errors_name_line_and_key(void **state)
{
	(void)state;
	fails_with("[policy]\ntimezone = UTC\n[tier t]\ncalendar = 24x7\nrespons = 1h\n",
		   ":5: respons: unknown metric or key in [tier] \"respons\"; did you mean \"response\"?");
	fails_with("[policy]\ntimezone = UTC\n[tier t]\ncalendar = 24x7\nresponse = 1x\n",
		   ":5: response: ");
	fails_with("[policy]\ntimezone = UTC\n[tier t]\ncalendar = 24x7\npenalty.resolv = 5\n",
		   ":5: penalty.resolv: unknown metric after the dot \"resolv\"; did you mean \"resolve\"?");
	fails_with("[policy]\ntimezone = UTC\n[tier t]\ncalendar = 24x7\ncalendar.resolve = 9x9\n",
		   ":5: calendar.resolve: unknown calendar \"9x9\"");
	fails_with("[policy]\ntimezone = UTC\n[metric x]\nstart = opened\nstop = Closed Time\n",
		   ":5: stop: expected a column name ([a-z0-9_]) \"Closed Time\"");
	fails_with("[policy]\ntimezone = UTC\n[metric x]\nstart = opened\nstop = onsite |\n",
		   ":5: stop: expected a column name ([a-z0-9_]) \"onsite |\"");
	fails_with("[policy]\ntimezone = UTC\n[metric x]\nstart = opened\nstop = a | b | a\n",
		   ":5: stop: column a is named twice \"a | b | a\"");
	fails_with("[policy]\ntimezone = UTC\n[metric x]\nstart = opened\nstop = a|b|c|d|e|f|g|h|i\n",
		   ":5: stop: a stop is the first of at most 8 columns");
	fails_with("[policy]\ntimezone = UTC\n[metric resolve]\npausable = maybe\n",
		   ":4: pausable: expected yes or no \"maybe\"");
	fails_with("[policy]\ntimezone = UTC\n[metric resolve]\nwhen = resolve > 1h\n",
		   ":4: when: a metric's when cannot name the metric itself");
	fails_with("[policy]\ntimezone = UTC\n[metric replacement]\nwhen = resolve > 2wd@close\n",
		   ":4: when: when takes a plain duration");
	fails_with("[policy]\ntimezone = UTC\n[metric replacement]\nwhen = resolve\n",
		   ":4: when: expected METRIC > DURATION, or always \"resolve\"");
	fails_with("[policy]\ntimezone = UTC\n[calendar c]\nholiday = cn\n",
		   ":4: holiday: unknown key in [calendar] (weekdays, holidays, workdays or day) "
		   "\"holiday\"; did you mean \"holidays\"?");
	fails_with("[policy]\ntimezone = UTC\n[calendar c]\nMon-Fry = 09:00-17:00\n",
		   ":4: Mon-Fry: unknown key in [calendar]");
	fails_with("[policy]\ntimezone = UTC\n[calendar c]\nday = 25h\n",
		   ":4: day: day length is a duration above 0s and at most 24h \"25h\"");
	fails_with("[policy]\ntimezone = UTC\n[tier]\ncalendar = 24x7\n", ":3: section [tier] needs a name");
	fails_with("[policy x]\ntimezone = UTC\n", ":1: section [policy x] takes no name");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncap = 10 percent\n",
		   ":4: cap: cannot read amount (at most 2 decimals) \"10 percent\"");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncredits = 99%:5%, 99%:10%\n",
		   ":4: credits: a compliance level appears twice");
	/* blanks alone after the colon: once a negative length (fuzz_policy) */
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncredits = 99%:   , 95%:10%\n",
		   ":4: credits: expected COMPLIANCE%:CREDIT%");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncredits = 99%:5%\ncredits = 98%:5%\n",
		   ":5: credits: key given twice (first at line 4)");
	fails_with("[policy]\ntimezone = UTC\ncurrency = JPY\nfee = 100.5\n",
		   ":4: fee: cannot read amount (at most 0 decimals, not negative) \"100.5\"");
	fails_with("[policy]\ntimezone = UTC\ndigits = 7\n", ":3: digits: digits is 0 to 4 \"7\"");
	fails_with("[policy]\ntimezone = UTC\n[metric calendar]\nstart = a\nstop = b\n",
		   ":4: metric name \"calendar\": use a-z, 0-9 and _, not calendar or penalty");
	static const char nul[] = "[policy]\nname = x\0y\n";
	fails_with_n(nul, sizeof nul - 1, "policy holds a NUL byte");
}

/* "stop = A | B": the first of several columns; the built-in replacement
 * ends at the replacement or the repair, whichever comes first. */
static void
stops_of_several_columns(void **state)
{
	(void)state;
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, "[policy]\ntimezone = UTC\n[metric relief]\nstart = opened\n"
			  "stop = workaround|onsite  |  resolved\n[tier t]\ncalendar = 24x7\n"
			  "replacement = 24h\n");
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	assert_non_null(p);
	const sla_metric *m = sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "relief"));
	assert_int_equal(m->nstops, 3);
	assert_string_equal(m->stop_cols[0], "workaround");
	assert_string_equal(m->stop_cols[1], "onsite");
	assert_string_equal(m->stop_cols[2], "resolved");
	m = sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "replacement"));
	assert_int_equal(m->nstops, 2);
	assert_string_equal(m->stop_cols[0], "replaced");
	assert_string_equal(m->stop_cols[1], "resolved");
	m = sla_policy_metric(p, (size_t)sla_policy_metric_find(p, "resolve"));
	assert_int_equal(m->nstops, 1);
	assert_string_equal(m->stop_cols[0], "resolved");
	assert_string_equal(capture_text(&c), "");
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);
}

/* Every error is reported, not only the first. */
static void
reports_every_error(void **state)
{
	(void)state;
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, "[policy]\ntimezone = UTC\nwarn = 0%\n[tier t]\ncalendar = 24x7\n"
			  "response = 1q\nresolve = 2q\n");
	assert_null(sla_policy_load(path, NULL, &c.d));
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, ":3: warn:"));
	assert_non_null(strstr(out, ":6: response:"));
	assert_non_null(strstr(out, ":7: resolve:"));
	unlink(path);
	capture_close(&c);
}

/* A policy name read back whole, AFTER it on its line: inih takes 198 bytes a line,
 * the reader hands it longer ones in pieces that join back byte for byte. */
static void
name_survives(const char *name, const char *after)
{
	size_t n = strlen(name);
	char *text = malloc(n + 128);
	assert_non_null(text);
	sprintf(text, "[policy]\ntimezone = UTC\nname = %s%s\n[tier t]\ncalendar = 24x7\n", name,
		after);
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, text);
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	if (!p)
		fail_msg("%s", capture_text(&c));
	assert_string_equal(sla_policy_name(p), name);
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);
	free(text);
}

/* NAME of N bytes repeating PATTERN; the caller frees it. */
static char *
repeat(const char *pattern, size_t n)
{
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = pattern[i % strlen(pattern)];
	s[n] = '\0';
	return s;
}

/* Lines of any length: 198 bytes (inih's own), 199, a thousand, 100 KB;
 * blanks, commas and a ";" not after a blank kept as they are, a comment
 * at the end cut off, a UTF-8 character never cut in two. */
static void
lines_of_any_length_are_read(void **state)
{
	(void)state;
	static const char *const patterns[] = {
		"x", "a b ", "a,b, c ,d  ", "x;y", "服务响应时间承诺书", "a\t b, ",
	};
	static const size_t lengths[] = { 191, 192, 1000, 100000 };
	for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++)
		for (size_t k = 0; k < sizeof lengths / sizeof *lengths; k++) {
			char *name = repeat(patterns[i], lengths[k]);
			size_t end = strlen(name);
			while (end && (name[end - 1] == ' ' || name[end - 1] == '\t'))
				name[--end] = '\0';	/* inih drops the blanks at the end */
			name_survives(name, "");
			name_survives(name, " ; a comment, with a ; too");
			free(name);
		}
}

/* Errors keep the file's own line numbers: in a long line, after one. */
static void
long_lines_keep_line_numbers(void **state)
{
	(void)state;
	char *dates = repeat("2026-10-01, ", 12 * 400);
	size_t n = strlen(dates);
	char *text = malloc(n + 256);
	assert_non_null(text);
	dates[n - 2] = '\0';
	sprintf(text, "[policy]\ntimezone = UTC\n[calendar c]\nholidays = %s\n"
		"[tier t]\ncalendar = c\nresponse = 1x\n", dates);
	fails_with(text, ":7: response: ");
	sprintf(text, "[policy]\ntimezone = UTC\n[calendar c]\nholidays = %s, 2026-13-01\n"
		"[tier t]\ncalendar = c\n", dates);
	fails_with(text, ":4: holidays: not a date or range of dates \"2026-13-01\"");
	sprintf(text, "[policy]\ntimezone = UTC\n[calendar c]\nholidays = %s\n"
		"[tier t]\ncalendar = c\nnot a key line\n", dates);
	fails_with(text, ":7: cannot read line");
	free(text);
	free(dates);
}

/* A comment after a continuation line is a comment, as on any line. */
static void
continuation_lines_take_comments(void **state)
{
	(void)state;
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, "[policy]\ntimezone = UTC\n[calendar c]\nmon-fri = 09:00-18:00\n"
			  "holidays = 2026-01-01 ; new year\n  2026-01-02 ; and the day after\n"
			  "[tier t]\ncalendar = c\n");
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	if (!p)
		fail_msg("%s", capture_text(&c));
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);
}

/* What the reader cannot hand inih, and a section name inih would cut, are
 * refused with their line, never cut. */
static void
unreadable_long_lines_are_refused(void **state)
{
	(void)state;
	char *name = repeat("x", 300);
	char *text = malloc(1024);
	assert_non_null(text);
	sprintf(text, "[policy]\ntimezone = UTC\n[calendar %s]\n", name);
	fails_with(text, ":3: a [section] line too long for the INI reader (it takes 198 bytes");
	sprintf(text, "[policy]\ntimezone = UTC\n%s\n", name);
	fails_with(text, ":3: a line this long must be key = value");
	name[60] = '\0';
	sprintf(text, "[policy]\ntimezone = UTC\n[calendar %s]\nmon-fri = 09:00-18:00\n", name);
	fails_with(text, ":3: section name longer than 49 bytes");
	free(text);
	free(name);
}

static void
missing_file_is_an_error(void **state)
{
	(void)state;
	capture c;
	capture_open(&c);
	assert_null(sla_policy_load("/nonexistent/policy.ini", NULL, &c.d));
	assert_non_null(strstr(capture_text(&c), "test: /nonexistent/policy.ini: cannot open policy"));
	capture_close(&c);
}

/* A path that opens but does not read (a directory) is the other message. */
static void
unreadable_file_is_an_error(void **state)
{
	(void)state;
	capture c;
	capture_open(&c);
	assert_null(sla_policy_load("/", NULL, &c.d));
	assert_string_equal(capture_text(&c), "test: /: cannot read policy\n");
	capture_close(&c);
}

/* The bands of "credits = LIST" in a policy that must load. */
static size_t
credit_bands_of(const char *list, const sla_credit_band **bands, sla_policy **p)
{
	char path[64], text[256];
	capture c;
	capture_open(&c);
	snprintf(text, sizeof text, "[policy]\ntimezone = UTC\n[penalties]\ncredits = %s\n", list);
	temp_policy(path, text);
	*p = sla_policy_load(path, NULL, &c.d);
	unlink(path);
	if (!*p)
		fail_msg("credits = %s: %s", list, capture_text(&c));
	capture_close(&c);
	return sla_policy_credit_bands(*p, bands);
}

/* Blanks around a band and a comma at the end are taken; an empty band
 * anywhere else is an error. */
static void
credit_lists_take_blanks_and_a_last_comma(void **state)
{
	(void)state;
	static const char *const lists[] = { "99%:5%,95%:10%,", "  99%:5% ,   95% : 10%  " };
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		const sla_credit_band *bands;
		sla_policy *p;
		assert_int_equal(credit_bands_of(lists[i], &bands, &p), 2);
		assert_int_equal(bands[0].below_ppm, 990000);
		assert_int_equal(bands[0].credit_ppm, 50000);
		assert_int_equal(bands[1].below_ppm, 950000);
		assert_int_equal(bands[1].credit_ppm, 100000);
		sla_policy_free(p);
	}
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncredits = 99%:5%,  ,95%:10%\n",
		   ":4: credits: expected COMPLIANCE%:CREDIT%");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncredits = ,99%:5%\n",
		   ":4: credits: expected COMPLIANCE%:CREDIT%");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\ncredits = 99%:5%,,95%:10%\n",
		   ":4: credits: expected COMPLIANCE%:CREDIT%");
}

/* ---- large policies: read whole and right (their cost is measured by
 * tests/bench/policy.sh, never asserted) ---------------------------------- */

/* A policy text built with printf-like appends; the caller frees it. */
typedef struct built {
	char *s;
	size_t len;
	FILE *f;
} built;

static void
text_open(built *t)
{
	t->f = open_memstream(&t->s, &t->len);
	assert_non_null(t->f);
}

static const char *
text_close(built *t)
{
	fclose(t->f);
	return t->s;
}

/* TEXT loaded, or the test fails with what the loader said. */
static sla_policy *
loads(const char *text)
{
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, text);
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	unlink(path);
	if (!p)
		fail_msg("%s", capture_text(&c));
	capture_close(&c);
	return p;
}

/* 20,000 continuation lines are one value, joined with ", " in order. */
static void
many_continuation_lines_are_one_value(void **state)
{
	(void)state;
	enum { N = 20000 };
	built t, want;
	text_open(&t);
	text_open(&want);
	fputs("[policy]\ntimezone = UTC\nname = n0\n", t.f);
	fputs("n0", want.f);
	for (int i = 1; i <= N; i++) {
		fprintf(t.f, "  n%d\n", i);
		fprintf(want.f, ", n%d", i);
	}
	fputs("[calendar c]\nmon-fri = 09:00-18:00\nholidays = 2000-01-01\n", t.f);
	int64_t day0 = sla_days_from_civil(2000, 1, 1), y;
	unsigned mo, da;
	for (int i = 1; i <= N; i++) {
		sla_civil_from_days(day0 + i, &y, &mo, &da);
		fprintf(t.f, "  %04lld-%02u-%02u\n", (long long)y, mo, da);
	}
	fputs("[tier t]\ncalendar = c\nresolve = 8h\n", t.f);
	sla_policy *p = loads(text_close(&t));
	assert_string_equal(sla_policy_name(p), text_close(&want));
	int64_t first, last;
	assert_true(sla_calendar_date_years(sla_policy_calendar(p, "c"), &first, &last));
	sla_civil_from_days(day0 + N, &y, &mo, &da);
	assert_int_equal(first, 2000);
	assert_int_equal(last, y);
	sla_policy_free(p);
	free(t.s);
	free(want.s);
}

/* 5,000 tiers, 2,000 calendars and 2,000 metrics: each found by its name,
 * with its own target, calendar and line. */
static void
many_sections_are_each_found(void **state)
{
	(void)state;
	enum { TIERS = 5000, CALS = 2000, METRICS = 2000 };
	built t;
	text_open(&t);
	fprintf(t.f, "[policy]\ntimezone = UTC\ndefault_tier = t%d\n", TIERS - 7);
	unsigned long line = 3;
	unsigned long tier_line[TIERS + 1];
	for (int i = 1; i <= CALS; i++, line += 2)
		fprintf(t.f, "[calendar c%d]\nmon-fri = 09:00-18:00\n", i);
	for (int i = 1; i <= METRICS; i++, line += 3)
		fprintf(t.f, "[metric m%d]\nstart = opened\nstop = resolved\n", i);
	for (int i = 1; i <= TIERS; i++, line += 4) {
		fprintf(t.f, "[tier t%d]\ncalendar = c%d\nresponse = %dm\nm%d = %ds\n", i,
			1 + i % CALS, i, 1 + i % METRICS, i);
		tier_line[i] = line + 2;	/* its first key */
	}
	sla_policy *p = loads(text_close(&t));
	assert_int_equal(sla_policy_ntiers(p), TIERS);
	assert_int_equal(sla_policy_ncalendars(p), CALS + 1);
	for (int i = 1; i <= TIERS; i++) {
		char tier[16], cal[16], metric[16];
		snprintf(tier, sizeof tier, "t%d", i);
		snprintf(cal, sizeof cal, "c%d", 1 + i % CALS);
		snprintf(metric, sizeof metric, "m%d", 1 + i % METRICS);
		const sla_tier *tr = sla_policy_tier(p, tier, strlen(tier));
		assert_non_null(tr);
		assert_ptr_equal(tr, sla_policy_tier_at(p, (size_t)i - 1));
		assert_int_equal(tr->line, tier_line[i]);
		assert_int_equal(target(p, tier, "response")->target.secs, 60 * i);
		assert_ptr_equal(target(p, tier, "response")->calendar, sla_policy_calendar(p, cal));
		assert_int_equal(target(p, tier, metric)->target.secs, i);
	}
	assert_string_equal(sla_policy_default_tier(p)->name, "t4993");
	assert_null(sla_policy_tier(p, "t0", 2));
	assert_null(sla_policy_tier(p, "t1", 1));	/* "t", the first byte only */
	assert_null(sla_policy_calendar(p, "c0"));
	assert_int_equal(sla_policy_metric_find(p, "m0"), -1);
	sla_policy_free(p);
	free(t.s);
}

/* What is given twice is found however far apart, with the first line. */
static void
twice_is_found_far_apart(void **state)
{
	(void)state;
	enum { N = 10000 };
	built t;
	text_open(&t);
	for (int i = 1; i <= N; i++)
		fprintf(t.f, "[tier t%d]\ncalendar = 24x7\n", i);
	fputs("[policy]\ntimezone = UTC\nname = x\nname = y\n", t.f);
	fails_with(text_close(&t), ":20004: name: key given twice (first at line 20003)");
	free(t.s);

	text_open(&t);
	fputs("[policy]\ntimezone = UTC\n", t.f);
	for (int i = 1; i <= N; i++)
		fprintf(t.f, "[tier t%d]\ncalendar = 24x7\n", i);
	fputs("[tier t17]\ncalendar = 24x7\n", t.f);
	fails_with(text_close(&t), ":20003: section [tier t17] appears twice (first at line 35)");
	free(t.s);

	text_open(&t);
	fputs("[policy]\ntimezone = UTC\nfee = 100\n[penalties]\ncredits = 99.9999%:1%\n", t.f);
	for (int i = 2; i <= N; i++)
		fprintf(t.f, "  %d.%04d%%:1%%\n", (1000000 - i) / 10000, (1000000 - i) % 10000);
	fputs("  99.9999%:2%\n", t.f);
	fails_with(text_close(&t), ":5: credits: a compliance level appears twice");
	free(t.s);
}

/* A section's name is the text after its kind and blanks: [tier  a] is
 * [tier a] again, and is refused as such, not merged nor shadowed. */
static void
a_name_defined_twice_is_refused(void **state)
{
	(void)state;
	fails_with("[policy]\ntimezone = UTC\n[tier a]\ncalendar = 24x7\n"
		   "[tier  a]\ncalendar = 24x7\n",
		   ":6: tier a is defined twice (first at line 4)");
	fails_with("[policy]\ntimezone = UTC\n[calendar c]\nmon-fri = 09:00-18:00\n"
		   "[calendar  c]\nsat = 09:00-12:00\n[tier t]\ncalendar = c\n",
		   ":6: calendar c is defined twice (first at line 4)");
	fails_with("[policy]\ntimezone = UTC\n[calendar  24x7]\nmon-fri = 09:00-18:00\n",
		   ":4: calendar 24x7 is built in: choose another name");
}

static void
cap_may_be_an_amount_and_currency_sets_digits(void **state)
{
	(void)state;
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, "[policy]\ntimezone = +08:00\ncurrency = JPY\nfee = 300000\n"
			  "[penalties]\ncap = 50000\n");
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	assert_non_null(p);
	assert_int_equal(sla_policy_minor_digits(p), 0);
	assert_int_equal(sla_policy_fee(p), 300000);
	sla_cap cap = sla_policy_cap(p);
	assert_true(cap.set);
	assert_false(cap.percent);
	assert_int_equal(cap.amount, 50000);
	assert_int_equal(sla_policy_ntiers(p), 0);
	assert_null(sla_policy_default_tier(p));
	/* unsaid: one statement a month for the whole contract */
	assert_false(sla_policy_per_customer(p));
	assert_string_equal(sla_policy_statement_period(p), "month");
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);
}

/* workdays = SET as DAY: make-up days worked as DAY, and lint quiet. */
static void
workdays_as_a_weekday(void **state)
{
	(void)state;
	static const char text[] = "[policy]\ntimezone = Asia/Shanghai\nfee = 100\n"
				   "[calendar short-fri]\nmon-thu = 09:00-18:00\nfri = 09:00-15:00\n"
				   "holidays = 2026-02-16\nworkdays = 2026-02-14, 2026-02-28 as Fri\n"
				   "[tier t]\ncalendar = short-fri\nresponse = 4h\n";
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, text);
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	if (!p)
		fail_msg("%s", capture_text(&c));
	sla_calendar *cal = sla_policy_calendar(p, "short-fri");
	bool named;
	assert_int_equal(sla_calendar_makeup_weekday(cal, &named), 4);
	assert_true(named);
	char buf[64];
	sla_calq_day_hours(cal, sla_days_from_civil(2026, 2, 28), buf, sizeof buf);
	assert_string_equal(buf, "09:00-15:00");
	int64_t now = sla_days_from_civil(2026, 6, 1) * SLA_DAY;
	assert_int_equal(sla_policy_lint(p, &c.d, now), 0);
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);

	/* without "as fri" they are Mondays, and lint says which */
	char *plain = strdup(text);
	assert_non_null(plain);
	memcpy(strstr(plain, " as Fri"), "       ", 7);
	capture_open(&c);
	temp_policy(path, plain);
	p = sla_policy_load(path, NULL, &c.d);
	assert_non_null(p);
	cal = sla_policy_calendar(p, "short-fri");
	sla_calq_day_hours(cal, sla_days_from_civil(2026, 2, 28), buf, sizeof buf);
	assert_string_equal(buf, "09:00-18:00");
	assert_int_equal(sla_policy_lint(p, &c.d, now), 1);
	assert_non_null(strstr(capture_text(&c), ":5: warning: calendar short-fri has different hours "
						 "from Monday to Friday and works its make-up workdays as monday"));
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);
	free(plain);
}

static void
statements_per_customer_and_period(void **state)
{
	(void)state;
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, "[policy]\ntimezone = UTC\nfee = 100\n"
			  "[penalties]\ncap = 10%\nper = customer\nperiod = quarter\n");
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	assert_non_null(p);
	assert_true(sla_policy_per_customer(p));
	assert_string_equal(sla_policy_statement_period(p), "quarter");
	sla_policy_free(p);
	unlink(path);
	capture_close(&c);
	fails_with("[policy]\ntimezone = UTC\n[penalties]\nper = customers\n",
		   ":4: per: unknown per (contract or customer) \"customers\"; did you mean \"customer\"?");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\nperiod = week\n",
		   ":4: period: unknown period (month, quarter or year) \"week\"");
	fails_with("[policy]\ntimezone = UTC\n[penalties]\npre = customer\n",
		   ":4: pre: unknown key in [penalties] \"pre\"; did you mean \"per\"?");
}

/* The intervals of a weekday line are its comma list, blanks before each
 * skipped: the overlap warning names them as written. */
static void
lint_reads_the_intervals_of_a_line(void **state)
{
	(void)state;
	char path[64];
	capture c;
	capture_open(&c);
	temp_policy(path, "[policy]\ntimezone = UTC\n[calendar 5x8]\n"
			  "mon-fri =   09:00-12:00 ,   11:00-13:00, 12:30-14:00\n");
	sla_policy *p = sla_policy_load(path, NULL, &c.d);
	unlink(path);
	assert_non_null(p);
	sla_policy_lint(p, &c.d, sla_days_from_civil(2026, 3, 1) * SLA_DAY);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, ":4: mon-fri: warning: hours \"11:00-13:00\" overlap \"09:00-12:00"));
	assert_non_null(strstr(out, ":4: mon-fri: warning: hours \"12:30-14:00\" overlap \"11:00-13:00\""));
	assert_null(strstr(out, "\"12:30-14:00\" overlap \"09:00"));
	sla_policy_free(p);
	capture_close(&c);
}

static void
lint_finds_the_traps(void **state)
{
	(void)state;
	capture c;
	capture_open(&c);
	sla_policy *p = sla_policy_load("tests/data/policies/lint-traps.ini", NULL, &c.d);
	assert_non_null(p);
	int64_t now = sla_days_from_civil(2031, 3, 1) * SLA_DAY;
	assert_int_equal(sla_policy_lint(p, &c.d, now), 10);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, ":22: credits: warning: a compliance below 95% gives 2%, less than "
				    "the 5% below 99%"));
	assert_non_null(strstr(out, ":16: resolve: warning: d is 24 business hours"));
	assert_non_null(strstr(out, ":19: warning: [tier empty] has no target"));
	assert_non_null(strstr(out, ":6: mon-fri: warning: hours \"11:00-13:00\" overlap \"09:00-12:00\""));
	assert_non_null(strstr(out, ":7: fri: warning: replaces the hours of line 6"));
	assert_non_null(strstr(out, "calendar 5x8 knows holidays for 2019-2026 only, not for 2031"));
	assert_non_null(strstr(out, "calendar bare has no holidays at all"));
	assert_non_null(strstr(out, ":6: warning: calendar 5x8 has different hours from Monday to Friday "
				    "and works its make-up workdays as monday: name the weekday with "
				    "workdays = SET as DAY"));
	assert_non_null(strstr(out, "warning: credits and a cap in % are shares of the fee"));
	assert_non_null(strstr(out, "warning: [penalties] sets credits or a cap but not per"));
	sla_policy_free(p);
	capture_close(&c);

	capture_open(&c);
	p = sla_policy_load(NULL, NULL, &c.d);
	now = sla_days_from_civil(2026, 6, 1) * SLA_DAY;
	assert_int_equal(sla_policy_lint(p, &c.d, now), 0);
	sla_policy_free(p);
	capture_close(&c);
}

/* [exclude NAME] windows: in the policy's zone, several a section, in file
 * order. */
static void
exclude_windows(void **state)
{
	(void)state;
	sla_policy *p = loads("[policy]\ntimezone = Asia/Shanghai\n"
			      "[exclude typhoon]\nwindow = 2026-09-14T08:00 .. 2026-09-15T20:00\n"
			      "[exclude flood]\nwindow = 2026-09-16..2026-09-17\n"
			      "  2026-09-18T00:00:00Z .. 2026-09-18T06:00:00Z\n");
	const sla_window *w;
	assert_int_equal(sla_policy_windows(p, &w), 3);
	assert_string_equal(w[0].name, "typhoon");
	assert_int_equal(w[0].start, 1789344000);	/* 2026-09-14T00:00:00Z */
	assert_int_equal(w[0].end, 1789344000 + 36 * 3600);
	assert_int_equal(w[0].line, 4);
	assert_string_equal(w[1].name, "flood");
	assert_int_equal(w[1].start, 1789488000);	/* 2026-09-16T00:00:00+08:00 */
	assert_int_equal(w[1].end, 1789488000 + 86400);
	assert_int_equal(w[2].start, 1789689600);	/* 2026-09-18T00:00:00Z */
	sla_policy_free(p);
	p = loads("[policy]\ntimezone = UTC\n");
	assert_int_equal(sla_policy_windows(p, &w), 0);
	sla_policy_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(embedded_default_is_the_data_file),
		cmocka_unit_test(full_policy_reads_every_key),
		cmocka_unit_test(tz_override_replaces_the_zone),
		cmocka_unit_test(stops_of_several_columns),
		cmocka_unit_test(errors_name_line_and_key),
		cmocka_unit_test(reports_every_error),
		cmocka_unit_test(lines_of_any_length_are_read),
		cmocka_unit_test(long_lines_keep_line_numbers),
		cmocka_unit_test(unreadable_long_lines_are_refused),
		cmocka_unit_test(continuation_lines_take_comments),
		cmocka_unit_test(missing_file_is_an_error),
		cmocka_unit_test(unreadable_file_is_an_error),
		cmocka_unit_test(credit_lists_take_blanks_and_a_last_comma),
		cmocka_unit_test(many_continuation_lines_are_one_value),
		cmocka_unit_test(many_sections_are_each_found),
		cmocka_unit_test(twice_is_found_far_apart),
		cmocka_unit_test(a_name_defined_twice_is_refused),
		cmocka_unit_test(cap_may_be_an_amount_and_currency_sets_digits),
		cmocka_unit_test(workdays_as_a_weekday),
		cmocka_unit_test(statements_per_customer_and_period),
		cmocka_unit_test(lint_finds_the_traps),
		cmocka_unit_test(lint_reads_the_intervals_of_a_line),
		cmocka_unit_test(exclude_windows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
