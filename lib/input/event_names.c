/* event_names.c: what status and event-kind names mean (the [events]
 * section of a policy, over built-in names from the common helpdesks).
 *
 * Names are compared after folding ASCII case, turning '-' and '_' into
 * blanks and squeezing blanks, so that "ON_HOLD", "on-hold" and "On hold"
 * are one name; Chinese names compare as written.  The map is an
 * sla_map of the folded names built once, so a lookup costs one fold of the
 * name into a stack buffer and a probe or two. */
#include <errno.h>
#include <ini.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sla_data.h"
#include "sla_event_names.h"
#include "sla_file.h"
#include "sla_ini_source.h"
#include "sla_list.h"
#include "sla_map.h"
#include "sla_mem.h"

enum { NAME_MAX_LEN = 128 };

/* 了, which makes a Chinese verb done (评论了: commented). */
#define PAST "\xE4\xBA\x86"
#define PAST_LEN 3

/* The [events] keys, indexed by class. */
static const char *const class_keys[SLA_EV_NCLASSES] = {
	[SLA_EV_NEW] = "new",
	[SLA_EV_ACTIVE] = "active",
	[SLA_EV_PAUSE] = "pause",
	[SLA_EV_RESOLVED] = "resolved",
	[SLA_EV_CLOSED] = "closed",
	[SLA_EV_REOPEN] = "reopen",
	[SLA_EV_CREATED] = "created",
	[SLA_EV_REPLY] = "reply",
	[SLA_EV_NOTE] = "note",
	[SLA_EV_RESPONSE] = "response",
	[SLA_EV_ONSITE] = "onsite",
	[SLA_EV_WORKAROUND] = "workaround",
};

/* The built-in names: Jira (Software and Service Management), OTRS/Znuny
 * states and history types, Zammad states and article types, ServiceNow
 * incident states and journal fields, ZenTao (禅道) actions and statuses,
 * and the words Chinese service desks use.  Written already folded (so
 * OTRS's "pending auto close-" is here without its "-"). */
static const struct builtin {
	sla_event_class c;
	const char *names;	/* '|'-separated */
} builtins[] = {
	{ SLA_EV_NEW, "new|open|to do|todo|backlog|waiting for support|unassigned|"
	  "queued|新建|待处理|未处理|待分配|待受理|未受理|等待|打开" },
	{ SLA_EV_ACTIVE, "in progress|work in progress|wip|active|assigned|escalated|"
	  "investigating|in analysis|处理中|进行中|已分配|已指派|升级|已升级" },
	{ SLA_EV_PAUSE, "waiting for customer|waiting on customer|awaiting customer|"
	  "pending customer|waiting for reporter|awaiting caller|awaiting user info|"
	  "awaiting info|pending|pending reminder|pending auto close+|"
	  "pending auto close|pending close|on hold|hold|suspended|"
	  "waiting for third party|waiting on third party|pending third party|"
	  "waiting for vendor|awaiting vendor|pending vendor|awaiting problem|"
	  "awaiting change|awaiting evidence|waiting for parts|"
	  "挂起|暂停|已挂起|待客户确认|等待客户确认|等待客户|等待客户反馈|待客户反馈|"
	  "待反馈|等待反馈|等待第三方|待第三方|等待厂商|待厂商处理|等待备件|等待用户" },
	{ SLA_EV_RESOLVED, "resolved|done|fixed|solved|completed|complete|"
	  "已解决|解决|已处理|处理完成|已完成|完成|已修复|待验证" },
	{ SLA_EV_CLOSED, "closed|closed successful|closed unsuccessful|"
	  "closed with workaround|canceled|cancelled|merged|removed|declined|"
	  "rejected|won't do|won't fix|duplicate|"
	  "已关闭|关闭|关单|已取消|取消|已拒绝|已撤销" },
	{ SLA_EV_REOPEN, "reopened|reopen|re opened|re open|reactivated|reactivate|"
	  "激活|已激活|重新打开|重开|重新激活" },
	{ SLA_EV_CREATED, "created|create|opened|newticket|new ticket|ticket created|"
	  "submitted|创建|已创建|提交|新建工单|报修|登记" },
	{ SLA_EV_REPLY, "comment|comments|reply|public comment|reply to customer|"
	  "additional comments|answer|sendanswer|send answer|emailagent|"
	  "email agent|phonecallagent|phone call agent|email|phone|web|"
	  "回复|评论|答复|留言" },
	{ SLA_EV_NOTE, "note|internal note|internal comment|private comment|"
	  "addnote|add note|work notes|work note|"
	  "备注|内部备注|内部评论" },
	{ SLA_EV_RESPONSE, "first response|responded|response|acknowledged|"
	  "acknowledge|受理|已受理|响应|已响应|已接单|接单" },
	{ SLA_EV_ONSITE, "on site|onsite|arrived on site|engineer on site|site visit|"
	  "到场|已到场|到达现场|现场处理|上门|已上门" },
	{ SLA_EV_WORKAROUND, "workaround|workaround provided|workaround applied|"
	  "temporary fix|临时解决|临时方案|已规避|规避|临时恢复" },
};

const char *
sla_event_class_key(sla_event_class c)
{
	return c > SLA_EV_UNKNOWN && c < SLA_EV_NCLASSES ? class_keys[c] : NULL;
}

/* ---- folding names -------------------------------------------------------- */

static bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '_';
}

/* Fold NAME into OUT (NAME_MAX_LEN bytes): ASCII lower case, blanks and
 * separators squeezed into one space, none at either end.  Returns the
 * length, or 0 for a name that is empty or too long to be in any map. */
static size_t
fold_name(const char *p, size_t n, char *out)
{
	size_t o = 0;
	bool gap = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (is_blank(c)) {
			gap = o > 0;
			continue;
		}
		if (o + 2 >= NAME_MAX_LEN)
			return 0;
		if (gap)
			out[o++] = ' ';
		gap = false;
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	return o;
}

/* ---- the map ---------------------------------------------------------------- */

/* The folded names (an sla_map: a name's number is its order of addition,
 * which is the order the print keeps) and each name's class by number. */
struct sla_events_map {
	sla_map *names;
	sla_event_class *class_of;	/* by the name's number */
	size_t cap;
};

/* Add a folded NAME for class C unless the name is there already (the
 * first class given a name keeps it).  -1 only when out of memory. */
static int
map_add(sla_events_map *m, const char *name, size_t len, sla_event_class c)
{
	bool added;
	if (!sla_grow((void **)&m->class_of, &m->cap, sla_map_count(m->names) + 1,
		      sizeof *m->class_of))
		return -1;
	size_t k = sla_map_intern(m->names, name, len, &added);
	if (k == SLA_MAP_NONE)
		return -1;
	if (!added)
		return 0;
	m->class_of[k] = c;
	return 0;
}

void
sla_events_map_free(sla_events_map *m)
{
	if (!m)
		return;
	sla_map_free(m->names);
	free(m->class_of);
	free(m);
}

sla_event_class
sla_events_map_lookup(const sla_events_map *m, const char *name, size_t n)
{
	char buf[NAME_MAX_LEN];
	size_t len = fold_name(name, n, buf);
	if (len == 0)
		return SLA_EV_UNKNOWN;
	size_t k = sla_map_find(m->names, buf, len);
	/* ZenTao's activity list writes its actions done: 评论了, 解决了 */
	if (k == SLA_MAP_NONE && len > PAST_LEN && memcmp(buf + len - PAST_LEN, PAST, PAST_LEN) == 0)
		k = sla_map_find(m->names, buf, len - PAST_LEN);
	return k == SLA_MAP_NONE ? SLA_EV_UNKNOWN : m->class_of[k];
}

/* Wrapped so that no line passes libinih's 200 bytes: a continuation line
 * starts with blanks and goes on the key's list. */
enum { PRINT_WIDTH = 72 };

void
sla_events_map_print(const sla_events_map *m, FILE *out)
{
	size_t n = sla_map_count(m->names);
	fputs("[events]\n", out);
	for (int c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++) {
		int col = fprintf(out, "%s =", class_keys[c]);
		bool first = true;
		for (size_t k = 0; k < n; k++) {
			if (m->class_of[k] != (sla_event_class)c)
				continue;
			size_t len;
			const char *name = sla_map_key(m->names, k, &len);
			if (!first && col + (int)len + 2 > PRINT_WIDTH) {
				fputs(",\n ", out);
				col = 1;
			} else if (!first) {
				col += fprintf(out, ",");
			}
			col += fprintf(out, " %s", name);
			first = false;
		}
		fputc('\n', out);
	}
}

static int
add_builtins(sla_events_map *m, sla_event_class c)
{
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
		if (builtins[i].c != c)
			continue;
		for (const char *p = builtins[i].names; *p;) {
			size_t n = strcspn(p, "|");
			if (map_add(m, p, n, c) < 0)
				return -1;
			p += n + (p[n] == '|');
		}
	}
	return 0;
}

/* ---- the [events] section ----------------------------------------------------- */

/* What the section says, gathered before the map is built: the names given
 * to each class (folded, NUL-separated), and whether a key was given and
 * whether it kept the built-in names. */
typedef struct config {
	char *names[SLA_EV_NCLASSES];
	size_t len[SLA_EV_NCLASSES], cap[SLA_EV_NCLASSES];
	bool given[SLA_EV_NCLASSES];
	bool keep[SLA_EV_NCLASSES];

	/* the text being read, line by line */
	sla_ini_source src;

	/* the first error the handler found, and its line */
	char error[160];
	char value[NAME_MAX_LEN];
	unsigned long error_line;
	bool nomem;
} config;

static sla_event_class
class_of_key(const char *key)
{
	for (int c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++)
		if (strcmp(class_keys[c], key) == 0)
			return (sla_event_class)c;
	return SLA_EV_UNKNOWN;
}

/* The class a folded NAME was already given in this section, if any. */
static sla_event_class
given_class(const config *cf, const char *name, size_t len)
{
	for (int c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++)
		for (size_t o = 0; o < cf->len[c]; o += strlen(cf->names[c] + o) + 1)
			if (strlen(cf->names[c] + o) == len &&
			    memcmp(cf->names[c] + o, name, len) == 0)
				return (sla_event_class)c;
	return SLA_EV_UNKNOWN;
}

static int
config_error(config *cf, const char *value, size_t n, const char *what)
{
	if (cf->error_line == 0) {
		snprintf(cf->error, sizeof cf->error, "%s", what);
		if (n >= sizeof cf->value)
			n = sizeof cf->value - 1;
		memcpy(cf->value, value, n);
		cf->value[n] = '\0';
		cf->error_line = cf->src.line;
	}
	return 0;
}

static int
config_name(config *cf, sla_event_class c, const char *p, size_t n)
{
	while (n && is_blank((unsigned char)*p))
		p++, n--;
	while (n && is_blank((unsigned char)p[n - 1]))
		n--;
	char buf[NAME_MAX_LEN];
	size_t len = fold_name(p, n, buf);
	if (len == 0)
		return n > 0 ? config_error(cf, p, n, "name too long") : 1;
	if (len == 8 && memcmp(buf, "defaults", 8) == 0) {
		cf->keep[c] = true;
		return 1;
	}
	sla_event_class other = given_class(cf, buf, len);
	if (other == c)
		return 1;
	if (other != SLA_EV_UNKNOWN) {
		char what[64];
		snprintf(what, sizeof what, "name given both to %s and to %s",
			 class_keys[other], class_keys[c]);
		return config_error(cf, p, n, what);
	}
	if (!sla_grow((void **)&cf->names[c], &cf->cap[c], cf->len[c] + len + 1, 1)) {
		cf->nomem = true;
		return 0;
	}
	memcpy(cf->names[c] + cf->len[c], buf, len);
	cf->names[c][cf->len[c] + len] = '\0';
	cf->len[c] += len + 1;
	return 1;
}

static int
on_ini(void *user, const char *section, const char *key, const char *value)
{
	config *cf = user;
	if (strcmp(section, "events") != 0)
		return 1;
	sla_event_class c = class_of_key(key);
	if (c == SLA_EV_UNKNOWN)
		return config_error(cf, key, strlen(key), "unknown key");
	/* a long line goes on in pieces, split before a separator where one is
	 * in reach: a piece split elsewhere is inside a name of 190 bytes */
	if (cf->src.piece && !cf->src.at_separator)
		return config_error(cf, value, strlen(value), "name too long");
	cf->given[c] = true;
	/* the separators are the comma and the Chinese ， and 、 (sla_list.h) */
	const char *start = value, *end = value + strlen(value);
	for (const char *p = value;; p++) {
		size_t sep = sla_list_separator(p, end);
		if (p < end && !sep)
			continue;
		if (!config_name(cf, c, start, (size_t)(p - start)))
			return 0;
		if (!*p)
			return 1;
		p += sep - 1;
		start = p + 1;
	}
}

static void
config_free(config *cf)
{
	sla_ini_source_free(&cf->src);
	for (int c = 0; c < SLA_EV_NCLASSES; c++)
		free(cf->names[c]);
}

/* Build the map: the names the section gave first (they win a clash with a
 * built-in name of another class), then the built-in names of every class
 * the section left alone or told to keep them. */
static sla_events_map *
build_map(const config *cf)
{
	sla_events_map *m = calloc(1, sizeof *m);
	if (!m || !(m->names = sla_map_new()))
		goto fail;
	for (int c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++)
		for (size_t o = 0; o < cf->len[c]; o += strlen(cf->names[c] + o) + 1)
			if (map_add(m, cf->names[c] + o, strlen(cf->names[c] + o),
				    (sla_event_class)c) < 0)
				goto fail;
	for (int c = SLA_EV_UNKNOWN + 1; c < SLA_EV_NCLASSES; c++)
		if ((!cf->given[c] || cf->keep[c]) && add_builtins(m, (sla_event_class)c) < 0)
			goto fail;
	return m;
fail:
	sla_events_map_free(m);
	return NULL;
}

sla_events_map *
sla_events_map_parse(const char *text, const char *name, sla_diag *d)
{
	config cf = { .nomem = false };
	sla_ini_source_init(&cf.src, text ? text : "", text ? strlen(text) : 0);
	ini_parse_stream(sla_ini_source_read, &cf.src, on_ini, &cf);
	cf.nomem |= cf.src.nomem;
	sla_events_map *m = NULL;
	if (cf.nomem) {
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "out of memory");
	} else if (cf.error_line) {
		sla_diag_msg(d, name, cf.error_line, "events", cf.value, strlen(cf.value),
			     "%s", cf.error);
	} else if (!(m = build_map(&cf))) {
		sla_diag_msg(d, name, 0, NULL, NULL, 0, "out of memory");
	}
	config_free(&cf);
	return m;
}

sla_events_map *
sla_events_map_load(const char *path, sla_diag *d)
{
	if (!path) {
		const struct sla_blob *b = sla_data_find("default-policy.ini");
		return sla_events_map_parse(b ? b->data : NULL, "<default>", d);
	}
	size_t len;
	char *text = sla_file_read(path, SLA_FILE_ANY_SIZE, &len, NULL);
	if (!text) {
		sla_diag_msg(d, path, 0, NULL, NULL, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	sla_events_map *m = sla_events_map_parse(text, path, d);
	free(text);
	return m;
}

/* ---- visibility ------------------------------------------------------------- */

static bool
in_list(const char *name, size_t len, const char *list)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, "|");
		if (n == len && memcmp(p, name, n) == 0)
			return true;
		p += n + (p[n] == '|');
	}
	return false;
}

sla_visibility
sla_visibility_parse(const char *p, size_t n, bool internal_column)
{
	char buf[NAME_MAX_LEN];
	size_t len = fold_name(p, n, buf);
	if (len == 0)
		return n == 0 ? SLA_VIS_UNKNOWN : SLA_VIS_BAD;
	if (in_list(buf, len, "public|external|customer|customers|visible|shared|"
		    "reply to customer|公开|外部|客户可见|对外"))
		return SLA_VIS_PUBLIC;
	if (in_list(buf, len, "internal|private|restricted|agent|agents|hidden|"
		    "internal note|内部|私有|仅内部|内部可见|对内"))
		return SLA_VIS_INTERNAL;
	if (in_list(buf, len, "yes|true|1|y|是"))
		return internal_column ? SLA_VIS_INTERNAL : SLA_VIS_PUBLIC;
	if (in_list(buf, len, "no|false|0|n|否"))
		return internal_column ? SLA_VIS_PUBLIC : SLA_VIS_INTERNAL;
	return SLA_VIS_BAD;
}
