/* csv-count: the bare libcsv loop the benchmarks compare sla-parse with:
 * count fields and records of a CSV file, nothing else (strict mode, no
 * space trimming, 1 MiB reads).  Prints "records fields". */
#include <csv.h>
#include <stdio.h>
#include <string.h>

struct counts {
	unsigned long fields, records;
};

static void
on_field(void *s, size_t n, void *data)
{
	(void)s;
	(void)n;
	((struct counts *)data)->fields++;
}

static void
on_record(int c, void *data)
{
	(void)c;
	((struct counts *)data)->records++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
main(int argc, char **argv)
{
	static char buf[1 << 20];
	struct csv_parser p;
	struct counts counts = { 0, 0 };
	FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
	size_t n;

	if (!f || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fputs("csv-count: cannot open input\n", stderr);
		return 2;
	}
	csv_set_space_func(&p, no_space);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, &counts) != n) {
			fprintf(stderr, "csv-count: %s\n", csv_strerror(csv_error(&p)));
			return 2;
		}
	csv_fini(&p, on_field, on_record, &counts);
	csv_free(&p);
	printf("%lu %lu\n", counts.records, counts.fields);
	return 0;
}
