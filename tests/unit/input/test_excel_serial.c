/* Unit tests: Excel serial dates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sla_excel_serial.h"

/* The serial S read in the 1900 (or 1904) system as YYYY-MM-DDTHH:MM:SS,
 * or "-" when it is none. */
static const char *
reading(const char *s, bool date_1904)
{
	static char buf[SLA_RFC3339_MAX];
	sla_stamp st;
	if (!sla_excel_serial(s, strlen(s), date_1904, &st))
		return "-";
	assert_false(st.has_offset);
	sla_rfc3339_format(st.secs, 0, buf);
	buf[19] = '\0';	/* the wall clock: no offset */
	return buf;
}

static void
serials_of_both_systems(void **state)
{
	(void)state;
	assert_string_equal(reading("46066.708333", false), "2026-02-13T17:00:00");
	assert_string_equal(reading("46066", false), "2026-02-13T00:00:00");
	assert_string_equal(reading(" 46066.5 ", false), "2026-02-13T12:00:00");
	assert_string_equal(reading("46066,75", false), "2026-02-13T18:00:00");	/* a German CSV */
	/* rounded to the nearest second, digits past the twelfth not read */
	assert_string_equal(reading("46066.00001157", false), "2026-02-13T00:00:01");
	assert_string_equal(reading("46066.99999999999999999", false), "2026-02-14T00:00:00");
	/* the 1904 system counts from 1904-01-01: the same day is 1462 fewer */
	assert_string_equal(reading("44604.708333", true), "2026-02-13T17:00:00");
	assert_string_equal(reading("46066", true), "2030-02-14T00:00:00");
	/* five digits only: 1927 to 2173 */
	assert_string_equal(reading("10000", false), "1927-05-18T00:00:00");
	assert_string_equal(reading("99999.5", false), "2173-10-13T12:00:00");
	assert_string_equal(reading("9999", false), "-");
	assert_string_equal(reading("100000", false), "-");
	assert_string_equal(reading("01234", false), "-");
	assert_string_equal(reading("46066.7x", false), "-");
	assert_string_equal(reading("-46066", false), "-");
	assert_string_equal(reading("", false), "-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(serials_of_both_systems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
