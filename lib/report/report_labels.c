/* report_labels.c: every label of the report, in English and Chinese
 * (sla_report_labels.h), and the names of the languages.  One table with
 * both columns, so a label cannot exist in one language only.  Labels
 * with %s take their arguments in the same order in both.  Which label a
 * table uses is report_tables.c's (report_statements.c's for the
 * statements); how a format prints it, the format's. */
#include <string.h>

#include "sla_report_labels.h"

static const char *const labels[SLA_L_NLABELS][2] = {
	[SLA_L_TITLE] = { "SLA compliance report", "SLA 履约报告" },
	[SLA_L_OVERVIEW] = { "Overview", "概况" },
	[SLA_L_ROWS_READ] = { "Rows read", "读入行数" },
	[SLA_L_PERIOD] = { "Period", "周期" },
	[SLA_L_TIMEZONE] = { "Time zone", "时区" },
	[SLA_L_GROUPED_BY] = { "Grouped by", "分组依据" },
	[SLA_L_CONTRACT] = { "Contract", "合同" },
	[SLA_L_CURRENCY] = { "Currency", "币种" },
	[SLA_L_FEE] = { "Fee per statement period", "每结算期费用" },
	[SLA_L_ITEM] = { "Item", "项目" },
	[SLA_L_VALUE] = { "Value", "值" },
	[SLA_L_NONE] = { "(none)", "（无）" },
	[SLA_L_BY_TIER] = { "Compliance by tier", "各级别履约情况" },
	[SLA_L_BY_PERIOD] = { "Compliance by period", "各周期履约情况" },
	[SLA_L_BY_PERIOD_TIER] = { "Compliance by period and tier", "各周期、各级别履约情况" },
	[SLA_L_BY_GROUP] = { "Compliance by group", "各分组履约情况" },
	[SLA_L_ELAPSED] = { "Elapsed business time by group", "各分组业务耗时" },
	[SLA_L_SATISFACTION] = { "Customer satisfaction", "客户满意度" },
	[SLA_L_TOP] = { "Worst overruns", "超时最多的工单" },
	[SLA_L_UNASSESSED] = { "Excluded and invalid tickets", "排除与无效的工单" },
	[SLA_L_STATEMENT] = { "Penalty statement", "违约金结算单" },
	[SLA_L_NOTES] = { "Notes", "备注" },
	[SLA_L_NOTE] = { "Note", "说明" },
	[SLA_L_TIER] = { "Tier", "级别" },
	[SLA_L_ALL] = { "All", "合计" },
	[SLA_L_ROWS] = { "Rows", "行数" },
	[SLA_L_COMPLIANCE] = { "Compliance", "履约率" },
	[SLA_L_ASSESSED] = { "Assessed", "考核数" },
	[SLA_L_P50] = { "p50", "p50" },
	[SLA_L_P90] = { "p90", "p90" },
	[SLA_L_P95] = { "p95", "p95" },
	[SLA_L_MAX] = { "Max", "最大" },
	[SLA_L_ID] = { "Ticket", "工单" },
	[SLA_L_LINE] = { "Line", "行号" },
	[SLA_L_AT_LINE] = { "line %lu", "第 %lu 行" },
	[SLA_L_METRIC] = { "Metric", "指标" },
	[SLA_L_STATUS] = { "Status", "状态" },
	[SLA_L_TARGET] = { "Target", "目标" },
	[SLA_L_TOOK] = { "Elapsed", "耗时" },
	[SLA_L_OVERRUN] = { "Overrun", "超时" },
	[SLA_L_REASON] = { "Reason", "原因" },
	[SLA_L_CUSTOMER] = { "Customer", "客户" },
	[SLA_L_SCORES] = { "Scores", "评分数" },
	[SLA_L_MEAN_SCORE] = { "Mean score", "平均分" },
	[SLA_L_SCORE_DIST] = { "Scores 1/2/3/4/5", "1/2/3/4/5 分" },
	[SLA_L_PERCENTS] = { "Percentages", "百分制数" },
	[SLA_L_MEAN_PERCENT] = { "Mean %", "平均 %" },
	[SLA_L_PERCENT_DIST] = { "0-19/20-39/40-59/60-79/80-100 %", "0-19/20-39/40-59/60-79/80-100 %" },
	[SLA_L_UNREADABLE] = { "Unreadable", "无法读取" },
	[SLA_L_DETAIL] = { "Detail", "说明" },
	[SLA_L_AMOUNT] = { "Amount (%s)", "金额（%s）" },
	[SLA_L_BREACH] = { "Breach %s", "违约 %s" },
	[SLA_L_BREACH_SUM] = { "Sum of per-breach penalties", "单次违约金合计" },
	[SLA_L_BREACHES] = { "breaches priced: %zu", "计价违约：%zu 次" },
	[SLA_L_CREDIT] = { "Service credit", "服务抵扣" },
	[SLA_L_NO_BAND] = { "compliance %s: no credit band hit", "履约率 %s：未触及抵扣档" },
	[SLA_L_CREDIT_BAND] = { "compliance %s below %s: %s of the fee %s",
			    "履约率 %s 低于 %s：按 %s × 每期费用 %s" },
	[SLA_L_CAP] = { "Cap", "上限" },
	[SLA_L_NO_CAP] = { "no cap", "无上限" },
	[SLA_L_CAP_PERCENT] = { "%s of the fee %s", "%s × 每期费用 %s" },
	[SLA_L_CAP_AMOUNT] = { "fixed amount", "固定金额" },
	[SLA_L_TOTAL] = { "Total", "应付合计" },
	[SLA_L_TOTAL_SUM] = { "%s + %s", "%s + %s" },
	[SLA_L_TOTAL_CAPPED] = { "min(%s, %s + %s): capped", "min(%s, %s + %s)：按上限" },
	[SLA_L_KEPT_OF] = { "%llu kept of %llu assessed", "%llu 项达标，共 %llu 项考核" },
	[SLA_L_KEPT] = { "Kept", "达标数" },
	[SLA_L_BROKEN] = { "Broken", "违约数" },
	[SLA_L_PRICED] = { "Breaches priced", "计价违约次数" },
	[SLA_L_BAND_BELOW] = { "Credit band: below", "抵扣档：低于" },
	[SLA_L_CREDIT_RATE] = { "Credit rate", "抵扣比例" },
	[SLA_L_SUM_CREDIT] = { "Penalties + credit", "违约金 + 抵扣" },
	[SLA_L_CAPPED] = { "Capped", "按上限" },
	[SLA_L_OWED] = { "Owed", "应付" },
	[SLA_L_YES] = { "yes", "是" },
	[SLA_L_NO] = { "no", "否" },
	[SLA_L_BREACH_LIST] = { "Priced breaches", "计价违约明细" },
	[SLA_L_PENALTY] = { "Penalty", "违约金" },
	[SLA_L_KEPT_OF_TEXT] = { "%s kept of %s assessed", "%s 项达标，共 %s 项考核" },
	[SLA_L_ALL_CUSTOMERS] = { "all customers", "全部客户" },
	[SLA_L_STATEMENT_CUSTOMER] = { "Customer", "客户" },
	[SLA_L_STATEMENTS] = { "Penalty statements", "违约金结算" },
	[SLA_L_STATEMENT_TERMS] = { "one a %s, %s", "按%s结算，%s" },
	[SLA_L_PER_CONTRACT] = { "for the whole contract", "整个合同合计" },
	[SLA_L_PER_CUSTOMER] = { "for each customer", "每个客户各一份" },
	[SLA_L_CHART_COMPLIANCE] = { "Compliance per period and tier", "各周期、各级别履约率" },
	[SLA_L_CHART_ELAPSED] = { "Elapsed business time per tier and metric",
				  "各级别、各指标业务耗时分布" },
	[SLA_L_AS_OF] = { "As of", "截至" },
	[SLA_L_AS_OF_MIXED] = { "%s to %s: the rows were checked as of different times",
				"%s 至 %s：各行的核查时点不一" },
	[SLA_L_AS_OF_UNKNOWN] = { "not stated: the stream has no as_of column, and no --now was given",
				  "未注明：数据流无 as_of 列，也未给出 --now" },
	[SLA_L_DATE_RANGE] = { "Date range", "日期范围" },
	[SLA_L_RANGE] = { "%s to %s", "%s 至 %s" },
	[SLA_L_BY_PERIOD_RANGE] = { "(by %s: %s)", "（按%s：%s）" },
	[SLA_L_INPUTS] = { "Input", "输入" },
	[SLA_L_STDIN] = { "standard input", "标准输入" },
	[SLA_L_POLICY] = { "Policy", "策略文件" },
	[SLA_L_EMBEDDED] = { "the embedded default", "内置默认策略" },
	[SLA_L_POLICY_SHA] = { "Policy SHA-256", "策略文件 SHA-256" },
	[SLA_L_TOTAL_OWED] = { "Total owed", "应付合计" },
	[SLA_L_OVERALL] = { "Compliance overall", "总体履约率" },
	[SLA_L_BROKEN_ALL] = { "Broken (breached or overdue)", "未达标（违约或逾期）" },
	[SLA_L_NOT_PRICED] = { "the policy prices no breach", "策略未对违约计价" },
	[SLA_L_TOO_LARGE] = { "more than fits", "超出可表示范围" },
	[SLA_L_CONTENTS] = { "Contents", "目录" },
	[SLA_L_CHARTS] = { "Charts", "图表" },
	[SLA_L_TABLES] = { "The whole contract", "合同总体" },
	[SLA_L_CUSTOMERS] = { "Customers", "客户" },
	[SLA_L_OWED_IN] = { "Owed (%s)", "应付（%s）" },
	[SLA_L_CHART_BREACHES] = { "Broken commitments by customer and metric",
				   "各客户、各指标未达标数" },
	[SLA_L_CHART_PENALTY] = { "Total owed per statement period (%s)", "各结算期应付合计（%s）" },
	[SLA_L_TARGET_LINE] = { "target %s; below: credit %s", "目标 %s；低于则抵扣 %s" },
	[SLA_L_BAND_LINE] = { "below %s: credit %s", "低于 %s：抵扣 %s" },
	[SLA_L_MORE_ROWS] = { "and %zu more, with %llu broken in all", "另有 %zu 个，共 %llu 项未达标" },
	[SLA_L_NO_BREACH] = { "no commitment broken", "无未达标项" },
	[SLA_L_CHART_NOTE_SCALE] = { "the scale starts at %d%%", "纵轴从 %d%% 起" },
	[SLA_L_CUSTOMER_SECTION] = { "Customer: %s", "客户：%s" },
	[SLA_L_IN_PARENS] = { "(%s)", "（%s）" },
	[SLA_L_LIST_SEP] = { "; ", "；" },
	[SLA_L_PERIOD_DAY] = { "day", "日" },
	[SLA_L_PERIOD_WEEK] = { "week", "周" },
	[SLA_L_PERIOD_MONTH] = { "month", "月" },
	[SLA_L_PERIOD_QUARTER] = { "quarter", "季度" },
	[SLA_L_PERIOD_YEAR] = { "year", "年" },
	[SLA_L_BUCKET_OVER] = { "over %s", "超过 %s" },
	[SLA_L_STATUS_FIRST + SLA_MET] = { "met", "达标" },
	[SLA_L_STATUS_FIRST + SLA_BREACHED] = { "breached", "违约" },
	[SLA_L_STATUS_FIRST + SLA_OVERDUE] = { "overdue", "逾期" },
	[SLA_L_STATUS_FIRST + SLA_AT_RISK] = { "at-risk", "临近超时" },
	[SLA_L_STATUS_FIRST + SLA_PENDING] = { "pending", "进行中" },
	[SLA_L_STATUS_FIRST + SLA_EXCLUDED] = { "excluded", "已排除" },
	[SLA_L_STATUS_FIRST + SLA_INVALID] = { "invalid", "无效" },
};

const char *
sla_label_text(sla_label l, sla_lang lang)
{
	return labels[l][lang];
}

const char *
sla_period_word(sla_period_kind kind, sla_lang lang)
{
	return labels[SLA_L_PERIOD_DAY + kind][lang];
}

const char *
sla_status_label(sla_status s, sla_lang lang)
{
	return labels[SLA_L_STATUS_FIRST + s][lang];
}

int
sla_lang_parse(const char *name, sla_lang *lang)
{
	if (strcmp(name, "en") == 0)
		*lang = SLA_LANG_EN;
	else if (strcmp(name, "zh") == 0)
		*lang = SLA_LANG_ZH;
	else
		return -1;
	return 0;
}

sla_lang
sla_lang_from_locale(const char *name)
{
	return name && strncmp(name, "zh", 2) == 0 ? SLA_LANG_ZH : SLA_LANG_EN;
}
