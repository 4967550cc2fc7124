/* sla_date_order.h: which comes first in a slash date, the day or the
 * month -- the one enum that the time forms (sla_timeform.h) read with and
 * the export readers (sla_export.h, sla_parse.h) carry and prove, in a
 * header of its own so that they need not include the time forms for it.
 * Nothing here but the enum. */
#ifndef SLA_DATE_ORDER_H
#define SLA_DATE_ORDER_H

/* Day/month order of slash dates whose parts are both 12 or less. */
enum sla_date_order {
	SLA_ORDER_UNKNOWN = 0,
	SLA_ORDER_DMY,
	SLA_ORDER_MDY,
};

#endif
