/* letter.c: a letter's text into the extraction -- decoded to UTF-8 with
 * the encoding detection of sla-parse (sla_encoding.h), a byte order mark
 * dropped, and cut into lines.  Also the extraction's lifetime and the
 * model's appends.
 *
 * Not here: sentences (sentences.c) and what they say (extract.c). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "sla_encoding.h"
#include "sla_file.h"
#include "sla_mem.h"

extern const xpat_src xdur_sources[], xmetric_sources[], xtier_sources[], xcal_sources[],
	xnotes_sources[], xsent_sources[];

sla_extract *
sla_extract_new(const sla_extract_opts *o, const sla_diag *d)
{
	static const xpat_src *const tables[] = {
		xdur_sources, xmetric_sources, xtier_sources, xcal_sources, xnotes_sources,
		xsent_sources, NULL,
	};
	char err[200] = "out of memory";
	sla_extract *x = calloc(1, sizeof *x);
	if (!x) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "%s", err);
		return NULL;
	}
	if (o)
		x->opts = *o;
	x->pats = xpatterns_new(tables, err, sizeof err);
	x->m = xmatcher_new();
	static const xcal round_the_clock = { .name = "24x7", .days = 7,
					      .hours = "00:00-24:00", .sent = SIZE_MAX };
	if (!x->pats || !x->m || xadd_cal(x, &round_the_clock) != 0) {
		sla_diag_msg(d, NULL, 0, NULL, NULL, 0, "%s", x->pats ? "out of memory" : err);
		sla_extract_free(x);
		return NULL;
	}
	return x;
}

void
sla_extract_free(sla_extract *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nfiles; i++)
		free(x->files[i]);
	for (size_t i = 0; i < x->ntexts; i++)
		free(x->texts[i]);
	free(x->files);
	free(x->texts);
	free(x->lines);
	free(x->sents);
	free(x->commits);
	free(x->conds);
	free(x->cals);
	free(x->calnotes);
	free(x->labels);
	free(x->defs);
	free(x->notes);
	xpatterns_free(x->pats);
	xmatcher_free(x->m);
	free(x);
}

/* ---- appending to the model ----------------------------------------------- */

/* Append ITEM (SIZE bytes) to the array *P of *N, capacity *CAP. */
static bool
append(sla_extract *x, void **p, size_t *n, size_t *cap, const void *item, size_t size)
{
	if (!sla_grow(p, cap, *n + 1, size)) {
		x->oom = true;
		return false;
	}
	memcpy((char *)*p + *n * size, item, size);
	(*n)++;
	return true;
}

bool
xadd_commit(sla_extract *x, const xcommit *c)
{
	return append(x, (void **)&x->commits, &x->ncommits, &x->capcommits, c, sizeof *c);
}

int
xadd_cal(sla_extract *x, const xcal *c)
{
	if (!append(x, (void **)&x->cals, &x->ncals, &x->capcals, c, sizeof *c))
		return -1;
	return (int)(x->ncals - 1);
}

bool
xadd_label(sla_extract *x, int tier, const char *word, size_t n, size_t sent)
{
	for (size_t i = 0; i < x->nlabels; i++)
		if (x->labels[i].tier == tier && strlen(x->labels[i].word) == n &&
		    memcmp(x->labels[i].word, word, n) == 0)
			return true;
	xlabel l = { .tier = tier, .sent = sent };
	if (n >= sizeof l.word || x->nlabels >= XLABELS_MAX)
		return true;	/* a stray match, or more than a rules draft needs */
	memcpy(l.word, word, n);
	return append(x, (void **)&x->labels, &x->nlabels, &x->caplabels, &l, sizeof l);
}

bool
xnote_add(sla_extract *x, enum xnote kind, size_t sent, const char *fmt, ...)
{
	xnote_t note = { .kind = kind, .sent = sent };
	/* one note a sentence and kind; notes come in the letter's order */
	for (size_t i = x->nnotes; i-- > 0 && x->notes[i].sent == sent;)
		if (x->notes[i].kind == kind)
			return true;
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(note.why, sizeof note.why, fmt, ap);
		va_end(ap);
	}
	return append(x, (void **)&x->notes, &x->nnotes, &x->capnotes, &note, sizeof note);
}

/* ---- the text ------------------------------------------------------------- */

static size_t
text_bytes(const sla_extract *x)
{
	size_t n = 0;
	for (size_t i = 0; i < x->nlines; i++)
		n += x->lines[i].n + 1;
	return n;
}

/* TEXT[0..N) (owned by X now) cut into lines of file FILE. */
static bool
cut_lines(sla_extract *x, size_t file, const char *text, size_t n)
{
	unsigned long no = 1;
	for (const char *p = text, *end = text + n; p < end; no++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		size_t len = (size_t)(stop - p);
		while (len > 0 && p[len - 1] == '\r')
			len--;
		xline l = { .p = p, .n = len, .file = file, .no = no };
		if (!append(x, (void **)&x->lines, &x->nlines, &x->caplines, &l, sizeof l))
			return false;
		p = nl ? nl + 1 : end;
	}
	return true;
}

/* BYTES decoded to a new UTF-8 buffer, its length in *LEN. */
static char *
decode(const sla_extract *x, const char *bytes, size_t n, size_t *len, char *err, size_t errlen)
{
	sla_encoding_guess guess;
	const char *enc = x->opts.encoding;
	if (!enc)
		enc = sla_encoding_detect((const unsigned char *)bytes, n < 65536 ? n : 65536, &guess);
	sla_decoder *dec = sla_decoder_new(enc, err, errlen);
	if (!dec)
		return NULL;
	const char *out;
	const size_t *bad;
	size_t outlen, nbad;
	sla_decoder_run(dec, bytes, n, true, &out, &outlen, &bad, &nbad);
	static const char bom[] = "\xEF\xBB\xBF";
	if (outlen >= 3 && memcmp(out, bom, 3) == 0) {
		out += 3;
		outlen -= 3;
	}
	char *copy = malloc(outlen + 1);
	if (copy) {
		memcpy(copy, out, outlen);
		copy[outlen] = '\0';
		*len = outlen;
	} else {
		snprintf(err, errlen, "out of memory");
	}
	sla_decoder_free(dec);
	return copy;
}

int
sla_extract_add_text(sla_extract *x, const char *name, const char *bytes, size_t n,
		     const sla_diag *d)
{
	char err[200];
	if (n > SLA_EXTRACT_MAX_BYTES - text_bytes(x)) {
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "more than %zu MiB of letter",
			     SLA_EXTRACT_MAX_BYTES >> 20);
		return -1;
	}
	size_t len = 0;
	char *text = decode(x, bytes, n, &len, err, sizeof err);
	char *copy = strdup(name);
	if (!text || !copy ||
	    !append(x, (void **)&x->texts, &x->ntexts, &x->captexts, &text, sizeof text)) {
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "%s", text ? "out of memory" : err);
		free(text);
		free(copy);
		return -1;
	}
	if (!append(x, (void **)&x->files, &x->nfiles, &x->capfiles, &copy, sizeof copy)) {
		free(copy);
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	if (!cut_lines(x, x->nfiles - 1, text, len)) {
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}

int
sla_extract_add_file(sla_extract *x, const char *path, const sla_diag *d)
{
	bool in = strcmp(path, "-") == 0;
	const char *name = in ? "<stdin>" : path;
	size_t len;
	sla_file_error why;
	char *bytes = sla_file_read(in ? "/dev/stdin" : path, SLA_EXTRACT_MAX_BYTES, &len, &why);
	if (!bytes) {
		if (why == SLA_FILE_TOO_BIG)
			sla_diag_msg(d, name, 0, NULL, NULL, 0, "more than %zu MiB of letter",
				     SLA_EXTRACT_MAX_BYTES >> 20);
		else
			sla_diag_msg(d, name, 0, NULL, NULL, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	int rc = sla_extract_add_text(x, name, bytes, len, d);
	free(bytes);
	return rc;
}
