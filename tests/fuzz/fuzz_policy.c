/* libFuzzer harness: the policy reader and lint, on any bytes.  A policy
 * either loads or is refused with a message; nothing else may happen. */
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
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	sla_diag d = sla_diag_init("fuzz");
	d.out = fopen("/dev/null", "w");
	sla_policy *p = sla_policy_load(path, NULL, &d);
	if (p) {
		sla_policy_lint(p, &d, 1790000000);
		sla_policy_free(p);
	}
	fclose(d.out);
	close(fd);
	return 0;
}
