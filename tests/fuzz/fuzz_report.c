/* libFuzzer harness: sla-report on any check stream, in every format,
 * with contracts that price breaches: an ordinary one, and two whose fee,
 * credit and cap sit at the edge of the largest amount.  Every row read
 * must be counted in the report's total, and every statement priced
 * exactly -- its sum, credit, cap and total worked out again here in 128
 * bits -- or the run refused; every format's output must be valid UTF-8
 * holding no control but its own separators, no bidi override
 * (sla_visible.h); nothing may crash or overflow. */

#include "fuzz_input.h"

#include <string.h>

#include "sla_report.h"
#include "sla_utf8.h"
#include "sla_visible.h"

/* Write the report as O says and abort unless what came out is safe:
 * the only unsafe units are the format's line and field separators. */
static void
write_checked(const sla_report *rep, const sla_report_output *o)
{
	sla_report_format f = o->format;
	static const char *const separators[] = {
		[SLA_FORMAT_TEXT] = "\n", [SLA_FORMAT_TSV] = "\t\n", [SLA_FORMAT_CSV] = "\t\n\r",
		[SLA_FORMAT_JSON] = "\n", [SLA_FORMAT_MARKDOWN] = "\n", [SLA_FORMAT_HTML] = "\n",
	};
	int fd = memfd_create("report", 0);
	sla_writer *w = fd < 0 ? NULL : sla_writer_new(fd);
	if (!w)
		abort();
	if (sla_report_write_as(rep, o, w) != NULL)
		abort();
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

__extension__ typedef __int128 wide;
__extension__ typedef unsigned __int128 uwide;

/* What the statements owe in all: their totals' sum, worked out again in
 * 128 bits, or refused exactly when it does not fit in 64. */
static void
owed_exactly(const sla_report *rep, const sla_statement *st, size_t n)
{
	wide sum = 0;
	int64_t owed;

	for (size_t i = 0; i < n; i++)
		sum += st[i].total;
	bool fits = sum >= INT64_MIN && sum <= INT64_MAX;
	if ((sla_report_owed(rep, &owed) == 0) != fits || (fits && owed != (int64_t)sum))
		abort();
}

static const sla_credit_band bands[] = { { 990000, 50000 }, { 900000, 250000 } };
/* below 100 %: all of the fee; below 50 %: a third of it */
static const sla_credit_band dear_bands[] = { { 1000000, 1000000 }, { 500000, 333333 } };
static const sla_report_terms termsets[] = {
	{ .contract = "fuzz", .currency = "CNY", .minor_digits = 2, .fee = 2000000,
	  .bands = bands, .nbands = 2, .cap = { .set = true, .percent = true, .ppm = 100000 } },
	{ .contract = "dear", .currency = "CNY", .minor_digits = 2, .fee = INT64_MAX,
	  .bands = dear_bands, .nbands = 2, .per_customer = true },
	{ .contract = "capped", .currency = "JPY", .minor_digits = 0, .fee = INT64_MAX / 3,
	  .bands = dear_bands, .nbands = 2, .cap = { .set = true, .amount = INT64_MAX },
	  .period = SLA_PERIOD_QUARTER },
};

/* AMOUNT's share PPM, rounded half up. */
static wide
share(int64_t amount, int32_t ppm)
{
	return ((wide)amount * ppm + 500000) / 1000000;
}

/* Statement S priced again from its rows and the terms T, in 128 bits. */
static void
priced_exactly(const sla_report_terms *t, const sla_statement *s)
{
	wide sum = 0;
	for (size_t i = 0; i < s->nbreaches; i++) {
		if (!s->breaches[i].has_penalty || s->breaches[i].penalty < 0)
			abort();
		sum += s->breaches[i].penalty;
	}
	const sla_credit_band *band = NULL;
	uwide assessed = (uwide)s->kept + s->broken;
	for (size_t k = 0; k < t->nbands; k++)
		if ((uwide)s->kept * 1000000 < (uwide)t->bands[k].below_ppm * assessed &&
		    (!band || t->bands[k].below_ppm < band->below_ppm))
			band = &t->bands[k];
	wide credit = band ? share(t->fee, band->credit_ppm) : 0;
	wide total = sum + credit;
	wide cap = !t->cap.set ? 0 : t->cap.percent ? share(t->fee, t->cap.ppm) : t->cap.amount;
	bool capped = t->cap.set && cap < total;
	if (capped)
		total = cap;
	if (sum != s->breach_sum || capped != s->capped || s->band_hit != (band != NULL) ||
	    (band && s->band.below_ppm != band->below_ppm) || credit != s->credit ||
	    (t->cap.set && cap != s->cap) || total != s->total || s->total < 0)
		abort();
}

/* One report over the input at PATH with the contract's TERMS. */
static void
report_with(const sla_report_terms *terms, char *path, size_t size, const sla_tz *tz,
	    sla_diag *d)
{
	static const char *const by[] = { "tier", "metric" };
	char *paths[] = { path };
	sla_report_config cfg = { .period = (sla_period_kind)(size % 5), .by = by,
				  .nby = size % 3 ? 2 : 0, .top = 3, .tz = tz, .terms = terms,
				  .slices = true /* the HTML page's charts and sections */ };
	sla_reader *r = sla_reader_open(paths, 1, d);
	sla_report *rep = r ? sla_report_new(&cfg, sla_reader_header(r), sla_reader_ncols(r), d)
			    : NULL;
	/* One file and no --strict: reading fails only on an I/O error or an
	 * amount that does not fit (said through D). */
	if (rep && sla_report_read(rep, r) == 0) {
		if (sla_tally_rows(sla_report_total(rep)) != sla_report_rows(rep))
			abort();
		size_t n;
		const sla_statement *st = sla_report_statements(rep, &n);
		for (size_t i = 0; i < n; i++)
			priced_exactly(terms, &st[i]);
		owed_exactly(rep, st, n);
		for (int f = SLA_FORMAT_TEXT; f <= SLA_FORMAT_HTML; f++)
			write_checked(rep, &(sla_report_output){ .format = (sla_report_format)f,
								 .lang = (sla_lang)(f % 2) });
		/* and one table for tools, in tsv or csv, with or without a BOM
		 * (which is not an unsafe unit) */
		static const char *const tables[] = { "tiers", "overview", "notes", "periods",
			"groups", "percentiles", "satisfaction", "overruns", "unassessed",
			"statements", "breaches" };
		write_checked(rep, &(sla_report_output){
			.format = size % 2 ? SLA_FORMAT_TSV : SLA_FORMAT_CSV, .lang = (sla_lang)(size / 2 % 2),
			.table = tables[size % (sizeof tables / sizeof tables[0])], .bom = size % 3 == 0 });
	}
	sla_report_free(rep);
	sla_reader_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* loaded once: the harness reads rows, not the zone database */
	static sla_tz *tz;
	char err[128];
	if (!tz && !(tz = sla_tz_load("Asia/Shanghai", err, sizeof err)))
		abort();

	fuzz_input in;
	fuzz_input_open(&in, data, size);
	/* one contract an input, as the period and grouping are: the cost of
	 * a run stays that of one report */
	report_with(&termsets[size / 15 % 3], in.path, size, tz, &in.d);
	fuzz_input_close(&in);
	return 0;
}
