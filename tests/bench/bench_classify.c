/* bench_classify: tickets per second of sla-classify's engine with the
 * embedded default rules.
 *
 *   bench_classify [--rows N] [--tickets FILE] [--no-priority]
 *
 * Repeats the tickets of FILE (default tests/data/classify/tickets.tsv:
 * Chinese and English, every class of the default rules) to N rows in a
 * temporary file, then times the whole path of the tool on it: read,
 * classify, write to /dev/null.  With --no-priority the priority and
 * severity columns are left empty, so that every ticket reaches the
 * description rules: the worst case.  Prints tickets/s and MB/s. */
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sla_rules.h"

/* Write the header and the records of the sample R to F, until ROWS
 * records are written in all (*WRITTEN counts them); with NO_PRIORITY the
 * priority and severity columns are written empty. */
static int
write_pass(FILE *f, sla_reader *r, long rows, long *written, bool no_priority)
{
	const sla_field *h = sla_reader_header(r);
	size_t ncols = sla_reader_ncols(r);
	int emptied[2] = { sla_reader_column(r, "priority"), sla_reader_column(r, "severity") };
	int got = 0;

	for (size_t i = 0; *written == 0 && i < ncols; i++)
		fprintf(f, "%.*s%s", (int)h[i].n, h[i].p, i + 1 < ncols ? "\t" : "\n");
	while (*written < rows && (got = sla_reader_next(r)) > 0) {
		const sla_field *in = sla_reader_fields(r);
		for (size_t i = 0; i < ncols; i++) {
			bool empty = no_priority && ((int)i == emptied[0] || (int)i == emptied[1]);
			fprintf(f, "%.*s%s", empty ? 0 : (int)in[i].n, in[i].p, i + 1 < ncols ? "\t" : "\n");
		}
		(*written)++;
	}
	return got;
}

/* ROWS records: the sample SAMPLE, again and again. */
static int
write_tickets(FILE *f, char *sample, long rows, bool no_priority)
{
	sla_diag d = sla_diag_init("bench_classify");
	long written = 0;

	while (written < rows) {
		sla_reader *r = sla_reader_open(&sample, 1, &d);
		long before = written;
		int got = r ? write_pass(f, r, rows, &written, no_priority) : -1;
		sla_reader_free(r);
		if (got < 0 || written == before)
			return -1;
	}
	return fflush(f);
}

static double
seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
bench(char *path, long rows, long bytes, const char *what)
{
	sla_diag d = sla_diag_init("bench_classify");
	sla_rules *rs = sla_rules_new(true);
	sla_reader *r = sla_reader_open(&path, 1, &d);
	int null = open("/dev/null", O_WRONLY);
	sla_writer *w = null >= 0 ? sla_writer_new(null) : NULL;
	sla_classify_opts opts = { 0 };
	int rc = -1;

	if (rs && r && w && sla_rules_add_default(rs, &d) == 0) {
		double t0 = seconds();
		rc = sla_classify_stream(r, w, rs, &opts, &d);
		double t = seconds() - t0;
		printf("sla-classify (default rules): %ld tickets in %.3f s: %.0f tickets/s, %.1f MB/s%s\n",
		       rows, t, (double)rows / t, (double)bytes / t / 1e6, what);
	}
	sla_writer_close(w);
	if (null >= 0)
		close(null);
	sla_reader_free(r);
	sla_rules_free(rs);
	return rc;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rows", required_argument, NULL, 'n' },
		{ "tickets", required_argument, NULL, 't' },
		{ "no-priority", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	long rows = 1000000;
	char *sample = "tests/data/classify/tickets.tsv";
	bool no_priority = false;
	int c;

	while ((c = getopt_long(argc, argv, "n:t:P", longopts, NULL)) != -1) {
		switch (c) {
		case 'n': rows = strtol(optarg, NULL, 10); break;
		case 't': sample = optarg; break;
		case 'P': no_priority = true; break;
		default:
			fputs("usage: bench_classify [--rows N] [--tickets FILE] [--no-priority]\n", stderr);
			return 2;
		}
	}
	char path[] = "/tmp/sla-bench-classify-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f || rows < 1 || write_tickets(f, sample, rows, no_priority) != 0) {
		fputs("bench_classify: cannot write the tickets\n", stderr);
		if (f) {
			fclose(f);
			unlink(path);
		}
		return 2;
	}
	long bytes = ftell(f);
	fclose(f);
	int rc = bench(path, rows, bytes, no_priority ? " (no priorities)" : "");
	unlink(path);
	return rc < 0 ? 2 : 0;
}
