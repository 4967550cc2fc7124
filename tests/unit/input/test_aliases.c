/* Unit tests: the header alias table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_aliases.h"
#include "sla_events_input.h"

static int
lookup(const char *h)
{
	return sla_alias_lookup(h, strlen(h), NULL);
}

static void
headers_of_each_product(void **state)
{
	(void)state;
	assert_int_equal(lookup("Issue key"), SLA_COL_ID);		/* Jira */
	assert_int_equal(lookup("number"), SLA_COL_ID);		/* ServiceNow */
	assert_int_equal(lookup("opened_at"), SLA_COL_OPENED);
	assert_int_equal(lookup("Solved at"), SLA_COL_RESOLVED);	/* Zendesk */
	assert_int_equal(lookup("Created time"), SLA_COL_OPENED);	/* Freshdesk */
	assert_int_equal(lookup("Ticket#"), SLA_COL_ID);		/* OTRS */
	assert_int_equal(lookup("Opening date"), SLA_COL_OPENED);	/* GLPI */
	assert_int_equal(lookup("First response at"), SLA_COL_FIRST_RESPONSE); /* Zammad */
	assert_int_equal(lookup("Bug编号"), SLA_COL_ID);		/* ZenTao */
	assert_int_equal(lookup("创建日期"), SLA_COL_OPENED);
	assert_int_equal(lookup("工单编号"), SLA_COL_ID);
	assert_int_equal(lookup("报修时间"), SLA_COL_OPENED);
	assert_int_equal(lookup("响应时间"), SLA_COL_FIRST_RESPONSE);
	assert_int_equal(lookup("到场时间"), SLA_COL_ONSITE);
	assert_int_equal(lookup("关闭时间"), SLA_COL_CLOSED);
	assert_int_equal(lookup("紧急程度"), SLA_COL_PRIORITY);
	assert_int_equal(lookup("严重程度"), SLA_COL_SEVERITY);
	assert_int_equal(lookup("问题描述"), SLA_COL_DESCRIPTION);
	assert_int_equal(lookup("客户名称"), SLA_COL_CUSTOMER);
	assert_int_equal(lookup("Reporter"), -1);
	/* refused before: a European sheet's Ticket, Jira's First Response
	 * Date, Zammad's Closed At, and 挂起时段 */
	assert_int_equal(lookup("Ticket"), SLA_COL_ID);
	assert_int_equal(lookup("Custom field (First Response Date)"), SLA_COL_FIRST_RESPONSE);
	assert_int_equal(lookup("Custom field (Organizations)"), SLA_COL_CUSTOMER);
	assert_int_equal(lookup("Closed At"), SLA_COL_CLOSED);
	assert_int_equal(lookup("Create Channel"), SLA_COL_CHANNEL);
	assert_int_equal(lookup("挂起时段"), SLA_COL_PAUSED);
	assert_int_equal(lookup("工單編號"), SLA_COL_ID);
	assert_int_equal(lookup("建立時間"), SLA_COL_OPENED);
	assert_int_equal(lookup("Date/Time Opened"), SLA_COL_OPENED);
	/* what looks right and is not: durations, due times, SLA cells */
	assert_int_equal(lookup("First response time (in hrs)"), -1);
	assert_int_equal(lookup("First Response Escalation At"), -1);
	assert_int_equal(lookup("Custom field (Time to first response)"), -1);
	assert_int_equal(lookup("Time to resolve"), -1);
	assert_int_equal(lookup("Resolve time"), -1);
}

/* No name (as compared) in the table that PRINT writes (TSV: column,
 * name, source) means two columns.  Rows whose name is in parentheses
 * ("(the ticket aliases of id)") are no names. */
static void
assert_no_collision(void (*print)(FILE *))
{
	char *buf = NULL, *line = NULL;
	size_t len = 0, cap = 0, n = 0;
	char *names[1024], *cols[1024];
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	print(f);
	fclose(f);
	f = fmemopen(buf, len, "r");
	assert_non_null(f);
	assert_true(getline(&line, &cap, f) > 0);	/* the header */
	while (getline(&line, &cap, f) > 0) {
		char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		assert_non_null(tab2);
		*tab1 = *tab2 = '\0';
		if (tab1[1] == '(')
			continue;
		assert_true(n < 1024);
		names[n] = strdup(tab1 + 1);
		cols[n] = strdup(line);
		n++;
	}
	fclose(f);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(cols[i], cols[j]) != 0 &&
			    sla_alias_same(names[i], strlen(names[i]), names[j], strlen(names[j])))
				fail_msg("\"%s\" (%s) and \"%s\" (%s) are one name", names[i],
					 cols[i], names[j], cols[j]);
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		free(cols[i]);
	}
	free(line);
	free(buf);
}

/* The ticket aliases (canonical names among them) and the history
 * aliases: no name means two columns. */
static void
no_name_means_two_columns(void **state)
{
	(void)state;
	assert_no_collision(sla_alias_print);
	assert_no_collision(sla_events_input_print);
}

static int
suggest(const char *h)
{
	bool skip[SLA_NCANON] = { [SLA_COL_LINE] = true };
	return sla_alias_suggest(h, strlen(h), skip);
}

/* A header that no alias names, and the column it may hold: whole words
 * of a name or an alias, the longest one. */
static void
suggestions_for_unknown_headers(void **state)
{
	(void)state;
	assert_int_equal(suggest("Custom field (First Response)"), SLA_COL_FIRST_RESPONSE);
	assert_int_equal(suggest("挂起时段（分钟）"), SLA_COL_PAUSED);
	assert_int_equal(suggest("Date Closed (UTC)"), SLA_COL_CLOSED);
	assert_int_equal(suggest("Phone number"), SLA_COL_ID);	/* Number: only a hint */
	assert_int_equal(suggest("Unresolved"), -1);	/* not a whole word */
	assert_int_equal(suggest("Assignee"), -1);
	/* a column the export has already is not suggested */
	bool skip[SLA_NCANON] = { [SLA_COL_CLOSED] = true };
	assert_int_equal(sla_alias_suggest("Closed (UTC)", 12, skip), -1);
}

static void
case_and_spaces_do_not_matter(void **state)
{
	(void)state;
	assert_int_equal(lookup("CREATED AT"), SLA_COL_OPENED);
	assert_int_equal(lookup("created_at"), SLA_COL_OPENED);
	assert_int_equal(lookup("  Created-At "), SLA_COL_OPENED);
	assert_int_equal(lookup("工单\xE3\x80\x80编号"), SLA_COL_ID);	/* ideographic space */
	assert_int_equal(lookup("FIRST_RESPONSE"), SLA_COL_FIRST_RESPONSE);
	assert_true(sla_alias_same("Ticket ID", 9, "ticketid", 8));
	assert_false(sla_alias_same("Ticket ID", 9, "ticket", 6));
	assert_false(sla_alias_same("", 0, "x", 1));
	assert_true(sla_alias_same(" _", 2, "", 0));
}

static void
earlier_aliases_rank_first(void **state)
{
	(void)state;
	unsigned key, id, canon;
	assert_int_equal(sla_alias_lookup("Issue key", 9, &key), SLA_COL_ID);
	assert_int_equal(sla_alias_lookup("Issue id", 8, &id), SLA_COL_ID);
	assert_int_equal(sla_alias_lookup("id", 2, &canon), SLA_COL_ID);
	assert_true(canon < key);
	assert_true(key < id);
	unsigned desc, summary;
	sla_alias_lookup("Description", 11, &desc);
	sla_alias_lookup("Summary", 7, &summary);
	assert_true(desc < summary);
}

static void
the_table_prints_as_tsv(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	sla_alias_print(f);
	fclose(f);
	assert_non_null(strstr(buf, "canonical\talias\tsource\n"));
	assert_non_null(strstr(buf, "\nonsite\t到场时间\tChinese sheets\n"));
	assert_non_null(strstr(buf, "\nid\tid\tsla-tools\n"));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headers_of_each_product),
		cmocka_unit_test(case_and_spaces_do_not_matter),
		cmocka_unit_test(earlier_aliases_rank_first),
		cmocka_unit_test(the_table_prints_as_tsv),
		cmocka_unit_test(no_name_means_two_columns),
		cmocka_unit_test(suggestions_for_unknown_headers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
