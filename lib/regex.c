/*
 * regex.c - the PCRE2 adapter: the only file that includes pcre2.h.
 *
 * Every pattern is compiled with PCRE2_UTF | PCRE2_UCP and JIT-compiled;
 * every match runs with a sized JIT stack and match/depth limits (DESIGN
 * §7: the 32 KiB default JIT stack is too small, and the match limit alone
 * does not save a quadratic pattern, so patterns must also be written to
 * be linear).  Callers see byte offsets, never pcre2 types.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <string.h>

#include "internal.h"

struct dt_re {
	pcre2_code *code;
	int jit;
	int has_first;     /* anchored, and first[] says where it can start */
	uint8_t first[32]; /* bit b: a match can start with byte b */
	int has_req;       /* a match holds byte req[0] or req[1] */
	unsigned char req[2];
};

/* One match context + JIT stack per thread: pcre2 match data and JIT
 * stacks must not be shared between threads running at once. */
static pthread_key_t tls_key;
static pthread_once_t tls_once = PTHREAD_ONCE_INIT;

typedef struct {
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;
	pcre2_match_data *md;
} re_thread;

static void re_thread_free(void *p)
{
	re_thread *t = p;

	if (t == NULL) {
		return;
	}
	pcre2_match_data_free(t->md);
	pcre2_jit_stack_free(t->stack);
	pcre2_match_context_free(t->mctx);
	dt__free(t);
}

static void tls_init(void)
{
	pthread_key_create(&tls_key, re_thread_free);
}

enum { MAX_PAIRS = 64 };

static re_thread *re_thread_get(void)
{
	re_thread *t;

	pthread_once(&tls_once, tls_init);
	t = pthread_getspecific(tls_key);
	if (t != NULL) {
		return t;
	}
	t = dt__calloc(1, sizeof(*t));
	if (t == NULL) {
		return NULL;
	}
	t->mctx = pcre2_match_context_create(NULL);
	t->stack = pcre2_jit_stack_create(64 * 1024, 1024 * 1024, NULL);
	t->md = pcre2_match_data_create(MAX_PAIRS, NULL);
	if (t->mctx == NULL || t->stack == NULL || t->md == NULL) {
		re_thread_free(t);
		return NULL;
	}
	pcre2_set_match_limit(t->mctx, 1000000);
	pcre2_set_depth_limit(t->mctx, 10000);
	pcre2_set_heap_limit(t->mctx, 20000); /* KiB */
	pcre2_jit_stack_assign(t->mctx, NULL, t->stack);
	pthread_setspecific(tls_key, t);
	return t;
}

/* ## where an anchored match can start
 *
 * The outline grammar, metadata and symbol patterns are anchored and
 * tried on every line, most of them failing on the first byte; a JIT
 * call costs more than that byte test.  pcre2 knows the bytes a match can
 * start with (its start bitmap, or a first code unit) but computes them
 * only for unanchored patterns, so an unanchored copy is compiled once to
 * ask. */

/* The first bytes of `code` into set[]: 1, or 0 when unknown. */
static int first_bytes(const pcre2_code *code, uint8_t set[32])
{
	const uint8_t *map = NULL;
	uint32_t type = 0, cu = 0, b;

	if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0) {
		return 0;
	}
	if (type == 0) {
		if (pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &map) !=
				0 || map == NULL) {
			return 0; /* none: it may match an empty string */
		}
		memcpy(set, map, 32); /* caseless: pcre2 set every case */
		return 1;
	}
	if (type != 1 ||
		pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &cu) != 0 ||
		cu > 0xFF) {
		return 0;
	}
	/* One first code unit, maybe matched caselessly (pcre2 does not
	 * say): add its ASCII other case, and every lead byte, since the
	 * other case may be another character (К/к, k and the Kelvin sign). */
	memset(set, 0, 32);
	set[cu >> 3] |= (uint8_t)(1u << (cu & 7));
	if ((cu | 0x20) >= 'a' && (cu | 0x20) <= 'z') {
		b = cu ^ 0x20;
		set[b >> 3] |= (uint8_t)(1u << (b & 7));
	}
	memset(set + (0xC0 >> 3), 0xFF, (0x100 - 0xC0) >> 3);
	return 1;
}

/* For an anchored pattern: ask an unanchored copy (compiled and freed
 * here) where a match can start. */
static void find_first(dt_re *re, const char *pattern, uint32_t opts)
{
	PCRE2_SIZE erroff = 0;
	int errcode = 0;
	pcre2_code *probe = pcre2_compile((PCRE2_SPTR)pattern,
		PCRE2_ZERO_TERMINATED, opts & ~(uint32_t)PCRE2_ANCHORED,
		&errcode, &erroff, NULL);

	if (probe != NULL) {
		re->has_first = first_bytes(probe, re->first);
		pcre2_code_free(probe);
	}
}

/* ## a byte every match holds
 *
 * pcre2 records a code unit every match must contain (its "last code
 * unit", caseless only for ASCII letters: a character with other cases
 * outside ASCII never becomes one) and looks for it before matching.
 * Looked for here, within REQ_SCAN bytes, a subject without it costs
 * a memchr instead of a JIT call: most lines fail most grammar rows so
 * ("điều" after "1.", ")" after "а").  Past REQ_SCAN the JIT decides, so
 * anchored tries at every offset of a long text stay linear. */

enum { REQ_SCAN = 1024 };

static void find_req(dt_re *re)
{
	uint32_t type = 0, cu = 0;

	if (pcre2_pattern_info(re->code, PCRE2_INFO_LASTCODETYPE, &type) != 0 ||
		type != 1 ||
		pcre2_pattern_info(re->code, PCRE2_INFO_LASTCODEUNIT, &cu) != 0 ||
		cu > 0xFF) {
		return;
	}
	re->has_req = 1;
	re->req[0] = (unsigned char)cu;
	re->req[1] = (unsigned char)((cu | 0x20) >= 'a' && (cu | 0x20) <= 'z'
		? cu ^ 0x20 : cu); /* pcre2 may match it caselessly */
}

/* False when s[start..len) certainly lacks re's required byte. */
static int may_hold_req(const dt_re *re, const char *s, size_t len,
	size_t start)
{
	size_t n = len - start;

	if (n > REQ_SCAN) {
		return 1;
	}
	return memchr(s + start, re->req[0], n) != NULL ||
	       (re->req[1] != re->req[0] &&
		       memchr(s + start, re->req[1], n) != NULL);
}

int dt__re_compile(dt_re **out, const char *pattern, unsigned flags,
	dt_error *err)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
	PCRE2_SIZE erroff = 0;
	int errcode = 0;
	dt_re *re;

	*out = NULL;
	if (flags & DT_RE_CASELESS) {
		opts |= PCRE2_CASELESS;
	}
	if (flags & DT_RE_ANCHORED) {
		opts |= PCRE2_ANCHORED;
	}
	re = dt__calloc(1, sizeof(*re));
	if (re == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
		opts, &errcode, &erroff, NULL);
	if (re->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		dt__free(re);
		return dt__fail(err, DT_EINVAL, 0, (size_t)erroff + 1,
			"bad pattern at offset %zu: %s", (size_t)erroff,
			(const char *)msg);
	}
	re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;
	if (opts & PCRE2_ANCHORED) {
		find_first(re, pattern, opts);
	}
	find_req(re);
	*out = re;
	return 0;
}

void dt__re_free(dt_re *re)
{
	if (re == NULL) {
		return;
	}
	pcre2_code_free(re->code);
	dt__free(re);
}

/* dt__re_match() past its first-byte test: kept apart (not inlined) so
 * that the test, which rejects most tries, runs without this part's
 * register saves. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int match_rest(const dt_re *re, const char *s, size_t len,
	size_t start, size_t *ov, size_t ovn)
{
	re_thread *t;
	PCRE2_SIZE *v;
	size_t i, pairs;
	int rc;

	if (re->has_req && start <= len && !may_hold_req(re, s, len, start)) {
		return 0;
	}
	t = re_thread_get();
	if (t == NULL) {
		return DT_ENOMEM;
	}
	if (re->jit) {
		rc = pcre2_jit_match(re->code, (PCRE2_SPTR)s, len, start, 0,
			t->md, t->mctx);
	} else {
		rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start,
			PCRE2_NO_UTF_CHECK, t->md, t->mctx);
	}
	if (rc == PCRE2_ERROR_NOMATCH) {
		return 0;
	}
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
		rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
		return DT_ELIMIT;
	}
	if (rc < 0) {
		return DT_ERROR;
	}
	v = pcre2_get_ovector_pointer(t->md);
	pairs = pcre2_get_ovector_count(t->md);
	if (pairs > ovn) {
		pairs = ovn;
	}
	for (i = 0; i < pairs; i++) {
		ov[2 * i] = v[2 * i] == PCRE2_UNSET ? SIZE_MAX : v[2 * i];
		ov[2 * i + 1] = v[2 * i + 1] == PCRE2_UNSET ? SIZE_MAX :
			v[2 * i + 1];
	}
	return rc == 0 ? (int)pairs : rc;
}

int dt__re_match(const dt_re *re, const char *s, size_t len, size_t start,
	size_t *ov, size_t ovn)
{
	if (re->has_first && (start >= len ||
		!(re->first[(unsigned char)s[start] >> 3] >>
			((unsigned char)s[start] & 7) & 1))) {
		return 0; /* cannot start here (nor match empty) */
	}
	return match_rest(re, s, len, start, ov, ovn);
}

void dt__re_unset_rest(int rc, size_t *ov, size_t ovn)
{
	size_t i;

	for (i = rc > 0 ? (size_t)rc : ovn; i < ovn; i++) {
		ov[2 * i] = ov[2 * i + 1] = SIZE_MAX;
	}
}
