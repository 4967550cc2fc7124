/* events_input.c: history exports to the ticket stream (sla-parse --events).
 *
 * CSV comes through sla_csvin (encodings, dialects, line numbers, broken
 * quoting), times through sla_timeform, header names through the same
 * normalisation as the ticket aliases; each row becomes an sla_event for
 * the fold, and each folded ticket one row of the stream. */
#include <stdlib.h>
#include <string.h>

#include "sla_aliases.h"
#include "sla_events_input.h"
#include "sla_export.h"
#include "sla_mem.h"
#include "sla_stream_fields.h"

/* The event columns, then the ticket columns carried along. */
enum evcol {
	EC_ID, EC_TIME, EC_STATUS, EC_FROM, EC_KIND, EC_FIELD, EC_AUTHOR, EC_REQUESTER,
	EC_VISIBILITY, EC_TEXT,
	EC_CARRY,		/* the first carried column */
	EC_NCOLS = EC_CARRY + 8
};

static const char *const evcol_names[EC_NCOLS] = {
	"id", "time", "status", "from", "kind", "field", "author", "requester", "visibility",
	"text",
	"priority", "severity", "tier", "category", "channel", "customer", "exclude",
	"description",
};

#define NCARRY (EC_NCOLS - EC_CARRY)

typedef struct alias {
	enum evcol col;
	const char *name;
	const char *source;
} alias;

/* Header names of history exports.  Listed first wins (sla_aliases.h);
 * ids and the carried columns are also found through the ticket aliases
 * (sla-parse --list-aliases), after these. */
static const alias table[] = {
	{ EC_ID, "Ticket", "generic" },
	{ EC_ID, "Ticket id", "generic, Zammad" },
	{ EC_ID, "Incident", "ServiceNow" },
	{ EC_ID, "documentkey", "ServiceNow sys_audit" },
	{ EC_ID, "objectID", "ZenTao action" },
	{ EC_ID, "对象ID", "ZenTao action" },
	{ EC_ID, "对象编号", "ZenTao" },
	{ EC_ID, "工单ID", "Chinese sheets" },

	{ EC_TIME, "Time", "generic" },
	{ EC_TIME, "Created", "Jira changelog" },
	{ EC_TIME, "created_date", "Jira Data pipeline issue_history" },
	{ EC_TIME, "CreateTime", "OTRS/Znuny ticket_history" },
	{ EC_TIME, "created_at", "Zammad history" },
	{ EC_TIME, "sys_created_on", "ServiceNow audit" },
	{ EC_TIME, "Date", "generic, ZenTao" },
	{ EC_TIME, "Timestamp", "generic" },
	{ EC_TIME, "Event time", "generic" },
	{ EC_TIME, "Changed", "generic" },
	{ EC_TIME, "操作时间", "Chinese sheets" },
	{ EC_TIME, "操作日期", "ZenTao" },
	{ EC_TIME, "时间", "Chinese sheets" },
	{ EC_TIME, "日期", "ZenTao" },
	{ EC_TIME, "记录时间", "Chinese sheets" },
	{ EC_TIME, "变更时间", "Chinese sheets" },

	{ EC_STATUS, "Status", "generic" },
	{ EC_STATUS, "State", "OTRS/Znuny, Zammad" },
	{ EC_STATUS, "To string", "Jira Data pipeline (to_string), REST clients (toString)" },
	{ EC_STATUS, "To", "Jira changelog" },
	{ EC_STATUS, "To status", "generic" },
	{ EC_STATUS, "New status", "generic" },
	{ EC_STATUS, "newvalue", "ServiceNow audit" },
	{ EC_STATUS, "新值", "ZenTao history" },
	{ EC_STATUS, "状态", "Chinese sheets, ZenTao" },
	{ EC_STATUS, "新状态", "Chinese sheets" },
	{ EC_STATUS, "变更后状态", "Chinese sheets" },

	{ EC_FROM, "From string", "Jira Data pipeline (from_string), REST clients (fromString)" },
	{ EC_FROM, "From", "Jira changelog" },
	{ EC_FROM, "From status", "generic" },
	{ EC_FROM, "Old status", "generic" },
	{ EC_FROM, "oldvalue", "ServiceNow audit" },
	{ EC_FROM, "旧值", "ZenTao history" },
	{ EC_FROM, "原状态", "Chinese sheets" },
	{ EC_FROM, "变更前状态", "Chinese sheets" },

	{ EC_KIND, "Event", "generic" },
	{ EC_KIND, "HistoryType", "OTRS/Znuny ticket_history" },
	{ EC_KIND, "History type", "OTRS/Znuny" },
	{ EC_KIND, "Action", "ZenTao, generic" },
	{ EC_KIND, "Event type", "generic" },
	{ EC_KIND, "Kind", "generic" },
	{ EC_KIND, "Type", "Zammad article type, generic" },
	{ EC_KIND, "动作", "ZenTao" },
	{ EC_KIND, "操作", "Chinese sheets" },
	{ EC_KIND, "操作类型", "Chinese sheets" },
	{ EC_KIND, "事件", "Chinese sheets" },

	{ EC_FIELD, "Field", "Jira changelog" },
	{ EC_FIELD, "fieldname", "ServiceNow audit" },
	{ EC_FIELD, "Attribute", "Zammad history" },
	{ EC_FIELD, "字段", "Chinese sheets" },

	{ EC_AUTHOR, "Author", "Jira changelog" },
	{ EC_AUTHOR, "CreateBy", "OTRS/Znuny ticket_history" },
	{ EC_AUTHOR, "Created by", "Zammad" },
	{ EC_AUTHOR, "sys_created_by", "ServiceNow audit" },
	{ EC_AUTHOR, "User", "generic" },
	{ EC_AUTHOR, "Actor", "ZenTao action" },
	{ EC_AUTHOR, "By", "generic" },
	{ EC_AUTHOR, "操作者", "ZenTao" },
	{ EC_AUTHOR, "操作人", "Chinese sheets" },
	{ EC_AUTHOR, "处理人", "Chinese sheets" },

	{ EC_REQUESTER, "Requester", "generic" },
	{ EC_REQUESTER, "Reporter", "Jira" },
	{ EC_REQUESTER, "CustomerUserID", "OTRS/Znuny" },
	{ EC_REQUESTER, "Caller", "ServiceNow" },
	{ EC_REQUESTER, "报告人", "Chinese sheets" },
	{ EC_REQUESTER, "报修人", "Chinese sheets" },
	{ EC_REQUESTER, "提交人", "Chinese sheets" },

	{ EC_VISIBILITY, "Visibility", "generic, Jira" },
	{ EC_VISIBILITY, "Public", "generic" },
	{ EC_VISIBILITY, "Visible for customer", "Znuny" },
	{ EC_VISIBILITY, "is_visible_for_customer", "Znuny" },
	{ EC_VISIBILITY, "Internal", "Zammad" },
	{ EC_VISIBILITY, "可见性", "Chinese sheets" },
	{ EC_VISIBILITY, "可见范围", "Chinese sheets" },

	{ EC_TEXT, "Text", "generic" },
	{ EC_TEXT, "Comment", "Jira changelog, ZenTao" },
	{ EC_TEXT, "Body", "Zammad" },
	{ EC_TEXT, "Name", "OTRS/Znuny ticket_history" },
	{ EC_TEXT, "Message", "generic" },
	{ EC_TEXT, "Details", "generic" },
	{ EC_TEXT, "备注", "ZenTao" },
	{ EC_TEXT, "内容", "Chinese sheets" },
	{ EC_TEXT, "说明", "Chinese sheets" },
};

#define NALIASES (sizeof table / sizeof table[0])

/* The field names (in a field column) whose new value is the status. */
static const char *const status_fields[] = { "status", "state", "incident_state", "状态" };

/* Visibility columns that ask "is it internal?" rather than "is it public?". */
static const char *const internal_columns[] = { "Internal", "is_internal" };

/* The stream's columns: the canonical ones, then the last status. */
#define OUT_STATUS "status"

/* One export file: the shared front half, and what this reader adds. */
typedef struct export {
	sla_export x;
	bool internal_column;	/* the visibility column says "internal" */
	enum sla_date_order order;	/* of the time column, once known */
} export;

struct sla_events_input {
	sla_events_input_opts o;
	sla_writer *w;
	sla_diag *d;
	sla_export_map *maps;
	const char *time_format;
	sla_fold *fold;
	int carry_of[SLA_NCANON];	/* canonical column -> carried column, or -1 */
	bool failed;
	char *paused;		/* scratch for the paused column */
	size_t paused_cap;
};

/* ---- options ------------------------------------------------------------------- */

static int column_meaning(const char *h, size_t n, long *rank);

static const int required[] = { EC_ID, EC_TIME };
_Static_assert(EC_NCOLS <= SLA_EXPORT_MAXCOLS, "the event columns fit an export");

static bool
is_time(int col)
{
	return col == EC_TIME;
}

static const sla_export_kind history_export = {
	.names = evcol_names, .ncols = EC_NCOLS, .alias = column_meaning, .named_from = EC_NCOLS,
	.required = required, .nrequired = sizeof required / sizeof *required,
	.unmappable = -1, .is_time = is_time,
};

/* ---- writing tickets ------------------------------------------------------------ */

static void
write_time(sla_events_input *in, const sla_fold_ticket *t, enum sla_fold_time which)
{
	char buf[SLA_RFC3339_MAX];
	if (t->has[which])
		sla_writer_raw(in->w, buf, sla_stream_time_write(t->at[which], in->o.tz, buf));
}

static void
write_paused(sla_events_input *in, const sla_fold_ticket *t)
{
	if (!sla_grow((void **)&in->paused, &in->paused_cap, sla_paused_max(t->npaused), 1)) {
		in->failed = true;
		return;
	}
	sla_writer_raw(in->w, in->paused, sla_paused_write(t->paused, t->npaused, in->o.tz,
							  in->paused));
}

static void
write_carried(sla_events_input *in, const sla_fold_ticket *t, int canon)
{
	if (in->carry_of[canon] < 0)
		return;
	sla_field v = t->carry[in->carry_of[canon]];
	if (canon == SLA_COL_DESCRIPTION && v.n == 0)
		v = t->description;
	sla_writer_escaped(in->w, v.p, v.n);
}

/* The canonical time column C as a fold time, or -1. */
static int
fold_time_of(int canon)
{
	switch (canon) {
	case SLA_COL_OPENED: return SLA_FT_OPENED;
	case SLA_COL_FIRST_RESPONSE: return SLA_FT_FIRST_RESPONSE;
	case SLA_COL_ONSITE: return SLA_FT_ONSITE;
	case SLA_COL_WORKAROUND: return SLA_FT_WORKAROUND;
	case SLA_COL_RESOLVED: return SLA_FT_RESOLVED;
	case SLA_COL_CLOSED: return SLA_FT_CLOSED;
	default: return -1;
	}
}

static void
write_ticket(void *ctx, const sla_fold_ticket *t)
{
	sla_events_input *in = ctx;
	for (int c = 0; c < SLA_NCANON; c++) {
		if (c)
			sla_writer_char(in->w, '\t');
		int ft = fold_time_of(c);
		if (c == SLA_COL_ID)
			sla_writer_escaped(in->w, t->id.p, t->id.n);
		else if (c == SLA_COL_LINE)
			sla_writer_i64(in->w, (long long)t->line);
		else if (ft >= 0)
			write_time(in, t, (enum sla_fold_time)ft);
		else if (c == SLA_COL_PAUSED)
			write_paused(in, t);
		else if (c == SLA_COL_ERROR && t->error)
			sla_writer_escaped(in->w, t->error, strlen(t->error));
		else
			write_carried(in, t, c);
	}
	sla_writer_char(in->w, '\t');
	sla_writer_escaped(in->w, t->status.p, t->status.n);
	sla_writer_char(in->w, '\n');
}

static void
write_header(sla_writer *w)
{
	for (int c = 0; c < SLA_NCANON; c++) {
		sla_writer_str(w, sla_canon_names[c]);
		sla_writer_char(w, '\t');
	}
	sla_writer_str(w, OUT_STATUS "\n");
}

sla_events_input *
sla_events_input_new(const sla_events_input_opts *o, sla_writer *w, sla_diag *d,
		     sla_export_refusal *no)
{
	sla_events_input *in = calloc(1, sizeof *in);
	*no = (sla_export_refusal){ 0 };
	if (!in)
		return NULL;
	in->o = *o;
	in->w = w;
	in->d = d;
	for (int c = 0; c < SLA_NCANON; c++) {
		const char *name = sla_canon_names[c];
		int e = sla_export_column(&history_export, name, strlen(name));
		in->carry_of[c] = e >= EC_CARRY ? e - EC_CARRY : -1;
	}
	in->maps = calloc(o->nmaps + 1, sizeof *in->maps);
	sla_fold_options fo = { .sorted = o->sorted, .ncarry = NCARRY };
	in->fold = in->maps ? sla_fold_new(o->map, &fo, write_ticket, in) : NULL;
	const char *format_of[EC_NCOLS] = { 0 };
	if (!in->fold || !sla_export_read_options(&history_export, o->maps, o->nmaps, in->maps,
						  o->formats, o->nformats, format_of, no)) {
		sla_events_input_free(in);
		return NULL;
	}
	in->time_format = format_of[EC_TIME];
	write_header(w);
	return in;
}

void
sla_events_input_free(sla_events_input *in)
{
	if (!in)
		return;
	sla_fold_free(in->fold);
	free(in->maps);
	free(in->paused);
	free(in);
}

int
sla_events_input_finish(sla_events_input *in)
{
	sla_fold_finish(in->fold);
	if (in->failed)
		sla_diag_msg(in->d, NULL, 0, NULL, NULL, 0, "out of memory");
	return in->failed ? -1 : 0;
}

sla_fold_stats
sla_events_input_stats(const sla_events_input *in)
{
	return sla_fold_get_stats(in->fold);
}

void
sla_events_input_print(FILE *out)
{
	fputs("column\talias\tsource\n", out);
	for (size_t i = 0; i < NALIASES; i++)
		fprintf(out, "%s\t%s\t%s\n", evcol_names[table[i].col], table[i].name,
			table[i].source);
	fputs("id\t(the ticket aliases of id)\tsla-parse --list-aliases\n", out);
	for (int c = EC_CARRY; c < EC_NCOLS; c++)
		fprintf(out, "%s\t(the ticket aliases of %s)\tsla-parse --list-aliases\n",
			evcol_names[c], evcol_names[c]);
}

/* ---- the header ------------------------------------------------------------------ */

static bool
same_name(const char *a, const char *b)
{
	return sla_alias_same(a, strlen(a), b, strlen(b));
}

/* The event column of header H by the history aliases, then the ticket
 * aliases, with its rank (lower wins), or -1. */
static int
column_meaning(const char *h, size_t n, long *rank)
{
	for (size_t i = 0; i < NALIASES; i++)
		if (sla_alias_same(h, n, table[i].name, strlen(table[i].name))) {
			*rank = (long)i;
			return (int)table[i].col;
		}
	unsigned r;
	int canon = sla_alias_lookup(h, n, &r);
	*rank = (long)(NALIASES + r);
	if (canon < 0)
		return -1;
	const char *name = sla_canon_names[canon];
	return sla_export_column(&history_export, name, strlen(name));
}

/* Whether the visibility column asks "is it internal?". */
static void
find_internal_column(export *e)
{
	int v = e->x.col_of[EC_VISIBILITY];
	for (size_t i = 0; v >= 0 && i < sizeof internal_columns / sizeof *internal_columns; i++)
		e->internal_column |= same_name(e->x.names[v], internal_columns[i]);
}

/* For -v: which column is read as what, and which are not used. */
static void
say_columns(const sla_events_input *in, const sla_export *x)
{
	for (size_t j = 0; j < x->ncols; j++) {
		int c = x->read_as[j];
		const char *h = x->names[j];
		if (c >= 0)
			sla_diag_msg(in->d, x->file, 0, evcol_names[c], h, strlen(h), "read from");
		else
			sla_diag_msg(in->d, x->file, 0, NULL, h, strlen(h), "column not used");
	}
}

/* ---- records ---------------------------------------------------------------------- */

/* Settle the day/month order of the time column from the values read
 * ahead that prove one; proof both ways decides nothing. */
static void
lookahead(const sla_events_input *in, export *e)
{
	e->order = in->o.order;
	if (e->order != SLA_ORDER_UNKNOWN || in->time_format)
		return;
	bool observe[EC_NCOLS] = { [EC_TIME] = true };
	sla_export_lookahead(&e->x, observe);
	e->order = sla_export_order(&e->x, EC_TIME, SLA_ORDER_UNKNOWN);
}

/* The event's time, or a reported record error (false).  While the
 * look-ahead left the order unknown, the first value that proves one
 * settles it from there on. */
static bool
read_time(sla_events_input *in, export *e, const sla_csvrec *r, int64_t *at)
{
	sla_field v = sla_export_value(&e->x, r, EC_TIME);
	const char *name = evcol_names[EC_TIME];
	enum sla_date_order proof;
	char why[128];

	if (v.n == 0) {
		sla_diag_record(in->d, e->x.file, r->line, name, NULL, 0, "missing");
		return false;
	}
	int rc = sla_export_time(v, in->time_format, e->order, in->o.date_1904, in->o.tz, at,
				 &proof);
	if (e->order == SLA_ORDER_UNKNOWN)
		e->order = proof;
	if (rc == SLA_XT_OK)
		return true;
	sla_export_time_why(rc, in->o.tz, why, sizeof why);
	sla_diag_record(in->d, e->x.file, r->line, name, v.p, v.n, "%s", why);
	return false;
}

/* Whether the row was read whole; a broken one is reported. */
static bool
row_whole(sla_events_input *in, const export *e, const sla_csvrec *r)
{
	const char *what = r->fault == SLA_CSV_BADQUOTE ? "malformed quoting"
		: r->fault == SLA_CSV_TOOLONG ? "field too long (unterminated quote?)"
		: r->fault == SLA_CSV_TOOBIG ? "record longer than --max-field"
		: r->fault == SLA_CSV_UNTERMINATED ? "quote not closed by the end of the file"
		: r->n != e->x.ncols ? "not as many fields as the header" : NULL;
	if (what)
		sla_diag_record(in->d, e->x.file, r->line, "record", NULL, 0, "%s", what);
	if (r->swallowed)	/* an error, but the row is whole (RFC 4180 says so) */
		sla_diag_record(in->d, e->x.file, r->line, "record", NULL, 0,
				"the quote opened at line %lu runs over %zu %s (a stray "
				"quote?); read as one field", r->swallowed_line, r->swallowed,
				r->swallowed == 1 ? "line that looks like a row"
						  : "lines that look like rows");
	if (r->fault == SLA_CSV_LONGFIELD)	/* an error, but the row is whole */
		sla_diag_record(in->d, e->x.file, r->line, "record", NULL, 0,
				"a field longer than --max-field (%zu); kept whole",
				sla_csvin_max_field(e->x.in));
	const char *why, *enc = sla_csvin_encoding(e->x.in, &why);
	if (r->bad_encoding)
		sla_diag_record(in->d, e->x.file, r->line, "record", NULL, 0,
				"invalid byte sequence in %s (read as U+FFFD)", enc);
	if (r->read_as_utf8)
		sla_diag_record(in->d, e->x.file, r->line, "record", NULL, 0,
				"UTF-8 in a file read as %s (this row read as UTF-8)", enc);
	return what == NULL;
}

static sla_visibility
read_visibility(sla_events_input *in, const export *e, const sla_csvrec *r)
{
	sla_field v = sla_export_value(&e->x, r, EC_VISIBILITY);
	sla_visibility vis = sla_visibility_parse(v.p, v.n, e->internal_column);
	if (vis == SLA_VIS_BAD)
		sla_diag_record(in->d, e->x.file, r->line, evcol_names[EC_VISIBILITY], v.p, v.n,
				"not public or internal; read as internal");
	return vis;
}

/* In a changelog row (one changed field a row), the new value is a status
 * only when the field is the status. */
static bool
changes_status(const export *e, const sla_csvrec *r)
{
	sla_field f = sla_export_value(&e->x, r, EC_FIELD);
	if (e->x.col_of[EC_FIELD] < 0 || f.n == 0)
		return true;
	for (size_t i = 0; i < sizeof status_fields / sizeof *status_fields; i++)
		if (sla_alias_same(f.p, f.n, status_fields[i], strlen(status_fields[i])))
			return true;
	return false;
}

/* 0, or -1 when the record is fatal (--strict, or out of memory). */
static int
read_record(sla_events_input *in, export *ex, const sla_csvrec *r)
{
	const sla_export *x = &ex->x;
	unsigned long errors = in->d->records;
	sla_field carry[NCARRY];
	for (int c = EC_CARRY; c < EC_NCOLS; c++)
		carry[c - EC_CARRY] = sla_export_value(x, r, c);
	bool status_row = changes_status(ex, r);
	sla_event e = {
		.id = sla_export_value(x, r, EC_ID),
		.status = status_row ? sla_export_value(x, r, EC_STATUS) : (sla_field){ "", 0 },
		.from = status_row ? sla_export_value(x, r, EC_FROM) : (sla_field){ "", 0 },
		.is_change = x->col_of[EC_FIELD] >= 0 || x->col_of[EC_FROM] >= 0,
		.kind = sla_export_value(x, r, x->col_of[EC_KIND] >= 0 ? EC_KIND : EC_FIELD),
		.author = sla_export_value(x, r, EC_AUTHOR),
		.requester = sla_export_value(x, r, EC_REQUESTER),
		.text = sla_export_value(x, r, EC_TEXT),
		.carry = carry,
		.line = r->line,
	};
	bool whole = row_whole(in, ex, r);
	e.vis = read_visibility(in, ex, r);
	e.has_time = read_time(in, ex, r, &e.at) && whole;
	sla_fold_result res = sla_fold_add(in->fold, &e);
	if (res == SLA_FOLD_NO_ID)
		sla_diag_record(in->d, x->file, r->line, "id", NULL, 0, "%s",
				sla_fold_result_text(res));
	if (res == SLA_FOLD_NOMEM) {
		sla_diag_msg(in->d, x->file, r->line, NULL, NULL, 0, "out of memory");
		return -1;
	}
	return in->o.strict && in->d->records > errors ? -1 : 0;
}

int
sla_events_input_file(sla_events_input *in, const char *path, bool verbose)
{
	export e = { 0 };
	int rc = -1;
	if (sla_export_open(&e.x, &history_export, path, &in->o.csv, in->d) &&
	    sla_export_read_header(&e.x, NULL, false, in->d) &&
	    sla_export_map_columns(&e.x, in->maps, in->o.nmaps)) {
		find_internal_column(&e);
		if (verbose)
			say_columns(in, &e.x);
		if (sla_export_check_columns(&e.x, in->maps, in->o.nmaps, in->o.map_option,
					     in->d)) {
			sla_export_watch_quotes(&e.x, EC_TIME, in->time_format);
			lookahead(in, &e);
			sla_csvrec r;
			while ((rc = sla_csvin_next(e.x.in, &r)) > 0 && read_record(in, &e, &r) == 0)
				;
		}
	}
	sla_export_close(&e.x);
	return rc != 0 ? -1 : 0;
}
