/* libFuzzer harness: the ticket-stream reader and the escapes, on any
 * bytes.  Each record's fields must tile its line, and unescaping must never
 * write past the field's length.  No field holds a NUL (read as U+FFFD) or
 * a CR (a line end); an odd first byte bounds the lines, to reach the
 * --max-line paths with small inputs. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sla_stream.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	char *paths[] = { path, path };
	sla_diag d = sla_diag_init("fuzz");
	d.out = fopen("/dev/null", "w");
	size_t max_line = size > 0 && (data[0] & 1) ? 1 + data[0] / 2 : 0;
	sla_reader *r = sla_reader_open_max(paths, 1, max_line, &d);
	if (r) {
		size_t ncols = sla_reader_ncols(r);
		while (sla_reader_next(r) == 1) {
			const sla_field *f = sla_reader_fields(r);
			if (sla_reader_nul(r) > ncols)
				abort();
			for (size_t i = 0; i < ncols; i++) {
				if (memchr(f[i].p, '\0', f[i].n) || memchr(f[i].p, '\r', f[i].n))
					abort();
				char *buf = malloc(f[i].n + 1);
				if (sla_unescape(f[i], buf) > f[i].n)
					abort();
				free(buf);
			}
		}
		sla_reader_free(r);
	}
	fclose(d.out);
	close(fd);
	return 0;
}
