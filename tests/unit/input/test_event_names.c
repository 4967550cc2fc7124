/* Unit tests: the [events] map of status and event-kind names, and the
 * visibility words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event_helpers.h"
#include "sla_event_names.h"

/* ---- helpers ------------------------------------------------------------ */

static void
assert_class(const sla_events_map *m, const char *name, sla_event_class c)
{
	sla_event_class got = sla_events_map_lookup(m, name, strlen(name));
	if (got != c)
		fail_msg("\"%s\": class %d, expected %d", name, (int)got, (int)c);
}

/* ---- the map -------------------------------------------------------------- */

static void
names_fold_case_and_separators(void **state)
{
	(void)state;
	sla_events_map *m = map_from(NULL);
	assert_class(m, "ON_HOLD", SLA_EV_PAUSE);
	assert_class(m, "on-hold", SLA_EV_PAUSE);
	assert_class(m, "  On   Hold ", SLA_EV_PAUSE);
	assert_class(m, "In Progress", SLA_EV_ACTIVE);
	assert_class(m, "Re-opened", SLA_EV_REOPEN);
	assert_class(m, "Something else", SLA_EV_UNKNOWN);
	assert_class(m, "", SLA_EV_UNKNOWN);
	assert_class(m, "   ", SLA_EV_UNKNOWN);
	char longname[300];
	memset(longname, 'a', sizeof longname);
	assert_int_equal(sla_events_map_lookup(m, longname, sizeof longname), SLA_EV_UNKNOWN);
	sla_events_map_free(m);
}

static void
builtins_cover_the_common_helpdesks(void **state)
{
	(void)state;
	sla_events_map *m = map_from(NULL);
	/* Jira */
	assert_class(m, "Waiting for customer", SLA_EV_PAUSE);
	assert_class(m, "Waiting for support", SLA_EV_NEW);
	assert_class(m, "Done", SLA_EV_RESOLVED);
	assert_class(m, "Reopened", SLA_EV_REOPEN);
	assert_class(m, "Comment", SLA_EV_REPLY);
	/* OTRS / Znuny */
	assert_class(m, "NewTicket", SLA_EV_CREATED);
	assert_class(m, "pending reminder", SLA_EV_PAUSE);
	assert_class(m, "closed successful", SLA_EV_CLOSED);
	assert_class(m, "SendAnswer", SLA_EV_REPLY);
	assert_class(m, "AddNote", SLA_EV_NOTE);
	/* Zammad */
	assert_class(m, "pending close", SLA_EV_PAUSE);
	assert_class(m, "merged", SLA_EV_CLOSED);
	/* ServiceNow */
	assert_class(m, "Awaiting Caller", SLA_EV_PAUSE);
	assert_class(m, "work_notes", SLA_EV_NOTE);
	assert_class(m, "Canceled", SLA_EV_CLOSED);
	/* ZenTao and Chinese desks */
	assert_class(m, "创建", SLA_EV_CREATED);
	assert_class(m, "激活", SLA_EV_REOPEN);
	assert_class(m, "已解决", SLA_EV_RESOLVED);
	assert_class(m, "已关闭", SLA_EV_CLOSED);
	assert_class(m, "待客户确认", SLA_EV_PAUSE);
	assert_class(m, "挂起", SLA_EV_PAUSE);
	assert_class(m, "等待第三方", SLA_EV_PAUSE);
	assert_class(m, "已受理", SLA_EV_RESPONSE);
	assert_class(m, "到场", SLA_EV_ONSITE);
	assert_class(m, "临时解决", SLA_EV_WORKAROUND);
	/* ZenTao's activity list writes its actions done, with 了 */
	assert_class(m, "评论了", SLA_EV_REPLY);
	assert_class(m, "解决了", SLA_EV_RESOLVED);
	assert_class(m, "创建了", SLA_EV_CREATED);
	assert_class(m, "关闭了", SLA_EV_CLOSED);
	assert_class(m, "激活了", SLA_EV_REOPEN);
	assert_class(m, "挂起了", SLA_EV_PAUSE);
	assert_class(m, "了", SLA_EV_UNKNOWN);
	assert_class(m, "编辑了", SLA_EV_UNKNOWN);
	sla_events_map_free(m);
}

static void
every_class_has_a_key(void **state)
{
	(void)state;
	assert_null(sla_event_class_key(SLA_EV_UNKNOWN));
	assert_null(sla_event_class_key(SLA_EV_NCLASSES));
	for (int c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++)
		assert_non_null(sla_event_class_key((sla_event_class)c));
	assert_string_equal(sla_event_class_key(SLA_EV_PAUSE), "pause");
}

static void
section_replaces_or_keeps_builtins(void **state)
{
	(void)state;
	sla_events_map *m = map_from(
		"[policy]\nname = x\nunknown = fine here\n"
		"[events]\n"
		"pause = 客户验证中, Customer testing   ; a comment\n"
		"resolved = defaults, 已交付\n"
		"onsite =\n"
		"workaround = Resolved\n"
		"[tier urgent]\nresponse = 1h\n");
	assert_class(m, "客户验证中", SLA_EV_PAUSE);
	assert_class(m, "customer TESTING", SLA_EV_PAUSE);
	assert_class(m, "挂起", SLA_EV_UNKNOWN);	/* pause replaced */
	assert_class(m, "已交付", SLA_EV_RESOLVED);
	assert_class(m, "已解决", SLA_EV_RESOLVED);	/* defaults kept */
	assert_class(m, "On site", SLA_EV_UNKNOWN);	/* emptied */
	assert_class(m, "Resolved", SLA_EV_WORKAROUND);	/* the section wins */
	assert_class(m, "Closed", SLA_EV_CLOSED);	/* untouched */
	sla_events_map_free(m);
}

static void
lists_continue_and_take_chinese_commas(void **state)
{
	(void)state;
	sla_events_map *m = map_from("[events]\npause = 甲，乙、丙,\n  丁\n");
	assert_class(m, "甲", SLA_EV_PAUSE);
	assert_class(m, "乙", SLA_EV_PAUSE);
	assert_class(m, "丙", SLA_EV_PAUSE);
	assert_class(m, "丁", SLA_EV_PAUSE);
	sla_events_map_free(m);
}

static void
expect_map_error(const char *text, const char *message)
{
	captured c;
	capture(&c);
	assert_null(sla_events_map_parse(text, "policy.ini", &c.d));
	assert_string_equal(captured_text(&c), message);
	release(&c);
}

static void
bad_sections_are_fatal_with_their_line(void **state)
{
	(void)state;
	expect_map_error("[policy]\nname = x\n[events]\npuase = 挂起\n",
			 "sla-parse: policy.ini:4: events: unknown key \"puase\"\n");
	expect_map_error("[events]\npause = 挂起\n\nresolved = 已解决, 挂起\n",
			 "sla-parse: policy.ini:4: events: name given both to pause "
			 "and to resolved \"挂起\"\n");
	char longline[400] = "[events]\npause = ";
	memset(longline + strlen(longline), 'x', 150);
	expect_map_error(longline, "sla-parse: policy.ini:2: events: name too long "
			 "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			 "xxxxxxxxxxxxxxxxxxxxxx...\"\n");
}

/* An [events] line of any length: every name of a 60-name list is read,
 * whichever separator it uses, and a comment after a continuation line is
 * cut off (libinih 55 keeps it in the value). */
static void
long_lists_and_comments_are_read(void **state)
{
	(void)state;
	char text[4096] = "[policy]\nname = x\n[events]\npause = ";
	for (int i = 0; i < 60; i++)
		sprintf(text + strlen(text), "%swaiting %02d", i == 0 ? "" : i % 2 ? ", " : "，", i);
	strcat(text, " ; the customer's turn\n  等待客户 ; a comment\n");
	assert_true(strlen(text) > 800);
	sla_events_map *m = map_from(text);
	char name[32];
	for (int i = 0; i < 60; i++) {
		sprintf(name, "waiting %02d", i);
		assert_class(m, name, SLA_EV_PAUSE);
	}
	assert_class(m, "等待客户", SLA_EV_PAUSE);
	assert_class(m, "a comment", SLA_EV_UNKNOWN);
	sla_events_map_free(m);
}

static void
loads_files_and_the_default(void **state)
{
	(void)state;
	char path[] = "/tmp/sla-events-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char text[] = "[events]\nonsite = 工程师签到\n";
	assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	sla_diag d = sla_diag_init("test");
	sla_events_map *m = sla_events_map_load(path, &d);
	assert_non_null(m);
	assert_class(m, "工程师签到", SLA_EV_ONSITE);
	sla_events_map_free(m);
	m = sla_events_map_load(NULL, &d);
	assert_non_null(m);
	assert_class(m, "On site", SLA_EV_ONSITE);
	sla_events_map_free(m);
	unlink(path);

	captured c;
	capture(&c);
	assert_null(sla_events_map_load(path, &c.d));
	assert_non_null(strstr(captured_text(&c), ": cannot read: "));
	release(&c);
}

/* Written into memory by sla_events_map_print; the caller frees it. */
static char *
printed(const sla_events_map *m)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	sla_events_map_print(m, out);
	fclose(out);
	return text;
}

/* Every name a printed map shows finds the class of its key. */
static void
assert_printed_names_found(const sla_events_map *m, char *text)
{
	sla_event_class c = SLA_EV_UNKNOWN;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *names = line;
		if (line[0] == '[')
			continue;
		if (line[0] != ' ') {
			names = strstr(line, " =");
			assert_non_null(names);
			*names = '\0';
			names += 2;
			for (c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++)
				if (strcmp(sla_event_class_key(c), line) == 0)
					break;
			assert_true(c < SLA_EV_NCLASSES);
		}
		while (*names) {
			names += strspn(names, ", ");
			size_t n = strcspn(names, ",");
			if (n)
				assert_int_equal(sla_events_map_lookup(m, names, n), c);
			names += n;
		}
	}
}

/* A value that ends in the first bytes of a Chinese comma: the separator
 * is looked for only in the bytes there are (it read up to two past the
 * end of the value before; the buffer is libinih's, on its stack, so
 * ASan could not see it), and the bytes stay in the name. */
static void
a_cut_separator_at_the_end_is_part_of_the_name(void **state)
{
	(void)state;
	sla_events_map *m = map_from("[events]\npause = a\xef\xbc\nnote = b,c\xe3\n");
	assert_class(m, "a\xef\xbc", SLA_EV_PAUSE);
	assert_class(m, "a", SLA_EV_UNKNOWN);
	assert_class(m, "b", SLA_EV_NOTE);
	assert_class(m, "c\xe3", SLA_EV_NOTE);
	sla_events_map_free(m);
}

static void
printed_map_reads_back_the_same(void **state)
{
	(void)state;
	sla_events_map *m = map_from("[events]\npause = 客户验证中, defaults\nonsite =\n");
	char *text = printed(m);
	assert_non_null(strstr(text, "[events]\nnew = new, open, to do,"));
	assert_non_null(strstr(text, "\npause = 客户验证中, waiting for customer,"));
	assert_non_null(strstr(text, "\nonsite =\n"));
	for (char *p = text, *nl; (nl = strchr(p, '\n')); p = nl + 1)
		assert_true(nl - p < 80);	/* libinih reads 200 bytes a line */
	sla_events_map *again = map_from(text);
	char *text2 = printed(again);
	assert_string_equal(text2, text);
	assert_class(again, "挂起", SLA_EV_PAUSE);
	assert_class(again, "On site", SLA_EV_UNKNOWN);
	assert_class(again, "pending auto close-", SLA_EV_PAUSE);
	assert_printed_names_found(again, text);
	free(text);
	free(text2);
	sla_events_map_free(m);
	sla_events_map_free(again);
}

static void
visibility_words(void **state)
{
	(void)state;
	assert_int_equal(sla_visibility_parse("", 0, false), SLA_VIS_UNKNOWN);
	assert_int_equal(sla_visibility_parse("Public", 6, false), SLA_VIS_PUBLIC);
	assert_int_equal(sla_visibility_parse("内部", strlen("内部"), false), SLA_VIS_INTERNAL);
	assert_int_equal(sla_visibility_parse("internal", 8, false), SLA_VIS_INTERNAL);
	assert_int_equal(sla_visibility_parse("true", 4, false), SLA_VIS_PUBLIC);
	assert_int_equal(sla_visibility_parse("true", 4, true), SLA_VIS_INTERNAL);
	assert_int_equal(sla_visibility_parse("0", 1, true), SLA_VIS_PUBLIC);
	assert_int_equal(sla_visibility_parse("maybe", 5, false), SLA_VIS_BAD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_fold_case_and_separators),
		cmocka_unit_test(builtins_cover_the_common_helpdesks),
		cmocka_unit_test(every_class_has_a_key),
		cmocka_unit_test(long_lists_and_comments_are_read),
		cmocka_unit_test(section_replaces_or_keeps_builtins),
		cmocka_unit_test(lists_continue_and_take_chinese_commas),
		cmocka_unit_test(a_cut_separator_at_the_end_is_part_of_the_name),
		cmocka_unit_test(bad_sections_are_fatal_with_their_line),
		cmocka_unit_test(loads_files_and_the_default),
		cmocka_unit_test(printed_map_reads_back_the_same),
		cmocka_unit_test(visibility_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
