/* measure: run a shell command N times and print its median wall time in
 * seconds and its peak resident set size in KiB (the largest process of the
 * command, pipelines included: wait4 reports the maximum over the waited-for
 * descendants).  Output is "seconds<TAB>kib", for tests/bench/run.sh.
 *
 *   measure [-n RUNS] 'command'                                          */
#define _DEFAULT_SOURCE /* wait4 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run COMMAND once: its wall time, and its peak RSS into *KIB. */
static double
run_once(const char *command, long *kib)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		exit(2);
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("measure: wait4");
		exit(2);
	}
	double t = now() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "measure: command failed: %s\n", command);
		exit(2);
	}
	*kib = ru.ru_maxrss;
	return t;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	int runs = 3, c;
	while ((c = getopt(argc, argv, "n:")) != -1) {
		if (c != 'n' || (runs = atoi(optarg)) < 1 || runs > 99) {
			fputs("usage: measure [-n RUNS] 'command'\n", stderr);
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fputs("usage: measure [-n RUNS] 'command'\n", stderr);
		return 2;
	}
	double times[99];
	long peak = 0;
	for (int i = 0; i < runs; i++) {
		long kib;
		times[i] = run_once(argv[optind], &kib);
		if (kib > peak)
			peak = kib;
	}
	qsort(times, (size_t)runs, sizeof *times, by_value);
	printf("%.4f\t%ld\n", times[runs / 2], peak);
	return 0;
}
