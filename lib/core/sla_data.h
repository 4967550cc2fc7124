/* sla_data.h: the files under lib/data, compiled into libsla.
 *
 * The embedded default policy, rules and bundled calendars are the same
 * bytes as the files in the source tree (the Makefile turns each into an
 * array), so there is never a second copy to keep in step. */
#ifndef SLA_DATA_H
#define SLA_DATA_H

#include <stddef.h>

struct sla_blob {
	const char *name;	/* path below lib/data, e.g. "calendars/cn.tsv" */
	const char *data;	/* the file's bytes, followed by a NUL */
	size_t len;		/* without that NUL */
};

/* The table, ended by an entry whose name is NULL. */
extern const struct sla_blob sla_data_blobs[];

/* The embedded file NAME, or NULL. */
const struct sla_blob *sla_data_find(const char *name);

/* Where make install puts lib/data (DATADIR, PREFIX/share/sla-tools):
 * the installed date sets in its calendars/ are looked up before the
 * embedded ones.  The Makefile writes it into an object of its own,
 * rewritten when DATADIR changes, so that the tools installed with a
 * PREFIX look below that PREFIX. */
extern const char sla_datadir[];

#endif
