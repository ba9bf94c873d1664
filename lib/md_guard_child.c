/*
 * md_guard_child.c - a Markdown parse under a budget.  The cmark parse
 * and walk (dt__md_blocks) run in a forked child with RLIMIT_CPU set to
 * the CPU budget and cmark's memory counted against the memory budget
 * (RLIMIT_AS, somewhat above it, is the backstop); the child sends the
 * blocks back through a pipe and the parent rebuilds them.
 *
 * Cost: fork copies the caller's page tables, about 0.1 ms per MiB the
 * calling process holds (1 to 3 ms for dirtrace), plus the copy of the
 * blocks: tests/check_limits.sh measures it.  So only suspect or large
 * documents come here (md_guard.c).
 *
 * Wire format (one machine: native byte order): a tag byte, then fields
 * as uint64_t and strings as a uint64_t length (UINT64_MAX = NULL) and
 * bytes.  'B' a block, 'E' the end (status, line, column, message), 'M'
 * cmark went over the memory budget.  A child that dies without 'E' was
 * killed by its CPU limit (SIGXCPU, or SIGKILL at the hard limit) or
 * crashed.  In a multithreaded caller the child runs only this code,
 * cmark and malloc (which glibc keeps usable after fork), and closes
 * every other descriptor first, so that no other thread's pipe stays
 * open in it.  The parent waits for the child's reply with poll(2) and a
 * wall-clock backstop (ten times the CPU budget, plus 10 s), for a child
 * that uses no CPU at all.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "md_guard.h"

enum { TAG_BLOCK = 'B', TAG_END = 'E', TAG_MEMORY = 'M', NFIELDS = 8 };
#define NO_STRING UINT64_MAX
/* Wall-clock backstop: the CPU budget times this, plus this many s. */
#define WALL_FACTOR 10.0
#define WALL_EXTRA 10.0

/* ## The child */

typedef struct {
	int fd;
	int failed;
	size_t n;
	unsigned char buf[65536];
} writer;

static writer wr = { -1, 0, 0, { 0 } }; /* used in the child only */

/* write(2) all of p[0..n); 0 or -1. */
static int write_all(int fd, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k < 0 && errno == EINTR) {
			continue;
		}
		if (k <= 0) {
			return -1;
		}
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

static void w_flush(writer *w)
{
	if (!w->failed && write_all(w->fd, w->buf, w->n) < 0) {
		w->failed = 1;
	}
	w->n = 0;
}

static void w_bytes(writer *w, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n > 0 && !w->failed) {
		size_t k = sizeof(w->buf) - w->n;

		if (k > n) {
			k = n;
		}
		memcpy(w->buf + w->n, s, k);
		w->n += k;
		s += k;
		n -= k;
		if (w->n == sizeof(w->buf)) {
			w_flush(w);
		}
	}
}

static void w_u64(writer *w, uint64_t v)
{
	w_bytes(w, &v, sizeof(v));
}

static void w_str(writer *w, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	w_u64(w, s ? (uint64_t)n : NO_STRING);
	w_bytes(w, s, n);
}

static void send_blocks(writer *w, const dt_blocks *b, int rc,
	const dt_error *e)
{
	unsigned char tag = TAG_BLOCK;
	size_t i, k;

	for (i = 0; i < b->n; i++) {
		const dt_block *blk = &b->v[i];
		uint64_t f[NFIELDS] = { (uint64_t)blk->kind,
			(uint64_t)(int64_t)blk->level, blk->line,
			blk->last_line, blk->strong_len, (uint64_t)blk->header,
			blk->table, blk->ncells };

		w_bytes(w, &tag, 1);
		w_bytes(w, f, sizeof(f));
		w_str(w, blk->text);
		for (k = 0; k < blk->ncells; k++) {
			w_str(w, blk->cells[k]);
		}
	}
	tag = TAG_END;
	w_bytes(w, &tag, 1);
	w_u64(w, (uint64_t)(int64_t)rc);
	w_u64(w, e->line);
	w_u64(w, e->column);
	w_str(w, e->message);
	w_flush(w);
}

_Noreturn void dt__md_over_budget(void)
{
	unsigned char tag = TAG_MEMORY;

	if (wr.fd >= 0 && write_all(wr.fd, &tag, 1) < 0) {
		_exit(5);
	}
	_exit(4);
}

/* The child's size in bytes of address space, 0 when unknown (read with
 * read(2): no stdio between fork and _exit). */
static size_t vm_bytes(void)
{
	char buf[64];
	int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	size_t pages = 0;
	ssize_t i;
	long psz = sysconf(_SC_PAGESIZE);

	if (fd >= 0) {
		close(fd);
	}
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) {
		pages = pages * 10 + (size_t)(buf[i] - '0');
	}
	return psz > 0 && pages < SIZE_MAX / (size_t)psz ?
		pages * (size_t)psz : 0;
}

/* Lower limit `res` to cur (hard limit hard), never above the present
 * hard limit. */
static void lower_limit(int res, rlim_t cur, rlim_t hard)
{
	struct rlimit rl;

	if (getrlimit(res, &rl) != 0) {
		return;
	}
	if (rl.rlim_max != RLIM_INFINITY && hard > rl.rlim_max) {
		hard = rl.rlim_max;
	}
	rl.rlim_cur = cur < hard ? cur : hard;
	rl.rlim_max = hard;
	(void)setrlimit(res, &rl);
}

/* Close every descriptor but 0, 1, 2 and `keep`: in a multithreaded
 * caller another thread's pipe to its own child would otherwise stay
 * open here, and that child's parent would wait for us. */
static void close_others(int keep)
{
	long max = sysconf(_SC_OPEN_MAX);
	int fd;

	if ((keep == 3 || close_range(3, (unsigned)keep - 1, 0) == 0) &&
		close_range((unsigned)keep + 1, ~0u, 0) == 0) {
		return;
	}
	if (max < 0 || max > 65536) {
		max = 65536;
	}
	for (fd = 3; fd < max; fd++) {
		if (fd != keep) {
			close(fd);
		}
	}
}

static void child_limits(const dt_parse_opts *o)
{
	size_t vm = vm_bytes(), slack = o->max_memory;

	lower_limit(RLIMIT_CORE, 0, 0);
	lower_limit(RLIMIT_CPU, o->max_seconds, (rlim_t)o->max_seconds + 1);
	/* the backstop: cmark's memory is counted; ours and libc's are not
	 * (our blocks are bounded by the input) */
	if (vm > 0 && slack <= (SIZE_MAX - vm) / 2) {
		lower_limit(RLIMIT_AS, vm + 2 * slack, vm + 2 * slack);
	}
	signal(SIGXCPU, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
}

static _Noreturn void child_main(int fd, const char *src, size_t len,
	const dt_parse_opts *o, size_t max_blocks)
{
	dt_blocks b;
	dt_error e;
	int rc;

	memset(&e, 0, sizeof(e));
	close_others(fd);
	wr.fd = fd;
	child_limits(o);
	dt__blocks_init(&b, max_blocks);
	rc = dt__md_blocks(&b, src, len, o->max_memory, &e);
	send_blocks(&wr, &b, rc, &e);
	dt__blocks_dispose(&b);
	_exit(wr.failed ? 3 : 0);
}

/* ## The parent */

typedef struct {
	int fd;
	unsigned char *buf;
	size_t pos, n;
	size_t max_str;  /* no string is longer */
	double deadline; /* CLOCK_MONOTONIC seconds */
	int timed_out;
} reader;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wait until the child has written something, or the deadline (a child
 * that uses no CPU, say stopped or deadlocked, never meets its CPU
 * limit); -1 past the deadline. */
static int r_wait(reader *r)
{
	for (;;) {
		struct pollfd p = { r->fd, POLLIN, 0 };
		double left = r->deadline - now();
		int k;

		if (left <= 0) {
			r->timed_out = 1;
			return -1;
		}
		k = poll(&p, 1, left > 1e6 ? 1000000000 : (int)(left * 1000) + 1);
		if (k > 0 || (k < 0 && errno != EINTR)) {
			return 0;
		}
	}
}

/* Read exactly n bytes into p; -1 at the end of the stream. */
static int r_bytes(reader *r, void *p, size_t n)
{
	unsigned char *d = p;

	while (n > 0) {
		size_t k = r->n - r->pos;

		if (k == 0) {
			ssize_t got = r_wait(r) < 0 ? 0 :
				read(r->fd, r->buf, 65536);

			if (got < 0 && errno == EINTR) {
				continue;
			}
			if (got <= 0) {
				return -1;
			}
			r->pos = 0;
			r->n = (size_t)got;
			continue;
		}
		if (k > n) {
			k = n;
		}
		memcpy(d, r->buf + r->pos, k);
		r->pos += k;
		d += k;
		n -= k;
	}
	return 0;
}

/* A string into *out (NULL stays NULL): 0, DT_ENOMEM, or DT_ERROR for a
 * short or malformed stream. */
static int r_str(reader *r, char **out)
{
	uint64_t n;

	*out = NULL;
	if (r_bytes(r, &n, sizeof(n)) < 0) {
		return DT_ERROR;
	}
	if (n == NO_STRING) {
		return 0;
	}
	if (n > r->max_str) {
		return DT_ERROR;
	}
	*out = dt__malloc((size_t)n + 1);
	if (*out == NULL) {
		return DT_ENOMEM;
	}
	(*out)[n] = '\0';
	return r_bytes(r, *out, (size_t)n) < 0 ? DT_ERROR : 0;
}

static int recv_block(reader *r, dt_blocks *out, size_t max_cells)
{
	uint64_t f[NFIELDS];
	dt_block *blk;
	int rc;

	if (r_bytes(r, f, sizeof(f)) < 0 || f[0] > DT_BLOCK_BREAK ||
		f[7] > max_cells) {
		return DT_ERROR;
	}
	rc = dt__blocks_push(out, &blk);
	if (rc < 0) {
		return rc;
	}
	blk->kind = (dt_block_kind)f[0];
	blk->level = (int)(int64_t)f[1];
	blk->line = (size_t)f[2];
	blk->last_line = (size_t)f[3];
	blk->strong_len = (size_t)f[4];
	blk->header = (int)f[5];
	blk->table = (size_t)f[6];
	rc = r_str(r, &blk->text);
	if (rc == 0 && (f[7] > 0 || blk->kind == DT_BLOCK_ROW)) {
		blk->cells = dt__calloc(f[7] ? (size_t)f[7] : 1,
			sizeof(char *));
		rc = blk->cells ? 0 : DT_ENOMEM;
	}
	while (rc == 0 && blk->ncells < f[7]) {
		rc = r_str(r, &blk->cells[blk->ncells]);
		blk->ncells += rc == 0;
	}
	return rc;
}

/* What the child said, rebuilt into `out`: 0 and *tag TAG_END (its
 * status in *child_rc, its error in *e), 0 and *tag TAG_MEMORY, 0 and
 * *tag 0 for a stream that ended early, or our own failure. */
static int receive(reader *r, dt_blocks *out, const dt_parse_opts *o,
	unsigned char *tag, int *child_rc, dt_error *e)
{
	uint64_t v[3];
	int rc = 0;

	*tag = 0;
	while (rc == 0) {
		unsigned char t;

		if (r_bytes(r, &t, 1) < 0) {
			return 0;
		}
		if (t == TAG_MEMORY) {
			*tag = t;
			return 0;
		}
		if (t == TAG_END) {
			char *msg = NULL;

			rc = r_bytes(r, v, sizeof(v)) < 0 ? DT_ERROR :
				r_str(r, &msg);
			if (rc < 0) {
				dt__free(msg);
				break;
			}
			*tag = t;
			*child_rc = (int)(int64_t)v[0];
			dt__fail(e, *child_rc, (size_t)v[1], (size_t)v[2], "%s",
				msg ? msg : "");
			dt__free(msg);
			return 0;
		}
		rc = t == TAG_BLOCK ? recv_block(r, out, o->max_cells) :
			DT_ERROR;
	}
	return rc == DT_ERROR ? 0 : rc; /* a malformed stream: ended early */
}

/* Wait for `pid` (killing it first when `kill_it`); its wait status, or
 * -1 when unknown. */
static int reap(pid_t pid, int kill_it)
{
	int st = 0;

	if (kill_it) {
		kill(pid, SIGKILL);
	}
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			return -1;
		}
	}
	return st;
}

/* The error for a child that ended without a result. */
static int died(dt_error *err, int st, const dt_parse_opts *o,
	const char *why)
{
	if (st != -1 && WIFSIGNALED(st) && (WTERMSIG(st) == SIGXCPU ||
		WTERMSIG(st) == SIGKILL)) {
		return dt__fail(err, DT_ELIMIT, 0, 0, "document too complex "
			"(%s; over the %u s CPU budget of a guarded parse)",
			why, o->max_seconds);
	}
	if (st != -1 && WIFSIGNALED(st)) {
		return dt__fail(err, DT_ERROR, 0, 0, "the markdown parser "
			"died of signal %d (%s)", WTERMSIG(st), why);
	}
	return dt__fail(err, DT_ERROR, 0, 0, "the markdown parser ended "
		"without a result (status %d; %s)", st != -1 &&
		WIFEXITED(st) ? WEXITSTATUS(st) : -1, why);
}

/* Read the child's reply into `out` and wait for it. */
static int parent_side(dt_blocks *out, int fd, pid_t pid, size_t len,
	const dt_parse_opts *o, const char *why, dt_error *err)
{
	reader r = { fd, NULL, 0, 0, 2 * len + 64, 0, 0 };
	dt_error e = { 0 };
	unsigned char tag = 0;
	int rc, child_rc = 0, st;

	r.deadline = now() + WALL_FACTOR * o->max_seconds + WALL_EXTRA;
	r.buf = dt__malloc(65536);
	rc = r.buf ? receive(&r, out, o, &tag, &child_rc, &e) : DT_ENOMEM;
	dt__free(r.buf);
	st = reap(pid, tag != TAG_END);
	if (rc == 0 && r.timed_out) {
		return dt__fail(err, DT_ELIMIT, 0, 0, "document too complex "
			"(%s; no result within %.0f s)", why,
			WALL_FACTOR * o->max_seconds + WALL_EXTRA);
	}
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	if (tag == TAG_MEMORY) {
		return dt__fail(err, DT_ELIMIT, 0, 0, "document too complex "
			"(%s; over the %zu MiB memory budget of a guarded "
			"parse)", why, o->max_memory >> 20);
	}
	if (tag != TAG_END) {
		return died(err, st, o, why);
	}
	if (child_rc < 0) {
		if (err != NULL) {
			*err = e;
		}
		return child_rc;
	}
	return 0;
}

/* No child: a suspect document is refused, another parsed here. */
static int no_child(dt_blocks *out, const char *src, size_t len,
	const char *why, int suspect, int errnum, dt_error *err)
{
	if (!suspect) {
		return dt__md_blocks(out, src, len, 0, err);
	}
	return dt__fail(err, DT_ELIMIT, 0, 0, "document too complex (%s) "
		"and no process for a guarded parse: %s", why,
		strerror(errnum));
}

int dt__md_blocks_guarded(dt_blocks *out, const char *src, size_t len,
	const dt_parse_opts *o, const char *why, int suspect, dt_error *err)
{
	int fds[2], rc;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0) {
		return no_child(out, src, len, why, suspect, errno, err);
	}
	pid = fork();
	if (pid < 0) {
		rc = errno;
		close(fds[0]);
		close(fds[1]);
		return no_child(out, src, len, why, suspect, rc, err);
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(fds[1], src, len, o, out->max_blocks);
	}
	close(fds[1]);
	rc = parent_side(out, fds[0], pid, len, o, why, err);
	close(fds[0]);
	return rc;
}
