/* Unit tests: lib/extract -- numerals, the time limits of a sentence and
 * what they are for (metric, tier, calendar, condition), what is no
 * target, the notes, and the drafts (the policy draft loads and lints
 * clean). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sla_extract.h"
#include "sla_policy.h"
#include "xnumeral.h"

/* The extraction of TEXT, or NULL on failure; messages are dropped. */
static sla_extract *
run(const char *text)
{
	sla_diag d = sla_diag_init("sla-extract");
	d.out = fopen("/dev/null", "w");
	sla_extract *x = sla_extract_new(NULL, &d);
	assert_non_null(x);
	assert_int_equal(sla_extract_add_text(x, "t.txt", text, strlen(text), &d), 0);
	assert_int_equal(sla_extract_run(x, &d), 0);
	fclose(d.out);
	return x;
}

/* The commitments of TEXT, one "tier metric target calendar condition" a
 * line (the table's first five columns, "-" for an empty one). */
static char *
rows(const char *text)
{
	sla_extract *x = run(text);
	char *tsv = NULL, *out;
	size_t n = 0;
	FILE *f = open_memstream(&tsv, &n);
	assert_int_equal(sla_extract_write_tsv(x, f), 0);
	fclose(f);
	sla_extract_free(x);
	assert_non_null(out = calloc(1, n + 1));
	size_t o = 0;
	const char *line = strchr(tsv, '\n') + 1;	/* past the header */
	while (*line) {
		const char *end = strchr(line, '\n');
		const char *p = line;
		for (int col = 0; col < 5; col++) {
			const char *tab = strchr(p, '\t');
			size_t k = (size_t)(tab - p);
			if (col)
				out[o++] = ' ';
			if (k == 0)
				out[o++] = '-';
			memcpy(out + o, p, k);
			o += k;
			p = tab + 1;
		}
		out[o++] = '\n';
		line = end + 1;
	}
	out[o] = '\0';
	free(tsv);
	return out;
}

#define assert_rows(text, want) \
	do { \
		char *got_ = rows(text); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

/* The policy draft of TEXT. */
static char *
policy(const char *text)
{
	sla_extract *x = run(text);
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	assert_int_equal(sla_extract_write_policy(x, NULL, f), 0);
	fclose(f);
	sla_extract_free(x);
	return p;
}

/* ---- numerals ----------------------------------------------------------- */

static int64_t
num(const char *s)
{
	int64_t v = -1;
	return xnum_read(s, strlen(s), &v) ? v : -1;
}

static void
numerals(void **state)
{
	(void)state;
	assert_int_equal(num("24"), 24000);
	assert_int_equal(num("２４"), 24000);
	assert_int_equal(num("1.5"), 1500);
	assert_int_equal(num("０．５"), 500);
	assert_int_equal(num("二十四"), 24000);
	assert_int_equal(num("十五"), 15000);
	assert_int_equal(num("两"), 2000);
	assert_int_equal(num("半"), 500);
	assert_int_equal(num("一百零五"), 105000);
	assert_int_equal(num("一百二十"), 120000);
	assert_int_equal(num("二〇一四"), 2014000);
	assert_int_equal(num("小时"), -1);
	assert_int_equal(num("99999999999999999999"), -1);
}

/* ---- time limits -------------------------------------------------------- */

static void
durations_in_arabic_and_chinese(void **state)
{
	(void)state;
	assert_rows("我们将在30分钟内响应。", "* response 30m 24x7 -\n");
	assert_rows("两小时之内到达现场。", "* onsite 2h 24x7 -\n");
	assert_rows("一个半小时以内到场。", "* onsite 1h30m 24x7 -\n");
	assert_rows("二十四小时内修复。", "* resolve 24h 24x7 -\n");
	assert_rows("半小时内回应。", "* response 30m 24x7 -\n");
	assert_rows("乙方应在３０分钟以内电话响应。", "* response 30m 24x7 -\n");
	assert_rows("一刻钟内响应。", "* response 15m 24x7 -\n");
	assert_rows("3天内解决。", "* resolve 3d 24x7 -\n");
}

static void
working_days_and_their_parts(void **state)
{
	(void)state;
	assert_rows("1个工作日内解决。", "* resolve 1wd 5x8 -\n");
	assert_rows("在两个工作日内彻底排除故障。", "* resolve 2wd 5x8 -\n");
	assert_rows("半个工作日内提供临时解决方案。", "* workaround 4h 5x8 -\n");
	assert_rows("8个工作小时内完成维修。", "* resolve 8h 5x8 -\n");
	assert_rows("An engineer will be on site the next business day.",
		    "* onsite 1wd@close 5x8 -\n");
	assert_rows("下一个工作日到场。", "* onsite 1wd@close 5x8 -\n");
}

static void
limit_words_before_and_after(void **state)
{
	(void)state;
	assert_rows("响应时间不超过1小时。", "* response 1h 24x7 -\n");
	assert_rows("到场时间≤2小时。", "* onsite 2h 24x7 -\n");
	assert_rows("最迟在4小时内恢复系统运行。", "* resolve 4h 24x7 -\n");
	assert_rows("响应时间：30分钟。", "* response 30m 24x7 -\n");
	assert_rows("在8小时作出明确答复。", "* answer 8h 24x7 -\n");
}

static void
ranges_keep_the_upper_bound(void **state)
{
	(void)state;
	assert_rows("4~6小时到达现场。", "* onsite 6h 24x7 -\n");
	assert_rows("2-4小时内到场。", "* onsite 4h 24x7 -\n");
	assert_rows("1至2个工作日内解决。", "* resolve 2wd 5x8 -\n");
	assert_rows("30分钟至1小时内响应。", "* response 1h 24x7 -\n");
	char *p = policy("4~6小时到达现场。");
	assert_non_null(strstr(p, "review: a range 4h~6h: the upper bound binds the provider"));
	free(p);
}

static void
english_letters(void **state)
{
	(void)state;
	assert_rows("We will respond within 2 hours.", "* response 2h 24x7 -\n");
	assert_rows("An engineer will be on site within 4 business hours.", "* onsite 4h 5x8 -\n");
	assert_rows("Faults are resolved within one (1) business day.", "* resolve 1wd 5x8 -\n");
	assert_rows("We commit to a 4-hour response.", "* response 4h 24x7 -\n");
	assert_rows("Respond within 30 minutes and resolve within 8 hours.",
		    "* response 30m 24x7 -\n* resolve 8h 24x7 -\n");
}

/* ---- numbers that are no target ----------------------------------------- */

static void
no_target_numbers(void **state)
{
	(void)state;
	assert_rows("我们提供7×24小时服务。", "");
	assert_rows("服务时间为5×8小时。", "");
	assert_rows("日期:2014 年4 月30 日。", "");
	assert_rows("服务时间9:00-18:00。", "");
	assert_rows("每2小时通报一次处理进展。", "");
	assert_rows("提前2小时通知用户。", "");
	assert_rows("培训时间不少于2天。", "");
	assert_rows("第二天上门回访。", "");
	assert_rows("机柜尺寸为50×50cm。", "");
	assert_rows("设有24小时服务热线。", "");
	assert_rows("整机保修3年,提供3年质保。", "");
	assert_rows("每超时1小时扣罚200元。", "");
	assert_rows("故障处理完毕后3日内进行电话回访。", "");
}

/* ---- metrics ------------------------------------------------------------ */

static void
metric_words(void **state)
{
	(void)state;
	assert_rows("接到报修后1小时内给予初步响应。", "* response 1h 24x7 -\n");
	assert_rows("2小时内与客户取得联系。", "* response 2h 24x7 -\n");
	assert_rows("8小时内回复您的售后服务请求。", "* response 8h 24x7 -\n");
	assert_rows("4小时内派遣技术人员到达现场。", "* onsite 4h 24x7 -\n");
	assert_rows("24小时内派出工程师上门。", "* onsite 24h 24x7 -\n");
	assert_rows("48小时内得到明确解决方案或完成服务。", "* resolve 48h 24x7 -\n");
	assert_rows("8小时内提供临时解决方案。", "* workaround 8h 24x7 -\n");
	assert_rows("4小时内，派工程师到现场。", "* onsite 4h 24x7 -\n");
}

static void
commitments_no_builtin_measures(void **state)
{
	(void)state;
	assert_rows("客户可以通过邮件提出问题,并在24小时内得到回复。", "* reply 24h 24x7 -\n");
	assert_rows("对于客户的书面投诉,我们将在3个工作日内给予书面答复。",
		    "* answer 3wd 5x8 -\n");
	assert_rows("故障处理完毕后2个工作日内提交故障分析报告。", "* report 2wd 5x8 -\n");
	char *p = policy("客户可以通过邮件提出问题,并在24小时内得到回复。");
	assert_non_null(strstr(p, "; [metric reply]"));
	assert_null(strstr(p, "\n[metric reply]"));
	free(p);
}

static void
either_step_or_both(void **state)
{
	(void)state;
	assert_rows("24小时内提供解决方案或派遣技术人员进行现场处理。",
		    "* onsite_or_resolve 24h 24x7 -\n");
	assert_rows("2小时内响应并到达现场。", "* response 2h 24x7 -\n* onsite 2h 24x7 -\n");
	char *p = policy("24小时内提供解决方案或派遣技术人员进行现场处理。");
	assert_non_null(strstr(p, "[metric onsite_or_resolve]\nstart = opened\nstop  = onsite | resolved\n"));
	free(p);
}

static void
replacement_and_its_condition(void **state)
{
	(void)state;
	assert_rows("如果设备故障在8小时内无法排除,供应商应在24小时内提供备用产品。",
		    "* replacement 24h 24x7 resolve > 8h\n");
	assert_rows("若故障未能在4小时内修复,须在12小时内提供同型号备用设备。",
		    "* replacement 12h 24x7 resolve > 4h\n");
	assert_rows("If a fault is not fixed within 8 hours, a replacement unit is provided within 24 hours.",
		    "* replacement 24h 24x7 resolve > 8h\n");
	char *p = policy("如果设备故障在8小时内无法排除,供应商应在24小时内提供备用产品。");
	assert_non_null(strstr(p, "[metric replacement]\nstart = opened\nstop  = replaced | resolved\n"
				  "when  = resolve > 8h"));
	free(p);
	p = policy("24小时内提供备用设备。");
	assert_non_null(strstr(p, "review: the letter states no condition"));
	free(p);
	/* a condition after the times it does not govern holds none of them */
	assert_rows("1小时内作出响应,12小时内修复,如12小时内不能修复,提供备用机。",
		    "* response 1h 24x7 -\n* resolve 12h 24x7 -\n");
	/* 设备机柜 is no 备机, 设备用于 no 备用 */
	p = policy("设备机柜尺寸为60×80cm,设备用于广播。");
	assert_null(strstr(p, "promised with no time"));
	free(p);
	p = policy("若在规定时间内无法修复,我公司将提供同型号备用设备。");
	assert_non_null(strstr(p, "a replacement unit promised with no time"));
	free(p);
	/* a condition with no time of its own is not expressed, not dropped */
	p = policy("超过72小时仍未修复的,免费更换整机。");
	assert_non_null(strstr(p, "a condition with no time limit it governs"));
	free(p);
}

/* ---- tiers -------------------------------------------------------------- */

static void
tier_labels(void **state)
{
	(void)state;
	assert_rows("对于紧急故障,我方承诺在4小时内到达现场。", "urgent onsite 4h 24x7 -\n");
	assert_rows("重大故障30分钟内响应,一般故障2小时内响应。",
		    "urgent response 30m 24x7 -\nnormal response 2h 24x7 -\n");
	assert_rows("建议和需求:我们将在48小时内做出响应。", "low response 48h 24x7 -\n");
	assert_rows("二级故障:1小时内响应。", "high response 1h 24x7 -\n");
	assert_rows("P1 (Critical): respond within 15 minutes.", "urgent response 15m 24x7 -\n");
	assert_rows("优先级低:4小时响应。", "low response 4h 24x7 -\n");
	assert_rows("二次开发需求在10个工作日内完成开发方案。", "");
	/* no labels: 紧急程度 (how urgent), 一般 (usually) */
	assert_rows("根据紧急程度,我们在1小时内响应。", "* response 1h 24x7 -\n");
	assert_rows("我们一般在24小时内响应。", "* response 24h 24x7 -\n");
}

static void
headings_carry_a_tier(void **state)
{
	(void)state;
	assert_rows("(一)重大故障\n1. 30分钟内响应;\n2. 两小时之内到达现场。\n(二)一般故障\n1. 2小时内响应。\n",
		    "urgent response 30m 24x7 -\nurgent onsite 2h 24x7 -\nnormal response 2h 24x7 -\n");
	/* a line of prose after the items ends the heading */
	assert_rows("紧急故障:\n1. 30分钟内响应。\n其他请求在8小时内响应。\n",
		    "urgent response 30m 24x7 -\n* response 8h 24x7 -\n");
	/* a line that opens with a label gives it to the rest of the line */
	assert_rows("紧急故障:指系统瘫痪的故障。响应时间15分钟。", "urgent response 15m 24x7 -\n");
	/* a label of one part does not hold the next */
	assert_rows("一般故障4小时内排除;若不能修复,我公司将在48小时内提供备用设备。",
		    "normal resolve 4h 24x7 -\n* replacement 48h 24x7 -\n");
}

static void
letters_own_classes(void **state)
{
	(void)state;
	assert_rows("修复时间:一般故障不超过1个工作日,疑难故障不超过3个工作日。",
		    "normal resolve 1wd 5x8 -\n疑难故障 resolve 3wd 5x8 -\n");
	assert_rows("所有故障在4小时内修复。", "* resolve 4h 24x7 -\n");
	assert_rows("硬件故障4小时内修复,软件故障8小时内修复。",
		    "硬件故障 resolve 4h 24x7 -\n软件故障 resolve 8h 24x7 -\n");
}

static void
tables(void **state)
{
	(void)state;
	assert_rows("| 级别 | 响应时间 | 到场时间 |\n|---|---|---|\n| 一级 | ≤15分钟 | 2小时 |\n| 二级 | 30分钟 | 4至8小时 |\n",
		    "urgent response 15m 24x7 -\nurgent onsite 2h 24x7 -\n"
		    "high response 30m 24x7 -\nhigh onsite 8h 24x7 -\n");
	assert_rows("指标\t紧急\t一般\n响应时间\t30分钟\t4小时\n",
		    "urgent response 30m 24x7 -\nnormal response 4h 24x7 -\n");
	/* bare numbers under a header with a unit */
	assert_rows("| 级别 | 响应时间(分钟) | 解决时间(小时) |\n| 一级 | 15 | 4 |\n",
		    "urgent response 15m 24x7 -\nurgent resolve 4h 24x7 -\n");
}

/* ---- calendars ---------------------------------------------------------- */

static void
calendars(void **state)
{
	(void)state;
	assert_rows("在工作日内的8小时内回复您的服务请求。", "* response 8h 5x8 -\n");
	assert_rows("紧急故障提供7×24小时服务,30分钟内响应。", "urgent response 30m 24x7 -\n");
	assert_rows("重大故障提供7×24小时服务;一般故障在工作日内处理。\n重大故障1小时内响应,一般故障4小时内响应。",
		    "urgent response 1h 24x7 -\nnormal response 4h 5x8 -\n");
	/* the working calendar takes the hours the letter states */
	char *p = policy("服务时间为周一至周六8:00至20:00。\n报修后1小时内响应。");
	assert_non_null(strstr(p, "[calendar 6x12]\nmon-sat  = 08:00-20:00"));
	assert_non_null(strstr(p, "calendar = 6x12"));
	free(p);
	p = policy("1个工作日内解决。");
	assert_non_null(strstr(p, "holidays = cn               ; the letter speaks of working days"));
	free(p);
	p = policy("服务时间为5×8小时,2小时内响应。");
	assert_non_null(strstr(p, "review: the letter does not say whether public holidays are worked"));
	free(p);
}

/* ---- notes and drafts --------------------------------------------------- */

static void
notes(void **state)
{
	(void)state;
	char *p = policy("五、违约责任\n1. 每超时1小时扣罚人民币200元,单次最高不超过2000元。\n"
			 "六、免责条款\n1. 因不可抗力造成的故障除外。\n");
	assert_non_null(strstr(p, ";     suggested: penalty = 200/h max 2000"));
	assert_non_null(strstr(p, "; Exclusions:"));
	assert_non_null(strstr(p, "因不可抗力造成的故障除外"));
	assert_non_null(strstr(p, "currency     = CNY"));
	free(p);
	p = policy("五、违约责任\n1. 可用率低于99%的,扣除当月服务费的5%,累计不超过服务费的20%。\n");
	assert_non_null(strstr(p, ";     suggested: credits = 99%:5%; cap = 20%"));
	free(p);
	p = policy("故障不能按时解决的,我们将第一时间通知客户。");
	assert_non_null(strstr(p, "; not expressed:"));
	free(p);
}

static void
no_commitment_says_so(void **state)
{
	(void)state;
	sla_extract *x = run("本人承诺遵守装修管理规定,装修期间保证配备两个灭火器。\n承诺人:2013 年12月5日");
	assert_int_equal(sla_extract_ntargets(x), 0);
	sla_extract_free(x);
	char *p = policy("本人承诺遵守装修管理规定。");
	assert_non_null(strstr(p, "No service commitment found"));
	assert_null(strstr(p, "[tier "));
	free(p);
}

/* Every draft of these loads as a policy, with no lint warning. */
static void
drafts_load_and_lint_clean(void **state)
{
	(void)state;
	static const char *const letters[] = {
		"我们承诺在24小时内给予初步响应。\n对于紧急服务请求,2小时内提供紧急响应服务。\n"
		"所有服务请求都将在48小时内完成服务。",
		"对于一般性故障,24小时内提供解决方案或派遣技术人员进行现场处理。\n"
		"如果设备故障在8小时内无法排除,24小时内提供备用产品。",
		"在工作日内的8小时内回复您的请求。\n服务时间为周一至周五9:00-17:30。\n3个工作日内解决。",
		"如远程无法解决,工程师将于4小时内赶到现场;在4小时内无法修复的,8小时内到达现场。",
		"客户可以通过邮件提出问题,并在24小时内得到回复。",
		"本人承诺遵守规定。",
		"",
	};
	for (size_t i = 0; i < sizeof letters / sizeof *letters; i++) {
		char path[] = "/tmp/test_extract_XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		char *p = policy(letters[i]);
		assert_int_equal(write(fd, p, strlen(p)), (ssize_t)strlen(p));
		close(fd);
		sla_diag d = sla_diag_init("sla-check");
		char *msgs = NULL;
		size_t n = 0;
		d.out = open_memstream(&msgs, &n);
		sla_policy *pol = sla_policy_load(path, NULL, &d);
		if (!pol) {
			fclose(d.out);
			fprintf(stderr, "%s\n%s", p, msgs);
		}
		assert_non_null(pol);
		/* 2026-06-01: inside the years the cn holidays cover */
		assert_int_equal(sla_policy_lint(pol, &d, 1780243200), 0);
		sla_policy_free(pol);
		fclose(d.out);
		free(msgs);
		free(p);
		unlink(path);
	}
}

/* A sentence of any length ends in bounded time: it is read in pieces. */
static void
long_text_in_bounded_time(void **state)
{
	(void)state;
	static const char phrase[] = "1小时内响应到达现场或";	/* no full stop: one sentence */
	size_t k = sizeof phrase - 1, n = 20000 * k;
	char *text = malloc(n + 1);
	assert_non_null(text);
	for (size_t i = 0; i < n; i += k)
		memcpy(text + i, phrase, k);
	text[n] = '\0';
	clock_t t = clock();
	sla_extract *x = run(text);
	assert_true(sla_extract_ntargets(x) > 0);
	sla_extract_free(x);
	assert_true(clock() - t < 20 * CLOCKS_PER_SEC);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numerals),
		cmocka_unit_test(durations_in_arabic_and_chinese),
		cmocka_unit_test(working_days_and_their_parts),
		cmocka_unit_test(limit_words_before_and_after),
		cmocka_unit_test(ranges_keep_the_upper_bound),
		cmocka_unit_test(english_letters),
		cmocka_unit_test(no_target_numbers),
		cmocka_unit_test(metric_words),
		cmocka_unit_test(commitments_no_builtin_measures),
		cmocka_unit_test(either_step_or_both),
		cmocka_unit_test(replacement_and_its_condition),
		cmocka_unit_test(tier_labels),
		cmocka_unit_test(headings_carry_a_tier),
		cmocka_unit_test(letters_own_classes),
		cmocka_unit_test(tables),
		cmocka_unit_test(calendars),
		cmocka_unit_test(notes),
		cmocka_unit_test(no_commitment_says_so),
		cmocka_unit_test(drafts_load_and_lint_clean),
		cmocka_unit_test(long_text_in_bounded_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
