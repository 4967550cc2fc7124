/* sla_cli.h: what every command line shares, so the five tools say it
 * alike: --help and --version, usage errors (a bad option, a missing
 * argument, a bad value), and the close of standard output.
 *
 * Owns the wording of these messages and nothing else: the options
 * themselves, their tables and what they mean belong to each cmd/ tool.
 * Every message goes to D's stream in the house shape (sla_diag.h). */
#ifndef SLA_CLI_H
#define SLA_CLI_H

#include "sla_diag.h"

/* --help: USAGE on standard output, closed as sla_cli_close_stdout does;
 * returns its status. */
int sla_cli_help(const sla_diag *d, const char *usage);

/* --version: "TOOL (sla-tools) VERSION" on standard output, closed the
 * same way; returns the status. */
int sla_cli_version(const sla_diag *d);

/* A usage error: the message, then "Try 'TOOL --help'."; returns
 * SLA_EXIT_ERROR for the caller to exit with. */
int sla_cli_usage_error(const sla_diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* What getopt_long returned when it refused an option: C is '?' (an
 * unknown option) or ':' (a missing argument; SHORTS, the optstring, then
 * begins with ':'), with opterr = 0 so that getopt itself said nothing.
 * Reads optind and optopt, and ARGV for the option as it was typed.  One
 * usage error, in one of the two shapes
 *   TOOL: unknown option "--polcy"
 *   TOOL: option needs an argument "--policy"
 * and the "Try" line; returns SLA_EXIT_ERROR.  Every long option's value
 * must be its short letter (in SHORTS) or above 255. */
int sla_cli_bad_option(const sla_diag *d, int c, const char *shorts, char *const argv[]);

/* PATH is a directory (for --calendars DIR): SLA_EXIT_OK, else a usage
 * error naming OPTION, and SLA_EXIT_ERROR. */
int sla_cli_directory(const sla_diag *d, const char *option, const char *path);

/* The end of a tool's output, the one check of everything it wrote on
 * standard output: flush standard output's stdio buffer and take
 * WRITER_RC, what sla_writer_close returned for the tool's writer on
 * descriptor 1 (0 when the tool wrote through stdio only); call it right
 * after the last write, so that errno still holds a failed one's reason.
 * A failed write anywhere is said once,
 *   TOOL: <stdout>: cannot write WHAT: REASON
 * (WHAT names the output: "the ticket stream", "the report"; REASON is
 * strerror's, "No space left on device"), and is SLA_EXIT_ERROR; else
 * SLA_EXIT_OK. */
int sla_cli_close_stdout(const sla_diag *d, int writer_rc, const char *what);

/* A byte count as an option gives it (--max-line, --max-field), with an
 * optional K, M or G suffix (powers of 1024).  0, or -1 when malformed or
 * zero. */
int sla_cli_size(const char *s, size_t *out);

#endif
