/* extract_int.h: private to lib/extract/, the model that the extractor's
 * files share -- the letter's lines and sentences, the patterns, and what
 * was found in them: commitments, conditions, calendars, tier labels and
 * notes.  extract.c fills the model; draft*.c write it out.  Not for the
 * tools: they use sla_extract.h. */
#ifndef SLA_EXTRACT_INT_H
#define SLA_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_extract.h"
#include "xpattern.h"

/* ---- the letter's text ---------------------------------------------------- */

/* One line of a letter: UTF-8, without its line break. */
typedef struct xline {
	const char *p;
	size_t n;
	size_t file;		/* index into sla_extract.files */
	unsigned long no;	/* 1-based, in its file */
} xline;

/* Where a sentence opens a numbered or headed item: the marker's level,
 * highest first.  A heading at one level ends at the next marker of the
 * same or a higher level. */
enum xlevel {
	XL_NONE = 0,
	XL_TOP,			/* 一、  第一条  # heading */
	XL_SECTION,		/* (一) */
	XL_ITEM,		/* 1.  1、 */
	XL_SUBITEM,		/* (1)  1)  ① */
	XL_BULLET,		/* - * • */
};

/* A sentence: a stretch of one line between terminators (。！？ ; a full
 * stop before a blank) or numbering markers; a table row's cell is one
 * too.  Offsets are bytes into its line, past its marker and blanks. */
typedef struct xsent {
	size_t line;		/* index into sla_extract.lines */
	size_t off, n;
	enum xlevel level;	/* the marker that opens it, or XL_NONE */
	bool han;		/* holds a Han character: read in Chinese word order */
	int col;		/* table cell: its column, else -1 */
} xsent;

/* ---- what the letter commits to ------------------------------------------- */

/* The built-in metrics, in the order a draft writes them, as bits of a
 * commitment's STOPS; then the commitments a draft cannot measure, which
 * it writes as custom metric sections to complete. */
enum xmetric {
	XM_RESPONSE,
	XM_ONSITE,
	XM_WORKAROUND,
	XM_RESOLVE,
	XM_REPLACEMENT,
	XM_NBUILTIN,
	XM_REPLY = XM_NBUILTIN,	/* replies to feedback, mail, complaints */
	XM_ANSWER,		/* a definite (written) answer */
	XM_UPDATE,		/* progress updates */
	XM_REPORT,		/* a written fault report */
	XM_NMETRICS,
};

#define XM_BIT(m) (1u << (m))

/* How a duration counts time. */
enum xunit {
	XU_TIME,		/* h, m, s: the calendar's time */
	XU_DAYS,		/* calendar days: 24 h each, round the clock */
	XU_WORKDAYS,		/* working days: wd */
	XU_WORKHOURS,		/* working hours, or a part of a working day */
};

/* A duration as the letter wrote it. */
typedef struct xdur {
	size_t b, e;		/* bytes in the sentence */
	int64_t secs;		/* XU_TIME, XU_DAYS, XU_WORKHOURS */
	int64_t wd;		/* XU_WORKDAYS */
	enum xunit unit;
	int64_t lo_secs, lo_wd;	/* a range's lower bound (XF_RANGE) */
	unsigned flags;
} xdur;

/* Flags of a duration, and of the commitment made of it. */
enum {
	XF_RANGE = 1u << 0,	/* "4~6小时": the upper bound kept */
	XF_APPROX = 1u << 1,	/* 左右, 约, about */
	XF_WITHIN = 1u << 2,	/* 内, 不超过, within: an upper bound said */
	XF_PART_WD = 1u << 3,	/* half a working day: hours of an 8 h day */
	XF_REPLY_BARE = 1u << 4, /* 回复 with no object: taken as the response */
	XF_FAR_METRIC = 1u << 5, /* the metric word stands away from the time */
	XF_AND = 1u << 6,	/* one time for two steps (响应并到达现场) */
	XF_REMOTE = 1u << 7,	/* remote support taken as the response */
	XF_RESTORE = 1u << 8,	/* 恢复 taken as the fix */
	XF_TABLE = 1u << 9,	/* read from a table */
	XF_COND_DEFAULT = 1u << 10, /* a replacement without a stated condition */
	XF_AT_CLOSE = 1u << 11,	/* the next business day: 1wd@close */
	XF_AVERAGE = 1u << 12,	/* 平均, MTTR: an average, not each ticket's */
	XF_SHARE = 1u << 13,	/* 95%的故障: a share of the tickets */
	/* durations that are no target */
	XF_ORDINAL = 1u << 16,	/* 第二天 */
	XF_EVERY = 1u << 17,	/* 每2小时: a period */
	XF_ADVANCE = 1u << 18,	/* 提前2小时: a notice period */
	XF_LEAST = 1u << 19,	/* 至少, 不少于, 以上: a lower bound */
	XF_OVER = 1u << 20,	/* 超过, 逾期: an overrun (a condition or a penalty's unit) */
};

#define XF_NOT_TARGET (XF_ORDINAL | XF_EVERY | XF_ADVANCE | XF_LEAST | XF_OVER)

/* Where a commitment's calendar came from. */
enum xcalhow {
	XH_READ,		/* a word of its own clause: 工作日, 7×24 */
	XH_UNIT,		/* its unit: days, working days, working hours */
	XH_TIER,		/* what the letter says of its tier */
	XH_LETTER,		/* what the letter says of all its service */
	XH_ASSUMED,		/* nothing said: round the clock */
};

/* The tier of a commitment for all requests. */
#define XT_ALL (-1)

/* Tier classes: the built-in ones, then the letter's own. */
enum {
	XT_NCLASSES = 5,	/* urgent, high, normal, low, development */
	XT_MAX_CLASSES = 16,	/* and the letter's own (硬件故障, 疑难故障) */
};


/* One quantitative commitment: a metric, a target, a tier, a calendar. */
typedef struct xcommit {
	size_t sent;		/* index into sla_extract.sents */
	xdur dur;
	int tier;		/* a class (tiers.c), or XT_ALL */
	unsigned stops;		/* XM_BIT of built-in metrics; several: the first of them */
	int custom;		/* XM_REPLY.. when STOPS is 0 */
	int cal;		/* index into sla_extract.cals; 0 is 24x7 */
	enum xcalhow calhow;
	size_t cal_sent;	/* the sentence that says the calendar, or SIZE_MAX */
	int cond;		/* index into sla_extract.conds, or -1 */
	unsigned flags;
	size_t word_b, word_e;	/* the metric word, in the sentence */
	size_t dup_of;		/* SIZE_MAX, or the earlier commitment it repeats */
} xcommit;

/* "如果…在8小时内无法排除": the metric applies only when resolve > SECS. */
typedef struct xcond {
	size_t sent;
	size_t b, e;
	int64_t secs;
	bool used;
} xcond;

/* A calendar a draft defines, or 24x7 (index 0). */
typedef struct xcal {
	char name[24];		/* "24x7", "5x8", "6x12" */
	int days;		/* 5: mon-fri, 6: mon-sat, 7: every day */
	char hours[64];		/* "09:00-12:00, 13:00-18:00" */
	bool hours_read;	/* the hours stand in the letter */
	size_t sent;		/* where it was read, or SIZE_MAX */
} xcal;

/* What the letter says of a calendar outside a commitment: 7×24 service,
 * working hours.  TIER says for whom (XT_ALL: all of the letter). */
typedef struct xcalnote {
	size_t sent;
	int cal;
	int tier;
} xcalnote;

/* A tier label the letter uses, one per class and spelling; past
 * XLABELS_MAX spellings (no letter has so many) the rest go unrecorded. */
enum { XLABELS_MAX = 64, XDEFS_MAX = 64 };
typedef struct xlabel {
	int tier;		/* the class */
	char word[48];		/* as written, for the rules draft and comments */
	size_t sent;		/* its first sentence */
} xlabel;

/* A class the letter names that is none of the built-in ones ("疑难故障
 * 不超过3个工作日"): its tier is named as the letter names it. */
typedef struct xclass {
	char name[48];		/* 疑难故障 */
	size_t stem;		/* bytes of NAME before its noun (疑难), for the rules */
} xclass;

/* A phrase by which the letter defines a tier ("紧急故障：指系统瘫痪、
 * 业务中断的故障"), for the rules draft's description rules. */
typedef struct xdef {
	int tier;
	size_t sent;
	size_t b, e;
} xdef;

/* The kinds of notes a draft carries as comments. */
enum xnote {
	XN_EXCLUSION,		/* 不可抗力, 人为损坏: an exclude reason */
	XN_PENALTY,		/* 违约责任 */
	XN_NOT_EXPRESSED,	/* a commitment no policy key can say */
};

typedef struct xnote_t {
	enum xnote kind;
	size_t sent;
	char why[160];		/* for XN_NOT_EXPRESSED and XN_PENALTY's suggestion */
} xnote_t;

/* ---- the extraction ------------------------------------------------------- */

struct sla_extract {
	sla_extract_opts opts;
	xpatterns *pats;
	xmatcher *m;

	char **files;		/* the names of the texts, as given */
	size_t nfiles, capfiles;
	char **texts;		/* their decoded bytes, owned */
	size_t ntexts, captexts;

	xline *lines;
	size_t nlines, caplines;
	xsent *sents;
	size_t nsents, capsents;

	xcommit *commits;
	size_t ncommits, capcommits;
	xcond *conds;
	size_t nconds, capconds;
	xcal *cals;
	size_t ncals, capcals;
	xcalnote *calnotes;
	size_t ncalnotes, capcalnotes;
	xlabel *labels;
	size_t nlabels, caplabels;
	xdef *defs;
	size_t ndefs, capdefs;
	xclass classes[XT_MAX_CLASSES - XT_NCLASSES];	/* the letter's own classes */
	size_t nclasses;
	xnote_t *notes;
	size_t nnotes, capnotes;

	bool working_days;	/* the letter speaks of working days or holidays */
	bool oom;		/* an append failed: the run fails */
};

/* ---- what the files offer each other ------------------------------------- */

/* The sentence's text. */
static inline const char *
xsent_text(const sla_extract *x, const xsent *s)
{
	return x->lines[s->line].p + s->off;
}

/* letter.c: decode TEXT of NAME and cut it into lines (sla_extract_add_text). */

/* sentences.c: cut every line added so far into sentences. */
bool xsent_cut_all(sla_extract *x);
/* Whether line L is a table's rule row (|---|---|). */
bool xsent_rule_row(const xline *l);
/* The comma clause of S[0..N) around byte AT: [*B, *E). */
void xsent_clause(const char *s, size_t n, size_t at, size_t *b, size_t *e);
/* The part of S[0..N) around AT, between semicolons. */
void xsent_part(const char *s, size_t n, size_t at, size_t *b, size_t *e);

/* durations.c: the durations of sentence S, in order, into *OUT (grown):
 * the number found.  Spans that are dates, 7×24 shapes or coverage words
 * are skipped, and shapes noted as calendars. */
size_t xdur_find(sla_extract *x, size_t sent, xdur **out, size_t *cap);
/* A table cell CELL that is a bare number ("15", "≤2", "4~8") under a
 * HEADER that gives the unit ("响应时间(分钟)"): 1 and the duration in
 * (*OUT)[0], else 0. */
size_t xdur_bare(sla_extract *x, size_t cell, size_t header, xdur **out, size_t *cap);
/* Write D as a policy duration ("2h", "1h30m", "3d", "1wd"). */
void xdur_format(const xdur *d, bool lower, char *buf, size_t n);

/* metrics.c: the metric of the duration D in sentence SENT; see extract.c. */
typedef struct xmetric_hit {
	unsigned stops;
	int custom;		/* XM_REPLY.., or -1 */
	unsigned flags;
	size_t b, e;
} xmetric_hit;
bool xmetric_find(sla_extract *x, size_t sent, const xdur *durs, size_t nd, size_t i,
		  xmetric_hit *hit);
/* Whether sentence SENT names METRIC anywhere. */
bool xmetric_has(sla_extract *x, size_t sent, int metric);
/* The first metric named anywhere in sentence SENT (a table heading). */
bool xmetric_of_sentence(sla_extract *x, size_t sent, xmetric_hit *hit);
/* Whether the clause of D names a place (市区, 郊县): a second place's
 * time for a metric is not the tier's target. */
bool xmetric_place(sla_extract *x, size_t sent, const xdur *d);
/* Whether D is a condition ("8小时内无法排除"): then true. */
bool xmetric_condition(sla_extract *x, size_t sent, const xdur *d);
extern const char *const xmetric_names[XM_NMETRICS];
/* The name of commitment C's metric: a built-in, several joined by "_or_"
 * ("onsite_or_resolve"), or a custom one; its length. */
size_t xmetric_name(const xcommit *c, char *buf, size_t n);
extern const char *const xmetric_stop_columns[XM_NBUILTIN];

/* tiers.c: the tier classes. */
/* The tier name of class CLS: urgent.. or the letter's own class word. */
const char *xtier_name(const sla_extract *x, int cls);
/* The class of the label nearest before AT in sentence SENT (or a label
 * cell), noting the label; XT_ALL when none. */
int xtier_before(sla_extract *x, size_t sent, size_t at, size_t floor);
/* The letter's own class word opening the clause [CB..AT) of SENT. */
int xtier_own_class(sla_extract *x, size_t sent, size_t cb, size_t at);
/* The class of a sentence that is a tier heading ("紧急故障:"), or XT_ALL. */
int xtier_heading(sla_extract *x, size_t sent);
/* The class of the first tier label of the sentence, or XT_ALL. */
int xtier_any(sla_extract *x, size_t sent);
/* The classes of the labels in [B, E) of SENT, each once, at most MAX,
 * into CLASSES (with NOTE, the labels noted for the rules draft): how
 * many. */
size_t xtier_all(sla_extract *x, size_t sent, size_t b, size_t e, int *classes, size_t max,
		 bool note);

/* A sentence that opens with a label and a colon ("紧急故障：…"): the
 * class, the label's end in *END; else XT_ALL. */
int xtier_line_label(sla_extract *x, size_t sent, size_t *end);
/* The definition after a label (from byte FROM: "指系统瘫痪、业务中断的故障"),
 * or a whole table cell of a definition column (CELL), into the defs. */
void xtier_definition(sla_extract *x, size_t sent, int cls, size_t from, bool cell);
/* Whether a table's header cell heads a column of definitions (定义, 说明). */
bool xtier_definition_column(sla_extract *x, size_t header);

/* metrics.c: the flags of an average or a share ("平均", "95%的故障") in
 * the clause before D. */
unsigned xmetric_share(sla_extract *x, size_t sent, const xdur *d);

/* calendars.c */
int xcal_24x7(sla_extract *x);
/* The calendar a clause names at or around [B, E) of SENT (a 7×24 shape,
 * 工作日, working hours), or -1. */
int xcal_in_clause(sla_extract *x, size_t sent, size_t b, size_t e);
/* What a sentence says of calendars: working days or holidays at all, the
 * hours of the working calendar, and with NOTE_CALENDAR (a sentence with
 * no commitment of its own) the calendar it names, for TIER. */
void xcal_statements(sla_extract *x, size_t sent, int tier, bool note_calendar);
/* The letter's business calendar (creating "5x8" when there is none yet). */
int xcal_business(sla_extract *x);
/* A shape A×B as a calendar, or -1 when it is not one (50×50cm). */
int xcal_shape(sla_extract *x, int64_t a, int64_t b, size_t sent);

/* notes.c */
/* Exclusions and penalties of a sentence; SECTION is the heading's kind. */
void xnotes_sentence(sla_extract *x, size_t sent, int section);
/* The kind of section a heading opens: -1 (none), XN_EXCLUSION, XN_PENALTY. */
int xnotes_section(sla_extract *x, size_t sent);
bool xnote_add(sla_extract *x, enum xnote kind, size_t sent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Appending to the model: false (and X->oom) when out of memory. */
bool xadd_commit(sla_extract *x, const xcommit *c);
int xadd_cal(sla_extract *x, const xcal *c);
bool xadd_label(sla_extract *x, int tier, const char *word, size_t n, size_t sent);

/* draft.c, draft_rules.c, draft_tsv.c: see sla_extract.h. */
/* A sentence shortened to about MAXCH characters around [B, E), in BUF. */
void xcite(const sla_extract *x, size_t sent, size_t b, size_t e, size_t maxch, char *buf,
	   size_t n);
/* "line 4" or "file:4" (several files). */
void xwhere(const sla_extract *x, size_t sent, char *buf, size_t n);

#endif
