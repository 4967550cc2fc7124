/* rules_int.h: private to lib/classify/, the rule set's insides shared by
 * its files: rules.c (reading rules files into them, and freeing them)
 * owns struct rule and struct sla_rules; classifier.c (running them on a
 * stream) and rules_tiers.c (their tiers against a policy's) only read
 * them.  Not for the tools: they use sla_rules.h. */
#ifndef SLA_RULES_INT_H
#define SLA_RULES_INT_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sla_rules.h"

/* One rule, one line of a rules file: built by rules.c, read by the
 * classifier. */
typedef struct rule {
	char *tier;		/* owned */
	size_t tier_len;	/* its strlen, kept for each record it names */
	char *fields;		/* owned: the field names, each ended by a NUL */
	size_t nfields;
	const char *file;	/* owned by the rule set */
	unsigned long line;
	char *label;		/* owned: "file:line", escaped for the stream */
	size_t label_len;
	pcre2_code *code;
	bool jit;
	uint32_t min_length;	/* in characters, so also a floor in bytes */
	/* a "&" line: one more condition of the rule above it, which
	 * matches only when each of its lines does (TIER is then "&") */
	bool cond;
} rule;

/* The rules in file order (the first match wins), and the names of the
 * texts they came from, which each rule's file points into. */
struct sla_rules {
	bool use_jit;
	rule *rules;
	size_t n, cap;
	char **files;		/* owned names, one per text added */
	size_t nfiles, capfiles;
};

#endif
