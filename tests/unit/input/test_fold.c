/* Unit tests: the fold of history events into tickets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "event_helpers.h"
#include "sla_fold.h"
#include "sla_time.h"

/* ---- helpers ------------------------------------------------------------ */

/* The tickets a fold wrote, each as one line of text:
 * id line opened first_response onsite workaround resolved closed
 * | paused | status | description | carry0 | error
 * with times at +08:00 (the zone of the test data). */
typedef struct collected {
	char *rows[64];
	size_t n;
	size_t ncarry;
} collected;

static sla_tz *
shanghai(void)
{
	char err[128];
	sla_tz *tz = sla_tz_load("+08:00", err, sizeof err);
	assert_non_null(tz);
	return tz;
}

static void
collect(void *ctx, const sla_fold_ticket *t)
{
	collected *c = ctx;
	assert_true(c->n < 64);
	/* text fields are never NULL, even when empty (writers take them as they are) */
	assert_non_null(t->status.p);
	assert_non_null(t->description.p);
	for (size_t i = 0; i < c->ncarry; i++)
		assert_non_null(t->carry[i].p);
	sla_tz *tz = shanghai();
	char buf[2048];
	int n = snprintf(buf, sizeof buf, "%.*s %lu", (int)t->id.n, t->id.p, t->line);
	for (int i = 0; i < SLA_FT_NTIMES; i++) {
		char at[SLA_RFC3339_MAX] = "-";
		if (t->has[i])
			sla_rfc3339_format(t->at[i], 8 * 3600, at);
		n += snprintf(buf + n, sizeof buf - (size_t)n, " %s", at);
	}
	char *paused = malloc(sla_paused_max(t->npaused));
	sla_paused_write(t->paused, t->npaused, tz, paused);
	n += snprintf(buf + n, sizeof buf - (size_t)n, " | %s | %.*s | %.*s | %.*s | %s",
		      paused, (int)t->status.n, t->status.p, (int)t->description.n,
		      t->description.p, c->ncarry ? (int)t->carry[0].n : 0,
		      c->ncarry ? t->carry[0].p : "", t->error ? t->error : "");
	free(paused);
	sla_tz_free(tz);
	c->rows[c->n++] = strdup(buf);
}

static void
collected_free(collected *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->rows[i]);
	c->n = 0;
}

/* One event as a test writes it. */
typedef struct spec {
	const char *id;
	const char *at;		/* RFC 3339, NULL: no usable time */
	const char *status;
	const char *kind;
	const char *author;
	sla_visibility vis;
	const char *text;
	const char *carry;
	const char *requester;
} spec;

static sla_field
field(const char *s)
{
	return (sla_field){ s ? s : "", s ? strlen(s) : 0 };
}

static sla_event
event_of(const spec *s, unsigned long line, sla_field *carry)
{
	sla_event e = { .id = field(s->id), .status = field(s->status),
			.kind = field(s->kind), .author = field(s->author),
			.requester = field(s->requester), .vis = s->vis,
			.text = field(s->text), .carry = carry, .line = line };
	*carry = field(s->carry);
	sla_stamp st;
	if (s->at) {
		assert_int_equal(sla_rfc3339_parse(s->at, strlen(s->at), &st), 0);
		e.has_time = true;
		e.at = st.secs;
	}
	return e;
}

/* Fold SPECS[0..N) (line i + 2 for spec i, as under a header line). */
static sla_fold_stats
fold_with(const sla_events_map *m, bool sorted, const spec *specs, size_t n,
	  collected *out)
{
	sla_fold_options opt = { .sorted = sorted, .ncarry = 1 };
	out->ncarry = 1;
	sla_fold *f = sla_fold_new(m, &opt, collect, out);
	assert_non_null(f);
	for (size_t i = 0; i < n; i++) {
		sla_field carry;
		sla_event e = event_of(&specs[i], i + 2, &carry);
		sla_fold_result r = sla_fold_add(f, &e);
		assert_true(r != SLA_FOLD_NOMEM);
	}
	sla_fold_finish(f);
	sla_fold_stats st = sla_fold_get_stats(f);
	sla_fold_free(f);
	return st;
}

static sla_fold_stats
fold(const spec *specs, size_t n, collected *out)
{
	sla_events_map *m = map_from(NULL);
	sla_fold_stats st = fold_with(m, false, specs, n, out);
	sla_events_map_free(m);
	return st;
}

#define NSPECS(a) (sizeof(a) / sizeof((a)[0]))
#define T(hm) "2026-03-02T" hm ":00+08:00"
#define PUB SLA_VIS_PUBLIC
#define INT SLA_VIS_INTERNAL

/* ---- the fold ---------------------------------------------------------------- */

static void
jira_ticket_with_reply_and_close(void **state)
{
	(void)state;
	const spec s[] = {
		{ "SD-1", T("09:00"), "Waiting for support", "Created", "alice", 0,
		  "VPN down", "High", NULL },
		{ "SD-1", T("09:05"), NULL, "Comment", "alice", PUB, "any news?", NULL, NULL },
		{ "SD-1", T("09:10"), NULL, "Comment", "bob", INT, "looking", NULL, NULL },
		{ "SD-1", T("09:20"), NULL, "Comment", "bob", 0, "on it", NULL, NULL },
		{ "SD-1", T("09:30"), "In Progress", NULL, "bob", 0, NULL, NULL, NULL },
		{ "SD-1", T("11:00"), "Resolved", NULL, "bob", 0, NULL, NULL, NULL },
		{ "SD-1", T("12:00"), "Closed", NULL, "bob", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	sla_fold_stats st = fold(s, NSPECS(s), &c);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.rows[0],
		"SD-1 2 2026-03-02T09:00:00+08:00 2026-03-02T09:20:00+08:00 - - "
		"2026-03-02T11:00:00+08:00 2026-03-02T12:00:00+08:00 |  | Closed | "
		"VPN down | High | ");
	assert_int_equal(st.events, 7);
	assert_int_equal(st.tickets, 1);
	assert_int_equal(st.rejected, 0);
	assert_int_equal(st.errors, 0);
	collected_free(&c);
}

static void
first_transition_out_of_the_initial_status_is_a_response(void **state)
{
	(void)state;
	const spec s[] = {
		{ "7", T("09:00"), "New", "NewTicket", "agent1", 0, NULL, NULL, NULL },
		{ "7", T("09:01"), "open", NULL, "agent1", 0, NULL, NULL, NULL },
		{ "7", T("09:40"), "pending reminder", "StateUpdate", "agent1", 0, NULL, NULL, NULL },
		{ "7", T("10:40"), "open", "FollowUp", "cust", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	fold(s, NSPECS(s), &c);
	/* new -> open stays among initial statuses; the move into pending counts
	 * even though the agent who opened the ticket made it. */
	assert_string_equal(c.rows[0],
		"7 2 2026-03-02T09:00:00+08:00 2026-03-02T09:40:00+08:00 - - - - | "
		"2026-03-02T09:40:00+08:00/2026-03-02T10:40:00+08:00 | open |  |  | ");
	collected_free(&c);
}


/* A changelog's row: the status it went to, and the one it left. */
typedef struct change {
	const char *id, *at, *status, *kind, *from;
} change;

static void
fold_changes(const change *ch, size_t n, collected *out)
{
	sla_events_map *m = map_from(NULL);
	sla_fold_options opt = { .ncarry = 1 };
	out->ncarry = 1;
	sla_fold *f = sla_fold_new(m, &opt, collect, out);
	assert_non_null(f);
	for (size_t i = 0; i < n; i++) {
		sla_field carry = field(NULL);
		spec sp = { ch[i].id, ch[i].at, ch[i].status, ch[i].kind, "bob", 0, NULL, NULL, NULL };
		sla_event e = event_of(&sp, i + 2, &carry);
		e.from = field(ch[i].from);
		e.is_change = true;
		assert_int_equal(sla_fold_add(f, &e), SLA_FOLD_OK);
	}
	sla_fold_finish(f);
	sla_fold_free(f);
	sla_events_map_free(m);
}

/* A changelog's Created row has no status (every Jira changelog's): the
 * ticket was created in the status its first change left.  Without its
 * Created row (Jira's Data pipeline issue_history), the first change was
 * taken for where the ticket began: the response it was went unseen, and
 * the ticket was opened then, as far as anyone could tell. */
static void
initial_status_of_a_changelog(void **state)
{
	(void)state;
	const change c1[] = {
		{ "SD-2", T("09:00"), NULL, "Created", NULL },
		{ "SD-2", T("09:05"), "Open", "status", "Triage" },
		{ "SD-2", T("09:10"), "Triage", "status", "Open" },
		{ "SD-2", T("09:30"), "In Progress", "status", "Triage" },
	};
	collected c = { 0 };
	fold_changes(c1, NSPECS(c1), &c);
	/* created in Triage: back in Triage is no response, In Progress is */
	assert_string_equal(c.rows[0],
		"SD-2 2 2026-03-02T09:00:00+08:00 2026-03-02T09:30:00+08:00 - - - - |  | "
		"In Progress |  |  | ");
	collected_free(&c);

	const change c2[] = {
		{ "10201", T("09:40"), "In Progress", "status", "Waiting for support" },
		{ "10201", T("10:15"), "Waiting for customer", "status", "In Progress" },
	};
	fold_changes(c2, NSPECS(c2), &c);
	assert_string_equal(c.rows[0],
		"10201 2 2026-03-02T09:40:00+08:00 2026-03-02T09:40:00+08:00 - - - - | "
		"2026-03-02T10:15:00+08:00/ | Waiting for customer |  |  | no creation event: "
		"the history begins at line 2 with a change, so opened is not known");
	collected_free(&c);
}

static void
requester_and_visibility_decide_replies(void **state)
{
	(void)state;
	const spec s[] = {
		/* the agent opened it for the customer, who the export names */
		{ "A", T("09:00"), NULL, "Created", "agent1", 0, NULL, NULL, "cust" },
		{ "A", T("09:10"), NULL, "Comment", "cust", PUB, NULL, NULL, NULL },
		{ "A", T("09:20"), NULL, "Note", "agent1", 0, NULL, NULL, NULL },
		{ "A", T("09:25"), NULL, "Reply", "agent2", SLA_VIS_BAD, NULL, NULL, NULL },
		{ "A", T("09:30"), NULL, "Note", "agent1", PUB, NULL, NULL, NULL },
		{ "B", T("09:00"), NULL, "Created", "", 0, NULL, NULL, NULL },
		{ "B", T("09:50"), NULL, "Comment", "", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	fold(s, NSPECS(s), &c);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.rows[0],
		"A 2 2026-03-02T09:00:00+08:00 2026-03-02T09:30:00+08:00 - - - - |  |  |  |  | ");
	/* no author known on either side: the reply counts */
	assert_string_equal(c.rows[1],
		"B 7 2026-03-02T09:00:00+08:00 2026-03-02T09:50:00+08:00 - - - - |  |  |  |  | ");
	collected_free(&c);
}

static void
reopen_clears_resolved_and_closed(void **state)
{
	(void)state;
	const spec s[] = {
		{ "BUG-1", T("09:00"), "激活", "创建", "张三", 0, "打印机无法打印", NULL, NULL },
		{ "BUG-1", T("09:30"), NULL, "已受理", "李四", 0, NULL, NULL, NULL },
		{ "BUG-1", T("10:00"), "已解决", "解决", "李四", 0, NULL, NULL, NULL },
		{ "BUG-1", T("10:30"), "已关闭", "关闭", "张三", 0, NULL, NULL, NULL },
		{ "BUG-1", T("11:00"), NULL, "激活", "张三", 0, NULL, NULL, NULL },
		{ "BUG-1", T("14:00"), "已解决", "解决", "李四", 0, NULL, NULL, NULL },
		{ "BUG-2", T("09:00"), "In Progress", "Created", "u", 0, NULL, NULL, NULL },
		{ "BUG-2", T("10:00"), "Resolved", NULL, "v", 0, NULL, NULL, NULL },
		{ "BUG-2", T("10:05"), "In Progress", NULL, "u", 0, NULL, NULL, NULL },
		{ "BUG-3", T("09:00"), "Open", "Created", "u", 0, NULL, NULL, NULL },
		{ "BUG-3", T("10:00"), "Closed", NULL, "v", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	fold(s, NSPECS(s), &c);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.rows[0],
		"BUG-1 2 2026-03-02T09:00:00+08:00 2026-03-02T09:30:00+08:00 - - "
		"2026-03-02T14:00:00+08:00 - |  | 已解决 | 打印机无法打印 |  | ");
	/* reopened by a move back to an active status: neither resolved nor
	 * closed; the first move out of the initial status was the resolution */
	assert_string_equal(c.rows[1],
		"BUG-2 8 2026-03-02T09:00:00+08:00 2026-03-02T10:00:00+08:00 - - - - | "
		" | In Progress |  |  | ");
	/* closed without a resolution first: closed is resolved too */
	assert_string_equal(c.rows[2],
		"BUG-3 11 2026-03-02T09:00:00+08:00 2026-03-02T10:00:00+08:00 - - "
		"2026-03-02T10:00:00+08:00 2026-03-02T10:00:00+08:00 |  | Closed |  |  | ");
	collected_free(&c);
}

static void
pauses_nest_join_and_stay_open(void **state)
{
	(void)state;
	const spec s[] = {
		{ "P", T("09:00"), "新建", "创建", "c", 0, NULL, NULL, NULL },
		{ "P", T("09:10"), "处理中", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("10:00"), "挂起", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("11:00"), "等待第三方", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("12:00"), "挂起", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("13:00"), "处理中", NULL, "e", 0, NULL, NULL, NULL },
		/* a pause that ends as it starts is no pause */
		{ "P", T("13:30"), "待客户确认", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("13:30"), "处理中", NULL, "e", 0, NULL, NULL, NULL },
		/* one that ends into another at the same instant joins it */
		{ "P", T("14:00"), "Pending", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("15:00"), "处理中", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("15:00"), "On hold", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("16:00"), "已解决", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("16:30"), "激活", NULL, "c", 0, NULL, NULL, NULL },
		{ "P", T("17:00"), "待客户确认", NULL, "e", 0, NULL, NULL, NULL },
		/* and the last, still open at the end of the log, takes in one
		 * that touches it */
		{ "P", T("18:00"), "处理中", NULL, "e", 0, NULL, NULL, NULL },
		{ "P", T("18:00"), "挂起", NULL, "e", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	fold(s, NSPECS(s), &c);
	assert_string_equal(c.rows[0],
		"P 2 2026-03-02T09:00:00+08:00 2026-03-02T09:10:00+08:00 - - - - | "
		"2026-03-02T10:00:00+08:00/2026-03-02T13:00:00+08:00;"
		"2026-03-02T14:00:00+08:00/2026-03-02T16:00:00+08:00;"
		"2026-03-02T17:00:00+08:00/ | 挂起 |  |  | ");
	collected_free(&c);
}

static void
onsite_and_workaround_take_the_first(void **state)
{
	(void)state;
	const spec s[] = {
		{ "W", T("08:00"), NULL, "报修", "c", 0, NULL, NULL, NULL },
		{ "W", T("09:00"), NULL, "到场", "e", 0, NULL, NULL, NULL },
		{ "W", T("09:30"), "临时解决", NULL, "e", 0, NULL, NULL, NULL },
		{ "W", T("10:00"), NULL, "On site", "e", 0, NULL, NULL, NULL },
		{ "W", T("10:30"), NULL, "Workaround", "e", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	fold(s, NSPECS(s), &c);
	/* a status of the workaround class is an active status as well: it is
	 * the first move out of the initial (none) status */
	assert_string_equal(c.rows[0],
		"W 2 2026-03-02T08:00:00+08:00 2026-03-02T09:30:00+08:00 "
		"2026-03-02T09:00:00+08:00 2026-03-02T09:30:00+08:00 - - |  | 临时解决 |  |  | ");
	collected_free(&c);
}

static void
order_of_input_does_not_matter(void **state)
{
	(void)state;
	const spec s[] = {
		{ "O", T("09:00"), "Open", "Created", "c", 0, "text", "P2", NULL },
		{ "O", T("09:30"), NULL, "Comment", "e", 0, NULL, NULL, NULL },
		{ "O", T("10:00"), "Waiting for customer", NULL, "e", 0, NULL, "P1", NULL },
		{ "O", T("11:00"), "In Progress", NULL, "c", 0, NULL, NULL, NULL },
		{ "O", T("12:00"), "Resolved", NULL, "e", 0, NULL, NULL, NULL },
		{ "O", T("12:30"), "Reopened", NULL, "c", 0, NULL, NULL, NULL },
		{ "O", T("13:00"), "Resolved", NULL, "e", 0, NULL, NULL, NULL },
	};
	spec shuffled[NSPECS(s)];
	const size_t perm[] = { 4, 6, 0, 2, 5, 1, 3 };
	for (size_t i = 0; i < NSPECS(s); i++)
		shuffled[i] = s[perm[i]];
	collected a = { 0 }, b = { 0 };
	fold(s, NSPECS(s), &a);
	fold(shuffled, NSPECS(s), &b);
	assert_string_equal(a.rows[0],
		"O 2 2026-03-02T09:00:00+08:00 2026-03-02T09:30:00+08:00 - - "
		"2026-03-02T13:00:00+08:00 - | "
		"2026-03-02T10:00:00+08:00/2026-03-02T11:00:00+08:00 | Resolved | text | P1 | ");
	/* the same ticket, but its line is where the creation now is */
	assert_string_equal(b.rows[0] + 4, a.rows[0] + 4);
	assert_memory_equal(b.rows[0], "O 4 ", 4);
	collected_free(&a);
	collected_free(&b);
}

static void
contradictions_are_the_tickets_error(void **state)
{
	(void)state;
	const spec s[] = {
		{ "X", T("10:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "X", T("09:00"), "Resolved", NULL, "e", 0, NULL, NULL, NULL },
		{ "X", T("08:00"), NULL, "Comment", "e", 0, NULL, NULL, NULL },
		{ "Y", T("10:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "Y", T("11:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "Z", T("10:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "Z", T("09:00"), "Closed", NULL, "e", 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	sla_fold_stats st = fold(s, NSPECS(s), &c);
	assert_int_equal(c.n, 3);
	assert_non_null(strstr(c.rows[0], "| line 4: event before the creation "
			       "event (line 2) (and 1 more)"));
	assert_non_null(strstr(c.rows[1], "| line 6: created again (first created at line 5)"));
	assert_non_null(strstr(c.rows[2], "| line 8: resolved before the creation "
			       "event (line 7)"));
	assert_int_equal(st.errors, 3);
	collected_free(&c);
}

static void
events_without_id_or_time_are_counted(void **state)
{
	(void)state;
	const spec s[] = {
		{ "", T("09:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ " \t", T("09:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "N", NULL, "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "N", NULL, "Resolved", NULL, "c", 0, NULL, NULL, NULL },
		{ "M", T("09:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "M", NULL, "Resolved", NULL, "c", 0, NULL, NULL, NULL },
	};
	sla_events_map *m = map_from(NULL);
	sla_fold_options opt = { .ncarry = 0 };
	collected c = { 0 };
	sla_fold *f = sla_fold_new(m, &opt, collect, &c);
	const sla_fold_result want[] = { SLA_FOLD_NO_ID, SLA_FOLD_NO_ID, SLA_FOLD_UNUSABLE,
					 SLA_FOLD_UNUSABLE, SLA_FOLD_OK, SLA_FOLD_UNUSABLE };
	for (size_t i = 0; i < NSPECS(s); i++) {
		sla_field carry;
		sla_event e = event_of(&s[i], i + 2, &carry);
		assert_int_equal(sla_fold_add(f, &e), want[i]);
	}
	sla_fold_finish(f);
	sla_fold_stats st = sla_fold_get_stats(f);
	assert_int_equal(st.events, 6);
	assert_int_equal(st.rejected, 5);
	assert_int_equal(st.tickets, 2);
	assert_int_equal(st.errors, 2);
	assert_string_equal(c.rows[0], "N 4 - - - - - - |  |  |  |  | no event with a usable "
			    "time; line 4: event left out (unreadable) (and 1 more)");
	assert_string_equal(c.rows[1], "M 6 2026-03-02T09:00:00+08:00 - - - - - |  | Open |  "
			    "|  | line 7: event left out (unreadable)");
	assert_string_equal(sla_fold_result_text(SLA_FOLD_NO_ID),
			    "event without a ticket id: no ticket can be built from it");
	sla_fold_free(f);
	sla_events_map_free(m);
	collected_free(&c);
}

/* Sorted input: a group is "come back" only when its id was met before,
 * not when another id has the same hash -- "T-6710" and "T-67710" do
 * under sla_hash as it is (it mixes the length in weakly), and a set of
 * hashes took the second for the first. */
static void
sorted_input_tells_ids_apart_not_hashes(void **state)
{
	(void)state;
	const spec s[] = {
		{ "T-6710", T("09:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "T-67710", T("09:30"), "Open", "Created", "c", 0, NULL, NULL, NULL },
	};
	sla_events_map *m = map_from(NULL);
	collected c = { 0 };
	sla_fold_stats st = fold_with(m, true, s, NSPECS(s), &c);
	assert_int_equal(st.tickets, 2);
	assert_int_equal(st.regrouped, 0);
	assert_int_equal(c.n, 2);
	assert_null(strstr(c.rows[1], "not grouped"));
	sla_events_map_free(m);
	collected_free(&c);
}

/* With sorted input a ticket comes out as soon as the next id starts. */
static void
sorted_input_writes_each_group_at_its_end(void **state)
{
	(void)state;
	const spec s[] = {
		{ "1", T("09:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "1", T("09:30"), "Resolved", NULL, "e", 0, NULL, NULL, NULL },
		{ "2", T("08:00"), "Open", "Created", "c", 0, NULL, NULL, NULL },
		{ "1", T("10:00"), "Closed", NULL, "e", 0, NULL, NULL, NULL },
	};
	sla_events_map *m = map_from(NULL);
	sla_fold_options opt = { .sorted = true };
	collected c = { 0 };
	sla_fold *f = sla_fold_new(m, &opt, collect, &c);
	size_t written_after[] = { 0, 0, 1, 2 };
	for (size_t i = 0; i < NSPECS(s); i++) {
		sla_field carry;
		sla_event e = event_of(&s[i], i + 2, &carry);
		assert_int_equal(sla_fold_add(f, &e), SLA_FOLD_OK);
		assert_int_equal(c.n, written_after[i]);
	}
	sla_fold_finish(f);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.rows[0], "1 2 2026-03-02T09:00:00+08:00 2026-03-02T09:30:00+08:00 "
			    "- - 2026-03-02T09:30:00+08:00 - |  | Resolved |  |  | ");
	/* the group that came back is caught, not merged or lost; it starts
	 * closed, which is then its initial status, so no response */
	assert_string_equal(c.rows[2], "1 5 2026-03-02T10:00:00+08:00 - "
			    "- - 2026-03-02T10:00:00+08:00 2026-03-02T10:00:00+08:00 |  | "
			    "Closed |  |  | events not grouped by id: an earlier group of "
			    "this id was written already");
	sla_fold_free(f);
	sla_events_map_free(m);
	collected_free(&c);
}

static void
any_order_writes_in_order_of_first_appearance(void **state)
{
	(void)state;
	const spec s[] = {
		{ "b", T("09:00"), NULL, NULL, NULL, 0, NULL, NULL, NULL },
		{ "a", T("08:00"), NULL, NULL, NULL, 0, NULL, NULL, NULL },
		{ "b", T("07:00"), NULL, NULL, NULL, 0, NULL, NULL, NULL },
	};
	collected c = { 0 };
	fold(s, NSPECS(s), &c);
	assert_int_equal(c.n, 2);
	/* no creation event: opened is the first event in time */
	assert_string_equal(c.rows[0], "b 4 2026-03-02T07:00:00+08:00 - - - - - |  |  |  |  | ");
	assert_string_equal(c.rows[1], "a 3 2026-03-02T08:00:00+08:00 - - - - - |  |  |  |  | ");
	collected_free(&c);
}

/* ---- property: tickets out = distinct ids in, whatever the events ------------- */

static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

typedef struct counted {
	size_t n;
	bool sound;		/* every ticket's pauses in order, apart, after opening */
} counted;

static void
count_ticket(void *ctx, const sla_fold_ticket *t)
{
	counted *c = ctx;
	c->n++;
	for (size_t i = 0; i < t->npaused; i++) {
		const sla_pause *p = &t->paused[i];
		if ((!p->open && p->end <= p->start) || (p->open && i + 1 != t->npaused) ||
		    (i && p->start <= p[-1].end) ||
		    (t->has[SLA_FT_OPENED] && !t->error && p->start < t->at[SLA_FT_OPENED]))
			c->sound = false;
	}
	if (t->has[SLA_FT_CLOSED] && !t->has[SLA_FT_RESOLVED])
		c->sound = false;
}

static void
tickets_out_equal_distinct_ids_in(void **state)
{
	(void)state;
	static const char *const names[] = {
		"Open", "In Progress", "Waiting for customer", "挂起", "等待第三方",
		"Resolved", "Closed", "Reopened", "激活", "Comment", "Note", "Created",
		"On site", "Workaround", "whatever", "",
	};
	sla_events_map *m = map_from(NULL);
	uint64_t seed = 0x9e3779b97f4a7c15u;
	for (int round = 0; round < 200; round++) {
		size_t nids = 1 + next_random(&seed) % 40;
		size_t nev = next_random(&seed) % 400;
		bool sorted = round % 2;
		bool used[40] = { false };
		size_t distinct = 0;
		counted c = { .sound = true };
		sla_fold_options opt = { .sorted = sorted };
		sla_fold *f = sla_fold_new(m, &opt, count_ticket, &c);
		for (size_t i = 0; i < nev; i++) {
			/* sorted rounds take ids in increasing runs */
			size_t k = sorted ? i * nids / (nev ? nev : 1)
					  : next_random(&seed) % nids;
			char id[8];
			snprintf(id, sizeof id, "T%zu", k);
			const char *st = names[next_random(&seed) % 16];
			const char *kind = names[next_random(&seed) % 16];
			sla_event e = {
				.id = field(id), .has_time = next_random(&seed) % 50 != 0,
				.at = 1772400000 + (int64_t)(next_random(&seed) % 86400),
				.status = field(st), .kind = field(kind),
				.author = field(next_random(&seed) % 2 ? "a" : "b"),
				.vis = (sla_visibility)(next_random(&seed) % 4),
				.line = i + 2,
			};
			assert_int_not_equal(sla_fold_add(f, &e), SLA_FOLD_NOMEM);
			distinct += !used[k];
			used[k] = true;
		}
		sla_fold_finish(f);
		assert_int_equal(c.n, distinct);
		assert_int_equal(sla_fold_get_stats(f).tickets, distinct);
		assert_true(c.sound);
		sla_fold_free(f);
	}
	sla_events_map_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jira_ticket_with_reply_and_close),
		cmocka_unit_test(first_transition_out_of_the_initial_status_is_a_response),
		cmocka_unit_test(initial_status_of_a_changelog),
		cmocka_unit_test(requester_and_visibility_decide_replies),
		cmocka_unit_test(reopen_clears_resolved_and_closed),
		cmocka_unit_test(pauses_nest_join_and_stay_open),
		cmocka_unit_test(onsite_and_workaround_take_the_first),
		cmocka_unit_test(order_of_input_does_not_matter),
		cmocka_unit_test(contradictions_are_the_tickets_error),
		cmocka_unit_test(events_without_id_or_time_are_counted),
		cmocka_unit_test(sorted_input_writes_each_group_at_its_end),
		cmocka_unit_test(sorted_input_tells_ids_apart_not_hashes),
		cmocka_unit_test(any_order_writes_in_order_of_first_appearance),
		cmocka_unit_test(tickets_out_equal_distinct_ids_in),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
