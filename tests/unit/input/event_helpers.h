/* event_helpers.h: what the event-name and fold tests share: a diag
 * that writes into memory, and a map from policy text.  Included after
 * cmocka.h. */
#ifndef EVENT_HELPERS_H
#define EVENT_HELPERS_H

#include <stdio.h>
#include <stdlib.h>

#include "sla_event_names.h"

/* A diag that writes into a memory buffer, to check messages. */
typedef struct captured {
	sla_diag d;
	char *text;
	size_t len;
} captured;

static void
capture(captured *c)
{
	c->d = sla_diag_init("sla-parse");
	c->text = NULL;
	c->len = 0;
	c->d.out = open_memstream(&c->text, &c->len);
	assert_non_null(c->d.out);
}

static const char *
captured_text(captured *c)
{
	fflush(c->d.out);
	return c->text;
}

static void
release(captured *c)
{
	fclose(c->d.out);
	free(c->text);
}

static sla_events_map *
map_from(const char *text)
{
	captured c;
	capture(&c);
	sla_events_map *m = sla_events_map_parse(text, "policy.ini", &c.d);
	assert_string_equal(captured_text(&c), "");
	release(&c);
	assert_non_null(m);
	return m;
}

#endif
