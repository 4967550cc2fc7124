/* libFuzzer harness: the CSV reader's own split of whole lines
 * (csvin.c split_line) against libcsv reading every line.  Any bytes are
 * read both ways, by the reader alone and by the whole of sla-parse, and
 * must give the same: every record's fields, start line, fault and its
 * field, encoding flags and swallowed lines; every row written; every
 * message, with its line numbers.
 *
 * The first byte chooses the options: the delimiter (detected, or one of
 * , ; TAB |), --no-quote, a small --max-field (so that long fields and
 * their faults occur), and whether the reader alone watches quoted lines
 * for records.  The rest is the export: CR, CRLF, BOMs, empty fields,
 * trailing delimiters and ragged rows are the fuzzer's to find (the
 * corpus holds some). */
#include "fuzz_input.h"

#include <fcntl.h>
#include <string.h>

#include "sla_csvin.h"
#include "sla_parse.h"

/* A toy time for the reader's watch on quoted lines: digits, a dash. */
static bool
toy_time(const char *p, size_t n, const void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < n; i++)
		if ((p[i] < '0' || p[i] > '9') && p[i] != '-')
			return false;
	return n > 0;
}

static void
same_or_die(bool same)
{
	if (!same)
		abort();
}

static void
same_record(const sla_csvrec *a, const sla_csvrec *b)
{
	same_or_die(a->n == b->n && a->line == b->line && a->fault == b->fault &&
		    a->fault_field == b->fault_field && a->bad_encoding == b->bad_encoding &&
		    a->read_as_utf8 == b->read_as_utf8 && a->swallowed == b->swallowed &&
		    a->swallowed_line == b->swallowed_line &&
		    a->swallowed_field == b->swallowed_field);
	for (size_t j = 0; j < a->n; j++)
		same_or_die(a->fields[j].n == b->fields[j].n &&
			    memcmp(a->fields[j].p, b->fields[j].p, a->fields[j].n) == 0);
}

/* Messages into memory, to be compared. */
typedef struct said {
	char *text;
	size_t n;
	sla_diag d;
} said;

static void
said_open(said *s)
{
	s->text = NULL;
	s->n = 0;
	s->d = sla_diag_init("fuzz");
	s->d.out = open_memstream(&s->text, &s->n);
	if (!s->d.out)
		abort();
}

static void
same_said(said *a, said *b)
{
	fclose(a->d.out);
	fclose(b->d.out);
	same_or_die(a->n == b->n && memcmp(a->text, b->text, a->n) == 0);
	free(a->text);
	free(b->text);
}

static void
read_both(const char *path, sla_csvin_opts o, bool watch)
{
	sla_csv_shape shape = { .nfields = 3, .time_col = 1, .is_time = toy_time };
	said sa, sb;
	said_open(&sa);
	said_open(&sb);
	sla_csvin *a = sla_csvin_open(path, &o, &sa.d);
	o.libcsv_only = true;
	sla_csvin *b = sla_csvin_open(path, &o, &sb.d);
	same_or_die(!a == !b);
	if (a) {
		same_or_die(sla_csvin_delim(a) == sla_csvin_delim(b));
		if (watch) {
			sla_csvin_watch_quotes(a, &shape);
			sla_csvin_watch_quotes(b, &shape);
		}
		sla_csvrec ra, rb;
		int ka, kb;
		do {
			ka = sla_csvin_next(a, &ra);
			kb = sla_csvin_next(b, &rb);
			same_or_die(ka == kb);
			if (ka == 1)
				same_record(&ra, &rb);
		} while (ka == 1);
	}
	sla_csvin_free(a);
	sla_csvin_free(b);
	same_said(&sa, &sb);
}

/* The rows sla-parse writes for PATH, into the memory file OUT. */
static int
parse_into(const char *path, sla_parse_opts o, int out, sla_diag *d)
{
	sla_writer *w = sla_writer_new(out);
	sla_export_refusal no;
	sla_parser *ps = w ? sla_parser_new(&o, w, d, &no) : NULL;
	if (!ps)
		abort();
	int rc = sla_parser_file(ps, path, true);
	sla_parser_free(ps);
	sla_writer_close(w);
	return rc;
}

static void
same_file(int a, int b)
{
	char pa[4096], pb[4096];
	off_t na = lseek(a, 0, SEEK_END), nb = lseek(b, 0, SEEK_END);
	same_or_die(na == nb);
	for (off_t at = 0; at < na; at += (off_t)sizeof pa) {
		size_t k = (size_t)(na - at) < sizeof pa ? (size_t)(na - at) : sizeof pa;
		same_or_die(pread(a, pa, k, at) == (ssize_t)k && pread(b, pb, k, at) == (ssize_t)k &&
			    memcmp(pa, pb, k) == 0);
	}
}

static void
parse_both(const char *path, sla_csvin_opts csv, const sla_tz *tz)
{
	sla_parse_opts o = { .tz = tz, .csv = csv };
	int oa = memfd_create("a", 0), ob = memfd_create("b", 0);
	said sa, sb;
	if (oa < 0 || ob < 0)
		abort();
	said_open(&sa);
	said_open(&sb);
	int ra = parse_into(path, o, oa, &sa.d);
	o.csv.libcsv_only = true;
	int rb = parse_into(path, o, ob, &sb.d);
	same_or_die(ra == rb);
	same_file(oa, ob);
	same_said(&sa, &sb);
	close(oa);
	close(ob);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = { 0, ',', ';', '\t', '|', 0, ',', 0 };
	static const size_t caps[] = { 0, 1, 7, 64 };
	char err[128];

	if (size < 1 || size > 65536)
		return 0;
	uint8_t how = data[0];
	sla_csvin_opts csv = {
		.delim = delims[how & 7], .no_quote = how & 8, .max_field = caps[(how >> 4) & 3],
	};
	static sla_tz *tz;	/* loaded once: it is read only */
	if (!tz && !(tz = sla_tz_load("Asia/Shanghai", err, sizeof err)))
		abort();
	fuzz_input in;
	fuzz_input_open(&in, data + 1, size - 1);
	read_both(in.path, csv, how & 64);
	parse_both(in.path, csv, tz);
	fuzz_input_close(&in);
	return 0;
}
