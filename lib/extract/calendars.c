/* calendars.c: when the clock runs -- 7×24, 5×8, 24/7, 全天候, 节假日照常
 * (round the clock) and 工作日, 工作时间, business hours (the working
 * calendar), with the hours and weekdays a letter states (周一至周五
 * 9:00-17:30) -- and whether the letter speaks of working days or
 * holidays at all, which decides whether the draft's working calendar
 * takes the cn holidays and make-up days as read or for review.
 *
 * A shape A×B is A days of B hours (5×8: Monday to Friday, eight hours;
 * 8×5 is read the same); 7×24 is the built-in 24x7.  A product of other
 * numbers (50×50cm) is no calendar.  A working calendar without stated
 * hours gets the embedded default's 09:00-12:00, 13:00-18:00, for review. */
#include <stdio.h>
#include <string.h>

#include "extract_int.h"
#include "sla_mem.h"
#include "xnumeral.h"

const xpat_src xcal_sources[] = {
	{ XP_CAL_WORDS,
	  "(?<off>非工作(?:日|时间|时段)|节假日期间|休息日|(?<![a-z])(?:outside|after) (?:business|working|office) hours)"
	  "|(?<rtc>全天候|节假日(?:照常|无休|不休|均|也|正常)|全年无休|(?:每天|全天)\\s*24\\s*小时"
	  "|(?:7|七)\\s*天\\s*(?:[×xX*＊✕]\\s*)?24\\s*小时|24\\s*小时\\s*(?:值班|值守|不间断|热线|服务热线)"
	  "|365\\s*(?:天|日)|(?<![a-z])(?:(?:a)?round[- ]the[- ]clock|24\\s*/\\s*7|24\\s*hours a day))"
	  "|(?<biz>工作日|工作时间|工作小时|工作时段|上班时间|办公时间|营业时间"
	  "|(?<![a-z])(?:business|working|office) (?:hours?|days?)(?![a-z]))"
	  "|(?<hol>节假日|法定(?:节)?假日|公休日|(?<![a-z])(?:public )?holidays?(?![a-z]))" },
	{ XP_HOURS,
	  "(?<p1>上午|早上|早晨|下午|晚上)?\\s*(?<h1>[0-9０-９]{1,2})\\s*(?:[:：]\\s*(?<m1>[0-9０-９]{2})|[点點](?<m1b>[0-9０-９]{1,2}|半)?)"
	  "\\s*(?:[-~～〜至到—–]|to)\\s*(?<p2>上午|早上|中午|下午|晚上)?\\s*(?<h2>[0-9０-９]{1,2})"
	  "\\s*(?:[:：]\\s*(?<m2>[0-9０-９]{2})|[点點](?<m2b>[0-9０-９]{1,2}|半)?)"
	  "|(?<![0-9])(?<eh1>[0-9]{1,2})(?::(?<em1>[0-9]{2}))?\\s*(?<ea1>am|a\\.m\\.|pm|p\\.m\\.)\\s*(?:-|–|to)\\s*"
	  "(?<eh2>[0-9]{1,2})(?::(?<em2>[0-9]{2}))?\\s*(?<ea2>am|a\\.m\\.|pm|p\\.m\\.)" },
	{ XP_WEEKDAYS,
	  "(?:周|星期|礼拜)(?<d1>[一二三四五六日天1-7])\\s*(?:[-~～〜至到—–]|to)\\s*(?:周|星期|礼拜)?(?<d2>[一二三四五六日天1-7])"
	  "|(?<![a-z])(?<e1>mon|tue|wed|thu|fri|sat|sun)[a-z]*\\s*(?:-|–|to|through)\\s*"
	  "(?<e2>mon|tue|wed|thu|fri|sat|sun)[a-z]*" },
	{ XP_N, NULL },
};

int
xcal_24x7(sla_extract *x)
{
	(void)x;
	return 0;
}

static int
find_cal(const sla_extract *x, const char *name)
{
	for (size_t i = 0; i < x->ncals; i++)
		if (strcmp(x->cals[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* The default hours of a day of H hours: 8 is the embedded default's day
 * with its lunch break; other days start at 08:00. */
static void
default_hours(int h, char *buf, size_t n)
{
	if (h == 8)
		snprintf(buf, n, "09:00-12:00, 13:00-18:00");
	else if (h >= 24)
		snprintf(buf, n, "00:00-24:00");
	else
		snprintf(buf, n, "%02d:00-%02d:00", 8 + h > 24 ? 24 - h : 8, 8 + h > 24 ? 24 : 8 + h);
}

int
xcal_shape(sla_extract *x, int64_t a, int64_t b, size_t sent)
{
	if (a >= 8 && a <= 24 && b >= 5 && b <= 7) {	/* 24x7, 8x5 */
		int64_t t = a;
		a = b;
		b = t;
	}
	if (a < 5 || a > 7 || b < 4 || b > 24)
		return -1;
	if (a == 7 && b == 24)
		return 0;
	xcal c = { .days = (int)a, .sent = sent };
	snprintf(c.name, sizeof c.name, "%dx%d", (int)a, (int)b);
	int at = find_cal(x, c.name);
	if (at >= 0)
		return at;
	default_hours((int)b, c.hours, sizeof c.hours);
	return xadd_cal(x, &c);
}

int
xcal_business(sla_extract *x)
{
	for (size_t i = 1; i < x->ncals; i++)
		if (x->cals[i].days < 7)
			return (int)i;
	return xcal_shape(x, 5, 8, SIZE_MAX);
}

/* The calendar of the shape match at [B, E) in S, or -1. */
static int
shape_cal(sla_extract *x, const char *s, size_t sent)
{
	size_t ab, ae, bb, be;
	int64_t a, b;
	if (xgroup(x->m, xgroup_number(x->pats, XP_SHAPE, "slash"), &ab, &ae))
		return 0;
	if (!xgroup(x->m, xgroup_number(x->pats, XP_SHAPE, "a"), &ab, &ae) ||
	    !xgroup(x->m, xgroup_number(x->pats, XP_SHAPE, "b"), &bb, &be) ||
	    !xnum_read(s + ab, ae - ab, &a) || !xnum_read(s + bb, be - bb, &b))
		return -1;
	return xcal_shape(x, a / 1000, b / 1000, sent);
}

/* The calendar named in S[B..E), and whether it is an off-hours clause
 * (-2), or -1 for none. */
static int
words_cal(sla_extract *x, const char *s, size_t b, size_t e, size_t sent)
{
	size_t mb, me;
	if (xfind(x->pats, x->m, XP_SHAPE, s, e, b, false, &mb, &me)) {
		int c = shape_cal(x, s, sent);
		if (c >= 0)
			return c;
	}
	if (!xfind(x->pats, x->m, XP_CAL_WORDS, s, e, b, false, &mb, &me))
		return -1;
	size_t gb, ge;
	if (xgroup(x->m, xgroup_number(x->pats, XP_CAL_WORDS, "off"), &gb, &ge))
		return -2;
	if (xgroup(x->m, xgroup_number(x->pats, XP_CAL_WORDS, "rtc"), &gb, &ge))
		return 0;
	if (xgroup(x->m, xgroup_number(x->pats, XP_CAL_WORDS, "biz"), &gb, &ge))
		return xcal_business(x);
	return -1;	/* a holiday word alone says no calendar */
}

int
xcal_in_clause(sla_extract *x, size_t sent, size_t b, size_t e)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t cb, ce;
	xsent_clause(s, st->n, b, &cb, &ce);
	if (ce < e)
		ce = e;
	int c = words_cal(x, s, cb, ce, sent);
	if (c == -1 && cb > 0)	/* "在工作日内，…8小时内回复" */
		c = words_cal(x, s, 0, cb, sent);
	return c;
}

/* ---- statements ----------------------------------------------------------- */

/* Hours read from HOUR, MINUTE and a 上午/下午 or am/pm word. */
static int
minutes_of(const char *s, size_t hb, size_t he, bool has_m, size_t mb, size_t me, bool pm,
	   bool half)
{
	int64_t h = 0, m = 0;
	xnum_read(s + hb, he - hb, &h);
	if (has_m)
		xnum_read(s + mb, me - mb, &m);
	int hh = (int)(h / 1000), mm = half ? 30 : (int)(m / 1000);
	if (pm && hh < 12)
		hh += 12;
	if (hh > 24 || mm > 59)
		return -1;
	return hh * 60 + mm;
}

static bool
group(sla_extract *x, const char *name, size_t *b, size_t *e)
{
	return xgroup(x->m, xgroup_number(x->pats, XP_HOURS, name), b, e);
}

/* The interval of the last XP_HOURS match, in minutes. */
static bool
interval(sla_extract *x, const char *s, int *from, int *to)
{
	size_t hb, he, mb = 0, me = 0, pb, pe;
	bool zh = group(x, "h1", &hb, &he);
	if (zh) {
		bool m1 = group(x, "m1", &mb, &me) || group(x, "m1b", &mb, &me);
		bool half = m1 && me - mb == 3;
		bool pm = group(x, "p1", &pb, &pe) && (memcmp(s + pb, "下午", 6) == 0 ||
						      memcmp(s + pb, "晚上", 6) == 0);
		*from = minutes_of(s, hb, he, m1 && !half, mb, me, pm, half);
		group(x, "h2", &hb, &he);
		bool m2 = group(x, "m2", &mb, &me) || group(x, "m2b", &mb, &me);
		half = m2 && me - mb == 3;
		pm = group(x, "p2", &pb, &pe) && (memcmp(s + pb, "下午", 6) == 0 ||
						   memcmp(s + pb, "晚上", 6) == 0);
		*to = minutes_of(s, hb, he, m2 && !half, mb, me, pm, half);
		if (*to >= 0 && *from >= 0 && *to <= *from && *to < 12 * 60)
			*to += 12 * 60;	/* 9:00-5:30 */
	} else {
		group(x, "eh1", &hb, &he);
		bool m1 = group(x, "em1", &mb, &me);
		group(x, "ea1", &pb, &pe);
		*from = minutes_of(s, hb, he, m1, mb, me, (s[pb] | 0x20) == 'p', false);
		group(x, "eh2", &hb, &he);
		bool m2 = group(x, "em2", &mb, &me);
		group(x, "ea2", &pb, &pe);
		*to = minutes_of(s, hb, he, m2, mb, me, (s[pb] | 0x20) == 'p', false);
	}
	return *from >= 0 && *to > *from;
}

static int
weekday_number(const char *s, size_t b, size_t e)
{
	static const char *const zh[] = { "一", "二", "三", "四", "五", "六", "日", "天" };
	static const char *const en[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
	for (int i = 0; i < 8; i++)
		if (e - b == 3 && memcmp(s + b, zh[i], 3) == 0)
			return i < 7 ? i + 1 : 7;
	if (e - b == 1 && s[b] >= '1' && s[b] <= '7')
		return s[b] - '0';
	for (int i = 0; i < 7; i++)
		if (e - b == 3 && (s[b] | 0x20) == en[i][0] && (s[b + 1] | 0x20) == en[i][1] &&
		    (s[b + 2] | 0x20) == en[i][2])
			return i + 1;
	return 0;
}

/* Calendar C named DAYSxHOURS for the hours the letter states, unless a
 * calendar of its shape read elsewhere has that name (with other hours):
 * then DAYSxHOURS-2, -3, ..., since a draft's sections must have names of
 * their own. */
static void
name_for_hours(sla_extract *x, int c, int days, int hours)
{
	char name[sizeof x->cals[0].name];
	snprintf(name, sizeof name, "%dx%d", days, hours);
	for (int k = 2; find_cal(x, name) >= 0 && find_cal(x, name) != c; k++)
		snprintf(name, sizeof name, "%dx%d-%d", days, hours, k);
	memcpy(x->cals[c].name, name, sizeof name);
}

/* The working days and hours a sentence states ("周一至周五 9:00-12:00,
 * 13:30-17:30") into the letter's working calendar, which takes its name
 * from them unless the letter named its shape (5×8): its index, or -1. */
static int
stated_hours(sla_extract *x, size_t sent, const char *s, size_t n)
{
	char hours[64] = "";
	size_t o = 0, b, e;
	int total = 0;
	for (size_t at = 0; xfind(x->pats, x->m, XP_HOURS, s, n, at, false, &b, &e) && e > b; at = e) {
		int from, to;
		if (!interval(x, s, &from, &to) || o + 16 >= sizeof hours)
			continue;
		o += (size_t)snprintf(hours + o, sizeof hours - o, "%s%02d:%02d-%02d:%02d",
				      o ? ", " : "", from / 60, from % 60, to / 60, to % 60);
		total += to - from;
	}
	int days = 0;
	if (xfind(x->pats, x->m, XP_WEEKDAYS, s, n, 0, false, &b, &e)) {
		size_t b1, e1, b2, e2;
		bool zh = xgroup(x->m, xgroup_number(x->pats, XP_WEEKDAYS, "d1"), &b1, &e1);
		if (zh)
			xgroup(x->m, xgroup_number(x->pats, XP_WEEKDAYS, "d2"), &b2, &e2);
		else if (xgroup(x->m, xgroup_number(x->pats, XP_WEEKDAYS, "e1"), &b1, &e1))
			xgroup(x->m, xgroup_number(x->pats, XP_WEEKDAYS, "e2"), &b2, &e2);
		else
			b1 = e1 = b2 = e2 = 0;
		int d1 = weekday_number(s, b1, e1), d2 = weekday_number(s, b2, e2);
		if (d1 == 1 && d2 >= 5)
			days = d2;
	}
	if (!o || total <= 0 || total > 24 * 60)
		return -1;
	if (days == 7 && total == 24 * 60)
		return 0;
	int c = xcal_business(x);
	if (c <= 0)
		return -1;
	xcal *cal = &x->cals[c];
	if (cal->hours_read)
		return c;
	snprintf(cal->hours, sizeof cal->hours, "%s", hours);
	cal->hours_read = true;
	if (days)
		cal->days = days;
	if (cal->sent == SIZE_MAX)	/* no shape read: named for what was */
		name_for_hours(x, c, cal->days, (total + 30) / 60);
	cal->sent = sent;
	return c;
}

static void
add_calnote(sla_extract *x, size_t sent, int cal, int tier)
{
	xcalnote note = { .sent = sent, .cal = cal, .tier = tier };
	for (size_t i = x->ncalnotes; i-- > 0 && x->calnotes[i].sent == sent;)
		if (x->calnotes[i].tier == tier)
			return;
	if (!sla_grow((void **)&x->calnotes, &x->capcalnotes, x->ncalnotes + 1, sizeof note)) {
		x->oom = true;
		return;
	}
	x->calnotes[x->ncalnotes++] = note;
}

/* The end of the statement clause at S[AT..N): the next ， , ； or ; (not
 * 、, which lists the tiers of one clause: "紧急、重大故障提供7×24小时服务"). */
static size_t
clause_end(const char *s, size_t n, size_t at, size_t *sep)
{
	for (size_t i = at; i < n; i++) {
		if (s[i] == ',' || s[i] == ';') {
			*sep = 1;
			return i;
		}
		if (n - i >= 3 && (memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "；", 3) == 0)) {
			*sep = 3;
			return i;
		}
	}
	*sep = 0;
	return n;
}

void
xcal_statements(sla_extract *x, size_t sent, int tier, bool note_calendar)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e;
	if (xfind(x->pats, x->m, XP_CAL_WORDS, s, st->n, 0, false, &b, &e)) {
		size_t gb, ge;
		if (xgroup(x->m, xgroup_number(x->pats, XP_CAL_WORDS, "biz"), &gb, &ge) ||
		    xgroup(x->m, xgroup_number(x->pats, XP_CAL_WORDS, "hol"), &gb, &ge))
			x->working_days = true;
	}
	int hours = stated_hours(x, sent, s, st->n);
	if (!note_calendar)
		return;
	/* each clause for the tiers it names, or those named before it in its
	 * part ("对于重大故障，提供7×24小时服务"), or TIER:
	 * "重大故障提供7×24小时服务；一般故障在工作日内处理" */
	int before[8];
	size_t nbefore = 0;
	for (size_t at = 0, sep; at <= st->n; at += sep) {
		size_t ce = clause_end(s, st->n, at, &sep), hb, he;
		int c = words_cal(x, s, at, ce, sent);
		if (c < 0 && hours >= 0 && xfind(x->pats, x->m, XP_HOURS, s, ce, at, false, &hb, &he))
			c = hours;	/* "Monday-Friday 8am-6pm for P3 and P4" */
		int classes[8];
		size_t k = xtier_all(x, sent, at, ce, classes, 8, c >= 0);
		if (c >= 0) {
			const int *for_ = k ? classes : before;
			size_t nfor = k ? k : nbefore;
			for (size_t i = 0; i < nfor; i++)
				add_calnote(x, sent, c, for_[i]);
			if (nfor == 0)
				add_calnote(x, sent, c, tier);
		}
		if (k) {
			memcpy(before, classes, k * sizeof *classes);
			nbefore = k;
		}
		if (sep && ce + sep < st->n && (s[ce] == ';' || memcmp(s + ce, "；", 3) == 0))
			nbefore = 0;	/* a part ends */
		at = ce;
		if (!sep)
			break;
	}
}
