/*
 * cpus.h - how many CPUs this process may run on (--jobs auto).
 */
#ifndef DT_CPUS_H
#define DT_CPUS_H

#include <stddef.h>

/** The CPUs this process may run on: those of its affinity mask
 *  (taskset, a cgroup cpuset), else those online; at least 1. */
size_t cli_cpu_count(void);

#endif /* DT_CPUS_H */
