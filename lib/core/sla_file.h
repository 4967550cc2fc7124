/* sla_file.h: a whole file read into memory -- the one file reader of lib/.
 *
 * For the files a tool reads whole before it starts (a policy, a rules
 * file, a zone, a dates file); exports and streams are read in blocks by
 * their readers instead.  Messages are the caller's: the reader says what
 * went wrong and keeps errno, and each caller words it for its file. */
#ifndef SLA_FILE_H
#define SLA_FILE_H

#include <stddef.h>

/* No limit on the size but memory's. */
#define SLA_FILE_ANY_SIZE ((size_t)-1)

typedef enum sla_file_error {
	SLA_FILE_OK,
	SLA_FILE_OPEN,		/* fopen failed: errno is its */
	SLA_FILE_READ,		/* a read failed: errno is EIO */
	SLA_FILE_TOO_BIG,	/* more than MAX bytes: errno is EFBIG */
	SLA_FILE_NOMEM,		/* errno is ENOMEM */
} sla_file_error;

/* The bytes of PATH, NUL-ended (so text can be read as a string; the file
 * may hold NULs of its own), and their number in *LEN; at most MAX bytes
 * (SLA_FILE_ANY_SIZE: any).  A new buffer (malloc), twice the size at the
 * most.  NULL on failure, with *WHY (WHY may be NULL) saying which and
 * errno set as above. */
char *sla_file_read(const char *path, size_t max, size_t *len, sla_file_error *why);

#endif
