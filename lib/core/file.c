/* file.c: reading a whole file (sla_file.h).
 *
 * stdio in chunks into a buffer grown by doubling (sla_grow), so a pipe or
 * a file that grows while read is read as well as a plain file; a limit is
 * checked as it reads, so an over-large file costs MAX + 1 bytes read, not
 * the whole of it. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "sla_file.h"
#include "sla_mem.h"

enum { CHUNK = 4096 };

static char *
fail(FILE *f, char *buf, sla_file_error e, int err, sla_file_error *why)
{
	if (f)
		fclose(f);
	free(buf);
	if (why)
		*why = e;
	errno = err;
	return NULL;
}

char *
sla_file_read(const char *path, size_t max, size_t *len, sla_file_error *why)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return fail(NULL, NULL, SLA_FILE_OPEN, errno, why);
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		/* n <= max + 1, so one more chunk and the NUL overflow only
		 * when there is no limit */
		if (n > SIZE_MAX - CHUNK - 1 ||
		    !sla_grow((void **)&buf, &cap, n + CHUNK + 1, 1))
			return fail(f, buf, SLA_FILE_NOMEM, ENOMEM, why);
		size_t room = cap - n - 1;
		if (max != SLA_FILE_ANY_SIZE && room > max - n + 1)
			room = max - n + 1;	/* one byte past the limit tells */
		size_t got = fread(buf + n, 1, room, f);
		n += got;
		if (n > max)
			return fail(f, buf, SLA_FILE_TOO_BIG, EFBIG, why);
		if (got < room)
			break;
	}
	if (ferror(f))
		return fail(f, buf, SLA_FILE_READ, EIO, why);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	if (why)
		*why = SLA_FILE_OK;
	return buf;
}
