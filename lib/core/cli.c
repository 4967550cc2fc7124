/* cli.c: shared command-line behaviour. */
#include <stdarg.h>
#include <stdio.h>
#include <sys/stat.h>

#include "sla_cli.h"

void
sla_cli_version(const char *tool)
{
	printf("%s (sla-tools) %s\n", tool, SLA_VERSION);
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

int
sla_cli_directory(const sla_diag *d, const char *option, const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return SLA_EXIT_OK;
	return sla_cli_usage_error(d, "%s: not a directory \"%s\"", option, path);
}
