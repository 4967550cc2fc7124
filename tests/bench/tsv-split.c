/* tsv-split: the floor of reading a TSV stream, that the benchmarks set
 * beside sla-classify, sla-check and sla-report: read 1 MiB blocks, find
 * each line end with memchr, then each tab of the line with memchr, and
 * count records and fields; nothing else (no unescaping, no CR or NUL
 * checks, no header, no writing).  The stages' reader split the same way
 * until it found tabs and line ends in one pass (lib/stream/tsv_split.c).
 * Prints "records fields".
 *
 *   tsv-split [file]                                                     */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
	unsigned long records, fields;
	int open; /* a line begun and not yet ended: it goes on in the next block */
};

/* Count the lines and fields of one block; a line the block cuts goes on
 * in the next one, a tab at a time, so no byte is copied or searched twice. */
static void
split_block(const char *p, const char *end, struct counts *c)
{
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		for (const char *t = p; (t = memchr(t, '\t', (size_t)(stop - t))) != NULL; t++)
			c->fields++;
		if (!nl) {
			c->open = 1;
			return;
		}
		c->fields++;
		c->records++;
		c->open = 0;
		p = nl + 1;
	}
}

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	struct counts c = { 0, 0, 0 };
	int fd = argc > 1 ? open(argv[1], O_RDONLY) : STDIN_FILENO;
	ssize_t got;

	if (fd < 0) {
		perror("tsv-split: cannot open input");
		return 2;
	}
	while ((got = read(fd, buf, sizeof buf)) > 0)
		split_block(buf, buf + got, &c);
	if (got < 0) {
		perror("tsv-split: read");
		return 2;
	}
	if (c.open) { /* a last line without its line end */
		c.fields++;
		c.records++;
	}
	printf("%lu %lu\n", c.records, c.fields);
	return 0;
}
