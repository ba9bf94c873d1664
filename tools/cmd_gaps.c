/*
 * cmd_gaps.c - `dirtrace gaps`: the main job.  One directive, many local
 * documents (files or folders searched recursively), one report of what
 * is covered and what is missing.
 *
 * With --jobs N, N threads read, parse and prepare local documents
 * (dt_review_prepare) while the main thread merges them into the review
 * and prints their diagnostics strictly in input order, so the output is
 * the same byte for byte whatever N is.  At most 2N documents are in
 * flight: memory does not grow with the number of documents.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cpus.h"

static const char gaps_help[] =
	"Usage: dirtrace gaps [OPTIONS] DIRECTIVE LOCAL...\n"
	"Link every unit of DIRECTIVE to the units of the LOCAL documents\n"
	"that implement it (explicitly through citations, implicitly through\n"
	"similar wording) and report coverage and gaps.  LOCAL may be a\n"
	"folder: it is searched for *.md, *.markdown, *.xml and *.txt.\n\n"
	"Options:\n"
	"  -f, --format FMT       text (default), md, json, csv or html\n"
	"      --fail-under PCT   exit 1 when obligation coverage is below PCT\n"
	"      --explicit-only    --fail-under counts explicit coverage only\n"
	"      --min-score X      keep implicit links scoring at least X\n"
	"                         (0..1; default: calibrated on the corpus)\n"
	"      --min-share X      keep implicit links whose unit holds terms\n"
	"                         worth at least X of the paragraph's (0..1,\n"
	"                         0: any; default: chosen on the corpus)\n"
	"      --no-implicit      explicit links only\n"
	"      --accept FILE      accepted gaps: eId<TAB>not-applicable|\n"
	"                         alternative|planned<TAB>reason\n"
	"      --keep-going       a LOCAL that cannot be read is reported and\n"
	"                         skipped without failing the run\n"
	"  -j, --jobs N           read and match local documents in N threads\n"
	"                         (default 1; 0 or auto: one per CPU the\n"
	"                         process may use); the report is the same\n"
	"                         for any N\n"
	"      --csv-bom          start CSV output with a UTF-8 BOM\n"
	CLI_COMMON_HELP;

enum {
	OPT_FAIL_UNDER = CLI_OPT_FIRST_VERB, OPT_EXPLICIT_ONLY, OPT_MIN_SCORE,
	OPT_MIN_SHARE, OPT_NO_IMPLICIT, OPT_ACCEPT, OPT_KEEP_GOING, OPT_CSV_BOM
};

enum { MAX_JOBS = 256 };

static const struct option gaps_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "format", required_argument, NULL, 'f' },
	{ "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
	{ "explicit-only", no_argument, NULL, OPT_EXPLICIT_ONLY },
	{ "min-score", required_argument, NULL, OPT_MIN_SCORE },
	{ "min-share", required_argument, NULL, OPT_MIN_SHARE },
	{ "no-implicit", no_argument, NULL, OPT_NO_IMPLICIT },
	{ "accept", required_argument, NULL, OPT_ACCEPT },
	{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
	{ "csv-bom", no_argument, NULL, OPT_CSV_BOM },
	{ "jobs", required_argument, NULL, 'j' },
	{ NULL, 0, NULL, 0 }
};

typedef struct {
	cli_common c;
	dt_report_format fmt;
	double fail_under;       /* < 0: not set */
	int explicit_only, keep_going;
	unsigned jobs;           /* 0: one per CPU */
	unsigned write_flags;
	dt_review_opts ropts;
	const char *accept;
} gaps_args;

/* --jobs: a count of threads, "auto" = 0 (one per CPU). */
static int parse_jobs(unsigned *out, const char *arg)
{
	char *end = NULL;
	long v;

	if (strcmp(arg, "auto") == 0) {
		*out = 0;
		return 0;
	}
	v = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || v < 0 || v > MAX_JOBS) {
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

/* A number in [lo, hi] from `arg`; -1 when it is not one. */
static int parse_num(double *out, const char *arg, double lo, double hi)
{
	char *end = NULL;
	double v = strtod(arg, &end);

	if (end == arg || *end != '\0' || !(v >= lo && v <= hi)) { /* NaN too */
		return -1;
	}
	*out = v;
	return 0;
}

/* An option of gaps' own (cli_option_fn). */
static int own_option(int opt, const char *arg, void *payload)
{
	gaps_args *a = payload;

	switch (opt) {
	case 'f':
		return dt_report_format_from_name(&a->fmt, arg) < 0 ||
			a->fmt == DT_REPORT_TSV ? cli_usage_error("gaps",
			"--format takes text, md, json, csv or html, not '%s'",
			arg) : 0;
	case OPT_FAIL_UNDER:
		return parse_num(&a->fail_under, arg, 0, 100) < 0 ?
			cli_usage_error("gaps", "--fail-under takes a "
			"percentage 0..100, not '%s'", arg) : 0;
	case OPT_MIN_SCORE:
		return parse_num(&a->ropts.min_score, arg, 0.0001, 1) < 0 ?
			cli_usage_error("gaps", "--min-score takes a number "
			"in (0, 1], not '%s'", arg) : 0;
	case OPT_MIN_SHARE:
		if (parse_num(&a->ropts.min_share, arg, 0, 1) < 0) {
			return cli_usage_error("gaps", "--min-share takes a "
				"number in [0, 1], not '%s'", arg);
		}
		/* the library reads 0 as "calibrated", a negative as "any" */
		a->ropts.min_share = a->ropts.min_share > 0 ? a->ropts.min_share
							    : -1;
		return 0;
	case OPT_EXPLICIT_ONLY:
		a->explicit_only = 1;
		return 0;
	case OPT_NO_IMPLICIT:
		a->ropts.flags |= DT_REVIEW_NO_IMPLICIT;
		return 0;
	case OPT_ACCEPT:
		a->accept = arg;
		return 0;
	case OPT_KEEP_GOING:
		a->keep_going = 1;
		return 0;
	case OPT_CSV_BOM:
		a->write_flags |= DT_WRITE_CSV_BOM;
		return 0;
	case 'j':
		return parse_jobs(&a->jobs, arg) < 0 ? cli_usage_error("gaps",
			"--jobs takes a number of threads 0..%d or 'auto', "
			"not '%s'", MAX_JOBS, arg) : 0;
	default:
		return cli_usage_error("gaps", "unknown option");
	}
}

/* Parse options; returns -1 to go on, else an exit status. */
static int parse_args(int argc, char **argv, gaps_args *a)
{
	static const cli_verb verb = { "gaps", gaps_help, "hVqo:f:j:",
		gaps_longopts };
	int rc = cli_parse_options(argc, argv, &verb, &a->c, own_option, a);

	if (rc >= 0) {
		return rc;
	}
	if (argc - optind < 2) {
		return cli_usage_error("gaps", "gaps takes a DIRECTIVE and at "
			"least one LOCAL document or folder");
	}
	return -1;
}

/* ## inputs */

typedef struct {
	char **v;
	size_t n, cap;
} path_list;

static path_list *walk_into; /* nftw has no payload argument */

static int push_path(path_list *l, const char *p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		char **v = realloc(l->v, cap * sizeof(*v));

		if (v == NULL) {
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n] = strdup(p);
	return l->v[l->n++] ? 0 : -1;
}

static int has_doc_ext(const char *p)
{
	static const char *const exts[] = { ".md", ".markdown", ".xml",
		".txt" };
	size_t n = strlen(p), i;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t e = strlen(exts[i]);

		if (n > e && strcmp(p + n - e, exts[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Regular files only: nftw's FTW_F is any other file, and opening a
 * FIFO named plan.md would wait for a writer forever (a socket or a
 * device is no document either). */
static int walk_one(const char *p, const struct stat *st, int type,
	struct FTW *ftw)
{
	(void)ftw;
	if (type == FTW_F && S_ISREG(st->st_mode) && has_doc_ext(p)) {
		return push_path(walk_into, p);
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file named twice (a folder and one of its files, a link to it, the
 * same path again) is read once, where it first comes: read twice, each
 * of its links would count twice.  A warning names the repeat unless
 * `quiet`.  -1 when out of memory. */
static int drop_repeats(path_list *l, int quiet)
{
	size_t *earlier = malloc((l->n + 1) * sizeof(*earlier));
	size_t i, n = 0;

	if (earlier == NULL ||
		cli_find_repeats((const char *const *)l->v, l->n, earlier) < 0) {
		free(earlier);
		return -1;
	}
	for (i = 0; i < l->n; i++) {
		if (earlier[i] == SIZE_MAX) {
			l->v[n++] = l->v[i];
			continue;
		}
		if (!quiet) {
			cli_diag("warning", l->v[i], 0, "named again (first as "
				"%s): read once", l->v[earlier[i]]);
		}
		free(l->v[i]); /* a first comes before its repeats: kept */
	}
	l->n = n;
	free(earlier);
	return 0;
}

/* Files as given; folders searched (in name order, symlinks not
 * followed). */
static int collect(path_list *out, char **args, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct stat st;
		size_t first = out->n;

		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			walk_into = out;
			if (nftw(args[i], walk_one, 16, FTW_PHYS) != 0) {
				cli_diag("error", args[i], 0, "cannot read "
					"the folder");
				return -1;
			}
			qsort(out->v + first, out->n - first, sizeof(char *),
				cmp_str);
		} else if (push_path(out, args[i]) < 0) {
			return -1;
		}
	}
	return 0;
}

static void free_paths(path_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i]);
	}
	free(l->v);
}

/* ## the run */

/* Is `doc` the directive itself (the same symbol), e.g. its AKN copy
 * lying in the same folder?  Such a file is no local document. */
static int is_directive(const dt_doc *dir, const dt_doc *doc)
{
	const char *a = dt_doc_meta(dir)->symbol;
	const char *b = dt_doc_meta(doc)->symbol;

	return a[0] != '\0' && strcmp(a, b) == 0 &&
		strcmp(dt_doc_meta(dir)->date, dt_doc_meta(doc)->date) == 0;
}

/* "files read / total" on stderr once a run passes ~2 s, only on a
 * terminal and without -q; returns 1 once shown. */
static int progress(const gaps_args *a, size_t i, size_t n, time_t start,
	int shown)
{
	if (a->c.quiet || !isatty(STDERR_FILENO) ||
		(!shown && time(NULL) - start < 2)) {
		return shown;
	}
	fprintf(stderr, "\rdirtrace: %zu/%zu files read", i, n);
	return 1;
}

static int load_accept(dt_review *r, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	dt_error err = { 0 };
	int rc = dt_file_read(&buf, &len, path, 0, &err);

	if (rc == 0) {
		rc = dt_review_accept(r, buf, len, path, &err);
	}
	dt_free(buf);
	return rc < 0 ? cli_report(path, &err) : CLI_EXIT_OK;
}

/* ## reading local documents, in order, in one thread or several
 *
 * Every thread (the calling one included) takes the next document, reads
 * and prepares it, marks its slot done, and then merges whatever run of
 * done documents is next in input order, unless another thread is doing
 * that already (it will see the new slot before it stops).  So no thread
 * sits waiting for a merger or wakes one per document: a thread waits
 * only when the slots are full because one document is far slower than
 * the ones after it.  (A main thread that only merged and waited for each
 * document cost ~3 context switches per document: 21k on ru-100, +0.4 s
 * of system time.) */

/* What became of one local document. */
typedef enum {
	DOC_UNREAD = 0,  /* cannot be read or parsed */
	DOC_FAILED,      /* read, but not prepared */
	DOC_DIRECTIVE,   /* the directive itself: skipped */
	DOC_READY        /* read and prepared */
} doc_state;

typedef struct {
	dt_doc *doc;          /* kept until merged if it has diagnostics */
	dt_review_part *part;
	dt_error err;
	doc_state state;
	int done;             /* under the run's lock */
} doc_slot;

typedef struct {
	const gaps_args *a;
	dt_review *r;         /* workers prepare; the merger writes */
	const dt_doc *dir;
	const path_list *locals;
	doc_slot *slots;      /* document i is in slots[i % nslots] */
	size_t nslots;
	pthread_mutex_t lock;
	pthread_cond_t room;  /* slots were merged: for waiting readers */
	size_t waiting;       /* readers waiting for room */
	size_t next;          /* the next document to read */
	size_t merged;        /* documents merged */
	int merging;          /* a thread is merging */
	size_t failed;        /* merger only, like what follows */
	time_t start;
	int shown;
} gaps_run_state;

/* Read and prepare document i into `s`, printing nothing (diagnostics
 * wait for their turn).  Runs in any thread. */
static void read_one(const gaps_run_state *g, size_t i, doc_slot *s)
{
	dt_parse_opts opts;

	memset(&s->err, 0, sizeof(s->err));
	s->doc = NULL;
	s->part = NULL;
	cli_parse_opts(&opts, &g->a->c);
	if (dt_doc_load(&s->doc, g->locals->v[i], &opts, &s->err) < 0) {
		s->state = DOC_UNREAD;
	} else if (is_directive(g->dir, s->doc)) {
		s->state = DOC_DIRECTIVE;
	} else if (dt_review_prepare(&s->part, g->r, s->doc, &s->err) < 0) {
		s->state = DOC_FAILED;
	} else {
		s->state = DOC_READY;
	}
	/* Free the document in the thread that made it, unless its
	 * diagnostics wait for their turn: memory is given back to this
	 * thread's malloc arena, not to another's under its lock. */
	if (s->doc != NULL && (g->a->c.quiet || dt_doc_diag_count(s->doc) ==
		0)) {
		dt_doc_free(s->doc);
		s->doc = NULL;
	}
}

/* Report document i and merge it into `r`, in input order; 1 when it
 * failed. */
static int merge_one(const gaps_args *a, dt_review *r, const char *path,
	doc_slot *s)
{
	int failed = 0;

	if (s->state == DOC_UNREAD) {
		cli_report(path, &s->err);
		return 1;
	}
	if (s->doc != NULL) {
		cli_print_diags(s->doc, &a->c);
	}
	if (s->state == DOC_DIRECTIVE && !a->c.quiet) {
		cli_diag("note", path, 0, "the directive itself: skipped");
	} else if (s->state == DOC_FAILED) {
		cli_report(path, &s->err);
		failed = 1;
	} else if (s->state == DOC_READY) {
		memset(&s->err, 0, sizeof(s->err));
		if (dt_review_merge(r, s->part, &s->err) < 0) {
			cli_report(path, &s->err);
			failed = 1;
		}
		s->part = NULL;
	}
	dt_doc_free(s->doc);
	s->doc = NULL;
	return failed;
}

/* Merge the run of done documents next in order, unless a thread does
 * already.  Called and returns with the lock held; drops it while
 * merging, since merging takes a while and touches no shared state but
 * the review (which only the merging thread writes) and the slot. */
static void merge_ready(gaps_run_state *g)
{
	size_t n = g->locals->n;

	if (g->merging) {
		return;
	}
	g->merging = 1;
	while (g->merged < n && g->slots[g->merged % g->nslots].done) {
		size_t i = g->merged;
		doc_slot *s = &g->slots[i % g->nslots];

		pthread_mutex_unlock(&g->lock);
		g->shown = progress(g->a, i, n, g->start, g->shown);
		g->failed += (size_t)merge_one(g->a, g->r, g->locals->v[i],
			s);
		pthread_mutex_lock(&g->lock);
		s->done = 0;
		g->merged++;
		if (g->waiting > 0) {
			pthread_cond_broadcast(&g->room);
		}
	}
	g->merging = 0;
}

/* Read documents until none is left, merging in order as they get
 * done; any number of threads at once. */
static void *worker(void *payload)
{
	gaps_run_state *g = payload;

	pthread_mutex_lock(&g->lock);
	while (g->next < g->locals->n) {
		size_t i = g->next;

		if (i - g->merged >= g->nslots) {
			g->waiting++;
			pthread_cond_wait(&g->room, &g->lock);
			g->waiting--;
			continue;
		}
		g->next++;
		pthread_mutex_unlock(&g->lock);
		read_one(g, i, &g->slots[i % g->nslots]);
		pthread_mutex_lock(&g->lock);
		g->slots[i % g->nslots].done = 1;
		merge_ready(g);
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

/* Threads for the run besides this one: at most `jobs - 1`; 0 started
 * means read in this thread alone. */
static size_t start_workers(gaps_run_state *g, pthread_t *t, size_t jobs)
{
	size_t n;

	for (n = 0; n + 1 < jobs; n++) {
		if (pthread_create(&t[n], NULL, worker, g) != 0) {
			break;
		}
	}
	return n;
}

/* How many threads --jobs asks for. */
static size_t job_count(const gaps_args *a, size_t ndocs)
{
	size_t n = a->jobs > 0 ? (size_t)a->jobs : cli_cpu_count();

	n = n < MAX_JOBS ? n : MAX_JOBS;
	return n < ndocs ? n : ndocs;
}

/* Read and add every local document in --jobs threads; returns how many
 * failed, or SIZE_MAX when the run could not start. */
static size_t add_locals(const gaps_args *a, dt_review *r,
	const dt_doc *dir, const path_list *locals)
{
	gaps_run_state g;
	pthread_t threads[MAX_JOBS];
	size_t jobs = job_count(a, locals->n), workers = 0, i;

	memset(&g, 0, sizeof(g));
	g.a = a;
	g.r = r;
	g.dir = dir;
	g.locals = locals;
	/* Room for one slow document while the others read on. */
	g.nslots = jobs > 1 ? 4 * jobs : 1;
	g.start = time(NULL);
	g.slots = calloc(g.nslots, sizeof(*g.slots));
	if (g.slots == NULL) {
		cli_diag("error", NULL, 0, "out of memory");
		return SIZE_MAX;
	}
	pthread_mutex_init(&g.lock, NULL);
	pthread_cond_init(&g.room, NULL);
	if (jobs > 1 && dt_init(NULL) == 0) {
		workers = start_workers(&g, threads, jobs);
	}
	worker(&g);
	for (i = 0; i < workers; i++) {
		pthread_join(threads[i], NULL);
	}
	if (g.shown) {
		fprintf(stderr, "\rdirtrace: %zu/%zu files read\n", g.merged,
			locals->n);
	}
	pthread_cond_destroy(&g.room);
	pthread_mutex_destroy(&g.lock);
	free(g.slots);
	return g.failed;
}

static unsigned color_flag(const gaps_args *a)
{
	if (a->fmt != DT_REPORT_TEXT || a->c.color == 0) {
		return 0;
	}
	return a->c.color == 1 || (strcmp(a->c.output, "-") == 0 &&
		isatty(STDOUT_FILENO)) ? DT_WRITE_COLOR : 0;
}

/* Exit 1 when coverage is below --fail-under. */
static int check_coverage(const gaps_args *a, const dt_review *r)
{
	const dt_summary *s = dt_review_summary(r);
	double pct = 100.0 * (a->explicit_only ? s->explicit_coverage :
		s->coverage);

	if (a->fail_under < 0 || pct >= a->fail_under) {
		return CLI_EXIT_OK;
	}
	if (!a->c.quiet) {
		cli_diag("note", NULL, 0, "%scoverage %.1f%% is below %g%%",
			a->explicit_only ? "explicit " : "", pct,
			a->fail_under);
	}
	return CLI_EXIT_CHECK;
}

/* The report, streamed into the output as it is made (a report can be
 * far larger than the review it comes from) by --jobs threads; a file
 * appears only once it is complete. */
static int write_review(const gaps_args *a, const dt_review *r)
{
	dt_output *o = NULL;
	dt_error err = { 0 };
	int rc;

	/* Past a file size limit (ulimit -f) write(2) must fail with EFBIG
	 * instead of killing us with a temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	fflush(stdout);
	rc = dt_output_open(&o, a->c.output, &err);
	cli_guard_temp(dt_output_temp_path(o));
	if (rc == 0) {
		rc = dt_review_write_jobs(r, a->fmt, a->write_flags |
			color_flag(a), (unsigned)job_count(a, SIZE_MAX),
			dt_output_write, o, &err);
	}
	if (o != NULL && (rc == 0 || dt_output_failed(o))) {
		memset(&err, 0, sizeof(err));
		rc = dt_output_commit(o, &err);
	} else {
		dt_output_discard(o);
	}
	cli_guard_temp(NULL);
	return rc < 0 ? cli_report(NULL, &err) : CLI_EXIT_OK;
}

static int gaps_run(const gaps_args *a, const char *dirpath,
	const path_list *locals)
{
	dt_doc *dir = NULL;
	dt_review *r = NULL;
	dt_error err = { 0 };
	size_t failed = 0;
	int rc = cli_load(&dir, dirpath, &a->c);

	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	cli_print_diags(dir, &a->c);
	if (dt_review_new(&r, dir, &a->ropts, &err) < 0) {
		rc = cli_report(dirpath, &err);
	}
	if (rc == CLI_EXIT_OK && a->accept != NULL) {
		rc = load_accept(r, a->accept);
	}
	if (rc == CLI_EXIT_OK) {
		failed = add_locals(a, r, dir, locals);
		if (failed == SIZE_MAX) {
			rc = CLI_EXIT_ERROR;
		} else if (dt_review_finish(r, &err) < 0) {
			rc = cli_report(dirpath, &err);
		}
	}
	if (rc == CLI_EXIT_OK) {
		rc = write_review(a, r);
	}
	if (rc == CLI_EXIT_OK && failed > 0 && !a->keep_going) {
		rc = CLI_EXIT_ERROR;
	}
	if (rc == CLI_EXIT_OK) {
		rc = check_coverage(a, r);
	}
	dt_review_free(r);
	dt_doc_free(dir);
	return rc;
}

/* The output may be neither the directive, a local document (those of
 * the folders too) nor the accepted gaps. */
static int refuse_clobber(const gaps_args *a, const char *directive,
	const path_list *locals)
{
	const char *named[] = { directive, a->accept };
	int rc = cli_refuse_clobber(&a->c, named, 2);

	return rc == CLI_EXIT_OK ? cli_refuse_clobber(&a->c,
		(const char *const *)locals->v, locals->n) : rc;
}

int cmd_gaps(int argc, char **argv)
{
	gaps_args a;
	path_list locals = { NULL, 0, 0 };
	int rc;

	memset(&a, 0, sizeof(a));
	cli_common_init(&a.c);
	a.fail_under = -1;
	a.jobs = 1;
	rc = parse_args(argc, argv, &a);
	if (rc >= 0) {
		return rc;
	}
	if (collect(&locals, argv + optind + 1, argc - optind - 1) < 0) {
		free_paths(&locals);
		return CLI_EXIT_ERROR;
	}
	if (drop_repeats(&locals, a.c.quiet) < 0) {
		free_paths(&locals);
		cli_diag("error", NULL, 0, "out of memory");
		return CLI_EXIT_ERROR;
	}
	rc = refuse_clobber(&a, argv[optind], &locals);
	if (rc == CLI_EXIT_OK) {
		rc = gaps_run(&a, argv[optind], &locals);
	}
	free_paths(&locals);
	return rc;
}
