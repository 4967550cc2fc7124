/* libFuzzer harness: sla-check with the default policy, on any ticket
 * stream.  Every record must come out as rows; nothing may crash. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sla_check.h"
#include "sla_policy.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	lseek(fd, 0, SEEK_SET);
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	char *paths[] = { path };
	sla_diag d = sla_diag_init("fuzz");
	d.out = fopen("/dev/null", "w");
	/* loaded once: the harness measures tickets, not the policy */
	static sla_policy *p;
	if (!p)
		p = sla_policy_load(NULL, NULL, &d);
	sla_reader *r = p ? sla_reader_open(paths, 1, &d) : NULL;
	if (r) {
		FILE *null = fopen("/dev/null", "w");
		sla_writer *w = sla_writer_new(fileno(null));
		/* 2026-09-15T00:00:00Z: pauses and stops on both sides of now */
		sla_check_opts o = { .now = 1789430400 };
		int rc = sla_check_run(p, r, w, &o, &d);
		if (rc != 0 && rc != 2)
			abort();
		sla_writer_close(w);
		fclose(null);
		sla_reader_free(r);
	}
	fclose(d.out);
	close(fd);
	return 0;
}
