/* cli.c: shared command-line behaviour (sla_cli.h). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sla_cli.h"

int
sla_cli_help(const sla_diag *d, const char *usage)
{
	fputs(usage, stdout);
	return sla_cli_close_stdout(d, 0, "the help");
}

int
sla_cli_version(const sla_diag *d)
{
	printf("%s (sla-tools) %s\n", d->tool, SLA_VERSION);
	return sla_cli_close_stdout(d, 0, "the version");
}

int
sla_cli_usage_error(const sla_diag *d, const char *fmt, ...)
{
	va_list ap;

	fprintf(d->out, "%s: ", d->tool);
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fprintf(d->out, "\nTry '%s --help'.\n", d->tool);
	return SLA_EXIT_ERROR;
}

/* getopt_long leaves no record of which form failed, so it is read back:
 * a long option's word has been used up and is argv[optind - 1]; an
 * unknown short letter is one getopt does not know (optopt, not in
 * SHORTS) and may sit inside a cluster ("-sx") that is not used up yet;
 * a short option without its argument ends the command line. */
int
sla_cli_bad_option(const sla_diag *d, int c, const char *shorts, char *const argv[])
{
	const char *word = optind > 0 ? argv[optind - 1] : "";
	bool is_long = strncmp(word, "--", 2) == 0;
	if (c == '?')
		is_long = optopt == 0 || optopt > 255 ||
			  (optopt != ':' && strchr(shorts, optopt) != NULL);
	char letter[3] = { '-', (char)optopt, '\0' };
	const char *typed = is_long ? word : letter;
	if (c == ':')
		return sla_cli_usage_error(d, "option needs an argument \"%s\"", typed);
	return sla_cli_usage_error(d, "unknown option \"%s\"", typed);
}

int
sla_cli_directory(const sla_diag *d, const char *option, const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return SLA_EXIT_OK;
	return sla_cli_usage_error(d, "%s: not a directory \"%s\"", option, path);
}

/* Both ends are flushed before either is judged, so that nothing a
 * failed writer left behind is written silently at exit.  errno is read
 * first: the writer's close has just set it (its argument), and a stdio
 * write that failed before (an fwrite whose buffer stdio then dropped)
 * left it, since nothing runs between a tool's last write and this call. */
int
sla_cli_close_stdout(const sla_diag *d, int writer_rc, const char *what)
{
	int err = errno;
	bool flushed = fflush(stdout) == 0;
	if (writer_rc == 0 && !flushed)
		err = errno;
	else if (writer_rc == 0 && !ferror(stdout))
		return SLA_EXIT_OK;
	if (err == 0)
		sla_diag_msg(d, "<stdout>", 0, NULL, NULL, 0, "cannot write %s", what);
	else
		sla_diag_msg(d, "<stdout>", 0, NULL, NULL, 0, "cannot write %s: %s", what,
			     strerror(err));
	return SLA_EXIT_ERROR;
}

int
sla_cli_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	int shift = 0;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (errno || *end || v == 0 || v > (SIZE_MAX >> shift) >> 1)
		return -1;
	*out = (size_t)v << shift;
	return 0;
}
