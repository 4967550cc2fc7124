/* libFuzzer harness: the rules reader and the classifier, on any bytes.
 * The input is read as a rules file; when it compiles, a few tickets that
 * the input also supplies as their description are classified with it.
 * Then the input is classified as a ticket stream with the default rules.
 * Nothing may crash, leak or run past the match limits.  The corpus is
 * seeded from tests/data, whose classify rules files are among them. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sla_rules.h"

/* Classify the stream held by file descriptor FD with RS, output dropped. */
static void
classify_fd(int fd, const sla_rules *rs, sla_diag *d)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	char *paths[] = { path };
	lseek(fd, 0, SEEK_SET);
	sla_reader *r = sla_reader_open(paths, 1, d);
	int null = open("/dev/null", O_WRONLY);
	sla_writer *w = sla_writer_new(null);
	sla_classify_opts opts = { .default_tier = "normal", .verbose = true };
	if (r && w)
		sla_classify_stream(r, w, rs, &opts, d);
	sla_writer_close(w);
	close(null);
	sla_reader_free(r);
}

static int
memfd_with(const char *p, size_t n)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, p, n) != (ssize_t)n)
		abort();
	return fd;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sla_diag d = sla_diag_init("fuzz");
	d.out = fopen("/dev/null", "w");

	sla_rules *rs = sla_rules_new(size % 2 == 0); /* JIT and interpreter alike */
	if (sla_rules_add_text(rs, "fuzz.rules", (const char *)data, size, &d) == 0) {
		/* the same bytes, as descriptions, in a stream of three columns */
		static const char head[] = "id\tpriority\tdescription\n1\tP1\t";
		char *stream = malloc(sizeof head + size + 1);
		memcpy(stream, head, sizeof head - 1);
		memcpy(stream + sizeof head - 1, data, size);
		int fd = memfd_with(stream, sizeof head - 1 + size);
		classify_fd(fd, rs, &d);
		close(fd);
		free(stream);
	}
	sla_rules_free(rs);

	/* compiled once: it is the same for every input, and reachable */
	static sla_rules *defaults;
	if (!defaults && (!(defaults = sla_rules_new(true)) || sla_rules_add_default(defaults, &d) != 0))
		abort();
	int fd = memfd_with((const char *)data, size);
	classify_fd(fd, defaults, &d);
	close(fd);
	fclose(d.out);
	return 0;
}
