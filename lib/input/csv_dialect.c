/* csv_dialect.c: the delimiter of a CSV export, sniffed or named, and the
 * size names of its options (sla_csv_dialect.h). */
#include <string.h>

#include "sla_csv_dialect.h"

#define SNIFF_LINES 50

/* Each candidate counted on each line outside quotes; the one the first
 * line has most of and the most lines have as many of wins. */
char
sla_csv_sniff_delim(const char *p, size_t n, bool no_quote)
{
	static const char cand[4] = { ',', ';', '\t', '|' };
	size_t count[SNIFF_LINES][4] = { { 0 } };
	size_t lines = 0, len = 0;
	bool quoted = false;

	for (size_t i = 0; i < n && lines < SNIFF_LINES; i++) {
		char c = p[i];
		if (c == '"' && !no_quote) {
			quoted = !quoted;
		} else if (!quoted && sla_csv_is_eol(c)) {
			lines += len > 0;
			len = 0;
			continue;
		} else if (!quoted) {
			for (int k = 0; k < 4; k++)
				count[lines][k] += c == cand[k];
		}
		len++;
	}
	lines += len > 0 && lines < SNIFF_LINES;
	char best = ',';
	size_t best_score = 0, best_fields = 0;
	for (int k = 0; k < 4 && lines > 0; k++) {
		size_t h = count[0][k], score = 0;
		for (size_t j = 1; j < lines; j++)
			score += count[j][k] == h;
		if (h > 0 && (score > best_score || (score == best_score && h > best_fields))) {
			best = cand[k];
			best_score = score;
			best_fields = h;
		}
	}
	return best;
}

int
sla_csvin_delim_from_name(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "TAB") == 0 || strcmp(s, "\\t") == 0)
		return '\t';
	if (strlen(s) != 1 || *s == '"' || sla_csv_is_eol(*s) || (unsigned char)*s >= 0x80)
		return -1;
	return (unsigned char)*s;
}
