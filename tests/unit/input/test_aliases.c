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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
