/*
 * test_cpus.c - --jobs auto counts the CPUs the process may run on
 * (tools/cpus.c): those of its affinity mask, not those of the machine.
 * Criterion runs each test in its own process, so narrowing the mask
 * here leaves the other tests alone.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "cpus.h"

/* The first CPU of the process's mask; -1 when it cannot be read. */
static int first_cpu(void)
{
	cpu_set_t set;
	int c;

	CPU_ZERO(&set);
	if (sched_getaffinity(0, sizeof(set), &set) != 0) {
		return -1;
	}
	for (c = 0; c < CPU_SETSIZE; c++) {
		if (CPU_ISSET(c, &set)) {
			return c;
		}
	}
	return -1;
}

Test(cpus, the_count_is_that_of_the_affinity_mask)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	cr_assert_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	cr_assert_eq(cli_cpu_count(), (size_t)CPU_COUNT(&set));
}

Test(cpus, a_process_confined_to_one_cpu_counts_one)
{
	cpu_set_t one;
	int c = first_cpu();

	cr_assert_geq(c, 0);
	CPU_ZERO(&one);
	CPU_SET(c, &one);
	cr_assert_eq(sched_setaffinity(0, sizeof(one), &one), 0);
	cr_assert_eq(cli_cpu_count(), 1,
		"--jobs auto would start %zu threads on one CPU (%ld online)",
		cli_cpu_count(), sysconf(_SC_NPROCESSORS_ONLN));
}
