/* libFuzzer harness: sla-extract on any bytes.  The bytes are a letter in
 * any encoding; the extraction must end (within the run's -timeout: each
 * sentence is matched within PCRE2's limits and read in bounded pieces),
 * write its table, its rules draft and its -v report, and its policy
 * draft must load as a policy and its rules draft as rules: a draft that
 * sla-check or sla-classify refused would be a bug. */
#include "fuzz_input.h"

#include <string.h>

#include "sla_extract.h"
#include "sla_policy.h"
#include "sla_rules.h"

/* WRITE's output into a new memfd, whose path goes in PATH. */
static int
draft_into(int (*write)(const sla_extract *, FILE *), const sla_extract *x, char *path, size_t n)
{
	int fd = memfd_create("draft", 0);
	FILE *f = fd >= 0 ? fdopen(dup(fd), "w") : NULL;
	if (!f || write(x, f) != 0 || fclose(f) != 0)
		abort();
	snprintf(path, n, "/proc/self/fd/%d", fd);
	return fd;
}

static int
write_policy(const sla_extract *x, FILE *f)
{
	return sla_extract_write_policy(x, "letter.rules", f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	fuzz_input in;
	fuzz_input_open(&in, data, size);
	sla_extract *x = sla_extract_new(NULL, &in.d);
	if (!x)
		abort();
	if (sla_extract_add_text(x, "fuzz.txt", (const char *)data, size, &in.d) != 0 ||
	    sla_extract_run(x, &in.d) != 0)
		abort();
	FILE *null = fopen("/dev/null", "w");
	if (!null || sla_extract_write_tsv(x, null) != 0)
		abort();
	fclose(null);
	sla_extract_report(x, &in.d);

	char path[64];
	int fd = draft_into(write_policy, x, path, sizeof path);
	sla_policy *p = sla_policy_load(path, NULL, &in.d);
	if (!p)
		abort();	/* a draft that does not load */
	sla_policy_lint(p, &in.d, 1790000000);
	sla_policy_free(p);
	close(fd);

	fd = draft_into(sla_extract_write_rules, x, path, sizeof path);
	sla_rules *rs = sla_rules_new(false);
	if (!rs || sla_rules_add_file(rs, path, &in.d) != 0)
		abort();	/* a rules draft that does not compile */
	sla_rules_free(rs);
	close(fd);

	sla_extract_free(x);
	fuzz_input_close(&in);
	return 0;
}
