/* report_write.c: the dispatcher: the names of --format and the writing
 * of a finished report in the format asked (sla_report.h).  The one file
 * that knows every format (sla_report_formats.h); the formats know
 * neither it nor each other. */
#include <string.h>

#include "sla_report_formats.h"
#include "sla_report_table.h"
#include "sla_scan.h"

static const char *const format_names[] = { "text", "tsv", "csv", "json", "markdown", "html",
					    "xlsx" };

int
sla_report_format_parse(const char *name, sla_report_format *f)
{
	int i = sla_name_index(name, format_names, sizeof format_names / sizeof format_names[0]);
	if (i >= 0)
		*f = (sla_report_format)i;
	return i < 0 ? -1 : 0;
}

int
sla_report_table_parse(const char *name)
{
	for (size_t i = 0; sla_table_ids[i]; i++)
		if (strcmp(name, sla_table_ids[i]) == 0)
			return 0;
	return -1;
}

const char *
sla_report_write_as(const sla_report *r, const sla_report_output *o, sla_writer *w)
{
	static const sla_table_sink *const sinks[] = {
		[SLA_FORMAT_TEXT] = &sla_text_sink, [SLA_FORMAT_TSV] = &sla_tsv_sink,
		[SLA_FORMAT_CSV] = &sla_csv_sink, [SLA_FORMAT_MARKDOWN] = &sla_markdown_sink,
	};
	sla_sink_ctx ctx = { .w = w, .r = r, .lang = o->lang, .table = o->table, .bom = o->bom };
	bool tsv = o->format == SLA_FORMAT_TSV;

	if (o->format == SLA_FORMAT_JSON)
		sla_report_write_json(r, w);
	else if (o->format == SLA_FORMAT_XLSX)
		return sla_report_write_xlsx(r, o->lang, w);
	else if (o->table && (tsv || o->format == SLA_FORMAT_CSV))
		sla_report_tool_tables(r, o->lang, tsv ? &sla_tsv_tool_sink : &sla_csv_tool_sink,
				       &ctx);
	else if (o->format == SLA_FORMAT_HTML)
		sla_report_sections(r, o->lang, &sla_html_sink, &ctx);
	else
		sla_report_tables(r, o->lang, sinks[o->format], &ctx);
	return NULL;
}

void
sla_report_write(const sla_report *r, sla_report_format f, sla_lang lang, sla_writer *w)
{
	sla_report_write_as(r, &(sla_report_output){ .format = f, .lang = lang }, w);
}
