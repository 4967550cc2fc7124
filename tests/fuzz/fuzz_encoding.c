/* libFuzzer harness: CSV input in a named encoding and dialect, and the
 * decoder under it.
 *
 * fuzz_csvin lets the reader detect everything; this one names it, as
 * --encoding, --delimiter and --no-quote do, so that GB18030, UTF-16 and
 * Latin-1 decoding meet any bytes.  The first byte chooses the encoding,
 * the delimiter and quoting; the second where the decoder's input is cut.
 * Decoding in two pieces must give the text, and the places of the
 * invalid sequences and of the lines read as UTF-8, that decoding in one
 * piece gives, with no NUL left; the records must come out in order of
 * their lines. */
#include "fuzz_input.h"

#include <string.h>

#include "sla_csvin.h"
#include "sla_encoding.h"
#include "sla_utf8.h"

static const char *const encodings[] = { NULL, "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "ISO-8859-1", "UTF-16", "GBK" };
static const char delims[] = { 0, ',', ';', '\t', '|' };

/* Decode P[0..N) cut at CUT into OUT; the offsets of U+FFFD into BAD, of
 * the lines read as UTF-8 into UTF8. */
static void
decode(const char *enc, const char *p, size_t n, size_t cut, char *out, size_t *outlen,
       size_t *bad, size_t *nbad, size_t *utf8, size_t *nutf8)
{
	char err[128];
	sla_decoder *dec = sla_decoder_new(enc, err, sizeof err);
	if (!dec)
		abort();
	*outlen = *nbad = *nutf8 = 0;
	size_t used = 0;
	for (int piece = 0; piece < 3 && used <= n; piece++) {
		size_t end = piece == 0 ? cut : n;
		bool eof = end == n;
		const char *o;
		size_t ol, nb;
		const size_t *b;
		size_t took = sla_decoder_run(dec, p + used, end - used, eof, &o, &ol, &b, &nb);
		if (took > end - used || (eof && took != end - used))
			abort();
		for (size_t i = 0; i < nb; i++)
			bad[(*nbad)++] = *outlen + b[i];
		size_t nu;
		const size_t *u = sla_decoder_utf8_lines(dec, &nu);
		for (size_t i = 0; i < nu; i++)
			utf8[(*nutf8)++] = *outlen + u[i];
		memcpy(out + *outlen, o, ol);
		*outlen += ol;
		used += took;
		if (eof)
			break;
	}
	sla_decoder_free(dec);
}

static void
same_in_pieces(const char *enc, const uint8_t *p, size_t n, size_t cut)
{
	/* at most 4 bytes of UTF-8 (or one U+FFFD, 3 bytes) per input byte */
	char *one = malloc(4 * n + 4), *two = malloc(4 * n + 4);
	size_t *bad1 = malloc((n + 1) * sizeof *bad1), *bad2 = malloc((n + 1) * sizeof *bad2);
	size_t *u1 = malloc((n + 1) * sizeof *u1), *u2 = malloc((n + 1) * sizeof *u2);
	size_t l1, l2, nb1, nb2, nu1, nu2;
	if (!one || !two || !bad1 || !bad2 || !u1 || !u2)
		abort();
	decode(enc, (const char *)p, n, n, one, &l1, bad1, &nb1, u1, &nu1);
	decode(enc, (const char *)p, n, cut, two, &l2, bad2, &nb2, u2, &nu2);
	if (l1 != l2 || memcmp(one, two, l1) != 0 || nb1 != nb2 ||
	    memcmp(bad1, bad2, nb1 * sizeof *bad1) != 0 || sla_utf8_valid((unsigned char *)one, l1) != l1 ||
	    memchr(one, '\0', l1) || nu1 != nu2 || memcmp(u1, u2, nu1 * sizeof *u1) != 0)
		abort();
	for (size_t i = 0; i < nu1; i++)
		if ((i > 0 && u1[i] <= u1[i - 1]) || u1[i] >= l1)
			abort();
	for (size_t i = 0; i < nb1; i++)
		if ((i > 0 && bad1[i] <= bad1[i - 1]) || bad1[i] + 3 > l1 ||
		    memcmp(one + bad1[i], "\xEF\xBF\xBD", 3) != 0)
			abort();
	free(one);
	free(two);
	free(bad1);
	free(bad2);
	free(u1);
	free(u2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > 65536)
		return 0;
	uint8_t how = data[0];
	const char *enc = encodings[how % 8];
	data += 2;
	size -= 2;
	same_in_pieces(enc ? enc : "UTF-8", data, size, size ? data[-1] % (size + 1) : 0);

	fuzz_input in;
	fuzz_input_open(&in, data, size);
	sla_csvin_opts o = { .encoding = enc, .delim = delims[(how >> 3) % 5],
			     .no_quote = how & 0x80, .max_field = 1024 };
	sla_csvin *csv = sla_csvin_open(in.path, &o, &in.d);
	if (csv) {
		sla_csvrec r;
		unsigned long last = 0;
		int rc;
		while ((rc = sla_csvin_next(csv, &r)) == 1) {
			if (r.n == 0 || r.line <= last)
				abort();
			for (size_t i = 0; i < r.n; i++)
				if (r.fault == SLA_CSV_OK && !r.bad_encoding &&
				    sla_utf8_valid((const unsigned char *)r.fields[i].p, r.fields[i].n) != r.fields[i].n)
					abort();
			last = r.line;
		}
		sla_csvin_free(csv);
	}
	fuzz_input_close(&in);
	return 0;
}
