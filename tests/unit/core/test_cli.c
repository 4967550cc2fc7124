/* Unit tests: the shared command-line messages (sla_cli.h), with getopt_long
 * run for real over small command lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* What sla_cli_close_stdout said for WRITER_RC with errno ERR at the call. */
static char *
closing(int writer_rc, int err, int want_rc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	sla_diag d = sla_diag_init("t");

	assert_non_null(out);
	d.out = out;
	errno = err;
	assert_int_equal(sla_cli_close_stdout(&d, writer_rc, "the report"), want_rc);
	fclose(out);
	return text;
}

static void
a_failed_write_is_said_once_with_its_reason(void **state)
{
	(void)state;
	char *said = closing(0, ENOSPC, SLA_EXIT_OK);
	assert_string_equal(said, "");
	free(said);
	said = closing(-1, ENOSPC, SLA_EXIT_ERROR);
	assert_string_equal(said, "t: <stdout>: cannot write the report: No space left on device\n");
	free(said);
	said = closing(-1, EBADF, SLA_EXIT_ERROR);
	assert_string_equal(said, "t: <stdout>: cannot write the report: Bad file descriptor\n");
	free(said);
	/* no reason known: none made up ("Success") */
	said = closing(-1, 0, SLA_EXIT_ERROR);
	assert_string_equal(said, "t: <stdout>: cannot write the report\n");
	free(said);
}

/* Standard output's stdio buffer on a full device, flushed by the close:
 * its own errno, whatever errno was before. */
static void
a_failed_stdio_flush_is_said_with_its_reason(void **state)
{
	(void)state;
	int saved = dup(STDOUT_FILENO), full = open("/dev/full", O_WRONLY);
	if (full < 0) {
		close(saved);
		skip();
	}
	fflush(stdout);
	dup2(full, STDOUT_FILENO);
	fputs("the report\n", stdout);
	char *said = closing(0, 0, SLA_EXIT_ERROR);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	clearerr(stdout);
	close(saved);
	close(full);
	assert_string_equal(said, "t: <stdout>: cannot write the report: No space left on device\n");
	free(said);
}

/* --max-line, --max-field: a byte count with K, M or G; never zero. */
static void
a_size_takes_a_suffix_and_is_never_zero(void **state)
{
	(void)state;
	size_t size;
	assert_int_equal(sla_cli_size("64M", &size), 0);
	assert_int_equal(size, (size_t)64 << 20);
	assert_int_equal(sla_cli_size("1k", &size), 0);
	assert_int_equal(size, 1024);
	assert_int_equal(sla_cli_size("0", &size), -1);
	assert_int_equal(sla_cli_size("12X", &size), -1);
	assert_int_equal(sla_cli_size("-1", &size), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_size_takes_a_suffix_and_is_never_zero),
		cmocka_unit_test(a_missing_argument_is_named_as_typed),
		cmocka_unit_test(an_unknown_option_is_named_as_typed),
		cmocka_unit_test(a_failed_write_is_said_once_with_its_reason),
		cmocka_unit_test(a_failed_stdio_flush_is_said_with_its_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
