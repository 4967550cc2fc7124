/* draft_rules.c: the rules draft (sla-rules(5)) beside a policy draft: one
 * rule a tier the letter labels, matching the class words of its labels
 * (紧急故障 gives 紧急, 建议和需求 gives 建议 and 需求) in the fields where a
 * helpdesk records a class -- priority, severity, category.  The tier of
 * the requests the letter gives no tier is the policy's default_tier, so
 * it needs no rule.  The letter's words are a start: a helpdesk spells its
 * classes its own way, and says so in the review comment. */
#include <stdio.h>
#include <string.h>

#include "draft_model.h"

/* Nouns after a class word, which a priority field leaves out. */
static const char *const nouns[] = {
	"服务请求", "请求", "故障", "问题", "事件", "事故", "需求", "工单", "情况", "级别",
	"优先级", "报修", "维修", "告警", "类", "性", "的",
};

static bool
ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n > k && memcmp(s + n - k, w, k) == 0;
}

/* Append the stem S[0..N) to BUF (at *O) unless it is there, as a PCRE2
 * alternative: metacharacters escaped, ASCII words matched whole and in
 * any case. */
static void
add_stem(char *buf, size_t cap, size_t *o, const char *s, size_t n)
{
	char alt[160];
	size_t k = 0;
	bool ascii = true;
	for (size_t i = 0; i < n; i++)
		ascii &= (unsigned char)s[i] < 0x80;
	if (ascii)
		k += (size_t)snprintf(alt, sizeof alt, "(?i:(?<![a-z0-9])");
	for (size_t i = 0; i < n && k + 4 < sizeof alt; i++) {
		if (strchr("\\^$.|?*+()[]{}#", s[i]))
			alt[k++] = '\\';
		alt[k++] = s[i] == ' ' ? '\\' : s[i];
		if (s[i] == ' ')
			alt[k++] = 's';
	}
	if (ascii && k + 16 < sizeof alt)
		k += (size_t)snprintf(alt + k, sizeof alt - k, "(?![a-z0-9]))");
	alt[k] = '\0';
	size_t start = 0;
	for (size_t i = 0; i <= *o; i++)	/* already an alternative? */
		if (i == *o || buf[i] == '|') {
			if (i - start == k && memcmp(buf + start, alt, k) == 0)
				return;
			start = i + 1;
		}
	if (*o + k + 2 < cap)
		*o += (size_t)snprintf(buf + *o, cap - *o, "%s%s", *o ? "|" : "", alt);
}

/* The stems of a label: its class words without their nouns, split at
 * 和 与 及 或 、. */
static void
stems(const char *word, char *buf, size_t cap, size_t *o)
{
	static const char *const joins[] = { "和", "与", "及", "或", "、" };
	static const char *const prefixes[] = { "对于", "电话", "在线", "技术", "业务", "优先级" };
	const char *s = word;
	size_t n = strlen(word);
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
		size_t l = strlen(prefixes[k]);
		if (n > l && memcmp(s, prefixes[k], l) == 0) {
			s += l;
			n -= l;
			while (n > 0 && (*s == ' ' || *s == ':'))
				s++, n--;
			if (n >= 3 && (memcmp(s, "为", 3) == 0 || memcmp(s, "：", 3) == 0))
				s += 3, n -= 3;
		}
	}
	for (size_t j = 0; j < sizeof joins / sizeof *joins; j++)
		for (size_t i = 0; i + 3 <= n; i++)
			if (memcmp(s + i, joins[j], 3) == 0 && i > 0) {
				stems(word + (s - word) + i + 3, buf, cap, o);
				n = i;
				break;
			}
	for (bool cut = true; cut;) {
		cut = false;
		for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++)
			if (ends_with(s, n, nouns[k])) {
				n -= strlen(nouns[k]);
				cut = true;
			}
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	if (n > 0)
		add_stem(buf, cap, o, s, n);
}

int
sla_extract_write_rules(const sla_extract *x, FILE *f)
{
	draft_model dm;
	draft_model_build(&dm, x);
	fprintf(f, "# Rules draft (sla-rules(5)) written by sla-extract from\n#   %s:\n"
		   "# the tiers of the letter's labels, for sla-classify --rules.  review:\n"
		   "# the patterns are the letter's words; add the spellings your helpdesk\n"
		   "# records, and run the embedded rules after these for the descriptions\n"
		   "# (sla-classify --print-rules).\n",
		x->nfiles ? x->files[0] : "<stdin>");
	size_t written = 0;
	for (size_t t = 0; t < dm.ntiers; t++) {
		const dm_tier *tier = &dm.tiers[t];
		if (!tier->labelled || !tier->ntargets)
			continue;
		char pattern[1024];
		size_t o = 0;
		pattern[0] = '\0';
		for (size_t i = 0; i < x->nlabels; i++)
			if (x->labels[i].tier == tier->cls)
				stems(x->labels[i].word, pattern, sizeof pattern, &o);
		if (!o)
			continue;
		if (!written++)
			fprintf(f, "# tier        fields                    pattern\n");
		fprintf(f, "%-12s  priority,severity,category  %s\n", xtier_name(x, tier->cls), pattern);
	}
	for (size_t t = 0; t < dm.ntiers; t++) {
		const dm_tier *tier = &dm.tiers[t];
		char pattern[2048];
		size_t o = 0;
		pattern[0] = '\0';
		for (size_t i = 0; i < x->ndefs; i++)
			if (x->defs[i].tier == tier->cls && tier->ntargets)
				add_stem(pattern, sizeof pattern, &o,
					 xsent_text(x, &x->sents[x->defs[i].sent]) + x->defs[i].b,
					 x->defs[i].e - x->defs[i].b);
		if (!o)
			continue;
		if (!written++)
			fprintf(f, "# tier        fields                    pattern\n");
		fprintf(f, "# %s as the letter defines it\n%-12s  description                 %s\n",
			xtier_name(x, tier->cls), xtier_name(x, tier->cls), pattern);
	}
	for (size_t t = 0; t < dm.ntiers; t++)
		if (dm.tiers[t].rest && dm.tiers[t].ntargets)
			fprintf(f, "# %s: a ticket no rule matches (default_tier of the policy draft)\n",
				xtier_name(x, dm.tiers[t].cls));
	if (!written)
		fprintf(f, "# The letter labels no tiers: no rule is needed.\n");
	return ferror(f) ? -1 : 0;
}
