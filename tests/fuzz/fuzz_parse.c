/* libFuzzer harness: a ticket export through sla-parse's reader
 * (sla_parse.h): header aliases, pause columns and intervals, Excel
 * serials, a policy's extra time columns, and the rows written.
 *
 * The first byte chooses the options: the date system, -v, --strict, and
 * whether an extra time column "answered" is read.  The rest is the
 * export.  The reader must not fail on any bytes but by its own refusal
 * (an empty or headerless file, no id or opened column), and every record
 * it reads must be written or, under --strict, stop it. */
#include "fuzz_input.h"

#include <fcntl.h>
#include <string.h>

#include "sla_parse.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const extra[] = { "answered" };
	char err[128];

	if (size < 1 || size > 65536)
		return 0;
	uint8_t how = data[0];
	fuzz_input in;
	fuzz_input_open(&in, data + 1, size - 1);
	sla_tz *tz = sla_tz_load("Asia/Shanghai", err, sizeof err);
	int out = open("/dev/null", O_WRONLY);
	sla_writer *w = out >= 0 ? sla_writer_new(out) : NULL;
	if (!tz || !w)
		abort();
	sla_parse_opts o = {
		.tz = tz, .date_1904 = how & 1, .strict = how & 4,
		.extra_times = extra, .nextra = how & 8 ? 1 : 0,
	};
	sla_export_refusal no;
	sla_parser *ps = sla_parser_new(&o, w, &in.d, &no);
	if (!ps)
		abort();
	int rc = sla_parser_file(ps, in.path, how & 2);
	unsigned long nread, nwritten, nflagged;
	sla_parser_counts(ps, &nread, &nwritten, &nflagged);
	if (nwritten > nread || nflagged > nwritten || (rc == 0 && nwritten != nread) ||
	    (rc < 0 && !o.strict && nread != nwritten))
		abort();
	sla_parser_free(ps);
	sla_writer_close(w);
	close(out);
	sla_tz_free(tz);
	fuzz_input_close(&in);
	return 0;
}
