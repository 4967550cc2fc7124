/* libFuzzer harness: CSV input (any encoding, any dialect) and the whole of
 * sla-parse on any bytes.  Records must come out in order of their start
 * lines, each with at least one field, and nothing may crash or leak. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sla_csvin.h"
#include "sla_parse.h"

static void
read_records(const char *path, sla_diag *d)
{
	sla_csvin_opts o = { .max_field = 4096 };
	sla_csvin *in = sla_csvin_open(path, &o, d);
	sla_csvrec r;
	unsigned long last = 0;

	if (!in)
		return;
	while (sla_csvin_next(in, &r) == 1) {
		if (r.n == 0 || r.line <= last)
			abort();
		last = r.line;
	}
	sla_csvin_free(in);
}

static void
parse_all(const char *path, sla_diag *d)
{
	char err[64];
	sla_tz *tz = sla_tz_load("UTC", err, sizeof err);
	int null = open("/dev/null", O_WRONLY);
	sla_writer *w = sla_writer_new(null);
	sla_parse_opts o = { .tz = tz, .csv.max_field = 4096 };
	sla_export_refusal no;
	sla_parser *ps = sla_parser_new(&o, w, d, &no);

	if (ps)
		sla_parser_file(ps, path, false);
	sla_parser_free(ps);
	sla_writer_close(w);
	close(null);
	sla_tz_free(tz);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	sla_diag d = sla_diag_init("fuzz");
	d.out = fopen("/dev/null", "w");
	read_records(path, &d);
	parse_all(path, &d);
	fclose(d.out);
	close(fd);
	return 0;
}
