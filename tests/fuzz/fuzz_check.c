/* libFuzzer harness: sla-check on any ticket stream, with the default
 * policy and with one whose penalties sit at the edge of the largest
 * amount, so that pricing a breach runs too, and whose [exclude] windows
 * stop every clock.  Every record
 * must come out as rows, or the run stop with its message (a price that
 * does not fit); nothing may crash or overflow. */
#include "fuzz_input.h"

#include <string.h>

#include "sla_check.h"
#include "sla_policy.h"

/* 92233720368547758.07 is the largest amount with two minor digits: a rate
 * that passes it, one that a maximum bounds, the amount itself, and an
 * ordinary rule. */
static const char priced[] =
	"[policy]\n"
	"timezone = Asia/Shanghai\n"
	"currency = CNY\n"
	"default_tier = normal\n"
	"[exclude storm]\n"	/* the hours no clock runs, as pauses of every metric */
	"window = 2026-09-14T08:00 .. 2026-09-15T20:00, 2026-10-01 .. 2026-10-02\n"
	"[tier urgent]\n"
	"calendar = 24x7\n"
	"response = 1h\n"
	"resolve = 8h\n"
	"penalty = 90000000000000000.00/h\n"
	"penalty.resolve = 92233720368547758.07\n"
	"[tier high]\n"
	"calendar = 24x7\n"
	"response = 1s\n"
	"penalty = 92233720368547758.00 + 0.01/s max 92233720368547758.07\n"
	"[tier normal]\n"
	"calendar = 24x7\n"
	"response = 8h\n"
	"resolve = 48h\n"
	"penalty = 500 + 100/h max 2000\n";

/* The priced policy, read once from a memfd of its text. */
static sla_policy *
load_priced(sla_diag *d)
{
	fuzz_input pol;
	fuzz_input_open(&pol, (const uint8_t *)priced, strlen(priced));
	sla_policy *p = sla_policy_load(pol.path, NULL, d);
	fuzz_input_close(&pol);
	return p;
}

/* One run of sla-check with P over the input at PATH. */
static void
check_with(sla_policy *p, char *path, sla_diag *d)
{
	char *paths[] = { path };
	sla_reader *r = sla_reader_open(paths, 1, d);
	if (!r)
		return;
	FILE *null = fopen("/dev/null", "w");
	sla_writer *w = sla_writer_new(fileno(null));
	/* 2026-09-15T00:00:00Z: pauses and stops on both sides of now */
	sla_check_opts o = { .now = 1789430400 };
	/* -1 after a fatal error, else the statuses written: no others */
	int rc = sla_check_run(p, r, w, &o, d);
	if (rc < -1 || rc >= (int)SLA_STATUS_BIT(SLA_NSTATUS))
		abort();
	sla_writer_close(w);
	fclose(null);
	sla_reader_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input in;
	fuzz_input_open(&in, data, size);
	/* loaded once: the harness measures tickets, not the policy */
	static sla_policy *plain, *dear;
	if (!plain && !(plain = sla_policy_load(NULL, NULL, &in.d)))
		abort();
	if (!dear && !(dear = load_priced(&in.d)))
		abort();
	check_with(plain, in.path, &in.d);
	check_with(dear, in.path, &in.d);
	fuzz_input_close(&in);
	return 0;
}
