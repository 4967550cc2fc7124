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
#include "sla_mem.h"

static const char *const builtin_names[XT_NCLASSES] = {
	"urgent", "high", "normal", "low", "development",
};

const char *
xtier_name(const sla_extract *x, int cls)
{
	if (cls >= 0 && cls < XT_NCLASSES)
		return builtin_names[cls];
	if (cls >= XT_NCLASSES && (size_t)(cls - XT_NCLASSES) < x->nclasses)
		return x->classes[cls - XT_NCLASSES].name;
	return "*";
}

#define NOUN "(?:故障|问题|事件|事故|服务请求|请求|需求|工单|情况|级别|级|类|优先级|报修|维修|告警)"
#define CUE "(?=\\s*[:：)）】\\]]|\\s*$)"
#define EN_CUE "(?=\\s*(?:[:)\\]]|[-–]\\s|priority|severity|incidents?|issues?|faults?|requests?" \
	"|tickets?|problems?|cases?|level|calls?)|\\s*$)"
#define LEVEL(zh, ar, roman, letter, cls) \
	"(?:" zh "|" ar "|" roman ")\\s*级(?:" NOUN "|响应)?|(?:" letter ")\\s*(?:类|级)" NOUN "?" \
	"|优先级\\s*(?:为|:|：)?\\s*(?:" zh "|" ar ")(?![0-9])" \
	"|(?<![a-z])(?:p" ar "|sev(?:erity)?[\\s-]?" ar "|priority[\\s-]?" ar "|level[\\s-]?" ar ")(?![a-z0-9])" \
	"|(?<![a-z])s" ar "(?=\\s*[:)(\\-–]|\\s+(?:incidents?|issues?|tickets?|faults?))"

const xpat_src xtier_sources[] = {
	{ XP_TIER,
	  "(?<urgent>紧急(?:性)?(?:的)?" NOUN "|特急|特别紧急|重大" NOUN "|" LEVEL("一", "1", "Ⅰ", "A|甲", "")
	  "|(?<![a-z])(?:p0|sev(?:erity)?[\\s-]?0|priority[\\s-]?0)(?![a-z0-9])"
	  "|(?<![a-z])(?:critical|urgent|emergency)" EN_CUE "|紧急" CUE "|(?<=对于|对|凡)紧急)" },
	{ XP_TIER,
	  "|(?<high>严重" NOUN "|较大" NOUN "|" LEVEL("二", "2", "Ⅱ", "B|乙", "")
	  "|高(?:优先级|级别)" NOUN "?|优先级\\s*(?:为|:|：)?\\s*高|(?<![a-z])(?:major|high)" EN_CUE "|严重" CUE
	  "|(?<![\\p{Han}])高(?![\\p{Han}]))"
	  "|(?<normal>一般(?:性)?(?:的)?" NOUN "|普通" NOUN "|" LEVEL("三", "3", "Ⅲ", "C|丙", "")
	  "|中(?:优先级|等级别)|优先级\\s*(?:为|:|：)?\\s*中|(?<![a-z])(?:normal|medium|moderate|minor)" EN_CUE "|(?:一般|普通)" CUE
	  "|(?<![\\p{Han}])中(?![\\p{Han}]))" },
	{ XP_TIER,
	  "|(?<low>轻微" NOUN "?|次要" NOUN "|" LEVEL("四", "4", "Ⅳ", "D|丁", "")
	  "|低(?:优先级|级别)" NOUN "?|优先级\\s*(?:为|:|：)?\\s*低|建议(?:和|与|及|或|、)需求|需求(?:和|与|及|或|、)建议"
	  "|(?:咨询|建议)(?:类|服务)?(?:问题|请求)?" CUE "|咨询类(?:问题|请求)?|建议类"
	  "|(?<=对于|对)(?:电话|在线|技术|业务|一般)?咨询(?:类|服务)?(?:问题|请求)?"
	  "|(?<![a-z])(?:low|suggestions?|feature requests?|enhancements?|questions?|inquir(?:y|ies))" EN_CUE
	  "|(?<![\\p{Han}])低(?![\\p{Han}]))"
	  "|(?<dev>二次开发|定制(?:化)?开发|新(?:功能)?需求|功能(?:开发|扩展)需求)" },
	{ XP_CLASS_PHRASE,
	  "(?:对于|凡是|凡|对)?\\s*(?<p>[\\p{Han}]{2,4}?)(?<n>故障|问题|事件|需求|请求|类)"
	  "(?=\\s*(?:[:：，,]|[0-9０-９]|不超过|不得超过|在|于|须|应|将|要|[一二两三四五六七八九十半]))" },
	{ XP_GENERIC,
	  "所有|一切|任何|全部|各类|各种|各项|此类|该类|上述|以上|以下|同类|相关|常见|设备|系统|用户|客户"
	  "|报修|产品|发生|出现|遇到|产生|造成|导致|接到|收到|提出|提交|属于|如果|若是|一旦|如遇|其他|其它|其余"
	  "|重复|同一|个别|少数|多数|大部分|涉及|影响|严重性|本项目|本系统|服务|技术|软硬件" },
	{ XP_LABEL_LINE, "\\s*(?:[(（][^)）]{0,60}[)）])?\\s*[:：]" },
	{ XP_DEFINITION_HEAD,
	  "[\\s(（:：]*(?:是指|系指|主要指|指的是|指|即|包括|表现为|定义为|如)\\s*[:：]?\\s*" },
	{ XP_DEFINITION,
	  "^\\s*(?:故障)?(?:定义|说明|描述|现象|表现|影响(?:范围)?|范围|判定标准|"
	  "(?<![a-z])(?:description|definition|impact)(?![a-z]))" },
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

/* Note every label of class CLS in S[FROM..AT) ("P1 (Critical)": both
 * spellings go into the rules draft). */
static bool
note_labels(sla_extract *x, size_t sent, const char *s, size_t from, size_t at, int cls)
{
	for (size_t b, e; xfind(x->pats, x->m, XP_TIER, s, at, from, false, &b, &e) && e > b; from = e)
		if (class_of(x) == cls && !xadd_label(x, cls, s + b, e - b, sent))
			return false;
	return true;
}

/* A label of the part of the time (between semicolons), or else the one
 * the sentence opens with before a colon: "一级故障：15分钟内响应；2小时内
 * 到达现场", but not "一般故障4小时内排除；若不能修复，48小时内提供备机". */
int
xtier_before(sla_extract *x, size_t sent, size_t at, size_t floor)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b = 0, e = 0, pb, pe;
	xsent_part(s, st->n, at < st->n ? at : st->n, &pb, &pe);
	if (pb < floor)
		pb = floor;
	size_t cb, ce;
	xsent_clause(s, st->n, at < st->n ? at : st->n, &cb, &ce);
	if (cb < pb)
		cb = pb;
	int cls = last_label(x, s, cb, at, &b, &e);
	if (cls == XT_ALL && (cls = xtier_own_class(x, sent, cb, at)) != XT_ALL)
		return cls;
	if (cls == XT_ALL)
		cls = last_label(x, s, pb, at, &b, &e);
	size_t from = pb;
	size_t lb, le;
	if (cls == XT_ALL && pb > floor) {
		size_t skip = st->n >= 6 && memcmp(s, "对于", 6) == 0 ? 6 : 0;
		if (xfind(x->pats, x->m, XP_TIER, s, st->n, skip, true, &b, &e) && e <= at &&
		    (cls = class_of(x)) != XT_ALL &&
		    xfind(x->pats, x->m, XP_LABEL_LINE, s, st->n, e, true, &lb, &le)) {
			from = b;
			at = e;
		} else {
			cls = XT_ALL;
		}
	}
	if (cls != XT_ALL && !note_labels(x, sent, s, from, at, cls))
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

size_t
xtier_all(sla_extract *x, size_t sent, size_t b, size_t e, int *classes, size_t max, bool note)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t k = 0, mb, me;
	for (size_t from = b; k < max && xfind(x->pats, x->m, XP_TIER, s, e, from, false, &mb, &me);
	     from = me) {
		if (me == mb)
			break;
		int cls = class_of(x);
		bool seen = false;
		for (size_t i = 0; i < k; i++)
			seen |= classes[i] == cls;
		if (!seen && (!note || xadd_label(x, cls, s + mb, me - mb, sent)))
			classes[k++] = cls;
	}
	return k;
}

int
xtier_line_label(sla_extract *x, size_t sent, size_t *end)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e, cb, ce, skip = st->n >= 6 && memcmp(s, "对于", 6) == 0 ? 6 : 0;
	if (!xfind(x->pats, x->m, XP_TIER, s, st->n, skip, true, &b, &e))
		return XT_ALL;
	int cls = class_of(x);
	if (!xfind(x->pats, x->m, XP_LABEL_LINE, s, st->n, e, true, &cb, &ce) ||
	    !xadd_label(x, cls, s + b, e - b, sent))
		return XT_ALL;
	*end = e;
	return cls;
}

/* Append the definition phrase S[B..E) of class CLS, trimmed. */
static void
add_phrase(sla_extract *x, int cls, size_t sent, const char *s, size_t b, size_t e)
{
	while (b < e && (s[b] == ' ' || s[b] == '"'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '"'))
		e--;
	size_t chars = 0;
	for (size_t i = b; i < e; i++)
		chars += (s[i] & 0xC0) != 0x80;
	if (chars < 2 || chars > 16)
		return;
	xdef d = { .tier = cls, .sent = sent, .b = b, .e = e };
	if (x->ndefs >= XDEFS_MAX)
		return;
	for (size_t i = 0; i < x->ndefs; i++) {
		const xdef *o = &x->defs[i];
		if (o->tier == cls && o->e - o->b == e - b &&
		    memcmp(xsent_text(x, &x->sents[o->sent]) + o->b, s + b, e - b) == 0)
			return;
	}
	if (!sla_grow((void **)&x->defs, &x->capdefs, x->ndefs + 1, sizeof d)) {
		x->oom = true;
		return;
	}
	x->defs[x->ndefs++] = d;
}

/* Whether S[I..] starts a word that ends a definition. */
static size_t
definition_end(const char *s, size_t n, size_t i)
{
	static const char *const ends[] = { "的故障", "的问题", "的事件", "的情况", "等情况", "等故障",
					    "等", "）", ")", "。", "；", ";" };
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t l = strlen(ends[k]);
		if (n - i >= l && memcmp(s + i, ends[k], l) == 0)
			return l;
	}
	return 0;
}

void
xtier_definition(sla_extract *x, size_t sent, int cls, size_t from, bool cell)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e;
	if (xfind(x->pats, x->m, XP_DEFINITION_HEAD, s, st->n, from, true, &b, &e))
		from = e;
	else if (!cell)
		return;	/* a label line that defines nothing */
	size_t start = from, i = from;
	while (i < st->n && !definition_end(s, st->n, i)) {
		size_t k = 0;
		if (s[i] == ',' || s[i] == '/')
			k = 1;
		else if (st->n - i >= 3 && (memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "、", 3) == 0 ||
					    memcmp(s + i, "或", 3) == 0))
			k = 3;
		if (k) {
			add_phrase(x, cls, sent, s, start, i);
			start = i + k;
		}
		i += k ? k : 1;
	}
	add_phrase(x, cls, sent, s, start, i);
}

bool
xtier_definition_column(sla_extract *x, size_t header)
{
	const xsent *st = &x->sents[header];
	size_t b, e;
	return xfind(x->pats, x->m, XP_DEFINITION, xsent_text(x, st), st->n, 0, true, &b, &e);
}

/* The letter's own class at the start of the clause [CB, CE) of S, e.g.
 * "疑难故障不超过3个工作日": a new class (or one met before), or XT_ALL
 * for a general word (所有故障, 设备故障, 其他问题). */
int
xtier_own_class(sla_extract *x, size_t sent, size_t cb, size_t at)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e, pb, pe, gb, ge, mb, me;
	if (!xfind(x->pats, x->m, XP_CLASS_PHRASE, s, st->n, cb, true, &b, &e) || e > at ||
	    !xgroup(x->m, xgroup_number(x->pats, XP_CLASS_PHRASE, "p"), &pb, &pe))
		return XT_ALL;
	size_t nb, ne;
	xgroup(x->m, xgroup_number(x->pats, XP_CLASS_PHRASE, "n"), &nb, &ne);
	if (xfind(x->pats, x->m, XP_GENERIC, s, pe, pb, false, &gb, &ge) ||
	    xfind(x->pats, x->m, XP_METRIC, s, pe, pb, false, &mb, &me) ||
	    xfind(x->pats, x->m, XP_TIER, s, ne, pb, false, &mb, &me))
		return XT_ALL;
	size_t n = ne - pb;
	for (size_t i = 0; i < x->nclasses; i++)
		if (strlen(x->classes[i].name) == n && memcmp(x->classes[i].name, s + pb, n) == 0)
			return (int)(XT_NCLASSES + i);
	if (x->nclasses == XT_MAX_CLASSES - XT_NCLASSES || n >= sizeof x->classes[0].name)
		return XT_ALL;
	xclass *c = &x->classes[x->nclasses];
	memcpy(c->name, s + pb, n);
	c->name[n] = '\0';
	c->stem = pe - pb;
	int cls = (int)(XT_NCLASSES + x->nclasses++);
	return xadd_label(x, cls, s + pb, n, sent) ? cls : XT_ALL;
}
