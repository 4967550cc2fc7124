/* Unit tests: the shared command-line messages (sla_cli.h), with getopt_long
 * run for real over small command lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_cli.h"

static const char shortopts[] = ":p:sh";
static const struct option longopts[] = {
	{ "policy", required_argument, NULL, 'p' },
	{ "strict", no_argument, NULL, 's' },
	{ "events", no_argument, NULL, 256 },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Run getopt_long over ARGV (NULL-terminated) to its first refusal and
 * return what sla_cli_bad_option said, or "" when nothing was refused. */
static char *
refusal(char **argv)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	sla_diag d = sla_diag_init("t");
	int argc = 0, c;

	assert_non_null(out);
	d.out = out;
	while (argv[argc])
		argc++;
	optind = 0;	/* glibc: start afresh */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1)
		if (c == '?' || c == ':') {
			assert_int_equal(sla_cli_bad_option(&d, c, shortopts, argv),
					 SLA_EXIT_ERROR);
			break;
		}
	fclose(out);
	return text;
}

#define REFUSED(want, ...) do { \
		char *argv_[] = { "t", __VA_ARGS__, NULL }; \
		char *said_ = refusal(argv_); \
		assert_string_equal(said_, "t: " want "\nTry 't --help'.\n"); \
		free(said_); \
	} while (0)

static void
a_missing_argument_is_named_as_typed(void **state)
{
	(void)state;
	REFUSED("option needs an argument \"--policy\"", "--policy");
	REFUSED("option needs an argument \"--pol\"", "--pol");
	REFUSED("option needs an argument \"-p\"", "-p");
	REFUSED("option needs an argument \"-p\"", "-sp");
	REFUSED("option needs an argument \"-p\"", "file", "--strict", "-p");
}

static void
an_unknown_option_is_named_as_typed(void **state)
{
	(void)state;
	REFUSED("unknown option \"--polcy\"", "--polcy");
	REFUSED("unknown option \"--polcy=x\"", "--polcy=x");
	REFUSED("unknown option \"-x\"", "-x");
	/* inside a cluster that is not used up, after a long option */
	REFUSED("unknown option \"-x\"", "--strict", "-xs");
	/* a flag given a value, long only or with a letter */
	REFUSED("unknown option \"--strict=1\"", "--strict=1");
	REFUSED("unknown option \"--events=1\"", "--events=1");
}

static void
a_failed_write_is_said_once(void **state)
{
	(void)state;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	sla_diag d = sla_diag_init("t");

	assert_non_null(out);
	d.out = out;
	assert_int_equal(sla_cli_close_stdout(&d, 0, "the report"), SLA_EXIT_OK);
	assert_int_equal(sla_cli_close_stdout(&d, -1, "the report"), SLA_EXIT_ERROR);
	fclose(out);
	assert_string_equal(text, "t: <stdout>: cannot write the report\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_missing_argument_is_named_as_typed),
		cmocka_unit_test(an_unknown_option_is_named_as_typed),
		cmocka_unit_test(a_failed_write_is_said_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
