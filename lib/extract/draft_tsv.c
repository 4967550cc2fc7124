/* draft_tsv.c: the commitments as a table, and -v -- for people who audit
 * the extraction itself rather than its draft.
 *
 * The table has one row a commitment found, repeats included, in the
 * letter's order: tier ("*" for all requests), metric (a built-in, or
 * "a_or_b", or a custom metric), target, calendar, condition ("resolve >
 * 8h"), line and the whole sentence, as the ticket stream escapes its
 * fields (sla(7)).  -v says, for each clause found, what it became. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft_model.h"
#include "sla_stream.h"

static void
condition(const sla_extract *x, const xcommit *c, char *buf, size_t n)
{
	buf[0] = '\0';
	if (c->cond < 0)
		return;
	xdur d = { .secs = x->conds[c->cond].secs, .unit = XU_TIME };
	char t[32];
	xdur_format(&d, false, t, sizeof t);
	snprintf(buf, n, "resolve > %s", t);
}

static const char *
tier_name(const sla_extract *x, int tier)
{
	return tier == XT_ALL ? "*" : xtier_name(x, tier);
}

int
sla_extract_write_tsv(const sla_extract *x, FILE *f)
{
	fprintf(f, "tier\tmetric\ttarget\tcalendar\tcondition\tline\tsentence\n");
	char *esc = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < x->ncommits; i++) {
		const xcommit *c = &x->commits[i];
		const xsent *st = &x->sents[c->sent];
		const xline *l = &x->lines[st->line];
		char metric[80], target[32], cond[48];
		xmetric_name(c, metric, sizeof metric);
		xdur_format(&c->dur, false, target, sizeof target);
		condition(x, c, cond, sizeof cond);
		if (2 * st->n + 1 > cap) {
			free(esc);
			cap = 2 * st->n + 1;
			if (!(esc = malloc(cap)))
				return -1;
		}
		size_t en = sla_escape(xsent_text(x, st), st->n, esc);
		fprintf(f, "%s\t%s\t%s\t%s\t%s\t", tier_name(x, c->tier), metric, target,
			x->cals[c->cal].name, cond);
		if (x->nfiles > 1)
			fprintf(f, "%s:", x->files[l->file]);
		fprintf(f, "%lu\t%.*s\n", l->no, (int)en, esc);
	}
	free(esc);
	return ferror(f) ? -1 : 0;
}

/* ---- -v ------------------------------------------------------------------- */

static void
say(const sla_extract *x, const sla_diag *d, size_t sent, const char *what)
{
	const xsent *st = &x->sents[sent];
	const xline *l = &x->lines[st->line];
	sla_diag_msg(d, x->files[l->file], l->no, NULL, xsent_text(x, st), st->n, "%s", what);
}

static void
say_commit(const sla_extract *x, const sla_diag *d, const xcommit *c)
{
	char metric[80], target[32], cond[48], what[400];
	xmetric_name(c, metric, sizeof metric);
	xdur_format(&c->dur, false, target, sizeof target);
	condition(x, c, cond, sizeof cond);
	int k = snprintf(what, sizeof what, "%s %s, %s%s, calendar %s%s%s%s", metric, target,
			 c->tier == XT_ALL ? "all tiers" : "tier ",
			 c->tier == XT_ALL ? "" : xtier_name(x, c->tier), x->cals[c->cal].name,
			 cond[0] ? ", when " : "", cond, c->stops == 0 ? " (a custom metric)" : "");
	if (c->dup_of != SIZE_MAX && k > 0 && (size_t)k < sizeof what)
		snprintf(what + k, sizeof what - (size_t)k, " (a repeat)");
	say(x, d, c->sent, what);
}

/* Everything found is appended in the letter's order, so one pass with a
 * cursor a list says it all in order. */
void
sla_extract_report(const sla_extract *x, const sla_diag *d)
{
	static const char *const kinds[] = { "an exclusion", "违约责任", "not expressed" };
	size_t c = 0, k = 0, cal = 0, n = 0;
	for (size_t s = 0; s < x->nsents; s++) {
		for (; c < x->ncommits && x->commits[c].sent <= s; c++)
			say_commit(x, d, &x->commits[c]);
		for (; k < x->nconds && x->conds[k].sent <= s; k++) {
			char what[64], v[32];
			xdur t = { .secs = x->conds[k].secs, .unit = XU_TIME };
			xdur_format(&t, false, v, sizeof v);
			snprintf(what, sizeof what, "a condition: resolve > %s", v);
			say(x, d, x->conds[k].sent, what);
		}
		for (; cal < x->ncalnotes && x->calnotes[cal].sent <= s; cal++) {
			const xcalnote *cn = &x->calnotes[cal];
			char what[96];
			snprintf(what, sizeof what, "calendar %s, %s%s", x->cals[cn->cal].name,
				 cn->tier == XT_ALL ? "all tiers" : "tier ",
				 cn->tier == XT_ALL ? "" : xtier_name(x, cn->tier));
			say(x, d, cn->sent, what);
		}
		for (; n < x->nnotes && x->notes[n].sent <= s; n++) {
			char what[240];
			snprintf(what, sizeof what, "%s%s%s", kinds[x->notes[n].kind],
				 x->notes[n].why[0] ? ": " : "", x->notes[n].why);
			say(x, d, x->notes[n].sent, what);
		}
	}
}
