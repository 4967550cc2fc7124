/* tiers.c: tier labels -- the classes a letter sorts requests into (紧急 /
 * 一般 / 建议和需求, 重大 / 严重 / 一般故障, 一级 / 二级, P1, Critical,
 * 二次开发) -- and the tier names a draft gives them: urgent, high,
 * normal, low, development, the names of the embedded default policy.
 *
 * A label is a class word with what makes it one: a noun (紧急故障, 一般
 * 问题), a colon or bracket after it (紧急：, （一般）), a table cell of its
 * own, or 对于 before it.  So 紧急程度, 一般来说 and 严重影响 are no
 * labels, and 一般 in "一般在24小时内" (usually) is none either.  English
 * class words count before a colon or a noun (Critical:, High priority)
 * only; P1, Severity 2, Priority 3 always.
 *
 * Not here: the rules draft (draft_rules.c). */
#include <string.h>

#include "extract_int.h"

const char *const xtier_names[XT_NCLASSES] = { "urgent", "high", "normal", "low", "development" };

#define NOUN "(?:故障|问题|事件|事故|服务请求|请求|需求|工单|情况|级别|级|类|优先级|报修|维修|告警)"
#define CUE "(?=\\s*[:：)）】\\]]|\\s*$)"
#define EN_CUE "(?=\\s*(?:[:)\\]]|[-–]\\s|priority|severity|incidents?|issues?|faults?|requests?" \
	"|tickets?|problems?|cases?|level|calls?)|\\s*$)"
#define LEVEL(zh, ar, roman, letter, cls) \
	"(?:" zh "|" ar "|" roman ")\\s*级(?:" NOUN "|响应)?|(?:" letter ")\\s*(?:类|级)" NOUN "?" \
	"|(?<![a-z])(?:p" ar "|sev(?:erity)?[\\s-]?" ar "|priority[\\s-]?" ar "|level[\\s-]?" ar ")(?![a-z0-9])"

const xpat_src xtier_sources[] = {
	{ XP_TIER,
	  "(?<urgent>紧急(?:性)?(?:的)?" NOUN "|特急|特别紧急|重大" NOUN "|" LEVEL("一", "1", "Ⅰ", "A|甲", "")
	  "|(?<![a-z])(?:p0|sev(?:erity)?[\\s-]?0|priority[\\s-]?0)(?![a-z0-9])"
	  "|(?<![a-z])(?:critical|urgent|emergency)" EN_CUE "|紧急" CUE "|(?<=对于|对|凡)紧急)" },
	{ XP_TIER,
	  "|(?<high>严重" NOUN "|较大" NOUN "|" LEVEL("二", "2", "Ⅱ", "B|乙", "")
	  "|高(?:优先级|级别)" NOUN "?|(?<![a-z])(?:major|high)" EN_CUE "|严重" CUE
	  "|(?<![\\p{Han}])高(?![\\p{Han}]))"
	  "|(?<normal>一般(?:性)?(?:的)?" NOUN "|普通" NOUN "|" LEVEL("三", "3", "Ⅲ", "C|丙", "")
	  "|中(?:优先级|等级别)|(?<![a-z])(?:normal|medium|moderate|minor)" EN_CUE "|(?:一般|普通)" CUE
	  "|(?<![\\p{Han}])中(?![\\p{Han}]))" },
	{ XP_TIER,
	  "|(?<low>轻微" NOUN "?|次要" NOUN "|" LEVEL("四", "4", "Ⅳ", "D|丁", "")
	  "|低(?:优先级|级别)" NOUN "?|建议(?:和|与|及|或|、)需求|需求(?:和|与|及|或|、)建议"
	  "|(?:咨询|建议)(?:类|服务)?(?:问题|请求)?" CUE "|咨询类(?:问题|请求)?|建议类"
	  "|(?<![a-z])(?:low|suggestions?|feature requests?|enhancements?|questions?|inquir(?:y|ies))" EN_CUE
	  "|(?<![\\p{Han}])低(?![\\p{Han}]))"
	  "|(?<dev>二次开发|定制(?:化)?开发|新(?:功能)?需求|功能(?:开发|扩展)需求)" },
	{ XP_N, NULL },
};

static const char *const class_groups[XT_NCLASSES] = { "urgent", "high", "normal", "low", "dev" };

/* The class of the last XP_TIER match. */
static int
class_of(sla_extract *x)
{
	for (int k = 0; k < XT_NCLASSES; k++) {
		size_t b, e;
		if (xgroup(x->m, xgroup_number(x->pats, XP_TIER, class_groups[k]), &b, &e))
			return k;
	}
	return XT_ALL;
}

/* The last label of S[FLOOR..AT): its class, and its span. */
static int
last_label(sla_extract *x, const char *s, size_t floor, size_t at, size_t *lb, size_t *le)
{
	int cls = XT_ALL;
	for (size_t from = floor, b, e; xfind(x->pats, x->m, XP_TIER, s, at, from, false, &b, &e);
	     from = e) {
		if (e == b)
			break;
		cls = class_of(x);
		*lb = b;
		*le = e;
	}
	return cls;
}

int
xtier_before(sla_extract *x, size_t sent, size_t at, size_t floor)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b = 0, e = 0;
	int cls = last_label(x, s, floor, at, &b, &e);
	if (cls != XT_ALL && !xadd_label(x, cls, s + b, e - b, sent))
		return XT_ALL;
	return cls;
}

int
xtier_any(sla_extract *x, size_t sent)
{
	const xsent *st = &x->sents[sent];
	size_t b, e;
	if (!xfind(x->pats, x->m, XP_TIER, xsent_text(x, st), st->n, 0, false, &b, &e))
		return XT_ALL;
	return class_of(x);
}

int
xtier_heading(sla_extract *x, size_t sent)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e, skip = 0;
	if (st->n >= 6 && memcmp(s, "对于", 6) == 0)
		skip = 6;
	if (!xfind(x->pats, x->m, XP_TIER, s, st->n, skip, true, &b, &e))
		return XT_ALL;
	int cls = class_of(x);
	/* short, or ending its label with a colon: a heading, not a statement */
	size_t chars = 0;
	for (size_t i = 0; i < st->n; i++)
		chars += (s[i] & 0xC0) != 0x80;
	bool colon = (st->n >= 1 && s[st->n - 1] == ':') ||
		     (st->n >= 3 && memcmp(s + st->n - 3, "：", 3) == 0);
	if (chars > 24 && !colon)
		return XT_ALL;
	if (!xadd_label(x, cls, s + b, e - b, sent))
		return XT_ALL;
	return cls;
}
