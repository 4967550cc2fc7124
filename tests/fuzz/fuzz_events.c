/* libFuzzer harness: the [events] section reader and the fold.
 *
 * The input is read twice: as a policy (whose [events] section, if sound,
 * gives the map), and as events, one a line, tab-separated: id, time
 * (seconds; anything else is no usable time), status, kind, author,
 * visibility, requester.  Folded in any order and as sorted input, every
 * ticket must be sound: pauses in order and apart, a closed ticket
 * resolved, and in any order one ticket per distinct id. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_fold.h"

enum { MAX_FIELDS = 7, MAX_IDS = 4096 };

typedef struct seen {
	sla_field ids[MAX_IDS];
	size_t n;
	size_t tickets;
} seen;

static void
check_ticket(void *ctx, const sla_fold_ticket *t)
{
	seen *s = ctx;
	s->tickets++;
	for (size_t i = 0; i < t->npaused; i++) {
		const sla_pause *p = &t->paused[i];
		if ((!p->open && p->end <= p->start) || (p->open && i + 1 != t->npaused) ||
		    (i && p->start <= p[-1].end))
			abort();
	}
	if (t->has[SLA_FT_CLOSED] && !t->has[SLA_FT_RESOLVED])
		abort();
	if (!t->status.p || !t->description.p || (t->error && !*t->error))
		abort();
}

static void
note_id(seen *s, sla_field id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->ids[i].n == id.n && memcmp(s->ids[i].p, id.p, id.n) == 0)
			return;
	if (s->n < MAX_IDS)
		s->ids[s->n++] = id;
}

/* Split LINE at tabs into up to MAX_FIELDS fields (the rest empty). */
static void
split(sla_field line, sla_field *f)
{
	for (int i = 0; i < MAX_FIELDS; i++) {
		const char *tab = memchr(line.p, '\t', line.n);
		size_t n = tab ? (size_t)(tab - line.p) : line.n;
		f[i] = (sla_field){ line.p, n };
		line.p += tab ? n + 1 : n;
		line.n -= tab ? n + 1 : n;
	}
}

static bool
read_seconds(sla_field f, int64_t *at)
{
	if (f.n == 0 || f.n > 12)
		return false;
	int64_t v = 0;
	for (size_t i = 0; i < f.n; i++) {
		if (f.p[i] < '0' || f.p[i] > '9')
			return false;
		v = v * 10 + (f.p[i] - '0');
	}
	*at = v;
	return true;
}

static void
fold_all(const sla_events_map *m, const char *text, size_t size, bool sorted)
{
	seen s = { .n = 0 };
	sla_fold_options opt = { .sorted = sorted, .ncarry = 1 };
	sla_fold *f = sla_fold_new(m, &opt, check_ticket, &s);
	if (!f)
		abort();
	unsigned long line = 0;
	for (const char *p = text, *end = text + size; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		sla_field l = { p, nl ? (size_t)(nl - p) : (size_t)(end - p) };
		p += l.n + 1;
		sla_field fl[MAX_FIELDS];
		split(l, fl);
		sla_event e = {
			.id = fl[0], .status = fl[2], .kind = fl[3], .author = fl[4],
			.vis = sla_visibility_parse(fl[5].p, fl[5].n, false),
			.requester = fl[6], .text = fl[3], .carry = &fl[4], .line = ++line,
		};
		e.has_time = read_seconds(fl[1], &e.at);
		if (sla_fold_add(f, &e) == SLA_FOLD_NOMEM)
			abort();
		bool blank = true;
		for (size_t i = 0; i < fl[0].n; i++)
			blank &= fl[0].p[i] == ' ' || fl[0].p[i] == '\t';
		if (!blank)
			note_id(&s, fl[0]);
	}
	sla_fold_finish(f);
	if (!sorted && s.n < MAX_IDS && s.tickets != s.n)
		abort();
	sla_fold_free(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	sla_diag d = sla_diag_init("fuzz");
	d.out = fopen("/dev/null", "w");
	sla_events_map *m = sla_events_map_parse(text, "fuzz", &d);
	if (!m)
		m = sla_events_map_parse(NULL, "fuzz", &d);
	fold_all(m, text, size, false);
	fold_all(m, text, size, true);
	sla_events_map_free(m);
	fclose(d.out);
	free(text);
	return 0;
}
