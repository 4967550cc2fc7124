/* notes.c: what a draft keeps as comments -- exclusions (不可抗力, 人为
 * 损坏, 未按照使用说明操作: a ticket so caused takes an exclude reason),
 * 违约责任 clauses with the amounts they state (每超时1小时扣罚200元, 最高
 * 2000元, 月服务费的5%), and the commitments no policy key says (第一时间
 * 通知 when late).
 *
 * A heading (四、免责条款, 五、违约责任) makes every sentence under it one
 * of its kind until the next heading of its level; elsewhere the words of
 * the sentence decide.  Amounts become a suggested penalty rule in the
 * policy's own notation, to be placed by hand: which tier and metric a
 * letter's penalty is for is the reader's to decide. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "extract_int.h"
#include "xnumeral.h"

#define EN_B "(?<![a-z])"
#define EN_E "(?![a-z])"

const xpat_src xnotes_sources[] = {
	{ XP_EXCLUSION,
	  "不可抗力|自然灾害|地震|火灾|水灾|洪水|战争|罢工|政府行为|人为(?:原因|因素|损坏|破坏|故障)"
	  "|非(?:本公司|我方|乙方|我公司|供应商|卖方)(?:的)?原因"
	  "|(?:未|没有|不)按(?:照)?[\\p{Han}]{0,14}?(?:说明|规定|要求|规程|手册|指引)"
	  "|(?:使用|操作)不当|误操作|擅自(?:拆卸|改装|维修|修理|更改|拆装|移动)|意外(?:事故|损坏)|病毒"
	  "|第三方(?:原因|责任)"
	  "|" EN_B "(?:force majeure|acts? of god|misuse|negligence|unauthori[sz]ed (?:repair|modification|use)s?)" EN_E },
	{ XP_EXCLUSION_HEAD,
	  "免责|责任(?:限制|免除)|除外(?:责任|情况|条款)|不承担(?:任何)?(?:责任|义务)|不在[\\p{Han}]{0,6}?(?:范围|之列)"
	  "|" EN_B "(?:exclusions?|limitation of liability|not (?:be )?liable)" EN_E },
	{ XP_PENALTY,
	  "违约|罚款|罚金|扣罚|扣款|扣除|赔偿|赔付|违约金|处罚"
	  "|" EN_B "(?:penalt(?:y|ies)|service credits?|liquidated damages|credit of)" EN_E },
	{ XP_PENALTY_HEAD,
	  "违约责任|违约条款|处罚(?:办法|措施|条款)|考核(?:办法|标准)|" EN_B "(?:penalties|service credits)" EN_E },
	{ XP_AMOUNT,
	  "(?:人民币|RMB|CNY|¥|￥)?\\s*(?<amt>[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)\\s*(?<wan>万)?\\s*"
	  "(?:元|块|" EN_B "(?:yuan|rmb|cny)" EN_E ")"
	  "|(?:RMB|CNY|USD|EUR|¥|￥|\\$|€)\\s*(?<amt2>[0-9][0-9,]*(?:\\.[0-9]+)?)"
	  "|(?<pct>[0-9０-９]+(?:[.．][0-9]+)?)\\s*[%％]|百分之(?<pctzh>[零一二两三四五六七八九十百]+)" },
	{ XP_RATE,
	  "每(?:超时|延迟|延误|逾期|超过|超出|晚|推迟)?\\s*(?<n>[0-9０-９]+|[一二两三四五六七八九十半])?\\s*(?:个)?\\s*"
	  "(?<u>小时|天|日|分钟|工作日|次)"
	  "|" EN_B "(?:per|each|for every)\\s+(?:(?<en>[0-9]+)\\s+)?(?<eu>hour|day|minute|breach|incident)s?" EN_E },
	{ XP_MAXWORD,
	  "(?:最高|最多|上限|封顶|累计不超过|累计最高|不超过|总额不超过)\\s*(?:为|是|:|：)?\\s*(?:合同|月|年)?[\\p{Han}]{0,6}?$"
	  "|" EN_B "(?:max(?:imum)?|up to|capped at|cap of|not (?:to )?exceed|no more than)(?: of)?\\s*(?:the )?[a-z ]{0,12}$" },
	{ XP_LATE_NOTICE,
	  "(?:逾期|延误|延迟|超时|无法按时|不能按时|未能按时|不能及时|无法及时|如需更长时间|需要更长时间)"
	  "[^。]{0,24}?(?:通知|告知|沟通|说明|报告|同意)|第一时间(?:通知|告知)" },
	{ XP_BELOW, "(?:低于|不足|少于|未达到?|未满|" EN_B "(?:below|less than|under)" EN_E ")\\s*$" },
	{ XP_SIGNATURE,
	  "盖章|签字|签章|公章|承诺单位|承诺人|法定代表人|授权代表|此致|敬礼"
	  "|" EN_B "(?:signature|signed|yours sincerely|yours faithfully)" EN_E },
	{ XP_AVAILABILITY,
	  "(?:可用率|可用性|在线率|完好率|开机率|正常运行时间|" EN_B "(?:availability|uptime)" EN_E ")"
	  "[^。;；]{0,16}?[0-9０-９]+(?:[.．][0-9]+)?\\s*[%％]" },
	{ XP_N, NULL },
};

int
xnotes_section(sla_extract *x, size_t sent)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e, chars = 0;
	for (size_t i = 0; i < st->n; i++)
		chars += (s[i] & 0xC0) != 0x80;
	bool colon = (st->n >= 1 && s[st->n - 1] == ':') ||
		     (st->n >= 3 && memcmp(s + st->n - 3, "：", 3) == 0);
	bool heading = chars <= 16 || colon;
	if (!heading)
		return -1;
	if (xfind(x->pats, x->m, XP_PENALTY_HEAD, s, st->n, 0, false, &b, &e))
		return XN_PENALTY;
	if (xfind(x->pats, x->m, XP_EXCLUSION_HEAD, s, st->n, 0, false, &b, &e))
		return XN_EXCLUSION;
	return -1;
}

/* A value of the policy notation for the amount group of the last
 * XP_AMOUNT match: "200", "20000", or -1 when unreadable. */
static int64_t
amount(sla_extract *x, const char *s, bool *pct)
{
	size_t b, e;
	int64_t v = -1;
	char digits[32];
	*pct = false;
	if (xgroup(x->m, xgroup_number(x->pats, XP_AMOUNT, "pct"), &b, &e) ||
	    xgroup(x->m, xgroup_number(x->pats, XP_AMOUNT, "pctzh"), &b, &e)) {
		*pct = true;
	} else if (!xgroup(x->m, xgroup_number(x->pats, XP_AMOUNT, "amt"), &b, &e) &&
		   !xgroup(x->m, xgroup_number(x->pats, XP_AMOUNT, "amt2"), &b, &e)) {
		return -1;
	}
	size_t o = 0;	/* the number without its thousands separators */
	for (size_t i = b; i < e && o + 4 < sizeof digits;) {
		if (s[i] == ',') {
			i++;
		} else if (e - i >= 3 && memcmp(s + i, "，", 3) == 0) {
			i += 3;
		} else {
			digits[o++] = s[i++];
		}
	}
	digits[o] = '\0';
	if (!xnum_read(digits, o, &v))
		return -1;
	size_t wb, we;
	if (xgroup(x->m, xgroup_number(x->pats, XP_AMOUNT, "wan"), &wb, &we))
		v *= 10000;
	return v;
}

/* Append the policy notation of MILLI (thousandths) to BUF at *O. */
static void
put_number(char *buf, size_t n, size_t *o, int64_t milli)
{
	if (*o >= n)
		return;
	if (milli % 1000 == 0)
		*o += (size_t)snprintf(buf + *o, n - *o, "%lld", (long long)(milli / 1000));
	else
		*o += (size_t)snprintf(buf + *o, n - *o, "%lld.%02lld", (long long)(milli / 1000),
				       (long long)(milli % 1000 / 10));
}

/* The unit of the rate before AT, "h" or "d" (or "" for 每次), or NULL. */
static const char *
rate_before(sla_extract *x, const char *s, size_t from, size_t at)
{
	size_t b, e, last_b = SIZE_MAX;
	const char *unit = NULL;
	for (size_t f = from; xfind(x->pats, x->m, XP_RATE, s, at, f, false, &b, &e) && e > b; f = e) {
		size_t ub, ue;
		last_b = b;
		unit = "";
		if (xgroup(x->m, xgroup_number(x->pats, XP_RATE, "u"), &ub, &ue) ||
		    xgroup(x->m, xgroup_number(x->pats, XP_RATE, "eu"), &ub, &ue)) {
			if (memcmp(s + ub, "小时", 6) == 0 || (s[ub] | 0x20) == 'h')
				unit = "h";
			else if (memcmp(s + ub, "天", 3) == 0 || memcmp(s + ub, "日", 3) == 0 ||
				 (s[ub] | 0x20) == 'd')
				unit = "d";
			else if (memcmp(s + ub, "分钟", 6) == 0 || (s[ub] | 0x20) == 'm')
				unit = "m";
			else if (memcmp(s + ub, "工作日", 9) == 0)
				unit = "d";
		}
	}
	return last_b == SIZE_MAX ? NULL : unit;
}

/* A penalty rule of the amounts of S, in the policy's notation, in WHY. */
static void
suggest(sla_extract *x, const char *s, size_t n, char *why, size_t wn)
{
	char rule[96] = "", cap[48] = "", credit[48] = "";
	size_t o = 0, last = 0, b, e;
	bool any = false, has_fixed = false, has_rate = false, has_max = false;
	int64_t threshold = 0;
	for (size_t at = 0; xfind(x->pats, x->m, XP_AMOUNT, s, n, at, false, &b, &e) && e > b; at = e) {
		bool pct;
		int64_t v = amount(x, s, &pct);
		size_t mb, me, from = b > 30 ? b - 30 : 0;
		while (from > 0 && (s[from] & 0xC0) == 0x80)
			from--;
		if (v <= 0)
			continue;
		bool max = xfind(x->pats, x->m, XP_MAXWORD, s, b, from, false, &mb, &me);
		if (pct) {
			/* "可用率低于99%的，扣除服务费的5%": a band, then its credit */
			if (xfind(x->pats, x->m, XP_BELOW, s, b, from, false, &mb, &me))
				threshold = v;
			else if (!cap[0] && max)
				snprintf(cap, sizeof cap, "cap = %lld%%", (long long)(v / 1000));
			else if (!credit[0] && threshold > 0)
				snprintf(credit, sizeof credit, "credits = %lld%%:%lld%%",
					 (long long)(threshold / 1000), (long long)(v / 1000));
			else if (!credit[0])
				snprintf(credit, sizeof credit, "credits = ?%%:%lld%%", (long long)(v / 1000));
			continue;
		}
		const char *unit = rate_before(x, s, last, b);
		if (max && any && !has_max) {
			if (o < sizeof rule)
				o += (size_t)snprintf(rule + o, sizeof rule - o, " max ");
			put_number(rule, sizeof rule, &o, v);
			has_max = true;
		} else if (max && !any) {
			snprintf(cap, sizeof cap, "cap = ");
			size_t co = strlen(cap);
			put_number(cap, sizeof cap, &co, v);
		} else if (unit && unit[0] && !has_rate && !has_max) {
			if (any && o < sizeof rule)
				o += (size_t)snprintf(rule + o, sizeof rule - o, " + ");
			put_number(rule, sizeof rule, &o, v);
			if (o < sizeof rule)
				o += (size_t)snprintf(rule + o, sizeof rule - o, "/%s", unit);
			has_rate = any = true;
		} else if (!has_fixed && !has_rate && !has_max) {
			put_number(rule, sizeof rule, &o, v);
			has_fixed = any = true;
		}
		last = e;
	}
	size_t o2 = 0;
	why[0] = '\0';
	if (rule[0])
		o2 += (size_t)snprintf(why, wn, "penalty = %s", rule);
	if (credit[0] && o2 < wn)
		o2 += (size_t)snprintf(why + o2, wn - o2, "%s%s", o2 ? "; " : "", credit);
	if (cap[0] && o2 < wn)
		snprintf(why + o2, wn - o2, "%s%s", o2 ? "; " : "", cap);
}

void
xnotes_sentence(sla_extract *x, size_t sent, int section)
{
	const xsent *st = &x->sents[sent];
	const char *s = xsent_text(x, st);
	size_t b, e;
	if (st->n == 0 || xnotes_section(x, sent) >= 0 ||
	    xfind(x->pats, x->m, XP_SIGNATURE, s, st->n, 0, false, &b, &e))
		return;	/* a heading (its items are the notes), a signature */
	/* under a heading, a numbered item is one of its kind; prose is when
	 * its words say so */
	bool item = st->level != XL_NONE || st->col >= 0;
	bool excl = xfind(x->pats, x->m, XP_EXCLUSION, s, st->n, 0, false, &b, &e) ||
		    xfind(x->pats, x->m, XP_EXCLUSION_HEAD, s, st->n, 0, false, &b, &e);
	bool pen = xfind(x->pats, x->m, XP_PENALTY, s, st->n, 0, false, &b, &e);
	if (excl || (section == XN_EXCLUSION && item))
		xnote_add(x, XN_EXCLUSION, sent, NULL);
	if (pen || (section == XN_PENALTY && item)) {
		char why[160] = "";
		suggest(x, s, st->n, why, sizeof why);
		xnote_add(x, XN_PENALTY, sent, "%s", why);
	}
	if (xfind(x->pats, x->m, XP_AVAILABILITY, s, st->n, 0, false, &b, &e) && section != XN_PENALTY)
		xnote_add(x, XN_NOT_EXPRESSED, sent,
			  "an availability figure: sla-report's compliance, not a time limit");
	if (xfind(x->pats, x->m, XP_LATE_NOTICE, s, st->n, 0, false, &b, &e))
		xnote_add(x, XN_NOT_EXPRESSED, sent, "a notice when a commitment cannot be kept in time");
}
