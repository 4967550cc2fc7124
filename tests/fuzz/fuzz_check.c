/* libFuzzer harness: sla-check with the default policy, on any ticket
 * stream.  Every record must come out as rows; nothing may crash. */
#include "fuzz_input.h"

#include "sla_check.h"
#include "sla_policy.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input in;
	fuzz_input_open(&in, data, size);
	/* loaded once: the harness measures tickets, not the policy */
	static sla_policy *p;
	if (!p)
		p = sla_policy_load(NULL, NULL, &in.d);
	char *paths[] = { in.path };
	sla_reader *r = p ? sla_reader_open(paths, 1, &in.d) : NULL;
	if (r) {
		FILE *null = fopen("/dev/null", "w");
		sla_writer *w = sla_writer_new(fileno(null));
		/* 2026-09-15T00:00:00Z: pauses and stops on both sides of now */
		sla_check_opts o = { .now = 1789430400 };
		/* -1 after a fatal error, else the statuses written: no others */
		int rc = sla_check_run(p, r, w, &o, &in.d);
		if (rc < -1 || rc >= (int)SLA_STATUS_BIT(SLA_NSTATUS))
			abort();
		sla_writer_close(w);
		fclose(null);
		sla_reader_free(r);
	}
	fuzz_input_close(&in);
	return 0;
}
