/* encoding.c: encoding detection and decoding to UTF-8.
 *
 * Valid UTF-8 is a strong test, GB18030 a weak one.  GB18030 reads nearly
 * any pair of high bytes as a character, so UTF-8 text "decodes" into it
 * as mojibake (宕机 as 瀹曟満) and nothing is flagged.  GB18030 text is valid
 * UTF-8 only by chance, and then in two-byte sequences (状态 reads as ״̬):
 * no GB2312 level-1 hanzi starts with a lead byte of a three-byte sequence
 * (E0-EF).  So text that is valid UTF-8 and holds a character of three
 * bytes or more is taken for UTF-8 wherever it is: in the header, which
 * then decides the file's encoding however the lines below it read, and
 * in a line of a file in another ASCII-compatible encoding, which is read
 * as UTF-8 and noted (sla_decoder_utf8_lines) for the reader to flag.
 *
 * Where the encoding is not UTF-8, uchardet names it (legacy()): a
 * statistical guess, good on a page of text and poor on a few words
 * (it names 紧急 in GB2312 ISO-8859-7, and 工单 WINDOWS-1252).  So its
 * answer is held to what the sample shows, and where the sample cannot
 * settle it GB18030, the guess of old (Chinese Excel exports), stands and
 * is marked unsure. */
#include <dlfcn.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet.h>

#include "sla_encoding.h"
#include "sla_mem.h"
#include "sla_utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD"	/* U+FFFD */

/* A line is judged whole: with no line break in sight and what it holds
 * still valid UTF-8, a decoder reading line by line waits for more input
 * (uses none) until it holds this much; then, or when what it holds is
 * not UTF-8, the line is read in the file's encoding, to its end. */
#define LINE_WAIT ((size_t)64 << 10)

/* True when P[0..N) is the start of a well-formed sequence that the end of
 * the buffer cut short. */
static bool
cut_short(const unsigned char *p, size_t n)
{
	size_t k = sla_utf8_seq_len(p[0]);

	return k > n && sla_utf8_seq_ok(p, k, n);
}

/* Whether P[0..N) is valid UTF-8, a sequence cut by the end of the sample
 * (CUT_OK) not held against it. */
static bool
valid_utf8(const unsigned char *p, size_t n, bool cut_ok)
{
	size_t ok = sla_utf8_valid(p, n);

	return ok == n || (cut_ok && cut_short(p + ok, n - ok));
}

static bool
has_high_bytes(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 0x80)
			return true;
	return false;
}

/* Valid UTF-8 P[0..N) that no other encoding is likely to have made: it
 * holds a sequence of three or four bytes (see the top of the file). */
static bool
evidently_utf8(const unsigned char *p, size_t n, bool cut_ok)
{
	if (!valid_utf8(p, n, cut_ok))	/* first: text of another encoding fails fast */
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i] >= 0xE0)
			return true;
	return false;
}

/* The byte order marks; UTF-32LE's begins with UTF-16LE's. */
static const char *
by_bom(const unsigned char *p, size_t n)
{
	if (n >= 4 && memcmp(p, "\xFF\xFE\0\0", 4) == 0)
		return "UTF-32LE";
	if (n >= 4 && memcmp(p, "\0\0\xFE\xFF", 4) == 0)
		return "UTF-32BE";
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		return "UTF-8";
	if (n >= 2 && memcmp(p, "\xFF\xFE", 2) == 0)
		return "UTF-16LE";
	if (n >= 2 && memcmp(p, "\xFE\xFF", 2) == 0)
		return "UTF-16BE";
	return NULL;
}

/* ASCII text in UTF-16 has a zero in every other byte, in UTF-32 three in
 * every four (two, at least, for any text of the first plane). */
static const char *
by_zero_bytes(const unsigned char *p, size_t n)
{
	size_t z[4] = { 0 }, m = n < 512 ? n & ~(size_t)3 : 512;

	for (size_t i = 0; i < m; i++)
		z[i % 4] += p[i] == 0;
	if (m < 8)
		return NULL;
	size_t q = m / 4;
	if (z[2] * 10 >= q * 9 && z[3] * 10 >= q * 9)
		return "UTF-32LE";
	if (z[0] * 10 >= q * 9 && z[1] * 10 >= q * 9)
		return "UTF-32BE";
	if ((z[1] + z[3]) * 3 > m)
		return "UTF-16LE";
	if ((z[0] + z[2]) * 3 > m)
		return "UTF-16BE";
	return NULL;
}

static bool
is_break(unsigned char c)
{
	return c == '\n' || c == '\r';
}

/* Length of the first line of P[0..N), without its break. */
static size_t
line_len(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n && !is_break(p[i]))
		i++;
	return i;
}

/* Whether more lines of P[0..N) with high bytes are valid UTF-8 than not
 * (a tie goes to UTF-8, the stronger test); the last line may be cut. */
static bool
mostly_utf8(const unsigned char *p, size_t n)
{
	size_t valid = 0, invalid = 0;

	for (size_t i = 0; i < n;) {
		size_t k = line_len(p + i, n - i);
		if (has_high_bytes(p + i, k)) {
			if (valid_utf8(p + i, k, i + k == n))
				valid++;
			else
				invalid++;
		}
		i += k + 1;
	}
	return valid >= invalid;
}

/* ---- legacy encodings ------------------------------------------------------ */

/* Fewer bytes than this above 0x7F, and the detector's answer is noise. */
#define LEGACY_EVIDENCE 16

/* uchardet's answers, and the encoding each is read as: the Windows code
 * page Excel writes where it is a superset of the standard one (Big5 as
 * CP950, Shift_JIS as CP932, EUC-KR as CP949), GB18030 for its subsets,
 * and ISO-8859-1 as WINDOWS-1252, as browsers do (WHATWG): its 0x80-0x9F
 * are controls, never text, where Windows has the euro and curly quotes.
 * An answer not listed (ASCII, UTF-8, the 7-bit ISO-2022 forms) is none. */
static const struct detected {
	const char *name, *read_as;
	bool multibyte;
} detected[] = {
	{ "GB18030", "GB18030", true }, { "GB2312", "GB18030", true },
	{ "GBK", "GB18030", true }, { "BIG5", "CP950", true }, { "EUC-TW", "EUC-TW", true },
	{ "SHIFT_JIS", "CP932", true }, { "EUC-JP", "EUC-JP", true },
	{ "EUC-KR", "CP949", true }, { "UHC", "CP949", true },
	{ "ISO-8859-1", "WINDOWS-1252", false },
	{ "ISO-8859-2", "ISO-8859-2", false }, { "ISO-8859-3", "ISO-8859-3", false },
	{ "ISO-8859-4", "ISO-8859-4", false }, { "ISO-8859-5", "ISO-8859-5", false },
	{ "ISO-8859-6", "ISO-8859-6", false }, { "ISO-8859-7", "ISO-8859-7", false },
	{ "ISO-8859-8", "ISO-8859-8", false }, { "ISO-8859-9", "ISO-8859-9", false },
	{ "ISO-8859-10", "ISO-8859-10", false }, { "ISO-8859-11", "ISO-8859-11", false },
	{ "ISO-8859-13", "ISO-8859-13", false }, { "ISO-8859-15", "ISO-8859-15", false },
	{ "ISO-8859-16", "ISO-8859-16", false },
	{ "WINDOWS-1250", "WINDOWS-1250", false }, { "WINDOWS-1251", "WINDOWS-1251", false },
	{ "WINDOWS-1252", "WINDOWS-1252", false }, { "WINDOWS-1253", "WINDOWS-1253", false },
	{ "WINDOWS-1254", "WINDOWS-1254", false }, { "WINDOWS-1255", "WINDOWS-1255", false },
	{ "WINDOWS-1256", "WINDOWS-1256", false }, { "WINDOWS-1257", "WINDOWS-1257", false },
	{ "WINDOWS-1258", "WINDOWS-1258", false },
	{ "KOI8-R", "KOI8-R", false }, { "KOI8-U", "KOI8-U", false },
	{ "IBM852", "IBM852", false }, { "IBM855", "IBM855", false }, { "IBM866", "IBM866", false },
	{ "MAC-CENTRALEUROPE", "MAC-CENTRALEUROPE", false },
	{ "MAC-CYRILLIC", "MAC-CYRILLIC", false },
	{ "TIS-620", "TIS-620", false }, { "VISCII", "VISCII", false },
};

/* uchardet is C++: linked, it brings libstdc++, libm and libgcc_s, 1.3 MiB
 * of pages mapped and touched in every run, a quarter of sla-parse's
 * memory, though only an export that is not UTF-8 asks it anything.  So
 * it is loaded, by its soname, when asked. */
#ifndef UCHARDET_SONAME		/* a test names one that is not there */
#define UCHARDET_SONAME "libuchardet.so.0"
#endif

struct uchardet_lib {
	void *handle;
	uchardet_t (*create)(void);
	int (*handle_data)(uchardet_t, const char *, size_t);
	void (*data_end)(uchardet_t);
	const char *(*get_charset)(uchardet_t);
	void (*destroy)(uchardet_t);
};

/* dlsym's object pointer into the function pointer at FP (POSIX makes the
 * two the same size; ISO C has no cast between them). */
static bool
find_symbol(void *handle, const char *symbol, void *fp, size_t size)
{
	void *found = dlsym(handle, symbol);

	if (!found || size != sizeof found)
		return false;
	memcpy(fp, &found, size);
	return true;
}

static bool
load_uchardet(struct uchardet_lib *u)
{
	u->handle = dlopen(UCHARDET_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!u->handle)
		return false;
	if (find_symbol(u->handle, "uchardet_new", &u->create, sizeof u->create) &&
	    find_symbol(u->handle, "uchardet_handle_data", &u->handle_data,
			sizeof u->handle_data) &&
	    find_symbol(u->handle, "uchardet_data_end", &u->data_end, sizeof u->data_end) &&
	    find_symbol(u->handle, "uchardet_get_charset", &u->get_charset,
			sizeof u->get_charset) &&
	    find_symbol(u->handle, "uchardet_delete", &u->destroy, sizeof u->destroy))
		return true;
	dlclose(u->handle);
	return false;
}

/* What uchardet names the sample, NUL-ended into NAME (SIZE bytes, "" for
 * nothing), and the entry it is read as, or NULL; *LOADED is false when
 * the library could not be loaded (the caller guesses without it). */
static const struct detected *
ask_uchardet(const unsigned char *p, size_t n, char *name, size_t size, bool *loaded)
{
	struct uchardet_lib lib;
	uchardet_t u;

	name[0] = '\0';
	*loaded = load_uchardet(&lib);
	if (!*loaded)
		return NULL;
	u = lib.create();
	if (u) {
		if (lib.handle_data(u, (const char *)p, n) == 0) {
			lib.data_end(u);
			snprintf(name, size, "%s", lib.get_charset(u));
		}
		lib.destroy(u);
	}
	dlclose(lib.handle);
	for (size_t i = 0; i < sizeof detected / sizeof *detected; i++)
		if (strcasecmp(name, detected[i].name) == 0)
			return &detected[i];
	return NULL;
}

/* What the sample's lines show of themselves, leaving out the lines
 * evidently UTF-8 (read as UTF-8 whatever the file's encoding): its bytes
 * above 0x7F, the runs of such bytes and how many of them have an even
 * length (hanzi come two bytes at a time, accented letters one), and
 * whether a line with such bytes is valid UTF-8 all the same (damaged
 * UTF-8, not text of a code page). */
typedef struct evidence {
	size_t high, runs, even_runs;
	bool utf8_line;
} evidence;

static bool
evident_line(const unsigned char *p, size_t i, size_t k, size_t n)
{
	return evidently_utf8(p + i, k, i + k == n);
}

static evidence
look_at(const unsigned char *p, size_t n)
{
	evidence e = { 0 };

	for (size_t i = 0, k; i < n; i += k + 1) {
		k = line_len(p + i, n - i);
		if (!has_high_bytes(p + i, k) || evident_line(p, i, k, n))
			continue;
		e.utf8_line |= valid_utf8(p + i, k, i + k == n);
		for (size_t j = i, r; j < i + k; j += r ? r : 1) {
			for (r = 0; j + r < i + k && p[j + r] >= 0x80; r++)
				;
			e.high += r;
			e.runs += r > 0;
			e.even_runs += r > 0 && r % 2 == 0;
		}
	}
	return e;
}

/* Whether line P[0..N) converts through CD without an invalid sequence;
 * one cut by its end is no fault when the end of the sample cut it
 * (CUT_OK). */
static bool
converts(iconv_t cd, const unsigned char *p, size_t n, bool cut_ok)
{
	char out[4096];
	char *ip = (char *)p;	/* iconv's prototype is not const-correct */
	size_t left = n;

	while (left > 0) {
		char *op = out;
		size_t room = sizeof out;
		if (iconv(cd, &ip, &left, &op, &room) != (size_t)-1)
			return true;
		if (errno != E2BIG)
			return errno == EINVAL && cut_ok;
	}
	return true;
}

/* Whether the sample's lines that are not evidently UTF-8 read in
 * ENCODING without an invalid sequence. */
static bool
reads_as(const unsigned char *p, size_t n, const char *encoding)
{
	iconv_t cd = iconv_open("UTF-8", encoding);
	bool clean = cd != (iconv_t)-1;

	for (size_t i = 0, k; clean && i < n; i += k + 1) {
		k = line_len(p + i, n - i);
		if (has_high_bytes(p + i, k) && !evident_line(p, i, k, n))
			clean = converts(cd, p + i, k, i + k == n);
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return clean;
}

/* The guess when the sample has too few bytes above 0x7F for the detector
 * to tell: of the two encodings Excel exports are met in here, GB18030 and
 * WINDOWS-1252, the first that reads the sample without an invalid
 * sequence (WINDOWS-1252 reads nearly any byte: not when a line is valid
 * UTF-8, which is damaged UTF-8), else GB18030. */
static const char *
few_bytes_guess(const unsigned char *p, size_t n, const evidence *e)
{
	if (!reads_as(p, n, "GB18030") && !e->utf8_line && reads_as(p, n, "WINDOWS-1252"))
		return "WINDOWS-1252";
	return "GB18030";
}

/* The legacy encoding of the sample P[0..N) into *G (see the top of the
 * file): uchardet's answer when the sample bears it out, else a guess.  A
 * single-byte answer is not borne out by text that reads as GB18030 with
 * its bytes above 0x7F in pairs, nine runs in ten (Chinese taken for a
 * code page). */
static const char *
legacy(const unsigned char *p, size_t n, sla_encoding_guess *g)
{
	char name[32], doubt[96] = "";
	bool loaded;
	const struct detected *d = ask_uchardet(p, n, name, sizeof name, &loaded);
	evidence e = look_at(p, n);
	const char *guess = "GB18030";

	if (e.high < LEGACY_EVIDENCE) {
		snprintf(doubt, sizeof doubt, "uchardet says %s on %zu bytes above 0x7F, "
			 "too few to tell", name[0] ? name : "nothing", e.high);
		guess = few_bytes_guess(p, n, &e);
	} else if (!loaded) {
		snprintf(doubt, sizeof doubt, "uchardet (%s) is not installed", UCHARDET_SONAME);
	} else if (!name[0]) {
		snprintf(doubt, sizeof doubt, "uchardet names none");
	} else if (!d) {
		snprintf(doubt, sizeof doubt, "uchardet says %s, which is not read", name);
	} else if (!d->multibyte && e.even_runs * 10 >= e.runs * 9 &&
		   reads_as(p, n, "GB18030")) {
		snprintf(doubt, sizeof doubt, "uchardet says %s, but the text reads as GB18030",
			 name);
	}
	if (!doubt[0]) {
		snprintf(g->why, sizeof g->why, "not valid UTF-8; uchardet says %s", d->name);
		return d->read_as;
	}
	g->unsure = true;
	snprintf(g->why, sizeof g->why, "not valid UTF-8; a guess: %s", doubt);
	return guess;
}

static const char *
decided(sla_encoding_guess *g, const char *name, const char *why)
{
	snprintf(g->why, sizeof g->why, "%s", why);
	return g->name = name;
}

const char *
sla_encoding_detect(const unsigned char *p, size_t n, sla_encoding_guess *g)
{
	const char *e;

	*g = (sla_encoding_guess){ 0 };
	if ((e = by_bom(p, n)) != NULL)
		return decided(g, e, "byte order mark");
	if ((e = by_zero_bytes(p, n)) != NULL)
		return decided(g, e, "zero bytes of ASCII text");
	/* The header decides when it can: its names must read. */
	size_t h = line_len(p, n);
	if (has_high_bytes(p, h) && !valid_utf8(p, h, h == n))
		return g->name = legacy(p, n, g);
	if (evidently_utf8(p, h, h == n))
		return decided(g, "UTF-8", "header valid UTF-8");
	if (valid_utf8(p, n, true))
		return decided(g, "UTF-8", "valid UTF-8");
	if (mostly_utf8(p + h, n - h))
		return decided(g, "UTF-8", "mostly valid UTF-8");
	return g->name = legacy(p, n, g);
}

struct sla_decoder {
	iconv_t cd;		/* (iconv_t)-1 for UTF-8, which is only checked */
	size_t unit;		/* bytes skipped over an invalid sequence */
	bool by_line;		/* ASCII-compatible: lines evidently UTF-8 are that */
	bool native_rest;	/* the input begins inside a line read natively */
	char *out;
	size_t cap;
	size_t *bad;
	size_t nbad, badcap;
	size_t *utf8;		/* where the lines read as UTF-8 begin */
	size_t nutf8, utf8cap;
};

static bool
is_utf8_name(const char *e)
{
	return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

/* The code unit: bytes skipped over an invalid sequence. */
static size_t
unit_of(const char *e)
{
	if (strncasecmp(e, "UTF-16", 6) == 0 || strncasecmp(e, "UCS-2", 5) == 0)
		return 2;
	if (strncasecmp(e, "UTF-32", 6) == 0 || strncasecmp(e, "UCS-4", 5) == 0)
		return 4;
	return 1;
}

/* Whether CD leaves ASCII as it is (GB18030, Big5, Windows-1252; not
 * UTF-16): then a line break is a line break in it, and a line can be
 * read in another encoding than its neighbours. */
static bool
ascii_compatible(iconv_t cd)
{
	char probe[] = "\n\r,;\t\"|09AZaz", out[64];
	char *ip = probe, *op = out;
	size_t il = sizeof probe - 1, ol = sizeof out;
	bool same = iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
		    (size_t)(op - out) == sizeof probe - 1 && memcmp(out, probe, sizeof probe - 1) == 0;

	iconv(cd, NULL, NULL, NULL, NULL);	/* back to the initial state */
	return same;
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
	d->unit = unit_of(encoding);
	if (!is_utf8_name(encoding)) {
		d->cd = iconv_open("UTF-8", encoding);
		if (d->cd == (iconv_t)-1) {
			snprintf(err, errlen, "unknown encoding \"%s\"", encoding);
			free(d);
			return NULL;
		}
		d->by_line = d->unit == 1 && ascii_compatible(d->cd);
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
	free(d->utf8);
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

/* Convert IN[0..N) after the output at *O: the bytes used. */
static size_t
iconv_span(sla_decoder *d, const char *in, size_t n, bool eof, size_t *o_)
{
	char *ip = (char *)in;	/* iconv's prototype is not const-correct */
	size_t left = n, o = *o_;

	if (!reserve(d, o + 2 * n + 16))
		return 0;
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
	*o_ = o;
	return n - left;
}

/* Length of the line at P[0..N), its break (LF, CR) included. */
static size_t
line_with_break(const char *p, size_t n)
{
	size_t i = line_len((const unsigned char *)p, n);

	return i < n ? i + 1 : n;
}

/* Where the last line of IN[0..N) that has its break ends; 0: none has. */
static size_t
whole_lines(const char *in, size_t n)
{
	while (n > 0 && !is_break((unsigned char)in[n - 1]))
		n--;
	return n;
}

/* Copy the line IN[0..K), evidently UTF-8, after the output at *O, and
 * note where it begins. */
static bool
keep_utf8_line(sla_decoder *d, const char *in, size_t k, size_t *o)
{
	if (!sla_grow((void **)&d->utf8, &d->utf8cap, d->nutf8 + 1, sizeof *d->utf8) ||
	    !reserve(d, *o + k))
		return false;
	d->utf8[d->nutf8++] = *o;
	memcpy(d->out + *o, in, k);
	*o += k;
	return true;
}

/* An ASCII-compatible encoding: runs of its lines are converted, and a
 * line that is evidently UTF-8 (see the top) is kept as it is.  Only whole
 * lines are judged (see LINE_WAIT). */
static size_t
run_by_line(sla_decoder *d, const char *in, size_t n, bool eof, size_t *o)
{
	size_t first = 0;	/* the end of a line begun natively in the last run */
	if (d->native_rest) {
		first = line_with_break(in, n);
		if (first == 0 || !is_break((unsigned char)in[first - 1]))
			return iconv_span(d, in, n, eof, o);	/* the line goes on */
		d->native_rest = false;
	}
	size_t end = eof ? n : whole_lines(in, n);
	if (end == 0 && n < LINE_WAIT && valid_utf8((const unsigned char *)in, n, true)) {
		(void)reserve(d, 0);	/* the empty text still has an address */
		return 0;
	}
	if (end == 0) {
		d->native_rest = true;
		return iconv_span(d, in, n, false, o);
	}
	size_t run = 0;	/* the lines from RUN on are still to convert */
	for (size_t i = first; i < end;) {
		size_t k = line_with_break(in + i, end - i);
		if (evidently_utf8((const unsigned char *)in + i, k, false)) {
			size_t used = iconv_span(d, in + run, i - run, true, o);
			if (used < i - run)
				return run + used;
			if (!keep_utf8_line(d, in + i, k, o))
				return i;
			run = i + k;
		}
		i += k;
	}
	return run + iconv_span(d, in + run, end - run, true, o);
}

static size_t
run_iconv(sla_decoder *d, const char *in, size_t n, bool eof, const char **out, size_t *outlen)
{
	size_t o = 0;
	size_t used = d->by_line ? run_by_line(d, in, n, eof, &o) : iconv_span(d, in, n, eof, &o);

	*out = d->out;
	*outlen = o;
	return used;
}

/* The lines read as UTF-8 begin 2 bytes later for each NUL before them in
 * D->out[0..N), once each NUL is U+FFFD. */
static void
shift_utf8_lines(sla_decoder *d, size_t n)
{
	size_t nuls = 0, j = 0;

	for (size_t i = 0; i < n && j < d->nutf8; i++) {
		while (j < d->nutf8 && d->utf8[j] == i)
			d->utf8[j++] += 2 * nuls;
		nuls += d->out[i] == '\0';
	}
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
	shift_utf8_lines(d, *n);
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
	d->nutf8 = 0;
	if (d->cd == (iconv_t)-1)
		used = run_utf8(d, in, n, eof, out, outlen);
	else
		used = run_iconv(d, in, n, eof, out, outlen);
	if (*outlen > 0 && memchr(*out, '\0', *outlen)) {
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

const size_t *
sla_decoder_utf8_lines(const sla_decoder *d, size_t *n)
{
	*n = d->nutf8;
	return d->utf8;
}
