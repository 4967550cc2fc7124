/* encoding.c: encoding detection and decoding to UTF-8. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sla_encoding.h"
#include "sla_mem.h"
#include "sla_utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD */

/* True when P[0..N) is the start of a well-formed sequence that the end of
 * the buffer cut short. */
static bool
cut_short(const unsigned char *p, size_t n)
{
	size_t k = sla_utf8_seq_len(p[0]);

	return k > n && sla_utf8_seq_ok(p, k, n);
}

/* ASCII text in UTF-16 has a zero in every other byte. */
static const char *
utf16_without_bom(const unsigned char *p, size_t n)
{
	size_t even = 0, odd = 0, m = n < 512 ? n : 512;

	for (size_t i = 0; i < m; i++)
		if (p[i] == 0 && i % 2)
			odd++;
		else if (p[i] == 0)
			even++;
	if (m >= 4 && odd * 3 > m)
		return "UTF-16LE";
	if (m >= 4 && even * 3 > m)
		return "UTF-16BE";
	return NULL;
}

const char *
sla_encoding_detect(const unsigned char *p, size_t n, const char **why)
{
	const char *u16;

	*why = "byte order mark";
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		return "UTF-8";
	}
	if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		return "UTF-16LE";
	}
	if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		return "UTF-16BE";
	}
	if ((u16 = utf16_without_bom(p, n)) != NULL) {
		*why = "zero bytes of ASCII text";
		return u16;
	}
	/* A sequence cut by the end of the sample is not held against it. */
	size_t ok = sla_utf8_valid(p, n);
	if (ok == n || cut_short(p + ok, n - ok)) {
		*why = "valid UTF-8";
		return "UTF-8";
	}
	*why = "not valid UTF-8";
	return "GB18030";
}

struct sla_decoder {
	iconv_t cd;		/* (iconv_t)-1 for UTF-8, which is only checked */
	size_t unit;		/* bytes skipped over an invalid sequence */
	char *out;
	size_t cap;
	size_t *bad;
	size_t nbad, badcap;
};

static bool
is_utf8_name(const char *e)
{
	return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

sla_decoder *
sla_decoder_new(const char *encoding, char *err, size_t errlen)
{
	sla_decoder *d = calloc(1, sizeof *d);

	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	d->cd = (iconv_t)-1;
	d->unit = strncasecmp(encoding, "UTF-16", 6) == 0 || strncasecmp(encoding, "UCS-2", 5) == 0
		? 2 : 1;
	if (!is_utf8_name(encoding)) {
		d->cd = iconv_open("UTF-8", encoding);
		if (d->cd == (iconv_t)-1) {
			snprintf(err, errlen, "unknown encoding \"%s\"", encoding);
			free(d);
			return NULL;
		}
	}
	return d;
}

void
sla_decoder_free(sla_decoder *d)
{
	if (!d)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->out);
	free(d->bad);
	free(d);
}

/* Room for NEED bytes of output; never less than 64 KiB, as the input
 * comes in large blocks. */
static bool
reserve(sla_decoder *d, size_t need)
{
	return sla_grow((void **)&d->out, &d->cap, need < 1 << 16 ? 1 << 16 : need, 1);
}

/* Append U+FFFD at output offset *O and note it. */
static bool
replacement(sla_decoder *d, size_t *o)
{
	if (!sla_grow((void **)&d->bad, &d->badcap, d->nbad + 1, sizeof *d->bad) ||
	    !reserve(d, *o + 3))
		return false;
	d->bad[d->nbad++] = *o;
	memcpy(d->out + *o, REPLACEMENT, 3);
	*o += 3;
	return true;
}

/* UTF-8 input: zero copy when valid, else a copy with replacements. */
static size_t
run_utf8(sla_decoder *d, const char *in, size_t n, bool eof, const char **out, size_t *outlen)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t ok = sla_utf8_valid(p, n);

	if (ok == n || (!eof && cut_short(p + ok, n - ok))) {
		*out = in;
		*outlen = ok;
		return ok;
	}
	size_t i = 0, o = 0;
	while (i < n) {
		size_t good = sla_utf8_valid(p + i, n - i);
		if (!reserve(d, o + good + 3))
			break;
		memcpy(d->out + o, in + i, good);
		o += good;
		i += good;
		if (i == n)
			break;
		if (!eof && cut_short(p + i, n - i))
			break;	/* cut by the block's end: the next call completes it */
		if (!replacement(d, &o))
			break;
		i++;	/* one U+FFFD per byte that starts no valid sequence */
	}
	*out = d->out;
	*outlen = o;
	return i;
}

static size_t
run_iconv(sla_decoder *d, const char *in, size_t n, bool eof, const char **out, size_t *outlen)
{
	char *ip = (char *)in;	/* iconv's prototype is not const-correct */
	size_t left = n, o = 0;

	if (!reserve(d, 2 * n + 16)) {
		*out = d->out;
		*outlen = 0;
		return 0;
	}
	while (left > 0) {
		char *op = d->out + o;
		size_t room = d->cap - o;
		size_t r = iconv(d->cd, &ip, &left, &op, &room);
		o = (size_t)(op - d->out);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			if (!reserve(d, d->cap + 1))
				break;
		} else if (errno == EINVAL && !eof) {
			break;	/* cut by the block's end */
		} else {	/* EILSEQ, or a cut sequence at the end of the file */
			if (!replacement(d, &o))
				break;
			size_t skip = left < d->unit ? left : d->unit;
			ip += skip;
			left -= skip;
		}
	}
	*out = d->out;
	*outlen = o;
	return n - left;
}

/* A NUL is no text: every later tool's C strings would end at it, and
 * under --no-quote it is what libcsv takes for the quote.  Each NUL of
 * D->out[0..*N) becomes U+FFFD, noted among the invalid sequences (walking
 * backwards, so that text and notes move in place). */
static bool
replace_nuls(sla_decoder *d, size_t *n)
{
	size_t k = 0;
	for (const char *z = d->out; (z = memchr(z, 0, *n - (size_t)(z - d->out))) != NULL; z++)
		k++;
	if (k == 0)
		return true;
	size_t total = d->nbad + k;
	if (!sla_grow((void **)&d->bad, &d->badcap, total, sizeof *d->bad))
		return false;
	if (!reserve(d, *n + 2 * k))
		return false;
	size_t old = d->nbad, w = total;
	for (size_t i = *n; i-- > 0;) {
		if (d->out[i] == '\0') {
			k--;
			memcpy(d->out + i + 2 * k, REPLACEMENT, 3);
			d->bad[--w] = i + 2 * k;
		} else {
			d->out[i + 2 * k] = d->out[i];
			if (old > 0 && d->bad[old - 1] == i)
				d->bad[--w] = d->bad[--old] + 2 * k;
		}
	}
	*n += 2 * (total - d->nbad);
	d->nbad = total;
	return true;
}

size_t
sla_decoder_run(sla_decoder *d, const char *in, size_t n, bool eof,
		const char **out, size_t *outlen, const size_t **bad, size_t *nbad)
{
	size_t used;

	d->nbad = 0;
	if (d->cd == (iconv_t)-1)
		used = run_utf8(d, in, n, eof, out, outlen);
	else
		used = run_iconv(d, in, n, eof, out, outlen);
	if (memchr(*out, '\0', *outlen)) {
		if (*out != d->out) {	/* zero copy so far */
			if (!reserve(d, *outlen))
				return 0;
			memcpy(d->out, *out, *outlen);
			*out = d->out;
		}
		if (!replace_nuls(d, outlen))
			return 0;
		*out = d->out;
	}
	*bad = d->bad;
	*nbad = d->nbad;
	return used;
}
