/* fuzz_input.h: a fuzzer's bytes as a file that the tools' readers open by
 * name (/proc/self/fd/N of a memfd), and a diagnostics context that
 * speaks to /dev/null. */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sla_diag.h"

typedef struct fuzz_input {
	int fd;
	char path[64];
	sla_diag d;
} fuzz_input;

static inline void
fuzz_input_open(fuzz_input *in, const uint8_t *data, size_t size)
{
	in->fd = memfd_create("fuzz", 0);
	if (in->fd < 0 || write(in->fd, data, size) != (ssize_t)size)
		abort();
	lseek(in->fd, 0, SEEK_SET);
	snprintf(in->path, sizeof in->path, "/proc/self/fd/%d", in->fd);
	in->d = sla_diag_init("fuzz");
	in->d.out = fopen("/dev/null", "w");
	if (!in->d.out)
		abort();
}

static inline void
fuzz_input_close(fuzz_input *in)
{
	fclose(in->d.out);
	close(in->fd);
}

#endif
