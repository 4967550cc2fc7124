/* Property tests: money near the int64 limits (sla_money.h, sla_penalty.h).
 *
 * Amounts, penalty rules, shares, caps, credits and counts are drawn with
 * a fixed seed, most of them close to where 64 bits end.  Each result is
 * either the exact decimal -- checked against a 128-bit reference worked
 * out here, with a formatter of its own, apart from the code under test --
 * or the overflow error with the output untouched; never anything else.
 * A failure prints the seed's draw number, so it can be replayed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "sla_money.h"
#include "sla_penalty.h"
#include "sla_policy.h"

/* GCC and Clang have 128-bit integers: wide enough for every product of
 * two int64 and a sum on top. */
__extension__ typedef __int128 wide;
__extension__ typedef unsigned __int128 uwide;

#define SEED 0x15a11e5eedULL
#define ROUNDS 200000
#define WIDE_INT64_MAX ((wide)INT64_MAX)
#define WIDE_INT64_MIN ((wide)INT64_MIN)

/* splitmix64: small, and the same numbers on every machine. */
typedef struct rng {
	uint64_t s;
} rng;

static uint64_t
next(rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
below(rng *r, uint64_t n)
{
	return n ? next(r) % n : 0;
}

static bool
coin(rng *r)
{
	return next(r) & 1;
}

/* A non-negative amount, mostly where sums and products of a few of them
 * cross INT64_MAX: the top itself, its halves, thirds, ..., a power of
 * ten, each give or take a little; sometimes small, sometimes anything. */
static int64_t
amount(rng *r)
{
	int64_t near = (int64_t)below(r, 1000);
	switch (below(r, 6)) {
	case 0: return (int64_t)below(r, 1000000);
	case 1: return INT64_MAX - near;
	case 2: {
		int64_t base = INT64_MAX / (int64_t)(2 + below(r, 299));
		return coin(r) ? base - near : base + near;
	}
	case 3: {
		int64_t p = 1;
		for (uint64_t i = below(r, 19); i > 0; i--)
			p *= 10;
		return p > near ? p - (coin(r) ? near : -near) : p;
	}
	case 4: return (int64_t)(next(r) >> (1 + below(r, 63)));
	default: return (int64_t)(next(r) >> 1);
	}
}

/* Any int64, INT64_MIN's neighbourhood too. */
static int64_t
signed_amount(rng *r)
{
	int64_t a = amount(r);
	if (!coin(r))
		return a;
	return a == INT64_MAX && coin(r) ? INT64_MIN : -a;
}

/* A share in parts per million: the ends and anything between. */
static int32_t
share(rng *r)
{
	switch (below(r, 4)) {
	case 0: return 0;
	case 1: return 1000000;
	case 2: return (int32_t)(999990 + below(r, 11));
	default: return (int32_t)below(r, 1000001);
	}
}

/* ---- the reference, worked out apart ---------------------------------- */

static bool
fits(wide v)
{
	return v >= WIDE_INT64_MIN && v <= WIDE_INT64_MAX;
}

/* V minor units with DIGITS places, by long division on 128 bits. */
static const char *
decimal(wide v, int digits, char buf[64])
{
	char tmp[64];
	size_t t = 0, o = 0;
	uwide mag = v < 0 ? (uwide)0 - (uwide)v : (uwide)v;
	do {
		tmp[t++] = (char)('0' + (int)(mag % 10));
		mag /= 10;
	} while (mag > 0 || t <= (size_t)digits);
	if (v < 0)
		buf[o++] = '-';
	while (t > 0) {
		if (t == (size_t)digits)
			buf[o++] = '.';
		buf[o++] = tmp[--t];
	}
	buf[o] = '\0';
	return buf;
}

/* ROUND is the draw that failed: say so before cmocka stops the test. */
#define expect(cond, round)                                                    \
	do {                                                                   \
		if (!(cond))                                                   \
			print_error("draw %d: %s\n", (round), #cond);          \
		assert_true(cond);                                             \
	} while (0)

/* What came back is the reference's decimal, to the last digit. */
static bool
same_decimal(int64_t got, wide want, int digits)
{
	char a[64], b[64];
	sla_money_format(got, digits, a);
	return strcmp(a, decimal(want, digits, b)) == 0;
}

/* ---- the properties ---------------------------------------------------- */

/* Every int64 written as a decimal reads back exactly; a decimal just past
 * either end (or far past) is refused, leaving the result as it was. */
static void
amounts_read_back_or_are_refused(void **state)
{
	(void)state;
	rng r = { SEED };
	for (int i = 0; i < ROUNDS; i++) {
		int digits = (int)below(&r, 7);
		char text[64], out[64];
		int64_t v = signed_amount(&r), got = 7;
		decimal(v, digits, text);
		sla_money_format(v, digits, out);
		expect(strcmp(out, text) == 0, i);
		expect(sla_money_parse(text, strlen(text), digits, &got) == 0 && got == v, i);

		wide past = coin(&r) ? WIDE_INT64_MAX + 1 + (wide)below(&r, 1000)
				     : WIDE_INT64_MIN - 1 - (wide)below(&r, 1000);
		if (coin(&r))
			past *= (wide)(1 + below(&r, 1000000));
		decimal(past, digits, text);
		got = 7;
		expect(sla_money_parse(text, strlen(text), digits, &got) == -1 && got == 7, i);
	}
}

/* A sum and a product of any two amounts: exact, or -1 and untouched. */
static void
sums_and_products_are_exact_or_refused(void **state)
{
	(void)state;
	rng r = { SEED + 1 };
	for (int i = 0; i < ROUNDS; i++) {
		int64_t a = signed_amount(&r), b = signed_amount(&r), got = 7;
		wide sum = (wide)a + b;
		int rc = sla_money_add(a, b, &got);
		expect(fits(sum) ? rc == 0 && same_decimal(got, sum, 2) : rc == -1 && got == 7, i);

		/* products: one factor large and one small crosses the edge */
		if (coin(&r))
			b = (int64_t)below(&r, 100000) * (coin(&r) ? 1 : -1);
		wide product = (wide)a * b;
		got = 7;
		rc = sla_money_mul(a, b, &got);
		expect(fits(product) ? rc == 0 && same_decimal(got, product, 2)
				     : rc == -1 && got == 7, i);
	}
}

/* A share of any amount, rounded half up: exact, and never above it. */
static void
shares_are_exact(void **state)
{
	(void)state;
	rng r = { SEED + 2 };
	for (int i = 0; i < ROUNDS; i++) {
		int64_t a = amount(&r);
		int32_t ppm = share(&r);
		wide want = ((wide)a * ppm + 500000) / 1000000;
		int64_t got = sla_money_ppm(a, ppm);
		expect(same_decimal(got, want, 2) && got <= a, i);
	}
}

/* A penalty rule of random parts, as text, priced for a random overrun. */
static void
breaches_are_exact_or_refused(void **state)
{
	(void)state;
	static const struct { const char *text; int64_t secs; } units[] = {
		{ "s", 1 }, { "7s", 7 }, { "m", 60 }, { "30m", 1800 }, { "h", 3600 },
		{ "d", 86400 },
	};
	rng r = { SEED + 3 };
	for (int i = 0; i < ROUNDS; i++) {
		int digits = (int)below(&r, 4);
		/* at least one of the fixed amount and the rate */
		unsigned parts = 1 + (unsigned)below(&r, 3);
		bool has_fixed = parts & 1, has_rate = parts & 2, has_max = coin(&r);
		wide fixed = has_fixed ? amount(&r) : 0, rate = has_rate ? amount(&r) : 0;
		wide max = has_max ? amount(&r) : 0;
		/* now and then an amount past the end, which the rule refuses */
		bool past = below(&r, 20) == 0;
		if (past)
			*(has_rate && (!has_fixed || coin(&r)) ? &rate : &fixed) =
				WIDE_INT64_MAX + 1 + (wide)below(&r, 5);
		size_t u = below(&r, sizeof units / sizeof *units);
		char rule[256], a[64], b[64], c[64];
		snprintf(rule, sizeof rule, "%s%s%s%s%s%s%s", has_fixed ? decimal(fixed, digits, a) : "",
			 has_fixed && has_rate ? " + " : "", has_rate ? decimal(rate, digits, b) : "",
			 has_rate ? "/" : "", has_rate ? units[u].text : "", has_max ? " max " : "",
			 has_max ? decimal(max, digits, c) : "");
		sla_penalty pen;
		char err[128];
		int rc = sla_penalty_parse(rule, digits, &pen, err, sizeof err);
		if (past) {
			expect(rc == -1, i);
			continue;
		}
		expect(rc == 0, i);

		int64_t overrun;
		switch (below(&r, 4)) {
		case 0: overrun = (int64_t)below(&r, 3); break;
		case 1: overrun = INT64_MAX - (int64_t)below(&r, 3); break;
		case 2: overrun = (int64_t)below(&r, 1000) * units[u].secs + (int64_t)below(&r, 3); break;
		default: overrun = (int64_t)(next(&r) >> (1 + below(&r, 63))); break;
		}
		wide started = has_rate && overrun > 0 ? (overrun - 1) / units[u].secs + 1 : 0;
		wide want = fixed + started * rate;
		if (has_max && want > max)
			want = max;
		int64_t got = -7;
		rc = sla_penalty_amount(&pen, overrun, &got);
		expect(fits(want) ? rc == 0 && same_decimal(got, want, digits)
				  : rc == -1 && got == -7, i);
	}
}

/* A statement: breaches summed one by one, then the band, credit, cap and
 * total, each exact or the sum refused where the reference leaves 64 bits. */
static void
statements_are_exact_or_refused(void **state)
{
	(void)state;
	rng r = { SEED + 4 };
	for (int i = 0; i < ROUNDS; i++) {
		sla_credit_band bands[3];
		size_t nbands = below(&r, 4);
		for (size_t k = 0; k < nbands; k++)
			bands[k] = (sla_credit_band){ .below_ppm = (int32_t)(1 + below(&r, 1000000)),
						      .credit_ppm = share(&r) };
		sla_cap cap = { .set = coin(&r) };
		if (cap.set && (cap.percent = coin(&r)))
			cap.ppm = share(&r);
		else if (cap.set)
			cap.amount = amount(&r);
		sla_statement_terms t = { .fee = amount(&r), .bands = bands, .nbands = nbands,
					  .cap = &cap };
		/* counts past 1.8e13, where kept * 10^6 leaves 64 bits */
		uint64_t kept = coin(&r) ? below(&r, 1000) : next(&r) >> 2;
		uint64_t broken = coin(&r) ? below(&r, 1000) : next(&r) >> 2;

		int64_t sum = 0;
		wide want_sum = 0;
		bool refused = false;
		for (uint64_t n = 1 + below(&r, 4); n > 0 && !refused; n--) {
			int64_t pen = amount(&r), before = sum;
			want_sum += pen;
			int rc = sla_statement_add_breach(&sum, pen);
			refused = !fits(want_sum);
			expect(refused ? rc == -1 && sum == before : rc == 0 && sum == want_sum, i);
		}
		if (refused)
			continue;

		const sla_credit_band *band = NULL;
		uwide assessed = (uwide)kept + broken;
		for (size_t k = 0; k < nbands; k++)
			if ((uwide)kept * 1000000 < (uwide)bands[k].below_ppm * assessed &&
			    (!band || bands[k].below_ppm < band->below_ppm))
				band = &bands[k];
		wide credit = band ? ((wide)t.fee * band->credit_ppm + 500000) / 1000000 : 0;
		wide total = want_sum + credit;
		sla_statement_price p;
		int rc = sla_statement_price_of(&t, kept, broken, sum, &p);
		if (!fits(total)) {
			expect(rc == -1, i);
			continue;
		}
		wide want_cap = !cap.set ? 0
			: cap.percent ? ((wide)t.fee * cap.ppm + 500000) / 1000000 : cap.amount;
		bool capped = cap.set && want_cap < total;
		expect(rc == 0 && p.band == band, i);
		expect(same_decimal(p.credit, credit, 2) && same_decimal(p.cap, want_cap, 2), i);
		expect(p.capped == capped && same_decimal(p.total, capped ? want_cap : total, 2), i);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(amounts_read_back_or_are_refused),
		cmocka_unit_test(sums_and_products_are_exact_or_refused),
		cmocka_unit_test(shares_are_exact),
		cmocka_unit_test(breaches_are_exact_or_refused),
		cmocka_unit_test(statements_are_exact_or_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
