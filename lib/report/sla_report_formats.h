/* sla_report_formats.h: the formats of sla-report, one file a format:
 *
 *   report_text.c       aligned plain-text tables
 *   report_delimited.c  tsv and csv
 *   report_markdown.c   GitHub Markdown tables
 *   report_html.c       one self-contained page, its charts in
 *                       report_html_charts.c (report_html.h)
 *   report_json.c       one JSON document, straight from the model
 *   report_xlsx.c       an Excel workbook, a sheet a table, typed cells
 *
 * The table formats are sinks of sla_report_tables (sla_report_table.h):
 * they decide how a table looks, never what is in it, and they call no
 * other file of the report's tables.  Only the dispatcher, report_write.c
 * (sla_report_write in sla_report.h), knows them all and picks one. */
#ifndef SLA_REPORT_FORMATS_H
#define SLA_REPORT_FORMATS_H

#include "sla_report.h"
#include "sla_report_table.h"
#include "sla_stream.h"

/* Each table sink's context: where it writes, and what it writes about. */
typedef struct sla_sink_ctx {
	sla_writer *w;
	const sla_report *r;
	sla_lang lang;
	const char *table;	/* the tools' tsv and csv: the one table to write */
	bool bom;		/* tsv and csv: a UTF-8 byte order mark first */
} sla_sink_ctx;

/* The table formats; their CTX is an sla_sink_ctx.  The tools' tsv and
 * csv are sinks of sla_report_tool_tables: they write the one table
 * CTX->table names, rectangular, headed by its keys. */
extern const sla_table_sink sla_text_sink, sla_tsv_sink, sla_csv_sink,
	sla_markdown_sink, sla_tsv_tool_sink, sla_csv_tool_sink;
/* HTML writes a section a customer (sla_report_sections). */
extern const sla_section_sink sla_html_sink;

/* The finished report R as an Excel workbook on W, the tables of
 * sla_report_tool_tables one sheet each, in LANG (report_xlsx.c).
 * Returns NULL, or why it could not be made (nothing is written then). */
const char *sla_report_write_xlsx(const sla_report *r, sla_lang lang, sla_writer *w);

/* The finished report R as JSON on W (keys in English whatever the
 * language; the schema is in sla-report(1)). */
void sla_report_write_json(const sla_report *r, sla_writer *w);

#endif
