/* Unit tests: rules reader, the classifier, the default rules, limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sla_rules.h"

/* The columns of every record built here. */
enum { ID, PRIORITY, SEVERITY, TIER, RULE, CATEGORY, ERROR, DESCRIPTION, NCOLS };
#define NAME(s) { s, sizeof s - 1 }
static const sla_field header[NCOLS] = {
	NAME("id"), NAME("priority"), NAME("severity"), NAME("tier"),
	NAME("rule"), NAME("category"), NAME("error"), NAME("description"),
};

/* A classifier over rules, with what it wrote for the last record. */
typedef struct fixture {
	sla_rules *rs;
	sla_classifier *c;
	sla_diag d;
	char *messages;		/* what went to the diagnostics stream */
	size_t messages_len;
	sla_field own[SLA_CLASSIFY_NCOLS];
	char tier[64], rule[128], error[512];
} fixture;

static void
open_fixture(fixture *f, bool jit, const char *rules, const sla_classify_opts *opts)
{
	static const sla_classify_opts none = { 0 };
	memset(f, 0, sizeof *f);
	f->d = sla_diag_init("sla-classify");
	f->d.out = open_memstream(&f->messages, &f->messages_len);
	assert_non_null(f->d.out);
	f->rs = sla_rules_new(jit);
	assert_non_null(f->rs);
	if (rules)
		assert_int_equal(sla_rules_add_text(f->rs, "t.rules", rules, strlen(rules), &f->d), 0);
	else
		assert_int_equal(sla_rules_add_default(f->rs, &f->d), 0);
	f->c = sla_classifier_new(f->rs, header, NCOLS, opts ? opts : &none);
	assert_non_null(f->c);
}

static void
close_fixture(fixture *f)
{
	sla_classifier_free(f->c);
	sla_rules_free(f->rs);
	fclose(f->d.out);
	free(f->messages);
}

static void
copy_field(char *dst, size_t n, sla_field f)
{
	assert_true(f.n < n);
	memcpy(dst, f.p, f.n);
	dst[f.n] = '\0';
}

/* Classify one record; its fields are given escaped, as in the stream. */
static void
classify(fixture *f, const char *priority, const char *severity, const char *tier,
	 const char *category, const char *error, const char *description)
{
	const char *text[NCOLS] = { "T1", priority, severity, tier, "", category, error, description };
	sla_field in[NCOLS];
	for (int i = 0; i < NCOLS; i++)
		in[i] = (sla_field){ text[i], strlen(text[i]) };
	sla_classifier_run(f->c, in, 0, 0, f->own, &f->d, "in.tsv", 2);
	copy_field(f->tier, sizeof f->tier, f->own[0]);
	copy_field(f->rule, sizeof f->rule, f->own[1]);
	copy_field(f->error, sizeof f->error, f->own[2]);
	fflush(f->d.out);
}

/* Classify a record with only DESCRIPTION set: its tier, or its rule. */
static const char *
tier_of(fixture *f, const char *description)
{
	classify(f, "", "", "", "", "", description);
	return f->tier;
}

static const char *
rule_of(fixture *f, const char *description)
{
	classify(f, "", "", "", "", "", description);
	return f->rule;
}

/* ---- the embedded default rules ---------------------------------------- */

/* The rule (default.rules:LINE, or "" for none) that a ticket gets. */
static const char *
default_rule(const char *priority, const char *severity, const char *category,
	     const char *description)
{
	static fixture f;
	static char rule[128];
	open_fixture(&f, true, NULL, NULL);
	classify(&f, priority, severity, "", category, "", description);
	strcpy(rule, f.rule);
	assert_string_equal(f.error, "");
	close_fixture(&f);
	return rule;
}

/* The rule that a ticket with only column COL set to VALUE gets. */
static const char *
rule_for(int col, const char *value)
{
	return default_rule(col == PRIORITY ? value : "", col == SEVERITY ? value : "",
			    col == CATEGORY ? value : "", col == DESCRIPTION ? value : "");
}

/* Each of VALUES[0..N) in column COL gets the rule RULE. */
static void
each_gets(int col, const char *const *values, size_t n, const char *rule)
{
	for (size_t i = 0; i < n; i++) {
		const char *got = rule_for(col, values[i]);
		if (strcmp(got, rule) != 0)
			fail_msg("\"%s\" gets \"%s\", not \"%s\"", values[i], got, rule);
	}
}

#define EACH_GETS(col, values, rule) each_gets((col), (values), sizeof(values) / sizeof *(values), (rule))
#define PRIORITY_IS(value, line) assert_string_equal(rule_for(PRIORITY, (value)), (line))
#define SEVERITY_IS(value, line) assert_string_equal(rule_for(SEVERITY, (value)), (line))
#define CATEGORY_IS(value, line) assert_string_equal(rule_for(CATEGORY, (value)), (line))
#define DESCRIPTION_IS(value, line) assert_string_equal(rule_for(DESCRIPTION, (value)), (line))

static void
default_urgent_priorities(void **state)
{
	(void)state;
	const char *yes[] = { "P1", "p1", "P0", "Highest", "Urgent", "Critical", "Blocker",
			      "1 - Critical", " 1 ", "Sev1", "SEV 1", "S1", "紧急", "特急", "最高", "重大",
			      "重大故障" };
	EACH_GETS(PRIORITY, yes, "default.rules:14");
	SEVERITY_IS("1", "default.rules:14");
	/* no over-match: values are whole, and other numbers are not severities */
	const char *no[] = { "P10", "P1x", "Critical issue", "11", "1 - High", "不紧急" };
	EACH_GETS(PRIORITY, no, "");
}

static void
default_high_priorities(void **state)
{
	(void)state;
	const char *yes[] = { "P2", "High", "HIGH", "Major", "2 - High", "2", "Sev2", "S2", "高",
			      "较高", "严重", "严重故障" };
	EACH_GETS(PRIORITY, yes, "default.rules:15");
	SEVERITY_IS("2", "default.rules:15");
	const char *no[] = { "Higher", "P22", "高速", "2 - Low", "High load" };
	EACH_GETS(PRIORITY, no, "");
}

static void
default_normal_priorities(void **state)
{
	(void)state;
	const char *yes[] = { "P3", "Medium", "Normal", "Moderate", "Minor", "3 - Moderate", "3",
			      "Sev3", "中", "中等", "普通", "一般", "一般故障" };
	EACH_GETS(PRIORITY, yes, "default.rules:16");
	SEVERITY_IS("3", "default.rules:16");
	const char *no[] = { "中断", "P33", "Abnormal", "3 - Critical" };
	EACH_GETS(PRIORITY, no, "");
}

static void
default_low_priorities(void **state)
{
	(void)state;
	const char *yes[] = { "P4", "P5", "Low", "Lowest", "Trivial", "Planning", "4 - Low",
			      "5 - Planning", "4", "Sev4", "低", "较低", "最低" };
	EACH_GETS(PRIORITY, yes, "default.rules:17");
	SEVERITY_IS("4", "default.rules:17");
	const char *no[] = { "Slow", "Lower", "低温报警", "P6", "6" };
	EACH_GETS(PRIORITY, no, "");
}

static void
default_more_urgent_of_priority_and_severity(void **state)
{
	(void)state;
	assert_string_equal(default_rule("P3", "1", "", ""), "default.rules:14");
	/* a stated priority comes before the words of the description */
	assert_string_equal(default_rule("P4", "", "", "系统崩溃"), "default.rules:17");
}

static void
default_urgent_faults(void **state)
{
	(void)state;
	const char *yes[] = {
		"核心交换机宕机，全台网络瘫痪", "播出系统崩溃，主备链路均中断",
		"系统不能正常运行", "服务器无法运行", "机房UPS故障导致系统瘫痪\\n现场已断电",
		"Production outage: playout server crashed, all channels black",
		"Storage array down, \"all\" VMs offline", "The site is down for everyone",
		"Mail went down at 9:00", "OUTAGE", "system crash after update",
		"the database server won't start", "全台停播",
	};
	EACH_GETS(DESCRIPTION, yes, "default.rules:23");
	CATEGORY_IS("重大故障", "default.rules:23");
	/* a printer jam is not an outage, download is not down */
	DESCRIPTION_IS("Printer jam on 3rd floor, paper tray 2", "default.rules:33");
	DESCRIPTION_IS("Download of the nightly report is slow, but works", "default.rules:33");
	DESCRIPTION_IS("Partial outage in the Shanghai office", "default.rules:25");
	/* an application that crashes is an ordinary fault, not a system crash */
	DESCRIPTION_IS("Excel crashes when saving", "default.rules:33");
	const char *no[] = { "please download the breakdown", "the dropdown list is empty",
			     "countdown timer", "outages.csv report" };
	EACH_GETS(DESCRIPTION, no, "");
}

static void
default_high_faults(void **state)
{
	(void)state;
	const char *yes[] = { "编辑系统卡顿，影响大多数用户正常使用", "邮件系统延迟严重，影响多数用户收发",
			      "大部分用户无法登录", "Major degradation: login fails for most users",
			      "VPN gateway drops connections for most remote staff, intermittently",
			      "severe failure of the SAN" };
	EACH_GETS(DESCRIPTION, yes, "default.rules:25");
	CATEGORY_IS("严重故障", "default.rules:25");
	const char *no[] = { "Upgrade to major version 5", "almost everyone likes it",
			     "用户数量统计", "most recent release notes" };
	EACH_GETS(DESCRIPTION, no, "");
}

static void
default_ordinary_faults(void **state)
{
	(void)state;
	CATEGORY_IS("一般故障", "default.rules:27");
	DESCRIPTION_IS("显示器闪烁，不影响正常使用", "default.rules:27");
	DESCRIPTION_IS("Flicker on screen 2, does not affect normal work", "default.rules:27");
	DESCRIPTION_IS("影响正常使用", "");
	DESCRIPTION_IS("does affect normal work", "");
}

static void
default_requests_and_questions(void **state)
{
	(void)state;
	const char *categories[] = { "咨询", "需求", "建议", "Feature Request", "Question", "Request" };
	EACH_GETS(CATEGORY, categories, "default.rules:29");
	const char *no_categories[] = { "Hardware", "Software", "网络", "Requester" };
	EACH_GETS(CATEGORY, no_categories, "");

	const char *yes[] = { "建议：增加报表导出为Excel的功能", "咨询：如何配置备份策略？",
			      "【需求】新增用户", "Feature request: dark mode in the operator console",
			      "Suggestion: add 中文 labels to the dashboard, please",
			      "How do I export the report?" };
	EACH_GETS(DESCRIPTION, yes, "default.rules:30");
	/* an advice inside a fault report does not make it a request */
	DESCRIPTION_IS("系统报错，建议尽快处理", "default.rules:33");
	DESCRIPTION_IS("questionnaire form", "");
}

static void
default_other_faults(void **state)
{
	(void)state;
	const char *yes[] = { "打印机卡纸，无法打印", "登录报错", "Printer jam",
			      "Password reset for user \"lin.wei\", account locked", "Scanner fails",
			      "Outlook doesn't open", "一台摄像机的录像回放偶尔卡顿", "单台工作站显示器闪烁",
			      "Excel crashes when saving", "screen frozen" };
	EACH_GETS(DESCRIPTION, yes, "default.rules:33");
	const char *no[] = { "Please reset my password", "errorless", "jamboree", "" };
	EACH_GETS(DESCRIPTION, no, "");
}

/* ---- the classifier ------------------------------------------------------ */

static void
first_matching_rule_wins_in_file_order(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "# comment\n\nlow description x\nhigh category,description (?i)X\n", NULL);
	assert_string_equal(tier_of(&f, "x"), "low");
	assert_string_equal(f.rule, "t.rules:3");
	classify(&f, "", "", "", "X", "", "y");
	assert_string_equal(f.tier, "high");
	assert_string_equal(f.rule, "t.rules:4");
	close_fixture(&f);
}

/* An "&" line adds a condition to the rule above: every line must match,
 * each any of its fields; the rule is named by its first line. */
static void
and_lines_match_fields_together(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true,
		     "urgent priority ^P2$\n& category,description ^net\n& description down\n"
		     "high priority ^P2$\n", NULL);
	classify(&f, "P2", "", "", "network", "", "link down");
	assert_string_equal(f.tier, "urgent");
	assert_string_equal(f.rule, "t.rules:1");
	classify(&f, "P2", "", "", "", "", "net is down");	/* the second field of a line */
	assert_string_equal(f.tier, "urgent");
	classify(&f, "P2", "", "", "network", "", "slow");	/* the last line fails */
	assert_string_equal(f.tier, "high");
	assert_string_equal(f.rule, "t.rules:4");
	classify(&f, "P3", "", "", "network", "", "link down");	/* the first line fails */
	assert_string_equal(f.tier, "");
	close_fixture(&f);

	/* no rule above, in the same text */
	sla_diag d = sla_diag_init("sla-classify");
	char *msg = NULL;
	size_t len = 0;
	d.out = open_memstream(&msg, &len);
	sla_rules *rs = sla_rules_new(false);
	const char a[] = "urgent priority ^P1$\n", b[] = "# x\n& priority ^P1$\n";
	assert_int_equal(sla_rules_add_text(rs, "a.rules", a, sizeof a - 1, &d), 0);
	assert_int_equal(sla_rules_add_text(rs, "b.rules", b, sizeof b - 1, &d), -1);
	fflush(d.out);
	assert_string_equal(msg, "sla-classify: b.rules:2: & adds a condition to the rule above it, "
				 "and there is none\n");
	sla_rules_free(rs);
	fclose(d.out);
	free(msg);
}

static void
several_files_are_read_in_order(void **state)
{
	(void)state;
	sla_diag d = sla_diag_init("sla-classify");
	sla_rules *rs = sla_rules_new(true);
	const char a[] = "urgent description ^a\n", b[] = "low description a\n";
	assert_int_equal(sla_rules_add_text(rs, "a.rules", a, sizeof a - 1, &d), 0);
	assert_int_equal(sla_rules_add_text(rs, "b\\c.rules", b, sizeof b - 1, &d), 0);
	assert_int_equal(sla_rules_count(rs), 2);
	sla_classify_opts opts = { 0 };
	sla_classifier *c = sla_classifier_new(rs, header, NCOLS, &opts);
	sla_field in[NCOLS] = { 0 }, own[SLA_CLASSIFY_NCOLS];
	for (int i = 0; i < NCOLS; i++)
		in[i] = SLA_FIELD("");
	in[DESCRIPTION] = SLA_FIELD("ba");
	sla_classifier_run(c, in, 0, 0, own, &d, "in.tsv", 2);
	/* the label is escaped for the stream */
	assert_true(sla_field_eq(own[1], "b\\\\c.rules:1"));
	in[DESCRIPTION] = SLA_FIELD("ab");
	sla_classifier_run(c, in, 0, 0, own, &d, "in.tsv", 3);
	assert_true(sla_field_eq(own[1], "a.rules:1"));
	sla_classifier_free(c);
	sla_rules_free(rs);
}

/* The classifier knows no command line: a ticket given the default tier,
 * and the summary's count of them, use the name its caller gives that
 * tier, or a plain word when it gives none. */
static void
the_caller_names_the_default_tier(void **state)
{
	(void)state;
	fixture f;
	sla_classify_opts opts = { .default_tier = "normal" };
	open_fixture(&f, true, "urgent description down\n", &opts);
	assert_string_equal(rule_of(&f, "up"), "default");
	sla_classifier_report(f.c, &f.d);
	fflush(f.d.out);
	assert_non_null(strstr(f.messages, ", 1 by default, "));
	close_fixture(&f);
	opts.default_name = "DEF";
	open_fixture(&f, true, "urgent description down\n", &opts);
	assert_string_equal(rule_of(&f, "up"), "DEF");
	assert_string_equal(f.tier, "normal");
	sla_classifier_report(f.c, &f.d);
	fflush(f.d.out);
	assert_non_null(strstr(f.messages, ", 1 by DEF, "));
	close_fixture(&f);
}

static void
matching_runs_on_unescaped_text(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "urgent description ^a\\tb$\nhigh description (?m)^second\n", NULL);
	assert_string_equal(tier_of(&f, "a\\tb"), "urgent");
	assert_string_equal(tier_of(&f, "first\\nsecond"), "high");
	assert_string_equal(tier_of(&f, "a\\\\tb"), "");
	close_fixture(&f);
}

static void
set_tier_is_kept_unless_override(void **state)
{
	(void)state;
	const char *rules = "urgent description down\n";
	fixture f;
	open_fixture(&f, true, rules, NULL);
	classify(&f, "", "", "low", "", "", "down");
	assert_string_equal(f.tier, "low");
	assert_string_equal(f.rule, "");
	close_fixture(&f);

	sla_classify_opts opts = { .override = true, .default_tier = "normal",
				   .default_name = "--default" };
	open_fixture(&f, true, rules, &opts);
	classify(&f, "", "", "low", "", "", "down");
	assert_string_equal(f.tier, "urgent");
	assert_string_equal(f.rule, "t.rules:1");
	/* no match under --override: the set tier stays, --default is for none */
	classify(&f, "", "", "low", "", "", "up");
	assert_string_equal(f.tier, "low");
	assert_string_equal(tier_of(&f, "up"), "normal");
	assert_string_equal(f.rule, "--default");
	sla_classify_counts n = sla_classifier_counts(f.c);
	assert_int_equal(n.tickets, 3);
	assert_int_equal(n.by_rule, 1);
	assert_int_equal(n.kept, 1);
	assert_int_equal(n.by_default, 1);
	close_fixture(&f);
}

static void
missing_column_never_matches(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "urgent channel ^$\nlow category ^$\n", NULL);
	assert_string_equal(rule_of(&f, ""), "t.rules:2");
	close_fixture(&f);
}

/* ---- limits and bad input --------------------------------------------- */

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
catastrophic_pattern_ends_as_record_error(bool jit)
{
	enum { LEN = 100 * 1000 };
	char *hostile = malloc(LEN + 2);
	assert_non_null(hostile);
	memset(hostile, 'a', LEN);
	memcpy(hostile + LEN, "b", 2);

	fixture f;
	open_fixture(&f, jit, "low category x\nurgent description (a+)+$\nlow description b\n", NULL);
	double t0 = now();
	classify(&f, "", "", "", "", "opened: cannot read time \"x\"", hostile);
	double took = now() - t0;
	assert_true(took < 0.5);
	assert_string_equal(f.tier, "");
	assert_string_equal(f.rule, "");
	assert_string_equal(f.error, "opened: cannot read time \"x\"; description: rule t.rules:2: "
				     "match limit exceeded");
	assert_non_null(strstr(f.messages, "sla-classify: in.tsv:2: description: rule t.rules:2: "
					   "match limit exceeded \"aaaa"));
	assert_int_equal(f.d.records, 1);
	assert_int_equal(sla_classifier_counts(f.c).errors, 1);
	/* the next record is classified as usual */
	assert_string_equal(rule_of(&f, "aaa"), "t.rules:2");
	assert_string_equal(f.error, "");
	close_fixture(&f);
	free(hostile);
}

static void
catastrophic_pattern_jit(void **state)
{
	(void)state;
	catastrophic_pattern_ends_as_record_error(true);
}

static void
catastrophic_pattern_interpreter(void **state)
{
	(void)state;
	catastrophic_pattern_ends_as_record_error(false);
}

static void
long_description_within_limits(void **state)
{
	(void)state;
	enum { LEN = 1000 * 1000 };
	char *text = malloc(LEN + 16);
	assert_non_null(text);
	for (size_t i = 0; i < LEN; i += 10)
		memcpy(text + i, "the fox is", 10);
	strcpy(text + LEN, " down");
	for (int jit = 0; jit < 2; jit++) {
		fixture f;
		open_fixture(&f, jit, NULL, NULL);
		classify(&f, "", "", "", "", "", text);
		assert_string_equal(f.error, "");
		assert_string_equal(f.rule, "default.rules:23");
		close_fixture(&f);
	}
	free(text);
}

static void
invalid_utf8_is_record_error(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "low description ^x\nhigh category y\n", NULL);
	classify(&f, "", "", "", "y", "", "ok \xff bad");
	assert_string_equal(f.tier, "");
	assert_string_equal(f.error, "description: UTF-8 error: illegal byte (0xfe or 0xff) at byte 3");
	assert_non_null(strstr(f.messages, "at byte 3 \"ok \"\n"));
	/* a field no rule reads is not checked */
	classify(&f, "", "", "", "y", "", "");
	assert_string_equal(f.tier, "high");
	close_fixture(&f);
}

/* The classifier checks a field's UTF-8 itself and hands PCRE2 only what
 * passes: every form PCRE2 refuses must fail that check too, and still get
 * PCRE2's own message, with the JIT and without, each time it comes. */
static void
utf8_check_agrees_with_pcre2(void **state)
{
	(void)state;
	static const struct { const char *text, *error; } bad[] = {
		{ "a\xed\xa0\x80", "description: UTF-8 error: code points 0xd800-0xdfff are not defined at byte 1" },
		{ "a\xc0\xaf", "description: UTF-8 error: overlong 2-byte sequence at byte 1" },
		{ "a\xf4\x90\x80\x80", "description: UTF-8 error: code points greater than 0x10ffff are not defined at byte 1" },
		{ "a\xe4\xb8", "description: UTF-8 error: 1 byte missing at end at byte 1" },
	};
	for (int jit = 0; jit < 2; jit++) {
		fixture f;
		open_fixture(&f, jit, "low description ^x\nhigh description b\n", NULL);
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
			for (int again = 0; again < 2; again++) {
				classify(&f, "", "", "", "", "", bad[i].text);
				assert_string_equal(f.tier, "");
				assert_string_equal(f.error, bad[i].error);
			}
		classify(&f, "", "", "", "", "", "\xe4\xb8\xad b \xf0\x9f\x98\x80");
		assert_string_equal(f.tier, "high");
		assert_string_equal(f.error, "");
		close_fixture(&f);
	}
}

/* What a rule line gave on a short text is remembered, per line: the same
 * text in another column, or under another line, or again after the
 * memory of texts is full, is classified as if it were new. */
static void
remembered_results_are_the_results(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "urgent priority ^A$\nhigh category ^A$\n"
			       "normal priority,category ^n[0-9]*7$\n", NULL);
	for (int pass = 0; pass < 2; pass++) {
		classify(&f, "B", "", "", "A", "", "");
		assert_string_equal(f.tier, "high");
		classify(&f, "A", "", "", "B", "", "");
		assert_string_equal(f.tier, "urgent");
		classify(&f, "A", "", "", "A", "", "");
		assert_string_equal(f.tier, "urgent");
		classify(&f, "B", "", "", "B", "", "");
		assert_string_equal(f.tier, "");
		/* far more texts than are remembered, in both columns */
		for (int i = 0; i < 3000; i++) {
			char a[16], b[16];
			snprintf(a, sizeof a, "n%d", i);
			snprintf(b, sizeof b, "n%d", 3000 + i);
			classify(&f, a, "", "", b, "", "");
			assert_string_equal(f.tier, i % 10 == 7 ? "normal" : "");
			classify(&f, a, "", "", "A", "", "");
			assert_string_equal(f.tier, "high");
		}
	}
	close_fixture(&f);
}

static void
ragged_rows_are_flagged_and_realigned(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "urgent priority .\n", NULL);
	const char *text[NCOLS] = { "T1", "P1", "", "", "", "", "", "a\tb\\t" };
	sla_field in[NCOLS];
	for (int i = 0; i < NCOLS; i++)
		in[i] = (sla_field){ text[i], strlen(text[i]) };
	const sla_field *row = sla_classifier_run(f.c, in, NCOLS + 1, 0, f.own, &f.d, "in.tsv", 7);
	copy_field(f.error, sizeof f.error, f.own[2]);
	assert_string_equal(f.error, "row has 9 fields, the header 8");
	assert_int_equal(f.own[0].n, 0); /* not classified */
	assert_true(sla_field_eq(row[DESCRIPTION], "a\\tb\\t"));
	assert_true(sla_field_eq(row[PRIORITY], "P1"));
	/* a short row is flagged, its fields written as they are */
	row = sla_classifier_run(f.c, in, 3, 0, f.own, &f.d, "in.tsv", 8);
	assert_ptr_equal(row, in);
	fflush(f.d.out);
	assert_string_equal(f.messages, "sla-classify: in.tsv:7: row has 9 fields, the header 8\n"
					"sla-classify: in.tsv:8: row has 3 fields, the header 8\n");
	close_fixture(&f);
}

/* A record that held a NUL (the reader gave it as U+FFFD and named its
 * column) is flagged and not classified, even where a rule would match;
 * with a field too many as well, both reasons are kept, in one error. */
static void
nul_bytes_are_flagged_not_classified(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "urgent priority .\n", NULL);
	const char *text[NCOLS] = { "T1", "P\xef\xbf\xbd" "1", "", "", "", "", "old", "a\tb" };
	sla_field in[NCOLS];
	for (int i = 0; i < NCOLS; i++)
		in[i] = (sla_field){ text[i], strlen(text[i]) };
	sla_classifier_run(f.c, in, 0, PRIORITY + 1, f.own, &f.d, "in.tsv", 4);
	copy_field(f.error, sizeof f.error, f.own[2]);
	assert_string_equal(f.error, "old; priority: NUL byte (read as U+FFFD)");
	assert_int_equal(f.own[0].n, 0);
	const sla_field *row = sla_classifier_run(f.c, in, NCOLS + 1, DESCRIPTION + 1, f.own, &f.d,
						  "in.tsv", 5);
	copy_field(f.error, sizeof f.error, f.own[2]);
	assert_string_equal(f.error, "old; description: NUL byte (read as U+FFFD); "
				     "row has 9 fields, the header 8");
	assert_true(sla_field_eq(row[DESCRIPTION], "a\\tb"));
	assert_int_equal(sla_classifier_counts(f.c).errors, 2);
	assert_int_equal(sla_classifier_counts(f.c).by_rule, 0);
	fflush(f.d.out);
	assert_string_equal(f.messages,
			    "sla-classify: in.tsv:4: priority: NUL byte (read as U+FFFD) \"P\xef\xbf\xbd" "1\"\n"
			    "sla-classify: in.tsv:5: description: NUL byte (read as U+FFFD) \"a\\tb\"\n"
			    "sla-classify: in.tsv:5: row has 9 fields, the header 8\n");
	close_fixture(&f);
}

/* The advice of sla-rules(5): under UCP a Chinese character is a word
 * character, so \b does not part it from English; a lookaround does. */
static void
english_words_in_chinese_text(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "urgent description \\bdown\\b\n"
			       "high description (?i:(?<![a-z])down(?![a-z]))\n", NULL);
	assert_string_equal(tier_of(&f, "系统down了"), "high");
	assert_string_equal(tier_of(&f, "it is down"), "urgent");
	assert_string_equal(tier_of(&f, "download"), "");
	close_fixture(&f);
}

/* ---- rules files ------------------------------------------------------ */

/* The message that loading the rules TEXT prints (it must fail). */
static const char *
load_error(const char *text)
{
	static char out[512];
	char *buf = NULL;
	size_t len = 0;
	sla_diag d = sla_diag_init("sla-classify");
	d.out = open_memstream(&buf, &len);
	sla_rules *rs = sla_rules_new(true);
	assert_int_equal(sla_rules_add_text(rs, "bad.rules", text, strlen(text), &d), -1);
	sla_rules_free(rs);
	fclose(d.out);
	snprintf(out, sizeof out, "%s", buf);
	free(buf);
	return out;
}

static void
bad_pattern_is_fatal_with_column(void **state)
{
	(void)state;
	assert_string_equal(load_error("# x\nurgent  description  ab(c\n"),
			    "sla-classify: bad.rules:2: column 26: missing closing parenthesis \"ab(c\"\n");
	/* the column counts characters, not bytes */
	assert_string_equal(load_error("紧急 description 宕机[\n"),
			    "sla-classify: bad.rules:1: column 19: missing terminating ] for character "
			    "class \"宕机[\"\n");
}

static void
bad_rule_lines_are_fatal(void **state)
{
	(void)state;
	assert_string_equal(load_error("urgent\n"),
			    "sla-classify: bad.rules:1: missing the fields and the pattern\n");
	assert_string_equal(load_error("urgent description   \n"),
			    "sla-classify: bad.rules:1: missing the pattern\n");
	assert_string_equal(load_error("urgent description,,category x\n"),
			    "sla-classify: bad.rules:1: empty field name in the field list\n");
	assert_string_equal(load_error("urgent description, x\n"),
			    "sla-classify: bad.rules:1: empty field name in the field list\n");
	assert_string_equal(load_error("urgent ,description x\n"),
			    "sla-classify: bad.rules:1: empty field name in the field list\n");
	assert_string_equal(load_error("ur\\gent description x\n"),
			    "sla-classify: bad.rules:1: tier names hold no blank, backslash, comma or '#' "
			    "\"ur\\\\gent\"\n");
}

static void
byte_order_mark_crlf_and_comments(void **state)
{
	(void)state;
	fixture f;
	open_fixture(&f, true, "\xEF\xBB\xBF# rules\r\n  # indented comment\r\nlow\tdescription\tx#y  \r\n",
		     NULL);
	assert_int_equal(sla_rules_count(f.rs), 1);
	assert_string_equal(rule_of(&f, "x#y"), "t.rules:3");
	assert_string_equal(rule_of(&f, "x#y "), "t.rules:3");
	assert_string_equal(rule_of(&f, "x"), "");
	close_fixture(&f);
}

static void
tier_names(void **state)
{
	(void)state;
	assert_true(sla_rules_tier_ok("urgent"));
	assert_true(sla_rules_tier_ok("紧急"));
	assert_false(sla_rules_tier_ok(""));
	assert_false(sla_rules_tier_ok("a b"));
	assert_false(sla_rules_tier_ok("a,b"));
	assert_false(sla_rules_tier_ok("a\tb"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_urgent_priorities),
		cmocka_unit_test(default_high_priorities),
		cmocka_unit_test(default_normal_priorities),
		cmocka_unit_test(default_low_priorities),
		cmocka_unit_test(default_more_urgent_of_priority_and_severity),
		cmocka_unit_test(default_urgent_faults),
		cmocka_unit_test(default_high_faults),
		cmocka_unit_test(default_ordinary_faults),
		cmocka_unit_test(default_requests_and_questions),
		cmocka_unit_test(default_other_faults),
		cmocka_unit_test(first_matching_rule_wins_in_file_order),
		cmocka_unit_test(and_lines_match_fields_together),
		cmocka_unit_test(several_files_are_read_in_order),
		cmocka_unit_test(matching_runs_on_unescaped_text),
		cmocka_unit_test(set_tier_is_kept_unless_override),
		cmocka_unit_test(the_caller_names_the_default_tier),
		cmocka_unit_test(missing_column_never_matches),
		cmocka_unit_test(catastrophic_pattern_jit),
		cmocka_unit_test(catastrophic_pattern_interpreter),
		cmocka_unit_test(long_description_within_limits),
		cmocka_unit_test(invalid_utf8_is_record_error),
		cmocka_unit_test(utf8_check_agrees_with_pcre2),
		cmocka_unit_test(remembered_results_are_the_results),
		cmocka_unit_test(ragged_rows_are_flagged_and_realigned),
		cmocka_unit_test(nul_bytes_are_flagged_not_classified),
		cmocka_unit_test(english_words_in_chinese_text),
		cmocka_unit_test(bad_pattern_is_fatal_with_column),
		cmocka_unit_test(bad_rule_lines_are_fatal),
		cmocka_unit_test(byte_order_mark_crlf_and_comments),
		cmocka_unit_test(tier_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
