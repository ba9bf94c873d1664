/*
 * addressee.c - does a directive clause bind the centre that issued it?
 *
 * Only the start of the clause is read: the subject of a Vietnamese or
 * Russian drafting sentence comes first ("Ban Tổ chức Trung ương chủ trì
 * …", "Правительство области утверждает …").  A central body named later
 * ("… theo hướng dẫn của Ban Tổ chức Trung ương") is not the addressee.
 */
#include <string.h>

#include "addressee.h"

extern const char *const dt__data_central_bodies[];

/* How much of a clause is folded: the longest body name and then some. */
enum { HEAD_BYTES = 160 };

/* Length of the first `max` bytes of `s`, cut back to a UTF-8 boundary. */
static size_t head_len(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max) {
		return n;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) {
		max--;
	}
	return max;
}

static int starts_with_body(const char *text)
{
	char *folded = NULL;
	size_t i, n = head_len(text, HEAD_BYTES), best = 0;
	int rc, found = 0;

	while (n > 0 && (*text == ' ' || *text == '\n')) {
		text++;
		n--;
	}
	if (n == 0) {
		return 0;
	}
	rc = dt_fold(&folded, NULL, text, n, DT_FOLD_CASE, NULL);
	if (rc < 0) {
		return rc;
	}
	for (i = 0; dt__data_central_bodies[i] != NULL; i++) {
		const char *b = dt__data_central_bodies[i];
		int not = b[0] == '!';
		size_t bl = strlen(b + not);

		/* whole words only, and the longest phrase decides */
		if (bl > best && strncmp(folded, b + not, bl) == 0 &&
			(folded[bl] == '\0' || folded[bl] == ' ' ||
				folded[bl] == ',' || folded[bl] == ':')) {
			best = bl;
			found = !not;
		}
	}
	dt_free(folded);
	return found;
}

/* A lead-in: the parent's own text ends with ':' ("… có trách nhiệm:"). */
static int is_lead_in(const char *text)
{
	size_t n = strlen(text);

	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\n')) {
		n--;
	}
	return n > 0 && text[n - 1] == ':';
}

int dt__addressed_to_centre(const dt_unit *u)
{
	const dt_unit *parent = dt_unit_parent(u);
	int rc = starts_with_body(dt_unit_text(u));

	if (rc == 0 && parent != NULL && is_lead_in(dt_unit_text(parent))) {
		rc = starts_with_body(dt_unit_text(parent));
	}
	return rc;
}
