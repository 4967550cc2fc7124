/* report_labels.c: every label of the report, in English and Chinese.
 * One table with both columns, so a label cannot exist in one language
 * only.  Labels with %s take their arguments in the same order in both. */
#include "sla_report_table.h"

static const char *const labels[L_NLABELS][2] = {
	[L_TITLE] = { "SLA compliance report", "SLA 履约报告" },
	[L_OVERVIEW] = { "Overview", "概况" },
	[L_ROWS_READ] = { "Rows read", "读入行数" },
	[L_PERIOD] = { "Period", "周期" },
	[L_TIMEZONE] = { "Time zone", "时区" },
	[L_GROUPED_BY] = { "Grouped by", "分组依据" },
	[L_CONTRACT] = { "Contract", "合同" },
	[L_CURRENCY] = { "Currency", "币种" },
	[L_FEE] = { "Fee per period", "每期费用" },
	[L_ITEM] = { "Item", "项目" },
	[L_VALUE] = { "Value", "值" },
	[L_NONE] = { "(none)", "（无）" },
	[L_BY_TIER] = { "Compliance by tier", "各级别履约情况" },
	[L_BY_PERIOD] = { "Compliance by period", "各周期履约情况" },
	[L_BY_GROUP] = { "Compliance by group", "各分组履约情况" },
	[L_ELAPSED] = { "Elapsed business time by group", "各分组业务耗时" },
	[L_SATISFACTION] = { "Customer satisfaction", "客户满意度" },
	[L_TOP] = { "Worst overruns", "超时最多的工单" },
	[L_UNASSESSED] = { "Excluded and invalid tickets", "排除与无效的工单" },
	[L_STATEMENT] = { "Penalty statement", "违约金结算单" },
	[L_NOTES] = { "Notes", "备注" },
	[L_NOTE] = { "Note", "说明" },
	[L_TIER] = { "Tier", "级别" },
	[L_ALL] = { "All", "合计" },
	[L_ROWS] = { "Rows", "行数" },
	[L_COMPLIANCE] = { "Compliance", "履约率" },
	[L_ASSESSED] = { "Assessed", "考核数" },
	[L_P50] = { "p50", "p50" },
	[L_P90] = { "p90", "p90" },
	[L_P95] = { "p95", "p95" },
	[L_MAX] = { "Max", "最大" },
	[L_ID] = { "Ticket", "工单" },
	[L_LINE] = { "Line", "行号" },
	[L_AT_LINE] = { "line %lu", "第 %lu 行" },
	[L_METRIC] = { "Metric", "指标" },
	[L_STATUS] = { "Status", "状态" },
	[L_TARGET] = { "Target", "目标" },
	[L_TOOK] = { "Elapsed", "耗时" },
	[L_OVERRUN] = { "Overrun", "超时" },
	[L_REASON] = { "Reason", "原因" },
	[L_CUSTOMER] = { "Customer", "客户" },
	[L_SCORES] = { "Scores", "评分数" },
	[L_MEAN_SCORE] = { "Mean score", "平均分" },
	[L_SCORE_DIST] = { "Scores 1/2/3/4/5", "1/2/3/4/5 分" },
	[L_PERCENTS] = { "Percentages", "百分制数" },
	[L_MEAN_PERCENT] = { "Mean %", "平均 %" },
	[L_PERCENT_DIST] = { "0-19/20-39/40-59/60-79/80-100 %", "0-19/20-39/40-59/60-79/80-100 %" },
	[L_UNREADABLE] = { "Unreadable", "无法读取" },
	[L_DETAIL] = { "Detail", "说明" },
	[L_AMOUNT] = { "Amount (%s)", "金额（%s）" },
	[L_BREACH] = { "Breach %s", "违约 %s" },
	[L_BREACH_SUM] = { "Sum of per-breach penalties", "单次违约金合计" },
	[L_BREACHES] = { "breaches priced: %zu", "计价违约：%zu 次" },
	[L_CREDIT] = { "Service credit", "服务抵扣" },
	[L_NO_BAND] = { "compliance %s: no credit band hit", "履约率 %s：未触及抵扣档" },
	[L_CREDIT_BAND] = { "compliance %s below %s: %s of the fee %s",
			    "履约率 %s 低于 %s：按 %s × 每期费用 %s" },
	[L_CAP] = { "Cap", "上限" },
	[L_NO_CAP] = { "no cap", "无上限" },
	[L_CAP_PERCENT] = { "%s of the fee %s", "%s × 每期费用 %s" },
	[L_CAP_AMOUNT] = { "fixed amount", "固定金额" },
	[L_TOTAL] = { "Total", "应付合计" },
	[L_TOTAL_SUM] = { "%s + %s", "%s + %s" },
	[L_TOTAL_CAPPED] = { "min(%s, %s + %s): capped", "min(%s, %s + %s)：按上限" },
	[L_KEPT_OF] = { "%llu kept of %llu assessed", "%llu 项达标，共 %llu 项考核" },
	[L_CHART_COMPLIANCE] = { "Compliance per period", "各周期履约率" },
	[L_CHART_ELAPSED] = { "Elapsed business time per tier", "各级别业务耗时分布" },
	[L_BUCKET_OVER] = { "over %s", "超过 %s" },
	[L_STATUS_FIRST + SLA_MET] = { "met", "达标" },
	[L_STATUS_FIRST + SLA_BREACHED] = { "breached", "违约" },
	[L_STATUS_FIRST + SLA_OVERDUE] = { "overdue", "逾期" },
	[L_STATUS_FIRST + SLA_AT_RISK] = { "at-risk", "临近超时" },
	[L_STATUS_FIRST + SLA_PENDING] = { "pending", "进行中" },
	[L_STATUS_FIRST + SLA_EXCLUDED] = { "excluded", "已排除" },
	[L_STATUS_FIRST + SLA_INVALID] = { "invalid", "无效" },
};

const char *
sla_label_text(sla_label l, sla_lang lang)
{
	return labels[l][lang];
}

const char *
sla_status_label(sla_status s, sla_lang lang)
{
	return labels[L_STATUS_FIRST + s][lang];
}
