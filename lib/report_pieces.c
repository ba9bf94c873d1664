/*
 * report_pieces.c - a JSON or CSV gaps report rendered by several threads.
 *
 * Writing the report was the longest part of a --jobs run that one thread
 * did alone: ~0.3 s of formatting and ~0.35 s of write(2) for the 113 MB
 * JSON of ru-100.  So the report is cut into pieces (the head, runs of
 * directive units of about DT_PIECE_LINKS links, the tail); every thread
 * takes the next piece and renders it into a buffer of its own, and the
 * calling thread, between pieces of its own, hands the finished pieces to
 * the sink in order.  The pieces are rendered by the very functions that
 * write the report in one go (report_review.c), so the bytes are the
 * same.  At most `nslots` pieces are held at once: memory stays a few
 * MiB whatever the report's size.
 */
#include <pthread.h>
#include <string.h>

#include "report_pieces.h"
#include "review_internal.h"

enum { SLOTS_PER_JOB = 2, MAX_JOBS = 256 };

typedef struct {
	dt_buf buf;
	int done;    /* rendered (under the lock) */
	int rc;      /* how rendering it went */
} piece_slot;

typedef struct {
	const dt_review *r;
	const dt_review_layout *l;
	unsigned flags;
	size_t *cut;           /* unit piece k covers [cut[k-1], cut[k]) */
	size_t npieces;        /* head, unit pieces, tail */
	piece_slot *slots;     /* piece k is rendered in slots[k % nslots] */
	size_t nslots;
	pthread_mutex_t lock;
	pthread_cond_t done;   /* a piece was rendered: the writer waits */
	pthread_cond_t room;   /* a piece was written: renderers wait */
	size_t next;           /* the next piece to render */
	size_t written;        /* pieces handed to the sink */
	int stop;              /* a failure: render no more */
} pieces;

/* Cut the units into runs of at least `links_per` links (a unit counting
 * as one more; a unit is never cut); cut[0] = 0 and the last is the unit
 * count.  The count of unit pieces in *n. */
static size_t *cut_units(const dt_review *r, size_t links_per, size_t *n)
{
	size_t nunits = dt_review_unit_count(r), i, links = 0, k = 1;
	size_t *cut = dt__calloc(nunits + 2, sizeof(*cut));

	if (cut == NULL) {
		return NULL;
	}
	for (i = 0; i < nunits; i++) {
		links += dt_review_unit_at(r, i)->nlinks + 1;
		if (links >= links_per || i + 1 == nunits) {
			cut[k++] = i + 1;
			links = 0;
		}
	}
	if (k == 1) { /* no units: one empty run */
		cut[k++] = 0;
	}
	*n = k - 1;
	return cut;
}

/* Render piece k into its slot's buffer (emptied first). */
static int render(const pieces *p, size_t k, dt_buf *b)
{
	b->len = 0;
	if (b->data != NULL) {
		b->data[0] = '\0';
	}
	if (k == 0) {
		return p->l->head(b, p->r, p->flags);
	}
	if (k + 1 == p->npieces) {
		return p->l->tail(b, p->r, p->flags);
	}
	return p->l->units(b, p->r, p->cut[k - 1], p->cut[k]);
}

/* Take the next piece if its slot is free and render it.  Called and
 * returns with the lock held; 0 when there was none to take. */
static int render_next(pieces *p)
{
	size_t k = p->next;
	piece_slot *s;
	int rc;

	if (p->stop || k >= p->npieces || k - p->written >= p->nslots) {
		return 0;
	}
	s = &p->slots[k % p->nslots];
	p->next++;
	pthread_mutex_unlock(&p->lock);
	rc = render(p, k, &s->buf);
	pthread_mutex_lock(&p->lock);
	s->rc = rc;
	s->done = 1;
	p->stop |= rc != 0;
	pthread_cond_signal(&p->done);
	return 1;
}

static void *renderer(void *payload)
{
	pieces *p = payload;

	pthread_mutex_lock(&p->lock);
	while (!p->stop && p->next < p->npieces) {
		if (!render_next(p)) {
			pthread_cond_wait(&p->room, &p->lock);
		}
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* The calling thread: hand the next piece over once it is rendered,
 * render pieces meanwhile.  Called and returns with the lock held. */
static int write_all(pieces *p, dt_write_cb write, void *payload)
{
	int rc = 0;

	while (rc == 0 && p->written < p->npieces) {
		piece_slot *s = &p->slots[p->written % p->nslots];

		if (s->done && s->rc != 0) {
			rc = s->rc;
		} else if (s->done) {
			pthread_mutex_unlock(&p->lock);
			rc = s->buf.len > 0 ? write(s->buf.data, s->buf.len,
				payload) : 0;
			pthread_mutex_lock(&p->lock);
			s->done = 0;
			p->written++;
			pthread_cond_broadcast(&p->room);
		} else if (!render_next(p)) {
			pthread_cond_wait(&p->done, &p->lock);
		}
	}
	p->stop = 1;
	pthread_cond_broadcast(&p->room);
	return rc;
}

static int pieces_init(pieces *p, const dt_review *r,
	const dt_review_layout *l, unsigned flags, size_t jobs,
	size_t links_per)
{
	size_t i, nunit = 0;

	memset(p, 0, sizeof(*p));
	p->r = r;
	p->l = l;
	p->flags = flags;
	p->cut = cut_units(r, links_per, &nunit);
	p->npieces = nunit + 2;
	p->nslots = SLOTS_PER_JOB * jobs;
	p->slots = dt__calloc(p->nslots, sizeof(*p->slots));
	if (p->cut == NULL || p->slots == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; i < p->nslots; i++) {
		dt__buf_init(&p->slots[i].buf, (size_t)1 << 30);
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->done, NULL);
	pthread_cond_init(&p->room, NULL);
	return 0;
}

static void pieces_dispose(pieces *p)
{
	size_t i;

	for (i = 0; p->slots != NULL && i < p->nslots; i++) {
		dt__buf_dispose(&p->slots[i].buf);
	}
	if (p->slots != NULL && p->cut != NULL) {
		pthread_cond_destroy(&p->room);
		pthread_cond_destroy(&p->done);
		pthread_mutex_destroy(&p->lock);
	}
	dt__free(p->slots);
	dt__free(p->cut);
}

int dt__review_write_pieces(const dt_review *r, const dt_review_layout *l,
	unsigned flags, size_t jobs, size_t links_per, dt_write_cb write,
	void *payload)
{
	pthread_t t[MAX_JOBS];
	size_t n = 0, i;
	pieces p;
	int rc;

	assert(jobs >= 1 && links_per >= 1);
	jobs = jobs < MAX_JOBS ? jobs : MAX_JOBS;
	rc = pieces_init(&p, r, l, flags, jobs, links_per);
	if (rc < 0) {
		pieces_dispose(&p);
		return rc;
	}
	/* Fewer threads than asked (or none) still write the report. */
	while (n + 1 < jobs && pthread_create(&t[n], NULL, renderer, &p) == 0) {
		n++;
	}
	pthread_mutex_lock(&p.lock);
	rc = write_all(&p, write, payload);
	pthread_mutex_unlock(&p.lock);
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
	}
	pieces_dispose(&p);
	return rc;
}
