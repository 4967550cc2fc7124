/* sla_scan.h: what the readers of hand-written values (hours, dates,
 * durations, names from a fixed list) share: two character tests, a name's
 * place in its list, and the error text. */
#ifndef SLA_SCAN_H
#define SLA_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static inline bool
sla_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* P past any spaces and tabs. */
static inline const char *
sla_skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The index of NAME among the N NAMES (a NULL entry matches nothing),
 * or -1 when it is none of them. */
static inline int
sla_name_index(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

/* Say in ERR (ERRLEN bytes; ERR may be NULL) what is wrong with the N
 * bytes at WHAT: FMT holds one %.*s for them. */
static inline void __attribute__((format(printf, 3, 0)))
sla_scan_error(char *err, size_t errlen, const char *fmt, const char *what, size_t n)
{
	if (err && errlen)
		snprintf(err, errlen, fmt, (int)n, what);
}

#endif
