/* report_owed.c: what the penalty statements owe in all (sla_report.h),
 * summed from the finished statements: the one figure a reader of many
 * statements wants first, exact, or refused when it does not fit. */
#include "sla_money.h"
#include "sla_report.h"

int
sla_report_owed(const sla_report *r, int64_t *owed)
{
	size_t n;
	const sla_statement *s = sla_report_statements(r, &n);
	int64_t sum = 0;

	for (size_t i = 0; i < n && sla_report_config_of(r)->terms; i++)
		if (sla_money_add(sum, s[i].total, &sum) < 0)
			return -1;
	*owed = sum;
	return 0;
}
