/* durations.c: the time limits of a sentence -- 30分钟, 两小时, 一个半小时,
 * 半个工作日, 1个工作日, 4~6小时, 30分钟至1小时, 2 business hours -- with
 * what stands around them: 不超过 / 以内 / within (an upper bound), 约 /
 * 左右 (about), and the words that make a number no target: 每 (a
 * period), 提前 (a notice), 至少 / 以上 (a lower bound), 超过 / 逾期 (an
 * overrun), 第 (an ordinal).
 *
 * A number inside a date (2014年4月30日), a clock time (9:00), a shape
 * (7×24小时, 5×8, 50×50cm) or a coverage phrase (24小时热线, 全天24小时)
 * is never a duration: those spans are found first and skipped.
 *
 * A range keeps its upper bound, the one the provider is bound by (no
 * later than the end of the range is a breach), and its lower bound for
 * the draft to say so. */
#include <string.h>

#include "extract_int.h"
#include "sla_mem.h"
#include "xnumeral.h"

#define NUM "(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+|半" \
	"|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve" \
	"|twenty[- ]four|forty[- ]eight|seventy[- ]two|thirty|twenty|an?(?=\\s+(?:hour|day|business|working|week)))(?![a-z]))"

const xpat_src xdur_sources[] = {
	{ XP_DURATION,
	  "(?<n1>" NUM ")(?:\\s*\\(\\s*[0-9]+\\s*\\))?(?<h1>\\s*个\\s*半)?\\s*(?:个\\s*)?"
	  "(?:(?<sep>\\s*(?:[~～〜\\-－–—至到]|to|or)\\s*)(?<n2>" NUM ")(?<h2>\\s*个\\s*半)?\\s*(?:个\\s*)?)?"
	  "(?:-(?=[a-z]))?"
	  "(?:(?<wh>工作小时|工作时|(?:working|business|work|office)[\\s-]+hours?(?![a-z]))"
	  "|(?<wd>工作日|工作天|(?:business|working|work)[\\s-]*days?(?![a-z]))"
	  "|(?<h>小时|小時|钟头|鐘頭|hours?(?![a-z])|hrs?(?![a-z])|h(?![a-z]))"
	  "|(?<m>分钟|分鐘|分(?=\\s*(?:以内|之内|内))|minutes?(?![a-z])|mins?(?![a-z]))"
	  "|(?<s>秒钟?|seconds?(?![a-z])|secs?(?![a-z]))|(?<q>刻钟|刻鐘)"
	  "|(?<d>自然日|日历日|天|日(?![期常])|(?:calendar\\s+)?days?(?![a-z])|d(?![a-z]))"
	  "|(?<w>周(?![一二三四五六日末年])|星期(?![一二三四五六日天])|礼拜|weeks?(?![a-z])))" },
	{ XP_NEXT_DAY,
	  "(?<![a-z])(?:(?:the )?next business day|(?:the )?next working day|nbd)(?![a-z])"
	  "|(?:次|下)(?:一)?(?:个)?工作日" },
	{ XP_HEAD_UNIT,
	  "[(（]\\s*(?:(?<wd>工作日|(?:business|working) days?)|(?<h>小时|h|hours?|hrs?)|(?<m>分钟|min(?:ute)?s?)"
	  "|(?<d>天|日|自然日|days?))\\s*[)）]" },
	{ XP_BARE_NUMBER,
	  "^\\s*(?:≤|<=|＜=|<|＜|不超过|within)?\\s*(?<n1>[0-9０-９]+(?:[.．][0-9０-９]+)?)"
	  "(?:\\s*[~～〜\\-－–—至到]\\s*(?<n2>[0-9０-９]+(?:[.．][0-9０-９]+)?))?\\s*(?:以内|之内|内)?\\s*$" },
	{ XP_DATE,
	  "[0-9０-９]{2,4}\\s*年\\s*[0-9０-９]{1,2}\\s*月(?:\\s*[0-9０-９]{1,2}\\s*[日号])?"
	  "|[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*[日号]"
	  "|[〇零一二三四五六七八九]{4}\\s*年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}[日号])?)?"
	  "|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
	  "|[0-9０-９]{1,2}\\s*[:：]\\s*[0-9０-９]{2}(?:\\s*[:：]\\s*[0-9]{2})?"
	  "|[0-9０-９]{1,2}\\s*[点點](?:\\s*[0-9０-９]{1,2}\\s*分|半)?"
	  "|[0-9]{1,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])"
	  "|[0-9０-９]{4}\\s*年(?:版|度)" },
	{ XP_SHAPE,
	  "(?<a>[0-9０-９]{1,3})\\s*(?:天|日|days?)?\\s*(?:[×xX*＊✕✖]|乘)\\s*(?<b>[0-9０-９]{1,3})"
	  "(?:\\s*(?:个)?\\s*(?:小时|h(?:ours?|rs?)?(?![a-z])))?(?![0-9])"
	  "|(?<slash>24\\s*/\\s*7)" },
	{ XP_COVERAGE,
	  "(?:全天|每天|每日|全年|天天|日夜|一天)\\s*(?:24|二十四)\\s*(?:个)?\\s*小时"
	  "|(?:24|二十四)\\s*(?:个)?\\s*小时\\s*(?:全天候|不间断|全天|值班|值守|热线|服务热线|客服|电话|在线"
	  "|开机|监控|人工|技术支持|开通|轮班|待命|响应热线|服务(?!请求|承诺|响应|时间))"
	  "|365\\s*(?:天|日)|全年无休"
	  "|(?:24|twenty-four)\\s*hours?\\s*(?:a|per)\\s*day|(?:a)round[- ]the[- ]clock" },
	{ XP_QUAL_BEFORE,
	  "(?:(?<ord>第)"
	  "|(?<every>每隔|每一|每|(?<![a-z])(?:every|each|per))"
	  "|(?<adv>提前|(?<![a-z])advance)"
	  "|(?<least>至少|不少于|不低于|不短于|最少|(?<![a-z])(?:at least|minimum(?: of)?|more than|longer than))"
	  "|(?<within>不超过|不得超过|不能超过|不会超过|不多于|不迟于|不晚于|最迟|最晚|最长|最多|控制在"
	  "|≤|<=|＜=|≦|＜|<|少于|小于|低于"
	  "|(?<![a-z])(?:within|no later than|no more than|not more than|not later than|not (?:to )?exceed"
	  "|at most|at the latest|up to|maximum(?: of)?|max\\.?|less than|under|in))"
	  "|(?<over>超过|超出|逾期|延迟|延误|超时|晚于|(?<![a-z])(?:exceed(?:s|ing)?|beyond|after|over))"
	  "|(?<approx>约|大约|大概|(?<![a-z])(?:approximately|about|around|roughly)))"
	  "\\s*(?:在|于|:|：|of|the)?\\s*$" },
	{ XP_QUAL_AFTER,
	  "\\s*(?:(?<within>之内|以内|内|以下|or less|or sooner|at the latest)"
	  "|(?<least>以上|之上|or more|or longer)|(?<approx>左右|上下))" },
	{ XP_N, NULL },
};

/* English number words, for "within two hours", "an hour". */
static size_t
english_number(const char *s, size_t n, int64_t *milli)
{
	static const struct { const char *w; int v; } words[] = {
		{ "twenty-four", 24 }, { "twenty four", 24 }, { "forty-eight", 48 },
		{ "forty eight", 48 }, { "seventy-two", 72 }, { "seventy two", 72 },
		{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
		{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
		{ "eleven", 11 }, { "twelve", 12 }, { "thirty", 30 }, { "twenty", 20 },
		{ "an", 1 }, { "a", 1 },
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t k = strlen(words[i].w);
		if (k <= n) {
			size_t j = 0;
			while (j < k && (s[j] | 0x20) == words[i].w[j])
				j++;
			if (j == k) {
				*milli = words[i].v * 1000;
				return k;
			}
		}
	}
	return 0;
}

static int64_t
number(const char *s, size_t b, size_t e, bool half)
{
	int64_t v = 0;
	if (!xnum_read(s + b, e - b, &v) && !english_number(s + b, e - b, &v))
		return -1;
	return v + (half ? 500 : 0);
}

/* The unit group of the last match: its seconds (0 for working days) and
 * its kind. */
static bool
unit_of(sla_extract *x, int64_t *secs, enum xunit *unit)
{
	static const struct { const char *g; int64_t secs; enum xunit u; } units[] = {
		{ "wh", 3600, XU_WORKHOURS }, { "wd", 0, XU_WORKDAYS }, { "h", 3600, XU_TIME },
		{ "m", 60, XU_TIME }, { "s", 1, XU_TIME }, { "d", 86400, XU_DAYS },
		{ "w", 7 * 86400, XU_DAYS }, { "q", 15 * 60, XU_TIME },
	};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		size_t b, e;
		if (xgroup(x->m, xgroup_number(x->pats, XP_DURATION, units[i].g), &b, &e)) {
			*secs = units[i].secs;
			*unit = units[i].u;
			return true;
		}
	}
	return false;
}

/* MILLI thousandths of the unit into D (upper or lower bound). */
static void
set_value(xdur *d, int64_t milli, int64_t secs, enum xunit unit, bool lower)
{
	int64_t *s = lower ? &d->lo_secs : &d->secs, *wd = lower ? &d->lo_wd : &d->wd;
	d->unit = unit;
	if (unit == XU_WORKDAYS && milli % 1000 == 0) {
		*wd = milli / 1000;
		*s = 0;
		return;
	}
	if (unit == XU_WORKDAYS) {	/* 半个工作日: hours of an 8-hour day */
		d->unit = XU_WORKHOURS;
		d->flags |= XF_PART_WD;
		secs = 8 * 3600;
	}
	*s = milli * secs / 1000;
	*wd = 0;
}

/* The size of D in seconds, working days as 8 h: for comparing. */
static int64_t
magnitude(const xdur *d, bool lower)
{
	return lower ? d->lo_secs + d->lo_wd * 8 * 3600 : d->secs + d->wd * 8 * 3600;
}

/* Whether [B, E) overlaps a span of MASK. */
static bool
masked(const size_t *mask, size_t nmask, size_t b, size_t e)
{
	for (size_t i = 0; i + 1 < 2 * nmask; i += 2)
		if (b < mask[i + 1] && mask[i] < e)
			return true;
	return false;
}

/* The spans of S that hold no duration: dates, times, shapes, coverage. */
static size_t
find_masks(sla_extract *x, const char *s, size_t n, size_t *mask, size_t max)
{
	static const enum xpat_id ids[] = { XP_DATE, XP_SHAPE, XP_COVERAGE };
	size_t k = 0;
	for (size_t t = 0; t < 3; t++)
		for (size_t at = 0, b, e; k < max && xfind(x->pats, x->m, ids[t], s, n, at, false, &b, &e);
		     at = e) {
			mask[2 * k] = b;
			mask[2 * k + 1] = e;
			k++;
			if (e == b)
				break;
		}
	return k;
}

/* The words before [B] and after [E] of D. */
static void
qualify(sla_extract *x, const char *s, size_t n, xdur *d)
{
	static const struct { const char *g; unsigned f; } before[] = {
		{ "ord", XF_ORDINAL }, { "every", XF_EVERY }, { "adv", XF_ADVANCE },
		{ "least", XF_LEAST }, { "within", XF_WITHIN }, { "over", XF_OVER },
		{ "approx", XF_APPROX },
	}, after[] = { { "within", XF_WITHIN }, { "least", XF_LEAST }, { "approx", XF_APPROX } };
	size_t from = d->b > 40 ? d->b - 40 : 0, mb, me;
	while (from > 0 && (s[from] & 0xC0) == 0x80)
		from--;
	if (xfind(x->pats, x->m, XP_QUAL_BEFORE, s, d->b, from, false, &mb, &me))
		for (size_t i = 0; i < sizeof before / sizeof *before; i++)
			if (xgroup(x->m, xgroup_number(x->pats, XP_QUAL_BEFORE, before[i].g), &mb, &me))
				d->flags |= before[i].f;
	if (xfind(x->pats, x->m, XP_QUAL_AFTER, s, n, d->e, true, &mb, &me))
		for (size_t i = 0; i < sizeof after / sizeof *after; i++)
			if (xgroup(x->m, xgroup_number(x->pats, XP_QUAL_AFTER, after[i].g), &mb, &me))
				d->flags |= after[i].f;
	if (d->flags & XF_WITHIN)
		d->flags &= ~(unsigned)XF_OVER;
}

/* The duration of the last match of XP_DURATION at [B, E) into D; false
 * when its number is none (0, or too large). */
static bool
read_match(sla_extract *x, const char *s, size_t b, size_t e, xdur *d)
{
	int g1 = xgroup_number(x->pats, XP_DURATION, "n1"), g2 = xgroup_number(x->pats, XP_DURATION, "n2");
	int h1 = xgroup_number(x->pats, XP_DURATION, "h1"), h2 = xgroup_number(x->pats, XP_DURATION, "h2");
	size_t nb, ne, hb, he;
	int64_t secs;
	enum xunit unit;
	*d = (xdur){ .b = b, .e = e };
	if (!xgroup(x->m, g1, &nb, &ne) || !unit_of(x, &secs, &unit))
		return false;
	int64_t v1 = number(s, nb, ne, xgroup(x->m, h1, &hb, &he));
	if (v1 <= 0)
		return false;
	set_value(d, v1, secs, unit, false);
	if (xgroup(x->m, g2, &nb, &ne)) {
		int64_t v2 = number(s, nb, ne, xgroup(x->m, h2, &hb, &he));
		if (v2 <= 0)
			return false;
		set_value(d, v1 < v2 ? v1 : v2, secs, unit, true);
		set_value(d, v1 < v2 ? v2 : v1, secs, unit, false);
		d->flags |= XF_RANGE;
	}
	return true;
}

/* "30分钟至1小时": D and the duration NEXT after a range sign are one range. */
static bool
range_sign_between(const char *s, size_t from, size_t to)
{
	static const char *const signs[] = { "~", "～", "〜", "-", "－", "–", "—", "至", "到", "to" };
	while (from < to && s[from] == ' ')
		from++;
	while (to > from && s[to - 1] == ' ')
		to--;
	for (size_t i = 0; i < sizeof signs / sizeof *signs; i++)
		if (strlen(signs[i]) == to - from && memcmp(s + from, signs[i], to - from) == 0)
			return true;
	return false;
}

/* "the next business day", "次工作日": the close of the next working day,
 * put among the ND durations of OUT in the order of the text. */
static size_t
next_days(sla_extract *x, const char *s, size_t n, const size_t *mask, size_t nmask, xdur **out,
	  size_t *cap, size_t nd)
{
	for (size_t at = 0, b, e; xfind(x->pats, x->m, XP_NEXT_DAY, s, n, at, false, &b, &e) && e > b;
	     at = e) {
		if (masked(mask, nmask, b, e))
			continue;
		size_t k = 0;	/* "下一个工作日" is no "一个工作日": drop what it holds */
		for (size_t i = 0; i < nd; i++)
			if (!(b < (*out)[i].e && (*out)[i].b < e))
				(*out)[k++] = (*out)[i];
		nd = k;
		if (!sla_grow((void **)out, cap, nd + 1, sizeof **out)) {
			x->oom = true;
			return nd;
		}
		size_t i = nd++;
		while (i > 0 && (*out)[i - 1].b > b) {
			(*out)[i] = (*out)[i - 1];
			i--;
		}
		(*out)[i] = (xdur){ .b = b, .e = e, .wd = 1, .unit = XU_WORKDAYS,
				    .flags = XF_WITHIN | XF_AT_CLOSE };
	}
	return nd;
}

size_t
xdur_find(sla_extract *x, size_t sent, xdur **out, size_t *cap)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t n = st->n, mask[2 * 32], nmask = find_masks(x, s, n, mask, 32), nd = 0;
	for (size_t at = 0, b, e; xfind(x->pats, x->m, XP_DURATION, s, n, at, false, &b, &e); at = e) {
		xdur d;
		if (e == b)
			break;
		if (masked(mask, nmask, b, e) || !read_match(x, s, b, e, &d))
			continue;
		if (nd > 0 && range_sign_between(s, (*out)[nd - 1].e, b) &&
		    !((*out)[nd - 1].flags & XF_RANGE)) {
			xdur *lo = &(*out)[nd - 1];
			if (magnitude(lo, false) < magnitude(&d, false)) {
				d.lo_secs = lo->secs;
				d.lo_wd = lo->wd;
				d.b = lo->b;
				d.flags |= XF_RANGE | lo->flags;
				nd--;
			}
		}
		if (!sla_grow((void **)out, cap, nd + 1, sizeof **out)) {
			x->oom = true;
			return nd;
		}
		(*out)[nd++] = d;
	}
	nd = next_days(x, s, n, mask, nmask, out, cap, nd);
	for (size_t i = 0; i < nd; i++)
		qualify(x, s, n, &(*out)[i]);
	return nd;
}

size_t
xdur_bare(sla_extract *x, size_t cell, size_t header, xdur **out, size_t *cap)
{
	static const struct { const char *g; int64_t secs; enum xunit u; } units[] = {
		{ "wd", 0, XU_WORKDAYS }, { "h", 3600, XU_TIME }, { "m", 60, XU_TIME },
		{ "d", 86400, XU_DAYS },
	};
	const xsent *h = &x->sents[header], *c = &x->sents[cell];
	const char *hs = xsent_text(x, h), *cs = xsent_text(x, c);
	size_t b, e, nb, ne;
	if (!xfind(x->pats, x->m, XP_HEAD_UNIT, hs, h->n, 0, false, &b, &e))
		return 0;
	size_t k = 0;
	while (k < sizeof units / sizeof *units &&
	       !xgroup(x->m, xgroup_number(x->pats, XP_HEAD_UNIT, units[k].g), &b, &e))
		k++;
	if (k == sizeof units / sizeof *units ||
	    !xfind(x->pats, x->m, XP_BARE_NUMBER, cs, c->n, 0, true, &b, &e))
		return 0;
	xdur d = { .b = b, .e = e, .flags = XF_WITHIN };
	int64_t v1, v2;
	if (!xgroup(x->m, xgroup_number(x->pats, XP_BARE_NUMBER, "n1"), &nb, &ne) ||
	    (v1 = number(cs, nb, ne, false)) <= 0)
		return 0;
	set_value(&d, v1, units[k].secs, units[k].u, false);
	if (xgroup(x->m, xgroup_number(x->pats, XP_BARE_NUMBER, "n2"), &nb, &ne) &&
	    (v2 = number(cs, nb, ne, false)) > v1) {
		set_value(&d, v1, units[k].secs, units[k].u, true);
		set_value(&d, v2, units[k].secs, units[k].u, false);
		d.flags |= XF_RANGE;
	}
	if (!sla_grow((void **)out, cap, 1, sizeof **out)) {
		x->oom = true;
		return 0;
	}
	(*out)[0] = d;
	return 1;
}

static size_t
format_secs(int64_t secs, char *buf, size_t n)
{
	int64_t h = secs / 3600, m = secs % 3600 / 60, sec = secs % 60;
	size_t o = 0;
	if (h && o < n)
		o += (size_t)snprintf(buf + o, n - o, "%lldh", (long long)h);
	if (m && o < n)
		o += (size_t)snprintf(buf + o, n - o, "%lldm", (long long)m);
	if ((sec || secs == 0) && o < n)
		o += (size_t)snprintf(buf + o, n - o, "%llds", (long long)sec);
	return o;
}

void
xdur_format(const xdur *d, bool lower, char *buf, size_t n)
{
	int64_t secs = lower ? d->lo_secs : d->secs, wd = lower ? d->lo_wd : d->wd;
	if (d->unit == XU_WORKDAYS && wd)
		snprintf(buf, n, "%lldwd%s", (long long)wd, d->flags & XF_AT_CLOSE ? "@close" : "");
	else if (d->unit == XU_DAYS && secs % 86400 == 0)
		snprintf(buf, n, "%lldd", (long long)(secs / 86400));
	else
		format_secs(secs, buf, n);
}
