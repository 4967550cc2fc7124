/* sla_event_names.h: what the names in a history export mean
 * (sla-parse --events): status and event-kind names, and visibility words.
 *
 * The map (event_names.c) says which status or event-kind names mean
 * what, built in for Jira, OTRS/Znuny, Zammad, ServiceNow and ZenTao in
 * English and Chinese, overridable by the [events] section of a policy.
 * It does not fold events into tickets (sla_fold.h) nor read an export
 * (sla_events_input.h). */
#ifndef SLA_EVENT_NAMES_H
#define SLA_EVENT_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sla_diag.h"

/* ---- the map ------------------------------------------------------------ */

/* What a status or event-kind name means.  The first five are phases a
 * status can be in; a name of any other class, met as a status, is an
 * active status with that class's effect as well. */
typedef enum sla_event_class {
	SLA_EV_UNKNOWN = 0,	/* not in the map */
	SLA_EV_NEW,		/* an initial status: New, Open, 新建 */
	SLA_EV_ACTIVE,		/* being worked on: In Progress, 处理中 */
	SLA_EV_PAUSE,		/* the clock stops: Waiting for customer, 挂起 */
	SLA_EV_RESOLVED,	/* Resolved, Done, 已解决 */
	SLA_EV_CLOSED,		/* Closed, Canceled, 已关闭 (also resolved) */
	SLA_EV_REOPEN,		/* Reopened, 激活: clears resolved and closed */
	SLA_EV_CREATED,		/* the creation event: Created, NewTicket, 创建 */
	SLA_EV_REPLY,		/* a message to the customer unless internal */
	SLA_EV_NOTE,		/* a message that is internal unless public */
	SLA_EV_RESPONSE,	/* an explicit response: Responded, 已受理 */
	SLA_EV_ONSITE,		/* an engineer on site: On site, 到场 */
	SLA_EV_WORKAROUND,	/* a workaround delivered: Workaround, 临时解决 */
	SLA_EV_NCLASSES
} sla_event_class;

/* The [events] key of a class ("pause"), or NULL for SLA_EV_UNKNOWN. */
const char *sla_event_class_key(sla_event_class c);

typedef struct sla_events_map sla_events_map;

/* The built-in map, changed by the [events] section of the policy file
 * PATH (NULL: the embedded default policy, if it has one).  Every other
 * section is skipped: the policy reader checks those.  A key replaces the
 * built-in names of its class; the word "defaults" among its names keeps
 * them.  An unknown key, or a name given to two classes, is fatal: the
 * message names file:line and NULL is returned. */
sla_events_map *sla_events_map_load(const char *path, sla_diag *d);
/* The same from policy text held in memory; NAME is used in messages. */
sla_events_map *sla_events_map_parse(const char *text, const char *name,
				     sla_diag *d);
void sla_events_map_free(sla_events_map *m);

/* The map as an [events] section, each class's names in the order they
 * were given (folded), so that a user starts from a copy. */
void sla_events_map_print(const sla_events_map *m, FILE *out);

/* The class of NAME (not NUL-terminated).  Case, runs of blanks and the
 * separators '-' and '_' do not matter: "ON_HOLD" is "On hold". */
sla_event_class sla_events_map_lookup(const sla_events_map *m, const char *name,
				      size_t n);

/* ---- visibility --------------------------------------------------------- */

typedef enum sla_visibility {
	SLA_VIS_UNKNOWN = 0,	/* not told: a reply counts, a note does not */
	SLA_VIS_PUBLIC,
	SLA_VIS_INTERNAL,
	SLA_VIS_BAD		/* a word sla_visibility_parse does not know */
} sla_visibility;

/* public, external, customer, 公开, 外部 ...; internal, private,
 * restricted, 内部 ...; empty: unknown.  The booleans yes/no, true/false,
 * 1/0, 是/否 answer the column's question: "is it public?", or "is it
 * internal?" when INTERNAL_COLUMN (a column named "internal"). */
sla_visibility sla_visibility_parse(const char *p, size_t n, bool internal_column);

#endif
