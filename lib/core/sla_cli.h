/* sla_cli.h: what every command line shares: --version, usage errors. */
#ifndef SLA_CLI_H
#define SLA_CLI_H

#include "sla_diag.h"

/* Print "TOOL (sla-tools) VERSION" on standard output. */
void sla_cli_version(const char *tool);

/* A usage error: the message, then "Try 'TOOL --help'."; returns
 * SLA_EXIT_ERROR for the caller to exit with. */
int sla_cli_usage_error(const sla_diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* PATH is a directory (for --calendars DIR): SLA_EXIT_OK, else a usage
 * error naming OPTION, and SLA_EXIT_ERROR. */
int sla_cli_directory(const sla_diag *d, const char *option, const char *path);

#endif
