/* sla_visible.h: which characters of a text must not reach a reader as
 * they are, and the visible form each is shown in instead -- the one copy
 * that the messages (sla_diag.h) and every report format share.
 *
 * Not shown as they are ("unsafe"):
 *   - C0 controls (U+0000 to U+001F) and DEL: ESC starts a terminal escape
 *     (retitle a window, clear the screen, fake a line), BEL rings;
 *   - C1 controls (U+0080 to U+009F): a terminal may take U+009B for ESC [;
 *   - the bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066
 *     to U+2069): they reorder what is shown, so a reader would see other
 *     text than is there ("Trojan Source", CVE-2021-42574);
 *   - U+FFFE and U+FFFF: no characters at all (XML refuses them);
 *   - every byte that is not part of well-formed UTF-8 (sla_utf8.h).
 * Everything else -- printable ASCII, Chinese, emoji, combining marks -- is
 * safe.  A safe run can be written through as it is; each unsafe unit is
 * shown by the writer in its format's form, by default sla_visible_form's.
 * Nothing here allocates. */
#ifndef SLA_VISIBLE_H
#define SLA_VISIBLE_H

#include <stddef.h>
#include <stdint.h>

typedef enum sla_unsafe_kind {
	SLA_UNSAFE_CONTROL,	/* a C0 control or DEL: one byte */
	SLA_UNSAFE_CHAR,	/* a well-formed C1 or bidi control, U+FFFE, U+FFFF */
	SLA_UNSAFE_BYTE,	/* one byte that is not part of well-formed UTF-8 */
} sla_unsafe_kind;

/* One unsafe unit: what it is, its code point (for a bad byte: the byte's
 * value) and how many bytes of the text it takes. */
typedef struct sla_unsafe {
	sla_unsafe_kind kind;
	uint32_t cp;
	size_t len;
} sla_unsafe;

/* The length of the safe run that P[0..N) starts with: N when all of it is
 * safe.  When it is less than N, *U is the unsafe unit that ends the run.
 * Printable ASCII is passed over eight bytes at a time. */
size_t sla_visible_run(const char *p, size_t n, sla_unsafe *u);

/* The longest visible form with its NUL ("<U+202E>"). */
#define SLA_VISIBLE_MAX 9

/* The visible form of U into BUF: \t, \n and \r for those three; \xHH
 * (two lower-case hex digits) for the other C0 controls, DEL and a bad
 * byte; <U+HHHH> (upper case) for the rest.  ASCII only, one display
 * column a byte.  Returns the length (without the NUL). */
size_t sla_visible_form(const sla_unsafe *u, char buf[SLA_VISIBLE_MAX]);

/* What a writer does with a safe run and with an unsafe unit. */
typedef struct sla_visible_ops {
	void (*run)(void *ctx, const char *p, size_t n);
	void (*unsafe)(void *ctx, const sla_unsafe *u);
} sla_visible_ops;

/* Hand P[0..N) to OPS in order: each safe run (never empty) to RUN, each
 * unsafe unit to UNSAFE.  The one loop of every writer of text for people. */
void sla_visible_walk(const char *p, size_t n, const sla_visible_ops *ops, void *ctx);

#endif
