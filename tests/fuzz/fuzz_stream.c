/* libFuzzer harness: the ticket-stream reader and the escapes, on any
 * bytes.  Each record's fields must tile its line, and unescaping must never
 * write past the field's length. */
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
	sla_reader *r = sla_reader_open(paths, 1, &d);
	if (r) {
		size_t ncols = sla_reader_ncols(r);
		while (sla_reader_next(r) == 1) {
			const sla_field *f = sla_reader_fields(r);
			for (size_t i = 0; i < ncols; i++) {
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
