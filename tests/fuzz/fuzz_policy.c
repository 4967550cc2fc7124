/* libFuzzer harness: the policy reader and lint, on any bytes.  A policy
 * either loads or is refused with a message; nothing else may happen. */
#include "fuzz_input.h"

#include "sla_check.h"
#include "sla_policy.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input in;
	fuzz_input_open(&in, data, size);
	sla_policy *p = sla_policy_load(in.path, NULL, &in.d);
	if (p) {
		sla_policy_lint(p, &in.d, 1790000000);
		sla_policy_free(p);
	}
	fuzz_input_close(&in);
	return 0;
}
