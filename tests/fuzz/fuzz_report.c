/* libFuzzer harness: sla-report on any check stream, in every format, with
 * a contract that prices breaches.  Every row read must be counted in the
 * report's total; nothing may crash. */
#include "fuzz_input.h"

#include "sla_report.h"

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
		FILE *null = fopen("/dev/null", "w");
		sla_writer *w = sla_writer_new(fileno(null));
		for (int f = SLA_FORMAT_TEXT; f <= SLA_FORMAT_HTML; f++)
			sla_report_write(rep, (sla_report_format)f, (sla_lang)(f % 2), w);
		sla_writer_close(w);
		fclose(null);
	}
	sla_report_free(rep);
	sla_reader_free(r);
	fuzz_input_close(&in);
	return 0;
}
