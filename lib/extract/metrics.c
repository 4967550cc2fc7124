/* metrics.c: the step a time limit is for -- the words of the built-in
 * metrics (响应, 到达现场, 临时解决方案, 解决, 备用设备 and their English
 * kin), the commitments no built-in measures (replies to feedback, a
 * definite answer, progress updates, a written report), and conditions
 * ("如果…在8小时内无法排除": resolve > 8h).
 *
 * Where the word stands: Chinese puts the step after the time ("在2小时内
 * 到达现场") or names it first ("响应时间不超过1小时"); English names it
 * first ("respond within 2 hours").  So the clause after the time is read
 * first in Chinese and the clause before it first in English; then the
 * other side; then, in Chinese, the next clause when it holds no time of
 * its own; then anything earlier in the sentence ("响应时间：紧急1小时，
 * 一般4小时"), which the draft marks for review.  Two steps joined by 或
 * make one metric that the first of them stops; joined by 并 or 和, both
 * get the time.
 *
 * 回复/答复 is the response when its object is the request ("回复您的服务
 * 请求"); about mail, feedback or complaints it is a reply, a custom
 * metric; with no object at all, the response, marked for review. */
#include <string.h>

#include "extract_int.h"

const char *const xmetric_names[XM_NMETRICS] = {
	"response", "onsite", "workaround", "resolve", "replacement",
	"reply", "answer", "update", "report",
};

const char *const xmetric_stop_columns[XM_NBUILTIN] = {
	"first_response", "onsite", "workaround", "resolved", "replaced",
};

#define EN_B "(?<![a-z])"
#define EN_E "(?![a-z])"

const xpat_src xmetric_sources[] = {
	{ XP_METRIC,
	  "(?<wa>临时(?:性)?(?:的)?(?:解决方案|解决办法|处理方案|方案|措施|处理|修复|恢复)"
	  "|应急(?:解决)?(?:方案|措施|处理|恢复)|规避(?:方案|措施|办法)|绕行方案"
	  "|" EN_B "(?:work[- ]?arounds?|temporary (?:fix|solution|workaround)s?|interim (?:fix|solution)s?)" EN_E ")"
	  "|(?<ans>明确(?:的)?(?:答复|回复|意见|结论)|书面(?:答复|回复)|正式(?:答复|回复)|处理(?:意见|结论))"
	  "|(?<rpl>(?<!设)备(?:用|份)(?:的)?(?:产品|设备|机器|机|件|品|部件)|(?<!设)备机|备品备件"
	  "|替代(?:产品|设备|机|品)|替换(?:设备|产品|机)"
	  "|更换(?:新|整机|整件|同型号|备用)?(?:的)?(?:设备|产品|整机|主机|机器)"
	  "|" EN_B "(?:replacement|loaner|spare|substitute) (?:unit|device|equipment|part|hardware|system)s?" EN_E
	  "|" EN_B "replace(?:d|ment)? (?:the )?(?:faulty |defective )?(?:unit|device|equipment|hardware)" EN_E ")"
	  "|(?<ons>(?:到达|抵达|赶到|赶赴|赶往|前往|奔赴)(?:用户|客户|故障|贵方|甲方|服务|您的)?(?:的)?现场"
	  "|现场(?:处理|服务|支持|维修|响应|排查|技术支持|勘查)|到场|到现场|到达|抵达|上门|到位"
	  "|(?:派遣|派出|派|安排|指派|委派|调派)[^，,。；;]{0,10}?(?:工程师|技术人员|技术员|专家|维修人员|服务人员|维护人员|人员)"
	  "|" EN_B "(?:on[- ]?site|at (?:the|your) (?:site|premises)|arriv(?:e|al|es)"
	  "|dispatch(?:ed)?(?: an?)? (?:engineer|technician)s?|field (?:engineer|technician|visit|service))" EN_E ")"
	  "|(?<rmt>远程(?:技术)?(?:支持|协助|诊断|服务|处理|指导)|电话(?:技术)?(?:支持|指导)"
	  "|" EN_B "remote (?:support|assistance|diagnosis)" EN_E ")"
	  "|(?<rsp>(?:初步|首次|电话|快速|及时|紧急)?(?:响应|回应)|取得联系"
	  "|(?:与|和)(?:您|客户|用户|贵方|甲方|业主|报修人)[^，,。]{0,4}?联系|联系(?:您|客户|用户|贵方|甲方|报修人)"
	  "|受理|接听|确认收到"
	  "|(?:回复|答复|回电)(?=\\s*(?:您|客户|用户|贵方|甲方|贵单位|报修人)?(?:的)?[^，,。；;]{0,10}?"
	  "(?:请求|需求|报修|申请|问题|故障|工单|电话|来电))"
	  "|" EN_B "(?:respon(?:d|se|ded|ds)|acknowledge(?:ment|d|s)?|initial (?:contact|reply)|call(?:ed)? back"
	  "|contact (?:the )?(?:customer|client|user))" EN_E ")"
	  "|(?<upd>(?:处理|维修|解决)?(?:进度|进展)(?:情况)?|(?:通报|汇报)(?:处理)?(?:情况|结果)?"
	  "|" EN_B "(?:status update|progress (?:update|report)s?|updates?)" EN_E ")"
	  "|(?<rep>(?:故障|事故|服务|维修|书面|分析|处理|总结|巡检|巡查|检修)[\\p{Han}]{0,4}?报告"
	  "|" EN_B "(?:incident|root cause|rca|service|fault) reports?" EN_E ")"
	  "|(?<res>解决(?:方案|问题|故障|办法)?|排除(?:故障)?|故障排除|修复|修好|维修(?:完毕|完成|好)"
	  "|完成(?:服务|维修|处理|修复|时间|时限)|服务完成|处理(?:完毕|完成|好|结束|时限|时间)"
	  "|维修(?:周期|时间|时限)"
	  "|(?:解决|修复|恢复)(?:时间|时限)"
	  "|" EN_B "(?:resol(?:ve|ved|ves|ution)|fix(?:ed|es)?|repair(?:ed|s)?)" EN_E ")"
	  "|(?<rst>恢复(?:正常|运行|使用|服务|业务|系统|工作)?|" EN_B "restor(?:e|ed|es|ation)" EN_E ")"
	  "|(?<rpy>回复|答复|回电|反馈|" EN_B "(?:repl(?:y|ies|ied)|answer(?:ed|s)?)" EN_E ")"
	  "|(?<duty>回访|巡检|巡查|培训|保养|送达|送货|交货|供货|发货|安装|调试|验收|退货|换货|开具|付款|到货"
	  "|" EN_B "(?:deliver(?:y|ed)?|install(?:ed|ation)?|training|invoice)" EN_E ")" },
	{ XP_PLACE,
	  "市区|城区|主城区|本市|市内|本地|郊县|郊区|远郊|外地|省内|省外|县城|县区|乡镇|偏远|异地"
	  "|" EN_B "(?:urban|rural|remote (?:sites?|areas?|locations?)|metropolitan)" EN_E },
	{ XP_COND_AFTER,
	  "\\s*(?:之内|以内|内)?\\s*(?:的)?(?:仍然|仍|还|尚|都|依然|依旧)?\\s*"
	  "(?:无法|不能|未能|未|没有|没能|不可|难以)\\s*(?:被|得到|完全|彻底|远程)?[\\p{Han}]{0,4}?"
	  "(?:排除|修复|解决|恢复|修好|处理完|处理好)" },
	{ XP_COND_BEFORE,
	  "(?<zh>(?:无法|不能|未能|没有|没能|未)\\s*(?:在)?\\s*$)"
	  "|(?<en>" EN_B "(?:not|cannot be|can't be|isn't|is not|are not|aren't|be not)\\s+(?:be\\s+|been\\s+)?"
	  "(?:resolved|fixed|repaired|restored|cleared)\\s+(?:within|in)\\s*$)" },
	{ XP_RESOLVE_AFTER,
	  "\\s*(?:之内|以内|内)?\\s*(?:[\\p{Han}]{0,4}?)(?:排除|修复|解决|恢复|修好)" },
	{ XP_REPLY_CONTEXT,
	  "邮件|邮箱|" EN_B "e-?mails?" EN_E "|留言|反馈|投诉|意见|评价|信函|来函|函件|传真|短信|微信|" EN_B
	  "(?:feedback|complaints?|letters?)" EN_E },
	{ XP_SHARE,
	  "(?<avg>平均|" EN_B "(?:average|mean|mttr|mtta)" EN_E ")"
	  "|(?<share>[0-9０-９]+(?:[.．][0-9]+)?\\s*[%％]\\s*(?:以上)?\\s*(?:的|of))" },
	{ XP_OR, "^\\s*(?:或者|或是|或|" EN_B "or" EN_E "|/)" },
	{ XP_AND, "^\\s*(?:并且|并|和|及|以及|与|同时|且|" EN_B "and" EN_E ")" },
	{ XP_N, NULL },
};

/* What each group of XP_METRIC means. */
static const struct {
	const char *group;
	int metric;		/* a built-in or custom metric; -1: reply or response */
	unsigned flags;
} groups[] = {
	{ "wa", XM_WORKAROUND, 0 }, { "ans", XM_ANSWER, 0 }, { "rpl", XM_REPLACEMENT, 0 },
	{ "ons", XM_ONSITE, 0 }, { "rmt", XM_RESPONSE, XF_REMOTE }, { "rsp", XM_RESPONSE, 0 },
	{ "upd", XM_UPDATE, 0 }, { "rep", XM_REPORT, 0 }, { "res", XM_RESOLVE, 0 },
	{ "rst", XM_RESOLVE, XF_RESTORE }, { "rpy", -1, 0 }, { "duty", XM_NMETRICS, 0 },
};

/* One metric word found in a region. */
typedef struct word {
	int metric;
	unsigned flags;
	size_t b, e;
} word;

static bool
word_at(sla_extract *x, size_t sent, const char *s, size_t n, size_t at, size_t end, word *w)
{
	size_t b, e;
	if (!xfind(x->pats, x->m, XP_METRIC, s, end, at, false, &b, &e) || e == b)
		return false;
	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++) {
		size_t gb, ge;
		if (!xgroup(x->m, xgroup_number(x->pats, XP_METRIC, groups[i].group), &gb, &ge))
			continue;
		*w = (word){ groups[i].metric, groups[i].flags, b, e };
		if (w->metric < 0) {	/* 回复 with no request after it */
			size_t cb, ce;
			bool mail = xfind(x->pats, x->m, XP_REPLY_CONTEXT, s, n, 0, false, &cb, &ce);
			w->metric = mail ? XM_REPLY : XM_RESPONSE;
			w->flags = mail ? 0 : XF_REPLY_BARE;
		}
		(void)sent;
		return true;
	}
	return false;
}

/* Whether S[A..B) is a join of pattern ID ("或", "并") with at most a
 * few characters around it. */
static bool
joined(sla_extract *x, enum xpat_id id, const char *s, size_t a, size_t b)
{
	size_t mb, me;
	if (b < a || b - a > 18)
		return false;
	for (size_t at = a; at < b && at <= a + 9; at++) {
		if ((s[at] & 0xC0) == 0x80)
			continue;
		if (xfind(x->pats, x->m, id, s + at, b - at, 0, true, &mb, &me))
			return true;
	}
	return false;
}

static bool
builtin(int m)
{
	return m >= 0 && m < XM_NBUILTIN;
}

/* The hit of the words W[0..N) read from the time outwards (W[0] the
 * nearest): the first, with the others joined to it by 或 or 并. */
static void
make_hit(sla_extract *x, const char *s, const word *w, size_t n, bool backwards, xmetric_hit *hit)
{
	*hit = (xmetric_hit){ .custom = -1, .b = w[0].b, .e = w[0].e, .flags = w[0].flags };
	if (!builtin(w[0].metric)) {
		hit->custom = w[0].metric;
		return;
	}
	hit->stops = XM_BIT(w[0].metric);
	for (size_t i = 1; i < n && builtin(w[i].metric); i++) {
		size_t a = backwards ? w[i].e : w[i - 1].e, b = backwards ? w[i - 1].b : w[i].b;
		if (joined(x, XP_OR, s, a, b)) {
			hit->stops |= XM_BIT(w[i].metric);
		} else if (joined(x, XP_AND, s, a, b) && !(hit->stops & XM_BIT(w[i].metric))) {
			hit->stops |= XM_BIT(w[i].metric);
			hit->flags |= XF_AND;
		} else {
			break;
		}
		hit->flags |= w[i].flags;
	}
	/* a single bit when joined by 并: extract.c makes one commitment a bit */
	if ((hit->flags & XF_AND) && !(hit->stops & (hit->stops - 1)))
		hit->flags &= ~(unsigned)XF_AND;
}

/* The metric words of S[B..E), at most MAX; from the end when BACKWARDS
 * (W[0] then the last). */
static size_t
words_in(sla_extract *x, size_t sent, const char *s, size_t n, size_t b, size_t e, bool backwards,
	 word *w, size_t max)
{
	/* forwards: the first MAX; backwards: the last MAX, kept in a ring */
	word ring[4], one;
	size_t k = 0;
	if (max > 4)
		max = 4;
	for (size_t at = b; word_at(x, sent, s, n, at, e, &one); at = one.e) {
		ring[k % max] = one;
		k++;
		if (!backwards && k == max)
			break;
	}
	size_t out = k < max ? k : max;
	for (size_t i = 0; i < out; i++)
		w[i] = backwards ? ring[(k - 1 - i) % max] : ring[i];
	return out;
}

/* The metric of the words of S[B..E): 1 found, 0 none, -1 a duty that is
 * no metric (回访, 安装, delivery) stands nearest: the time is its. */
static int
region(sla_extract *x, size_t sent, const char *s, size_t n, size_t b, size_t e, bool backwards,
       xmetric_hit *hit)
{
	word w[4];
	size_t k = b < e ? words_in(x, sent, s, n, b, e, backwards, w, 4) : 0;
	if (k && w[0].metric == XM_NMETRICS)
		return -1;
	for (size_t i = 1; i < k; i++)
		if (w[i].metric == XM_NMETRICS)
			k = i;
	if (k)
		make_hit(x, s, w, k, backwards, hit);
	return k > 0;
}

/* Whether the metric word at S[E..] names a time ("响应时间", "到场时限"):
 * then it may stand far from the times it heads. */
static bool
names_a_time(const char *s, size_t n, size_t b, size_t e)
{
	static const char *const words[] = { "时间", "时限", "时长", "time" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t k = strlen(words[i]);
		if ((n - e >= k && memcmp(s + e, words[i], k) == 0) ||
		    (e - b > k && memcmp(s + e - k, words[i], k) == 0))
			return true;
	}
	return n - e >= 1 && (s[e] == ':' || (n - e >= 3 && memcmp(s + e, "：", 3) == 0));
}

bool
xmetric_find(sla_extract *x, size_t sent, const xdur *durs, size_t nd, size_t i, xmetric_hit *hit)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t n = st->n, cb, ce;
	const xdur *d = &durs[i];
	xsent_clause(s, n, d->b, &cb, &ce);
	size_t prev = i > 0 ? durs[i - 1].e : 0, next = i + 1 < nd ? durs[i + 1].b : n;
	size_t ab = d->e, ae = ce < next ? ce : next;
	size_t bb = cb > prev ? cb : prev, be = d->b;
	bool zh = st->han;
	int r = zh ? region(x, sent, s, n, ab, ae, false, hit) : region(x, sent, s, n, bb, be, true, hit);
	if (r == 0)
		r = zh ? region(x, sent, s, n, bb, be, true, hit) : region(x, sent, s, n, ab, ae, false, hit);
	if (r != 0)
		return r > 0;
	if (zh && ce < n && next > ce) {	/* "4小时内，派工程师到现场" */
		size_t nb = ce + (s[ce] == ',' || s[ce] == ';' ? 1 : 3), cb2, ne;
		if (nb < n) {
			xsent_clause(s, n, nb, &cb2, &ne);
			if (ne <= next && (r = region(x, sent, s, n, nb, ne, false, hit)) != 0)
				return r > 0;
		}
	}
	/* a heading earlier in the sentence ("响应时间：紧急1小时，一般4小时"):
	 * for a time that says it is a limit, or a word that names a time */
	if (region(x, sent, s, n, 0, d->b, true, hit) > 0 &&
	    ((d->flags & XF_WITHIN) || names_a_time(s, n, hit->b, hit->e))) {
		hit->flags |= XF_FAR_METRIC;
		return true;
	}
	return false;
}

bool
xmetric_place(sla_extract *x, size_t sent, const xdur *d)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t cb, ce, b, e;
	xsent_clause(s, st->n, d->b, &cb, &ce);
	return xfind(x->pats, x->m, XP_PLACE, s, ce, cb, false, &b, &e);
}

bool
xmetric_condition(sla_extract *x, size_t sent, const xdur *d)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e;
	if (xfind(x->pats, x->m, XP_COND_AFTER, s, st->n, d->e, true, &b, &e))
		return true;
	size_t from = d->b > 48 ? d->b - 48 : 0;
	while (from > 0 && (s[from] & 0xC0) == 0x80)
		from--;
	if (!xfind(x->pats, x->m, XP_COND_BEFORE, s, d->b, from, false, &b, &e))
		return false;
	if (xgroup(x->m, xgroup_number(x->pats, XP_COND_BEFORE, "en"), &b, &e))
		return true;
	return xfind(x->pats, x->m, XP_RESOLVE_AFTER, s, st->n, d->e, true, &b, &e);
}

bool
xmetric_of_sentence(sla_extract *x, size_t sent, xmetric_hit *hit)
{
	const xsent *st = &x->sents[sent];
	return region(x, sent, xsent_text(x, st), st->n, 0, st->n, false, hit) > 0;
}

unsigned
xmetric_share(sla_extract *x, size_t sent, const xdur *d)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t cb, ce, b, e;
	unsigned flags = 0;
	xsent_clause(s, st->n, d->b, &cb, &ce);
	for (size_t at = cb; xfind(x->pats, x->m, XP_SHARE, s, d->b, at, false, &b, &e) && e > b; at = e)
		flags |= xgroup(x->m, xgroup_number(x->pats, XP_SHARE, "avg"), &b, &e) ? XF_AVERAGE
										     : XF_SHARE;
	return flags;
}

size_t
xmetric_name(const xcommit *c, char *buf, size_t n)
{
	size_t o = 0;
	buf[0] = '\0';
	if (c->custom >= 0)
		return (size_t)snprintf(buf, n, "%s", xmetric_names[c->custom]);
	for (int k = 0; k < XM_NBUILTIN && o < n; k++)
		if (c->stops & XM_BIT(k))
			o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? "_or_" : "", xmetric_names[k]);
	return o;
}

bool
xmetric_has(sla_extract *x, size_t sent, int metric)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	word w;
	for (size_t at = 0; word_at(x, sent, s, st->n, at, st->n, &w); at = w.e)
		if (w.metric == metric)
			return true;
	return false;
}
