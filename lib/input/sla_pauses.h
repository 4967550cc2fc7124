/* sla_pauses.h: a ticket export's pauses as people export them, taken
 * apart for the reader to convert (sla_parse.h).
 *
 * The stream's `paused` is "start/end;start/end" (sla_stream_fields.h).
 * Exports write it so, or with Excel's slash dates, whose start and end
 * are joined by one slash more (2026/2/14 10:00/2026/2/14 15:00), or with
 * ~, ～ or 至 between them; or as two columns of start and end times (one
 * or more a cell, paired in order); or as a total duration, which cannot
 * be placed on the calendar.  This file finds the times in that text and
 * reads the totals; it converts no time (the reader's time forms and
 * zone do), and reports nothing: it says what it found. */
#ifndef SLA_PAUSES_H
#define SLA_PAUSES_H

#include <stdbool.h>
#include <stdint.h>

#include "sla_stream.h"

/* Whether the text F reads as a time, as the caller reads times. */
typedef bool (*sla_pause_reads)(sla_field f, void *ctx);

/* The next item of *REST, a list of intervals or of times in one cell,
 * into *ITEM, trimmed of blanks; *REST moves past it.  Items are parted
 * by ';', '；' or a line break (an Excel cell of several lines); empty
 * ones are passed over.  False at the end. */
bool sla_pause_next(sla_field *rest, sla_field *item);

/* Split the interval IV into its start and end: at its one '/' when it has
 * one, else at the one '/', '~', '～' or '至' that leaves a time on either
 * side (READS says; an empty end is a pause not ended).  1 with *START and
 * *END; 0 when no separator does; -1 when more than one does. */
int sla_pause_split(sla_field iv, sla_pause_reads reads, void *ctx, sla_field *start,
		    sla_field *end);

/* A total paused duration V (not blank) into *SECONDS: a number of minutes
 * ("135", "7.5"), or a number with a unit (m, min, 分, 分钟; h, hr, 小时,
 * 时; d, 天), or hours and minutes "2:15", or "1h30m".  False when V
 * reads as none of them, or is negative, or passes a century. */
bool sla_pause_total(sla_field v, int64_t *seconds);

#endif
