/* libFuzzer harness: sla-report on any check stream, in every format, with
 * a contract that prices breaches.  Every row read must be counted in the
 * report's total; every format's output must be valid UTF-8 holding no
 * control but its own separators, no bidi override (sla_visible.h);
 * nothing may crash. */
#include "fuzz_input.h"

#include <string.h>

#include "sla_report.h"
#include "sla_utf8.h"
#include "sla_visible.h"

/* Write the report in format F and abort unless what came out is safe:
 * the only unsafe units are the format's line and field separators. */
static void
write_checked(const sla_report *rep, sla_report_format f)
{
	static const char *const separators[] = {
		[SLA_FORMAT_TEXT] = "\n", [SLA_FORMAT_TSV] = "\t\n", [SLA_FORMAT_CSV] = "\t\n\r",
		[SLA_FORMAT_JSON] = "\n", [SLA_FORMAT_MARKDOWN] = "\n", [SLA_FORMAT_HTML] = "\n",
	};
	int fd = memfd_create("report", 0);
	sla_writer *w = fd < 0 ? NULL : sla_writer_new(fd);
	if (!w)
		abort();
	sla_report_write(rep, f, (sla_lang)(f % 2), w);
	if (sla_writer_close(w) != 0)
		abort();
	off_t n = lseek(fd, 0, SEEK_END);
	char *out = n < 0 ? NULL : malloc((size_t)n + 1);
	if (!out || pread(fd, out, (size_t)n, 0) != n)
		abort();
	if (sla_utf8_valid((const unsigned char *)out, (size_t)n) != (size_t)n)
		abort();
	for (size_t i = 0; i < (size_t)n;) {
		sla_unsafe u;
		i += sla_visible_run(out + i, (size_t)n - i, &u);
		if (i == (size_t)n)
			break;
		if (u.kind != SLA_UNSAFE_CONTROL || u.cp == 0 || !strchr(separators[f], (int)u.cp))
			abort();
		i += u.len;
	}
	free(out);
	close(fd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const by[] = { "tier", "metric" };
	static const sla_credit_band bands[] = { { 990000, 50000 }, { 900000, 250000 } };
	static const sla_report_terms terms = {
		.contract = "fuzz", .currency = "CNY", .minor_digits = 2, .fee = 2000000,
		.bands = bands, .nbands = 2, .cap = { .set = true, .percent = true, .ppm = 100000 },
	};
	/* loaded once: the harness reads rows, not the zone database */
	static sla_tz *tz;
	char err[128];
	if (!tz && !(tz = sla_tz_load("Asia/Shanghai", err, sizeof err)))
		abort();

	fuzz_input in;
	fuzz_input_open(&in, data, size);
	char *paths[] = { in.path };
	sla_report_config cfg = { .period = (sla_period_kind)(size % 5), .by = by,
				  .nby = size % 3 ? 2 : 0, .top = 3, .tz = tz, .terms = &terms };
	sla_reader *r = sla_reader_open(paths, 1, &in.d);
	sla_report *rep = r ? sla_report_new(&cfg, sla_reader_header(r), sla_reader_ncols(r), &in.d)
			    : NULL;
	/* One file and no --strict: reading fails only on an I/O error. */
	if (rep && sla_report_read(rep, r) == 0) {
		if (sla_tally_rows(sla_report_total(rep)) != sla_report_rows(rep))
			abort();
		for (int f = SLA_FORMAT_TEXT; f <= SLA_FORMAT_HTML; f++)
			write_checked(rep, (sla_report_format)f);
	}
	sla_report_free(rep);
	sla_reader_free(r);
	fuzz_input_close(&in);
	return 0;
}
