/* aliases.c: the header alias table (sla-parse(1) lists it).
 *
 * Order matters: when an export has two columns that mean one canonical
 * column (Jira's "Issue key" and "Issue id"), the one listed first wins and
 * the other passes through unmapped.
 *
 * The names are the products' own (their CSV and Excel exports, their
 * language files), and a name goes in only when it means the column in
 * every export that has it.  Left out on purpose, as they hold something
 * else under a name that looks right: durations (Freshdesk's "First
 * response time (in hrs)", Zendesk's "First reply time in minutes",
 * Zammad's "First Response In Min", ServiceNow's "Resolve time"), due
 * times (Zammad's "First Response Escalation At", GLPI's "Time to own"
 * and "Time to resolve", Freshdesk's "Due by Time"), Jira Service
 * Management's SLA cells ("Custom field (Time to first response)" holds
 * "-2h 5m" or "Completed"), and words of more than one meaning (响应时间
 * is kept, but 开始时间, 处理时间, 已解决 are not).  No name is in the
 * table twice (tests/unit/input/test_aliases.c checks it). */
#include <stdbool.h>
#include <string.h>

#include "sla_aliases.h"

typedef struct alias {
	enum sla_canon col;
	const char *name;
	const char *source;
} alias;

static const alias table[] = {
	{ SLA_COL_ID, "Issue key", "Jira" },
	{ SLA_COL_ID, "Number", "ServiceNow, Zammad" },
	{ SLA_COL_ID, "Ticket ID", "Freshdesk, Zendesk Explore" },
	{ SLA_COL_ID, "Ticket#", "OTRS/Znuny" },
	{ SLA_COL_ID, "TicketNumber", "OTRS/Znuny" },
	{ SLA_COL_ID, "Ticket Number", "generic" },
	{ SLA_COL_ID, "工单编号", "Chinese sheets" },
	{ SLA_COL_ID, "工单号", "Chinese sheets" },
	{ SLA_COL_ID, "编号", "ZenTao" },
	{ SLA_COL_ID, "Bug编号", "ZenTao" },
	{ SLA_COL_ID, "单号", "Chinese sheets" },
	{ SLA_COL_ID, "报修单号", "Chinese sheets" },
	{ SLA_COL_ID, "Vorgangsschlüssel", "Jira (de)" },
	{ SLA_COL_ID, "Vorgang", "Jira (de), German sheets" },
	{ SLA_COL_ID, "Issue id", "Jira" },
	{ SLA_COL_ID, "Case Number", "Salesforce" },
	{ SLA_COL_ID, "Schlüssel", "Jira (de)" },
	{ SLA_COL_ID, "工單編號", "Chinese sheets (zh-TW)" },
	{ SLA_COL_ID, "案件編號", "Chinese sheets (zh-TW)" },
	{ SLA_COL_ID, "單號", "Chinese sheets (zh-TW)" },
	{ SLA_COL_ID, "流程编号", "致远/泛微 OA" },
	{ SLA_COL_ID, "单据编号", "致远/泛微 OA" },
	{ SLA_COL_ID, "Ticket", "generic, European sheets" },
	{ SLA_COL_ID, "Key", "generic" },

	{ SLA_COL_OPENED, "Created", "Jira, OTRS/Znuny" },
	{ SLA_COL_OPENED, "Opened", "ServiceNow" },
	{ SLA_COL_OPENED, "opened_at", "ServiceNow" },
	{ SLA_COL_OPENED, "Created at", "Zendesk, Zammad" },
	{ SLA_COL_OPENED, "Created time", "Freshdesk" },
	{ SLA_COL_OPENED, "Opening date", "GLPI" },
	{ SLA_COL_OPENED, "Date d'ouverture", "GLPI (fr)" },
	{ SLA_COL_OPENED, "Ticket created - Timestamp", "Zendesk Explore" },
	{ SLA_COL_OPENED, "Erstellt", "Jira (de)" },
	{ SLA_COL_OPENED, "创建时间", "Chinese sheets" },
	{ SLA_COL_OPENED, "报修时间", "Chinese sheets" },
	{ SLA_COL_OPENED, "报障时间", "Chinese sheets" },
	{ SLA_COL_OPENED, "提交时间", "Chinese sheets" },
	{ SLA_COL_OPENED, "创建日期", "ZenTao" },
	{ SLA_COL_OPENED, "sys_created_on", "ServiceNow" },
	{ SLA_COL_OPENED, "Created date", "Jira Data pipeline, generic" },
	{ SLA_COL_OPENED, "Date/Time Opened", "Salesforce" },
	{ SLA_COL_OPENED, "建立時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_OPENED, "建立日期", "Chinese sheets (zh-TW)" },
	{ SLA_COL_OPENED, "開單時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_OPENED, "報修時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_OPENED, "申请时间", "致远/泛微 OA" },
	{ SLA_COL_OPENED, "申请日期", "致远/泛微 OA" },
	{ SLA_COL_OPENED, "发起时间", "致远/泛微 OA" },
	{ SLA_COL_OPENED, "Create time", "generic" },

	{ SLA_COL_PRIORITY, "Priority", "Jira, ServiceNow, Zendesk, Freshdesk, OTRS, GLPI, Zammad" },
	{ SLA_COL_PRIORITY, "优先级", "Chinese sheets, ZenTao" },
	{ SLA_COL_PRIORITY, "紧急程度", "Chinese sheets" },
	{ SLA_COL_PRIORITY, "Priorität", "Jira (de)" },
	{ SLA_COL_PRIORITY, "Priorité", "GLPI (fr)" },
	{ SLA_COL_PRIORITY, "優先順序", "Chinese sheets (zh-TW)" },
	{ SLA_COL_PRIORITY, "優先級", "Chinese sheets (zh-TW)" },
	{ SLA_COL_PRIORITY, "緊急程度", "Chinese sheets (zh-TW)" },

	{ SLA_COL_SEVERITY, "Severity", "ServiceNow, Jira custom field" },
	{ SLA_COL_SEVERITY, "Custom field (Severity)", "Jira" },
	{ SLA_COL_SEVERITY, "严重程度", "Chinese sheets, ZenTao" },
	{ SLA_COL_SEVERITY, "严重级别", "Chinese sheets" },
	{ SLA_COL_SEVERITY, "故障等级", "Chinese sheets" },
	{ SLA_COL_SEVERITY, "故障级别", "Chinese sheets" },
	{ SLA_COL_SEVERITY, "嚴重程度", "Chinese sheets (zh-TW)" },
	{ SLA_COL_SEVERITY, "Impact", "ServiceNow, GLPI" },

	{ SLA_COL_TIER, "服务等级", "Chinese sheets" },
	{ SLA_COL_TIER, "SLA级别", "Chinese sheets" },

	{ SLA_COL_CATEGORY, "Category", "ServiceNow, GLPI" },
	{ SLA_COL_CATEGORY, "Issue Type", "Jira" },
	{ SLA_COL_CATEGORY, "Ticket type", "Zendesk" },
	{ SLA_COL_CATEGORY, "Type", "Zendesk, Freshdesk, OTRS/Znuny" },
	{ SLA_COL_CATEGORY, "Service", "OTRS/Znuny" },
	{ SLA_COL_CATEGORY, "Catégorie", "GLPI (fr)" },
	{ SLA_COL_CATEGORY, "故障类型", "Chinese sheets" },
	{ SLA_COL_CATEGORY, "问题分类", "Chinese sheets" },
	{ SLA_COL_CATEGORY, "问题类型", "Chinese sheets" },
	{ SLA_COL_CATEGORY, "工单类型", "Chinese sheets" },
	{ SLA_COL_CATEGORY, "类别", "Chinese sheets" },
	{ SLA_COL_CATEGORY, "分类", "Chinese sheets" },
	{ SLA_COL_CATEGORY, "所属模块", "ZenTao" },
	{ SLA_COL_CATEGORY, "类型", "ZenTao" },
	{ SLA_COL_CATEGORY, "類別", "Chinese sheets (zh-TW)" },
	{ SLA_COL_CATEGORY, "問題類型", "Chinese sheets (zh-TW)" },
	{ SLA_COL_CATEGORY, "問題分類", "Chinese sheets (zh-TW)" },
	{ SLA_COL_CATEGORY, "Custom field (Request Type)", "Jira Service Management" },

	{ SLA_COL_CHANNEL, "Channel", "ServiceNow, generic" },
	{ SLA_COL_CHANNEL, "Contact type", "ServiceNow" },
	{ SLA_COL_CHANNEL, "Via", "Zendesk" },
	{ SLA_COL_CHANNEL, "Source", "Freshdesk" },
	{ SLA_COL_CHANNEL, "Request source", "GLPI" },
	{ SLA_COL_CHANNEL, "Create Channel", "Zammad" },
	{ SLA_COL_CHANNEL, "Case Origin", "Salesforce" },
	{ SLA_COL_CHANNEL, "Source de la demande", "GLPI (fr)" },
	{ SLA_COL_CHANNEL, "工单来源", "ZenTao" },
	{ SLA_COL_CHANNEL, "来源", "Chinese sheets" },
	{ SLA_COL_CHANNEL, "报修方式", "Chinese sheets" },
	{ SLA_COL_CHANNEL, "报修渠道", "Chinese sheets" },
	{ SLA_COL_CHANNEL, "渠道", "Chinese sheets" },
	{ SLA_COL_CHANNEL, "來源", "Chinese sheets (zh-TW)" },
	{ SLA_COL_CHANNEL, "管道", "Chinese sheets (zh-TW)" },

	{ SLA_COL_CUSTOMER, "Customer", "generic, Zammad" },
	{ SLA_COL_CUSTOMER, "Organization", "Zendesk, Zammad" },
	{ SLA_COL_CUSTOMER, "Organizations", "Jira" },
	{ SLA_COL_CUSTOMER, "Custom field (Organizations)", "Jira Service Management" },
	{ SLA_COL_CUSTOMER, "Account Name", "Salesforce" },
	{ SLA_COL_CUSTOMER, "Company", "ServiceNow" },
	{ SLA_COL_CUSTOMER, "Company Name", "Freshdesk" },
	{ SLA_COL_CUSTOMER, "CustomerID", "OTRS/Znuny" },
	{ SLA_COL_CUSTOMER, "Entity", "GLPI" },
	{ SLA_COL_CUSTOMER, "Entité", "GLPI (fr)" },
	{ SLA_COL_CUSTOMER, "Kunde", "German sheets" },
	{ SLA_COL_CUSTOMER, "客户", "Chinese sheets" },
	{ SLA_COL_CUSTOMER, "客户名称", "Chinese sheets" },
	{ SLA_COL_CUSTOMER, "客户单位", "Chinese sheets" },
	{ SLA_COL_CUSTOMER, "单位名称", "Chinese sheets" },
	{ SLA_COL_CUSTOMER, "报修单位", "Chinese sheets" },
	{ SLA_COL_CUSTOMER, "来源客户", "ZenTao" },
	{ SLA_COL_CUSTOMER, "客戶", "Chinese sheets (zh-TW)" },
	{ SLA_COL_CUSTOMER, "客戶名稱", "Chinese sheets (zh-TW)" },

	{ SLA_COL_FIRST_RESPONSE, "First response", "generic" },
	{ SLA_COL_FIRST_RESPONSE, "First response at", "Zammad" },
	{ SLA_COL_FIRST_RESPONSE, "FirstResponse", "OTRS/Znuny" },
	{ SLA_COL_FIRST_RESPONSE, "Initial response time", "Freshdesk" },
	{ SLA_COL_FIRST_RESPONSE, "Responded", "ServiceNow (custom)" },
	{ SLA_COL_FIRST_RESPONSE, "Custom field (First Response Date)", "Jira" },
	{ SLA_COL_FIRST_RESPONSE, "Custom field (Date of First Response)", "Jira" },
	{ SLA_COL_FIRST_RESPONSE, "Date of First Response", "Jira" },
	{ SLA_COL_FIRST_RESPONSE, "First response date", "generic" },
	{ SLA_COL_FIRST_RESPONSE, "首次响应时间", "Chinese sheets" },
	{ SLA_COL_FIRST_RESPONSE, "响应时间", "Chinese sheets" },
	{ SLA_COL_FIRST_RESPONSE, "首响时间", "Chinese sheets" },
	{ SLA_COL_FIRST_RESPONSE, "受理时间", "Chinese sheets" },
	{ SLA_COL_FIRST_RESPONSE, "接单时间", "Chinese sheets" },
	{ SLA_COL_FIRST_RESPONSE, "首次回應時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_FIRST_RESPONSE, "回應時間", "Chinese sheets (zh-TW)" },

	{ SLA_COL_ONSITE, "On site", "generic" },
	{ SLA_COL_ONSITE, "Arrived on site", "generic" },
	{ SLA_COL_ONSITE, "到场时间", "Chinese sheets" },
	{ SLA_COL_ONSITE, "到达现场时间", "Chinese sheets" },
	{ SLA_COL_ONSITE, "上门时间", "Chinese sheets" },
	{ SLA_COL_ONSITE, "到达时间", "Chinese sheets" },
	{ SLA_COL_ONSITE, "到場時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_ONSITE, "到達時間", "Chinese sheets (zh-TW)" },

	{ SLA_COL_WORKAROUND, "Workaround at", "generic" },
	{ SLA_COL_WORKAROUND, "Service restored", "generic" },
	{ SLA_COL_WORKAROUND, "临时解决时间", "Chinese sheets" },
	{ SLA_COL_WORKAROUND, "恢复时间", "Chinese sheets" },
	{ SLA_COL_WORKAROUND, "业务恢复时间", "Chinese sheets" },

	{ SLA_COL_RESOLVED, "Resolved", "Jira, ServiceNow" },
	{ SLA_COL_RESOLVED, "resolved_at", "ServiceNow" },
	{ SLA_COL_RESOLVED, "Solved at", "Zendesk" },
	{ SLA_COL_RESOLVED, "Resolved time", "Freshdesk" },
	{ SLA_COL_RESOLVED, "Resolution date", "GLPI" },
	{ SLA_COL_RESOLVED, "Date de résolution", "GLPI (fr)" },
	{ SLA_COL_RESOLVED, "Ticket solved - Timestamp", "Zendesk Explore" },
	{ SLA_COL_RESOLVED, "Erledigt", "Jira (de)" },
	{ SLA_COL_RESOLVED, "解决时间", "Chinese sheets" },
	{ SLA_COL_RESOLVED, "解决日期", "ZenTao" },
	{ SLA_COL_RESOLVED, "处理完成时间", "Chinese sheets" },
	{ SLA_COL_RESOLVED, "修复时间", "Chinese sheets" },
	{ SLA_COL_RESOLVED, "完成时间", "Chinese sheets" },
	{ SLA_COL_RESOLVED, "解決時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_RESOLVED, "完成時間", "Chinese sheets (zh-TW)" },

	{ SLA_COL_REPLACED, "Replaced", "generic" },
	{ SLA_COL_REPLACED, "备件更换时间", "Chinese sheets" },
	{ SLA_COL_REPLACED, "更换时间", "Chinese sheets" },
	{ SLA_COL_REPLACED, "换机时间", "Chinese sheets" },

	{ SLA_COL_CLOSED, "Closed", "ServiceNow, OTRS/Znuny" },
	{ SLA_COL_CLOSED, "closed_at", "ServiceNow" },
	{ SLA_COL_CLOSED, "Close time", "OTRS/Znuny" },
	{ SLA_COL_CLOSED, "Closed time", "Freshdesk" },
	{ SLA_COL_CLOSED, "Closing date", "GLPI" },
	{ SLA_COL_CLOSED, "Close at", "Zammad" },
	{ SLA_COL_CLOSED, "Closed at", "Zammad" },
	{ SLA_COL_CLOSED, "Date/Time Closed", "Salesforce" },
	{ SLA_COL_CLOSED, "Date de clôture", "GLPI (fr)" },
	{ SLA_COL_CLOSED, "关闭时间", "Chinese sheets" },
	{ SLA_COL_CLOSED, "关闭日期", "ZenTao" },
	{ SLA_COL_CLOSED, "结单时间", "Chinese sheets" },
	{ SLA_COL_CLOSED, "结案时间", "Chinese sheets" },
	{ SLA_COL_CLOSED, "办结时间", "致远/泛微 OA" },
	{ SLA_COL_CLOSED, "結案時間", "Chinese sheets (zh-TW)" },
	{ SLA_COL_CLOSED, "關閉時間", "Chinese sheets (zh-TW)" },
	
	{ SLA_COL_PAUSED, "挂起时段", "Chinese sheets" },
	{ SLA_COL_PAUSED, "挂起时间段", "Chinese sheets" },
	{ SLA_COL_PAUSED, "暂停时段", "Chinese sheets" },
	{ SLA_COL_PAUSED, "暂停时间段", "Chinese sheets" },
	{ SLA_COL_PAUSED, "掛起時段", "Chinese sheets (zh-TW)" },

	{ SLA_COL_EXCLUDE, "排除原因", "Chinese sheets" },
	{ SLA_COL_EXCLUDE, "免责原因", "Chinese sheets" },
	{ SLA_COL_EXCLUDE, "Exclusion reason", "generic" },

	{ SLA_COL_DESCRIPTION, "Description", "Jira, ServiceNow, Freshdesk, GLPI" },
	{ SLA_COL_DESCRIPTION, "故障描述", "Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "问题描述", "Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "工单描述", "Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "描述", "Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "故障现象", "Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "問題描述", "Chinese sheets (zh-TW)" },
	{ SLA_COL_DESCRIPTION, "Beschreibung", "Jira (de)" },
	{ SLA_COL_DESCRIPTION, "Summary", "Jira" },
	{ SLA_COL_DESCRIPTION, "Short description", "ServiceNow" },
	{ SLA_COL_DESCRIPTION, "Subject", "Zendesk, Freshdesk" },
	{ SLA_COL_DESCRIPTION, "Title", "OTRS/Znuny, GLPI, Zammad" },
	{ SLA_COL_DESCRIPTION, "Titre", "GLPI (fr)" },
	{ SLA_COL_DESCRIPTION, "Zusammenfassung", "Jira (de)" },
	{ SLA_COL_DESCRIPTION, "工单标题", "ZenTao, Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "Bug标题", "ZenTao" },
	{ SLA_COL_DESCRIPTION, "标题", "Chinese sheets" },
	{ SLA_COL_DESCRIPTION, "流程标题", "致远/泛微 OA" },
	{ SLA_COL_DESCRIPTION, "標題", "Chinese sheets (zh-TW)" },
	{ SLA_COL_DESCRIPTION, "主旨", "Chinese sheets (zh-TW)" },
};

#define NALIASES (sizeof table / sizeof table[0])

const char *const sla_pause_col_names[SLA_NPAUSECOLS] = {
	"paused_start", "paused_end", "paused_total",
};

/* The pause columns' names.  Not 挂起时间 (when it began, or how long?),
 * nor 恢复时间, a workaround's time. */
static const struct pause_alias {
	enum sla_pause_col col;
	const char *name, *source;
} pause_table[] = {
	{ SLA_PAUSE_START, "挂起开始时间", "Chinese sheets" },
	{ SLA_PAUSE_START, "挂起开始", "Chinese sheets" },
	{ SLA_PAUSE_START, "暂停开始时间", "Chinese sheets" },
	{ SLA_PAUSE_START, "暂停开始", "Chinese sheets" },
	{ SLA_PAUSE_START, "掛起開始時間", "Chinese sheets (zh-TW)" },
	{ SLA_PAUSE_START, "暫停開始時間", "Chinese sheets (zh-TW)" },
	{ SLA_PAUSE_START, "Pause start", "generic" },
	{ SLA_PAUSE_START, "On hold from", "generic" },
	{ SLA_PAUSE_END, "挂起结束时间", "Chinese sheets" },
	{ SLA_PAUSE_END, "挂起结束", "Chinese sheets" },
	{ SLA_PAUSE_END, "暂停结束时间", "Chinese sheets" },
	{ SLA_PAUSE_END, "暂停结束", "Chinese sheets" },
	{ SLA_PAUSE_END, "解除挂起时间", "Chinese sheets" },
	{ SLA_PAUSE_END, "掛起結束時間", "Chinese sheets (zh-TW)" },
	{ SLA_PAUSE_END, "暫停結束時間", "Chinese sheets (zh-TW)" },
	{ SLA_PAUSE_END, "Pause end", "generic" },
	{ SLA_PAUSE_END, "On hold until", "generic" },
	{ SLA_PAUSE_TOTAL, "挂起时长", "Chinese sheets" },
	{ SLA_PAUSE_TOTAL, "挂起时长（分钟）", "Chinese sheets" },
	{ SLA_PAUSE_TOTAL, "挂起时长(分钟)", "Chinese sheets" },
	{ SLA_PAUSE_TOTAL, "挂起总时长", "Chinese sheets" },
	{ SLA_PAUSE_TOTAL, "暂停时长", "Chinese sheets" },
	{ SLA_PAUSE_TOTAL, "掛起時長", "Chinese sheets (zh-TW)" },
	{ SLA_PAUSE_TOTAL, "暫停時長", "Chinese sheets (zh-TW)" },
	{ SLA_PAUSE_TOTAL, "Paused minutes", "generic" },
};

#define NPAUSE_ALIASES (sizeof pause_table / sizeof pause_table[0])

/* Bytes that a header comparison skips: ASCII space, tab, '_', '-', and
 * the ideographic space E3 80 80.  Returns how many bytes to skip at S. */
static size_t
ignorable(const char *s, const char *end)
{
	if (*s == ' ' || *s == '\t' || *s == '_' || *s == '-')
		return 1;
	if (end - s >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

static char
fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool
sla_alias_same(const char *a, size_t an, const char *b, size_t bn)
{
	const char *ae = a + an, *be = b + bn;

	for (;;) {
		size_t k;
		while (a < ae && (k = ignorable(a, ae)) > 0)
			a += k;
		while (b < be && (k = ignorable(b, be)) > 0)
			b += k;
		if (a == ae || b == be)
			return a == ae && b == be;
		if (fold(*a++) != fold(*b++))
			return false;
	}
}

int
sla_alias_lookup(const char *h, size_t n, unsigned *rank)
{
	/* A canonical name is its own first alias. */
	for (int i = 0; i < SLA_NCANON; i++) {
		if (sla_alias_same(h, n, sla_canon_names[i], strlen(sla_canon_names[i]))) {
			if (rank)
				*rank = 0;
			return i;
		}
	}
	for (size_t i = 0; i < NALIASES; i++) {
		if (sla_alias_same(h, n, table[i].name, strlen(table[i].name))) {
			if (rank)
				*rank = (unsigned)i + 1;
			return (int)table[i].col;
		}
	}
	return -1;
}

int
sla_alias_pause_lookup(const char *h, size_t n, unsigned *rank)
{
	for (int c = 0; c < SLA_NPAUSECOLS; c++)
		if (sla_alias_same(h, n, sla_pause_col_names[c], strlen(sla_pause_col_names[c]))) {
			if (rank)
				*rank = 0;
			return c;
		}
	for (size_t i = 0; i < NPAUSE_ALIASES; i++)
		if (sla_alias_same(h, n, pause_table[i].name, strlen(pause_table[i].name))) {
			if (rank)
				*rank = (unsigned)i + 1;
			return (int)pause_table[i].col;
		}
	return -1;
}

void
sla_alias_print(FILE *out)
{
	fputs("canonical\talias\tsource\n", out);
	for (int c = 0; c < SLA_NCANON; c++) {
		fprintf(out, "%s\t%s\t%s\n", sla_canon_names[c], sla_canon_names[c], "sla-tools");
		for (size_t i = 0; i < NALIASES; i++)
			if ((int)table[i].col == c)
				fprintf(out, "%s\t%s\t%s\n", sla_canon_names[c], table[i].name,
					table[i].source);
	}
	for (int c = 0; c < SLA_NPAUSECOLS; c++) {
		const char *name = sla_pause_col_names[c];
		fprintf(out, "%s\t%s\t%s\n", name, name, "sla-tools");
		for (size_t i = 0; i < NPAUSE_ALIASES; i++)
			if ((int)pause_table[i].col == c)
				fprintf(out, "%s\t%s\t%s\n", name, pause_table[i].name,
					pause_table[i].source);
	}
}

/* ---- suggestions --------------------------------------------------------- */

enum { WORDS_MAX = 256 };

static bool
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* H[0..N) as words: ASCII lower case, every run of other ASCII bytes one
 * space (none at either end), bytes above 0x7F as they are, into OUT
 * (WORDS_MAX bytes).  Returns the length, 0 when it does not fit. */
static size_t
words(const char *h, size_t n, char *out)
{
	size_t o = 0;
	bool gap = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];
		if (c < 0x80 && !is_alnum(c)) {
			gap = o > 0;
			continue;
		}
		if (o + 2 >= WORDS_MAX)
			return 0;
		if (gap)
			out[o++] = ' ';
		gap = false;
		out[o++] = fold((char)c);
	}
	return o;
}

/* Whether the words A[0..AN) are in H[0..HN) whole: an ASCII word is not
 * found inside a longer one ("number" is not in "numbers"). */
static bool
has_words(const char *h, size_t hn, const char *a, size_t an)
{
	for (size_t i = 0; an && i + an <= hn; i++) {
		if (memcmp(h + i, a, an) != 0)
			continue;
		bool start = i == 0 || h[i - 1] == ' ' || (unsigned char)h[i - 1] >= 0x80 ||
			     (unsigned char)a[0] >= 0x80;
		bool end = i + an == hn || h[i + an] == ' ' || (unsigned char)h[i + an] >= 0x80 ||
			   (unsigned char)a[an - 1] >= 0x80;
		if (start && end)
			return true;
	}
	return false;
}

/* Names shorter than this (as words) say too little to suggest by ("Key",
 * "Via"). */
enum { SUGGEST_MIN = 4 };

static void
consider(const char *hw, size_t hn, int col, const char *name, const bool *skip, int *best,
	 size_t *best_len)
{
	char aw[WORDS_MAX];
	size_t an = words(name, strlen(name), aw);
	if (skip[col] || an < SUGGEST_MIN || an <= *best_len || !has_words(hw, hn, aw, an))
		return;
	*best = col;
	*best_len = an;
}

int
sla_alias_suggest(const char *h, size_t n, const bool *skip)
{
	char hw[WORDS_MAX];
	size_t hn = words(h, n, hw);
	int best = -1;
	size_t best_len = 0;

	for (int c = 0; hn && c < SLA_NCANON; c++)
		consider(hw, hn, c, sla_canon_names[c], skip, &best, &best_len);
	for (size_t i = 0; hn && i < NALIASES; i++)
		consider(hw, hn, (int)table[i].col, table[i].name, skip, &best, &best_len);
	return best;
}
