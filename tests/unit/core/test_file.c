/* Unit tests: sla_file_read, the one whole-file reader of lib/ (sla_file.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sla_file.h"

/* A file of N bytes (a repeating pattern) in a fresh temporary directory. */
static char dir[64], path[96];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/test_file.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/f", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

static void
write_file(size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(fputc("abcdefghij\n"[i % 11], f), EOF);
	assert_int_equal(fclose(f), 0);
}

static void
reads_every_byte_and_ends_with_a_nul(void **state)
{
	(void)state;
	/* around the chunk and the doublings: 4096, 8192, ... */
	const size_t sizes[] = { 0, 1, 4095, 4096, 4097, 8191, 8192, 100000 };
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		write_file(sizes[k]);
		size_t len = 7;
		sla_file_error why = SLA_FILE_READ;
		char *buf = sla_file_read(path, SLA_FILE_ANY_SIZE, &len, &why);
		assert_non_null(buf);
		assert_int_equal(why, SLA_FILE_OK);
		assert_int_equal(len, sizes[k]);
		assert_int_equal(buf[len], '\0');
		for (size_t i = 0; i < len; i++)
			assert_int_equal(buf[i], "abcdefghij\n"[i % 11]);
		free(buf);
	}
}

static void
keeps_the_nuls_of_the_file(void **state)
{
	(void)state;
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite("a\0b", 1, 3, f), 3);
	assert_int_equal(fclose(f), 0);
	size_t len = 0;
	char *buf = sla_file_read(path, SLA_FILE_ANY_SIZE, &len, NULL);
	assert_non_null(buf);
	assert_int_equal(len, 3);
	assert_memory_equal(buf, "a\0b", 4);
	free(buf);
}

/* MAX bytes are read; MAX + 1 are refused. */
static void
refuses_a_file_over_the_limit(void **state)
{
	(void)state;
	size_t len = 0;
	sla_file_error why = SLA_FILE_OK;
	write_file(5000);
	char *buf = sla_file_read(path, 5000, &len, &why);
	assert_non_null(buf);
	assert_int_equal(len, 5000);
	free(buf);
	len = 99;
	errno = 0;
	assert_null(sla_file_read(path, 4999, &len, &why));
	assert_int_equal(why, SLA_FILE_TOO_BIG);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(len, 99);
	write_file(1);
	assert_null(sla_file_read(path, 0, &len, &why));
	assert_int_equal(why, SLA_FILE_TOO_BIG);
	write_file(0);
	buf = sla_file_read(path, 0, &len, &why);
	assert_non_null(buf);
	assert_int_equal(len, 0);
	free(buf);
}

static void
says_why_it_could_not(void **state)
{
	(void)state;
	size_t len = 0;
	sla_file_error why = SLA_FILE_OK;
	unlink(path);
	errno = 0;
	assert_null(sla_file_read(path, SLA_FILE_ANY_SIZE, &len, &why));
	assert_int_equal(why, SLA_FILE_OPEN);
	assert_int_equal(errno, ENOENT);
	/* a directory opens, and its read fails */
	why = SLA_FILE_OK;
	assert_null(sla_file_read(dir, SLA_FILE_ANY_SIZE, &len, &why));
	assert_int_equal(why, SLA_FILE_READ);
	assert_int_equal(errno, EIO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_every_byte_and_ends_with_a_nul),
		cmocka_unit_test(keeps_the_nuls_of_the_file),
		cmocka_unit_test(refuses_a_file_over_the_limit),
		cmocka_unit_test(says_why_it_could_not),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
