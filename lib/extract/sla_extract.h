/* lib/extract/: a commitment letter's text into a draft policy (lib/README).
 *
 * sla_extract.h: sla-extract's work (DESIGN §12, sla-extract(1)).  A
 * letter (服务响应时间承诺书) is read as text in any encoding sla-parse
 * detects, cut into lines and sentences, and searched with PCRE2 for its
 * quantitative commitments: a time limit (30分钟, 两小时, 半个工作日,
 * 4~6小时), the step it limits (response, onsite, workaround, resolve,
 * replacement, or a commitment no built-in metric measures), the tier it
 * is for (紧急, 一般故障, 一级), its calendar (7×24, 5×8, 工作日) and its
 * condition (如果…8小时内无法排除).  Exclusions, 违约责任 and what cannot be
 * expressed are kept as notes.  No learning, no network: words and
 * shapes of the language, in the files of this folder.
 *
 * The result is written as a policy draft (sla-policy(5)), a rules draft
 * for its tiers (sla-rules(5)), or a table of the commitments; every value
 * cites its line and sentence, and every inference says "review:".
 *
 * Cost: linear in the text; each sentence is matched within PCRE2 limits
 * and cut at SLA_EXTRACT_SENTENCE_MAX bytes, so any text ends in bounded
 * time.  The whole text is held in memory (a letter is small; a text above
 * SLA_EXTRACT_MAX_BYTES is refused). */
#ifndef SLA_EXTRACT_H
#define SLA_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sla_diag.h"

/* The most bytes of letter a run reads, all files together. */
#define SLA_EXTRACT_MAX_BYTES ((size_t)16 << 20)
/* A sentence longer than this is read in pieces of this size. */
#define SLA_EXTRACT_SENTENCE_MAX 2048

typedef struct sla_extract_opts {
	const char *encoding;	/* the letter's encoding; NULL: detected */
	const char *tz;		/* [policy] timezone of the draft; NULL: Asia/Shanghai, to review */
} sla_extract_opts;

typedef struct sla_extract sla_extract;

/* An extraction with options O (copied; its strings are borrowed for the
 * run).  NULL, with the message on D, when out of memory. */
sla_extract *sla_extract_new(const sla_extract_opts *o, const sla_diag *d);
void sla_extract_free(sla_extract *x);

/* Add the letter text BYTES[0..N) named NAME (for citations and
 * messages): decoded from its encoding (detected, or O->encoding) to
 * UTF-8, bytes that are not text becoming U+FFFD.  Several texts are read
 * as one letter, in order.  -1 with the message on D on error (an unknown
 * encoding, too much text, out of memory). */
int sla_extract_add_text(sla_extract *x, const char *name, const char *bytes, size_t n,
			 const sla_diag *d);
/* The same for the file PATH ("-": standard input). */
int sla_extract_add_file(sla_extract *x, const char *path, const sla_diag *d);

/* Find the commitments of the texts added.  -1 when out of memory. */
int sla_extract_run(sla_extract *x, const sla_diag *d);

/* How many targets the draft sets (0: the letter commits to none). */
size_t sla_extract_ntargets(const sla_extract *x);

/* The policy draft, the rules draft and the commitments table (tier,
 * metric, target, calendar, condition, line, sentence) on OUT.  RULES_NAME
 * is the rules draft's file name for the policy's comments, or NULL.  0,
 * or -1 when a write failed (the caller names the output). */
int sla_extract_write_policy(const sla_extract *x, const char *rules_name, FILE *out);
int sla_extract_write_rules(const sla_extract *x, FILE *out);
int sla_extract_write_tsv(const sla_extract *x, FILE *out);

/* For -v: each clause found and what it became, in the letter's order,
 * one message a clause on D ("file:line: response 2h, tier urgent \"…\"");
 * said at every level of D (no warning: what -v asked for, -q keeps it). */
void sla_extract_report(const sla_extract *x, const sla_diag *d);

#endif
