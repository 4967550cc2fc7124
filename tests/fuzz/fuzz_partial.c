/* libFuzzer harness: sla-report --merge on any input.  The first byte
 * chooses how the rest is read: as it is (mostly refused: the digests
 * tell), or as the settings and body of a partial that the harness gives
 * a true header and end line, so that the reader of the body is reached.
 * Nothing may crash; a merge that succeeds is written in every format,
 * and written as a partial it merges again into the same bytes. */
#include "fuzz_input.h"

#include <string.h>

#include "sla_digest.h"
#include "sla_report_partial.h"

/* TEXT[0..N) given the header and the end line it lacks, into a new
 * buffer (*OUT, *OUTN): the settings are its first lines that start with
 * "set\t". */
static void
wrap(const char *text, size_t n, char **out, size_t *outn)
{
	size_t set = 0, lines = 1;
	while (set < n && strncmp(text + set, "set\t", n - set < 4 ? n - set : 4) == 0 &&
	       n - set >= 4) {
		const char *nl = memchr(text + set, '\n', n - set);
		set = nl ? (size_t)(nl - text) + 1 : n;
	}
	char hex[17], head[64];
	int h = snprintf(head, sizeof head, "sla-report-partial\t%d\t%s\n", SLA_PARTIAL_VERSION,
			 sla_digest_hex(sla_digest(SLA_DIGEST_INIT, text, set), hex));
	*out = malloc((size_t)h + n + 64);
	if (!*out)
		abort();
	memcpy(*out, head, (size_t)h);
	memcpy(*out + h, text, n);
	*outn = (size_t)h + n;
	if (n > 0 && text[n - 1] != '\n')
		(*out)[(*outn)++] = '\n';
	for (size_t i = 0; i < *outn; i++)
		lines += (*out)[i] == '\n';
	*outn += (size_t)snprintf(*out + *outn, 64, "end\t%zu\t%s\n", lines - 1,
				  sla_digest_hex(sla_digest(SLA_DIGEST_INIT, *out, *outn), hex));
}

/* The report of the partials in IN (a file name); a partial again when
 * AGAIN is not NULL (its bytes into *AGAIN, malloc'd, *AGAINN). */
static int
merge(const char *path, sla_diag *d, char **again, size_t *againn)
{
	char *paths[] = { (char *)path };
	sla_merge *m = sla_merge_new(&(sla_merge_check){ 0 }, d);
	sla_reader *in = m ? sla_reader_open_lines(paths, 1, d) : NULL;
	sla_report *r = in && sla_merge_read(m, in) == 0 ? sla_merge_report(m, !again) : NULL;
	if (r) {
		FILE *f = again ? tmpfile() : fopen("/dev/null", "w");
		if (!f)
			abort();
		sla_writer *w = sla_writer_new(fileno(f));
		if (again) {
			if (sla_report_write_partial(r, w) < 0)
				abort();
		} else {
			for (int fmt = SLA_FORMAT_TEXT; fmt <= SLA_FORMAT_HTML; fmt++)
				sla_report_write(r, (sla_report_format)fmt, (sla_lang)(fmt % 2), w);
		}
		sla_writer_close(w);
		if (again) {
			long n = ftell(f);
			*again = malloc((size_t)n + 1);
			rewind(f);
			if (!*again || fread(*again, 1, (size_t)n, f) != (size_t)n)
				abort();
			*againn = (size_t)n;
		}
		fclose(f);
	}
	sla_reader_free(in);
	sla_merge_free(m);
	return r ? 0 : -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	char *text = (char *)data + 1;
	size_t n = size - 1;
	char *wrapped = NULL;
	if (data[0] & 1)
		wrap(text, n, &wrapped, &n);

	fuzz_input in;
	fuzz_input_open(&in, wrapped ? (const uint8_t *)wrapped : data + 1, n);
	char *once = NULL, *twice = NULL;
	size_t oncen = 0, twicen = 0;
	if (merge(in.path, &in.d, NULL, NULL) == 0 && merge(in.path, &in.d, &once, &oncen) == 0) {
		fuzz_input again;
		fuzz_input_open(&again, (const uint8_t *)once, oncen);
		if (merge(again.path, &again.d, &twice, &twicen) != 0 || twicen != oncen ||
		    memcmp(once, twice, oncen) != 0)
			abort();
		fuzz_input_close(&again);
	}
	free(once);
	free(twice);
	free(wrapped);
	fuzz_input_close(&in);
	return 0;
}
