/*
 * cpus.c - how many CPUs this process may run on, for --jobs auto.
 *
 * sysconf(_SC_NPROCESSORS_ONLN) counts the machine's CPUs, but a process
 * started under taskset or numactl, or in a container or CI runner
 * confined to a cgroup cpuset, may run on fewer: threads beyond those
 * only take turns, each with its own scratch memory.  The affinity mask
 * says which CPUs the process may use.  It can name more CPUs than a
 * cpu_set_t holds (1,024) on large machines, so the set grows until the
 * kernel's mask fits; where the mask cannot be read, the online count
 * stands.  (A CFS quota, "--cpus 1.5", is time, not CPUs, and is not
 * counted: the threads still spread over the CPUs of the mask.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <unistd.h>

#include "cpus.h"

/* The largest mask tried: 2^16 CPUs, far past any machine. */
#define MAX_MASK_CPUS 65536

/* CPUs in the affinity mask; 0 when it cannot be read. */
static size_t affinity_count(void)
{
	int ncpus;

	for (ncpus = 1024; ncpus <= MAX_MASK_CPUS; ncpus *= 2) {
		cpu_set_t *set = CPU_ALLOC((size_t)ncpus);
		size_t size = CPU_ALLOC_SIZE((size_t)ncpus);
		int n = -1;

		if (set == NULL) {
			return 0;
		}
		CPU_ZERO_S(size, set);
		if (sched_getaffinity(0, size, set) == 0) {
			n = CPU_COUNT_S(size, set);
		}
		CPU_FREE(set);
		if (n >= 0) {
			return (size_t)n;
		}
		if (errno != EINVAL) {
			return 0; /* EINVAL: the kernel's mask is larger */
		}
	}
	return 0;
}

size_t cli_cpu_count(void)
{
	size_t n = affinity_count();
	long online;

	if (n > 0) {
		return n;
	}
	online = sysconf(_SC_NPROCESSORS_ONLN);
	return online > 0 ? (size_t)online : 1;
}
