/*
 * meta_header.c - the header block at the top of a document: issuing
 * body, symbol, place and date, type line and title, whether laid out
 * as text blocks or as a header table.
 *
 * The header is read only at the top, block by block, until a block that
 * cannot be header (numbered, a preamble line, prose).  Extracted text
 * breaks header lines anywhere ("Hà\nNội, ngày 25 tháng 07\nnăm 2016")
 * and lays the two header columns out as a GFM table or as one cell per
 * line between "|" lines, so a block is cut into segments at rule and
 * "|" lines, the lines of a segment are joined, and each segment is read
 * on its own.  The scan runs twice: the first pass finds where the
 * header ends and whether it holds an anchor (type line, symbol, date,
 * motto), the second writes the fields; a top of prose changes nothing.
 */
#include <string.h>

#include "meta_internal.h"

#define HDR_MAX_BLOCKS 80   /* a header is a dozen blocks; a table is one */
#define HDR_SKIP 4          /* stray blocks allowed before a header */
#define HDR_BLOCK_MAX 1500  /* bytes: a longer block is prose */
#define HDR_TABLE_ROWS 12   /* rows: a longer table is body */
#define PLACE_MAX 60        /* bytes of a place name read without a pattern */
#define BODY_NAME_MAX 100   /* bytes of an issuing body line not in capitals */

/* ## Header lines */

/* Trim a header line of blanks and markup left over by extraction. */
static void strip_line(const char *s, size_t *a, size_t *z)
{
	static const char junk[] = " \t*_|\\";

	while (*a < *z && strchr(junk, s[*a]) != NULL) {
		(*a)++;
	}
	while (*z > *a && strchr(junk, s[*z - 1]) != NULL) {
		(*z)--;
	}
}

/* A rule, a lone "*", a "|" line: nothing but rule characters. */
static int is_rule(const char *s, size_t a, size_t z)
{
	for (; a < z; a++) {
		if (strchr(" \t-=_~.*|", s[a]) == NULL) {
			return 0;
		}
	}
	return 1;
}

/* ## The header */

typedef struct {
	int anchor;          /* a type line, symbol, date or motto was read */
	size_t doctype;      /* type table row + 1; 0 before the type line */
	int title_closed;
	size_t issuer_len, title_len;
} hdr_state;

typedef struct {
	dt_doc *doc;
	int apply;           /* second pass: write into doc->meta */
	hdr_state st;
	dt_buf seg;          /* the segment being gathered */
	dt_buf work;         /* a segment being read (mottos blanked) */
	dt_buf issuer, title;
	int have_symbol, have_date, have_place;
} hdr;

/* Append s[a..z) to a joined header string, one blank between parts;
 * past the buffer's maximum the rest is dropped (a header is short). */
static int join_add(dt_buf *b, const char *s, size_t a, size_t z)
{
	int rc = 0;

	dt__trim_blanks(s, &a, &z);
	if (a == z || z - a + 1 > b->max - b->len) {
		return 0;
	}
	if (b->len > 0) {
		rc = dt__buf_putc(b, ' ');
	}
	return rc == 0 ? dt__buf_append(b, s + a, z - a) : rc;
}

/* A type line: a type word alone ("QUY ĐỊNH", "# Kế hoạch" as a
 * heading), or a type word in capitals followed by a lower-case subject
 * ("ПОЛОЖЕНИЕ о …"), whose start goes to *rest (len when none). */
static int type_line(const char *s, size_t len, int heading, size_t *idx,
	size_t *rest)
{
	dt_span sp;
	size_t a, z = len, ov[2];
	int rc = dt__symbol_doctype_at(idx, &sp, s, len, 0);

	if (rc <= 0) {
		return rc;
	}
	a = sp.end;
	dt__trim_blanks(s, &a, &z);
	if (a < z && s[a] == ':' && a + 1 == z) {
		a = z;
	}
	*rest = a < z ? a : len;
	rc = dt__meta_caps(s, sp.start, sp.end);
	if (rc < 0 || a == z) {
		return rc < 0 ? rc : rc > 0 || heading;
	}
	if (rc == 0) {
		return 0;
	}
	rc = dt__meta_run(RE_LETTER, s, z, a, ov, 1);
	return rc <= 0 ? rc : dt__meta_at(RE_LOWER_AT, s, z, ov[0], NULL);
}

static int title_add(hdr *h, const char *s, size_t a, size_t z)
{
	int rc = join_add(&h->title, s, a, z);

	h->st.title_len = h->title.len;
	return rc;
}

/* After the type line: a capitals or bold line, or a first line opening
 * the subject ("о …", "Về …"), continues the title; a "(Ban hành kèm
 * theo …)" note belongs to the header without being title. */
static int title_line(hdr *h, const char *s, size_t len, int bold)
{
	dt_symbol sym;
	int rc = dt__symbol_parse(&sym, s, len);

	if (rc != 0) {
		return rc < 0 ? rc : 0; /* "№ 12-П", "SỐ: 5/KH-UBND" */
	}
	rc = bold ? 1 : dt__meta_caps(s, 0, len);

	if (rc == 0 && h->title.len == 0) {
		rc = dt__meta_at(RE_TITLE_START, s, len, 0, NULL);
	}
	if (rc > 0) {
		rc = title_add(h, s, 0, len);
		return rc < 0 ? rc : 1;
	}
	if (rc == 0 && s[len - 1] == ')') {
		rc = dt__meta_at(RE_NOTE, s, len, 0, NULL);
	}
	return rc;
}

/* Blank every motto in w[0..z); 1 when one was there. */
static int blank_mottos(char *w, size_t z)
{
	size_t ov[2];
	int found = 0, rc = dt__meta_run(RE_MOTTO, w, z, 0, ov, 1);

	while (rc > 0) {
		memset(w + ov[0], ' ', ov[1] - ov[0]);
		found = 1;
		rc = dt__meta_run(RE_MOTTO, w, z, ov[1], ov, 1);
	}
	return rc < 0 ? rc : found;
}

/* Only "№", "N", blanks and ':' in w[a..b)? */
static int marks_only(const char *w, size_t a, size_t b)
{
	while (a < b) {
		if (strchr(" \t:N", w[a]) != NULL) {
			a++;
		} else if (b - a >= 3 && memcmp(w + a, "№", 3) == 0) {
			a += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

/* Start of a "№" or "Số[:]" right before b, or b. */
static size_t marker_before(const char *w, size_t a, size_t b)
{
	static const char *const marks[] = { "№", "Số", "số", "SỐ" };
	size_t i, k = b;

	while (k > a && (w[k - 1] == ' ' || w[k - 1] == ':')) {
		k--;
	}
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t n = strlen(marks[i]);

		if (k - a >= n && memcmp(w + k - n, marks[i], n) == 0) {
			return k - n;
		}
	}
	return b;
}

/* A symbol that opens the segment ("Số: 12-KH/TU …") or closes it after
 * "№" ("… № 12-П"): record it and cut it out of w[*a..*z). */
static int symbol_part(hdr *h, char *w, size_t *a, size_t *z)
{
	dt_symbol sym;
	size_t p = *a, m;
	int rc = dt__symbol_find(&sym, w, *z, *a);

	if (rc <= 0) {
		return rc;
	}
	if (dt__meta_at(RE_SO, w, *z, *a, &p) < 0) {
		return DT_ERROR;
	}
	m = marker_before(w, *a, sym.all.start);
	if (marks_only(w, p, sym.all.start)) {
		*a = sym.all.end;
	} else if (sym.all.end == *z && m < sym.all.start) {
		*z = m;
	} else {
		return 0;
	}
	h->st.anchor = 1;
	if (h->apply && !h->have_symbol) {
		h->have_symbol = 1;
		rc = dt__meta_set_symbol(&h->doc->meta, w, &sym);
	}
	return rc < 0 ? rc : 1;
}

static int place_set(hdr *h, const char *w, size_t a, size_t z)
{
	dt__trim_blanks(w, &a, &z);
	if (!h->apply || h->have_place || a == z) {
		return 0;
	}
	h->have_place = 1;
	return dt__meta_set_field(&h->doc->meta.place, w + a, z - a);
}

/* A date closing the segment, with the place before it ("Hà Nội, ngày
 * 15 tháng 3 năm 2026"): record both and cut them out. */
static int date_part(hdr *h, char *w, size_t *a, size_t *z)
{
	size_t ov[4], e, pz;
	dt_date d;
	int rc = dt__date_find(&d, w, *z, *a);

	if (rc <= 0) {
		return rc;
	}
	for (e = d.all.end; e < *z && strchr(" .*_", w[e]) != NULL; e++) {
	}
	if (e != *z) {
		return 0;
	}
	h->st.anchor = 1;
	if (h->apply && !h->have_date) {
		h->have_date = 1;
		rc = dt__meta_set_date(&h->doc->meta.date, &d);
	}
	pz = d.all.start;
	rc = rc < 0 ? rc : dt__meta_run(RE_PLACE, w, pz, *a, ov, 2);
	if (rc > 0) {
		rc = place_set(h, w, ov[2], ov[3]);
		pz = ov[0];
	} else if (rc == 0) {
		size_t k = pz;

		dt__trim_blanks(w, a, &k);
		if (k > *a && w[k - 1] == ',' && k - *a <= PLACE_MAX) {
			rc = place_set(h, w, *a, k - 1);
			pz = *a;
		}
	}
	*z = pz;
	return rc < 0 ? rc : 1;
}

/* An issuing body line: capitals ("TỈNH ỦY BẮC NINH"), or a short name
 * that is no sentence ("Đảng bộ xã Tân Lập" in copies that lost their
 * capitals): no colon, no closing punctuation. */
static int body_name(const char *w, size_t a, size_t z)
{
	size_t ov[2];
	int rc = dt__meta_caps(w, a, z);

	if (rc != 0 || z - a > BODY_NAME_MAX || memchr(w + a, ':', z - a) ||
		strchr(".;,!?", w[z - 1]) != NULL) {
		return rc;
	}
	rc = dt__meta_run(RE_LETTER, w, z, a, ov, 1);
	return rc > 0 ? dt__meta_at(RE_UPPER, w, z, ov[0], NULL) : rc;
}

/* Everything but type and title: mottos, symbol, place and date, "г.
 * Москва", issuing body lines, an approval stamp. */
static int fields(hdr *h, const char *s, size_t len)
{
	size_t a = 0, z = len, ov[4];
	char *w;
	int rc, found = 0;

	dt__meta_buf_cut(&h->work, 0);
	rc = dt__buf_append(&h->work, s, len);
	if (rc < 0) {
		return rc;
	}
	w = h->work.data;
	if (dt__meta_at(RE_STAMP, w, z, 0, NULL) > 0) {
		return 1; /* "УТВЕРЖДЕНО …": the approving act, not this one */
	}
	if (h->st.doctype == 0) {
		rc = blank_mottos(w, z);
		h->st.anchor |= rc > 0;
	}
	dt__trim_blanks(w, &a, &z);
	if (rc >= 0 && a < z) {
		rc = symbol_part(h, w, &a, &z);
		found |= rc > 0;
	}
	dt__trim_blanks(w, &a, &z);
	if (rc >= 0 && a < z) {
		rc = date_part(h, w, &a, &z);
		found |= rc > 0;
	}
	dt__trim_blanks(w, &a, &z);
	if (rc >= 0 && a < z && dt__meta_run(RE_RU_PLACE, w, z, a, ov, 2) > 0) {
		rc = place_set(h, w, ov[2], ov[3]);
		found = 1;
		a = z;
	}
	if (rc < 0) {
		return rc;
	}
	if (found && h->title.len > 0) {
		h->st.title_closed = 1;
	}
	if (a == z) {
		return 1;
	}
	rc = h->st.doctype == 0 ? body_name(w, a, z) : 0;
	if (rc > 0) {
		rc = join_add(&h->issuer, w, a, z);
		h->st.issuer_len = h->issuer.len;
		return rc < 0 ? rc : 1;
	}
	return rc;
}

/* Read one segment; 1 when it is header, 0 when not. */
static int classify(hdr *h, const char *s, size_t len, int bold,
	int heading)
{
	size_t idx, rest;
	int rc = type_line(s, len, heading, &idx, &rest);

	if (rc < 0) {
		return rc;
	}
	if (rc > 0) {
		const char *name = dt__symbol_doctype_name(idx);

		if (h->st.doctype != 0) {
			return 0; /* a second type line is body */
		}
		h->st.doctype = idx + 1;
		h->st.anchor = 1;
		if (h->apply) {
			rc = dt__meta_set_field(&h->doc->meta.type, name,
				strlen(name));
		}
		if (rc == 0 && rest < len) {
			rc = title_add(h, s, rest, len);
		}
		return rc < 0 ? rc : 1;
	}
	if (h->st.doctype != 0 && !h->st.title_closed) {
		rc = title_line(h, s, len, bold);
		if (rc != 0) {
			return rc;
		}
	}
	return fields(h, s, len);
}

static int flush(hdr *h, int bold, int heading, int *ok)
{
	int rc = 1;

	if (h->seg.len > 0) {
		rc = classify(h, h->seg.data, h->seg.len, bold, heading);
		dt__meta_buf_cut(&h->seg, 0);
	}
	if (rc == 0) {
		*ok = 0;
	}
	return rc < 0 ? rc : 0;
}

/* Does the line s[a..z) stand alone: a type line, "Số …" with a symbol,
 * a bare symbol (the lines before it are another segment)? */
static int line_alone(const char *s, size_t a, size_t z, int heading,
	int *type)
{
	size_t idx, rest, p = a;
	dt_symbol sym;
	int rc = type_line(s + a, z - a, heading, &idx, &rest);

	*type = rc > 0;
	if (rc != 0) {
		return rc;
	}
	if (dt__meta_at(RE_SO, s, z, a, &p) < 0) {
		return DT_ERROR;
	}
	rc = dt__symbol_find(&sym, s, z, p);
	return rc > 0 ? marks_only(s, p, sym.all.start) : rc;
}

/* Cut text into segments at rule and "|" lines and around lines that
 * stand alone; read each.  1 when all of it is header. */
static int read_text(hdr *h, const char *t, size_t len, int bold,
	int heading)
{
	size_t pos = 0;
	int ok = 1, rc = 0;

	dt__meta_buf_cut(&h->seg, 0);
	while (rc == 0 && ok && pos <= len) {
		const char *nl = memchr(t + pos, '\n', len - pos);
		size_t a = pos, z = nl ? (size_t)(nl - t) : len;
		int alone, type;

		pos = z + 1;
		strip_line(t, &a, &z);
		if (is_rule(t, a, z)) {
			rc = flush(h, bold, heading, &ok);
			continue;
		}
		alone = line_alone(t, a, z, heading, &type);
		if (alone < 0) {
			return alone;
		}
		if (alone) {
			rc = flush(h, bold, heading, &ok);
		}
		if (rc == 0 && h->seg.len > 0) {
			rc = dt__buf_putc(&h->seg, ' ');
		}
		if (rc == 0) {
			rc = dt__buf_append(&h->seg, t + a, z - a);
		}
		if (rc == 0 && type) {
			rc = flush(h, bold, heading, &ok);
		}
	}
	if (rc == 0 && ok) {
		rc = flush(h, bold, heading, &ok);
	}
	return rc < 0 ? rc : ok;
}

/* ## Header tables */

/* One past the last row of the table whose first row is blocks[i]. */
static size_t table_end(const dt_blocks *bl, size_t i)
{
	size_t j = i + 1;

	while (j < bl->n && bl->v[j].kind == DT_BLOCK_ROW &&
		bl->v[j].table == bl->v[i].table) {
		j++;
	}
	return j;
}

/* A header table is short and holds a motto, a "Số …" symbol or a
 * date. */
static int table_is_header(const dt_blocks *bl, size_t i, size_t j)
{
	size_t ov[2], c, p;
	dt_symbol sym;
	dt_date d;
	int rc = 0;

	if (j - i > HDR_TABLE_ROWS) {
		return 0;
	}
	for (; rc == 0 && i < j; i++) {
		for (c = 0; rc == 0 && c < bl->v[i].ncells; c++) {
			const char *s = bl->v[i].cells[c];
			size_t n = strlen(s);

			rc = dt__meta_run(RE_MOTTO, s, n, 0, ov, 1);
			if (rc == 0 && dt__meta_at(RE_SO, s, n, 0, &p) > 0) {
				rc = dt__symbol_find(&sym, s, n, p);
			}
			if (rc == 0) {
				rc = dt__date_find(&d, s, n, 0);
			}
		}
	}
	return rc;
}

/* Read every cell of a header table; cells that are not header (an
 * empty corner, a stray word) are skipped. */
static int read_table(hdr *h, const dt_blocks *bl, size_t i, size_t j)
{
	size_t c;
	int rc = 0;

	for (; rc >= 0 && i < j; i++) {
		for (c = 0; rc >= 0 && c < bl->v[i].ncells; c++) {
			const char *s = bl->v[i].cells[c];
			size_t n = strlen(s);

			rc = n <= HDR_BLOCK_MAX ? read_text(h, s, n, 0, 0) : 0;
		}
	}
	return rc < 0 ? rc : 0;
}

/* ## Header passes */

/* A text block at the top: header unless numbered, a preamble line or
 * too long to be a header line.  1 header, 0 not. */
static int header_block(hdr *h, const dt_block *b)
{
	const char *t = b->text ? b->text : "";
	size_t len = strlen(t);
	int bold = len > 0 && b->strong_len >= len, rc;

	if (len == 0) {
		return 1;
	}
	if (len > HDR_BLOCK_MAX) {
		return 0;
	}
	rc = dt__meta_numbered(t, len);
	if (rc == 0) {
		rc = dt__meta_at(RE_PREAMBLE, t, len, 0, NULL);
		/* a title in capitals may open with "THỰC HIỆN" */
		rc = rc > 0 ? dt__meta_caps(t, 0, len) == 0 : rc;
	}
	if (rc != 0) {
		return rc < 0 ? rc : 0;
	}
	return read_text(h, t, len, bold, b->kind == DT_BLOCK_HEADING);
}

/* Read the top blocks (at most `limit`) until one is not header; its
 * index goes to *end.  The block that is not header leaves the state as
 * it found it. */
static int header_pass(hdr *h, const dt_blocks *bl, size_t start,
	size_t limit, size_t *end)
{
	size_t i, nread = 0;
	int rc;

	for (i = start; i < limit && nread < HDR_MAX_BLOCKS; i++, nread++) {
		const dt_block *b = &bl->v[i];
		hdr_state snap = h->st;

		if (b->kind == DT_BLOCK_BREAK) {
			h->st.title_closed |= h->title.len > 0;
			continue;
		}
		if (b->kind == DT_BLOCK_ROW) {
			size_t j = table_end(bl, i);

			/* only before the type line: later it is body */
			rc = h->st.doctype ? 0 : table_is_header(bl, i, j);
			if (rc > 0) {
				rc = read_table(h, bl, i, j);
				i = j - 1;
				if (rc == 0) {
					continue;
				}
			}
		} else {
			rc = header_block(h, b);
			if (rc > 0) {
				continue;
			}
		}
		if (rc < 0) {
			return rc;
		}
		h->st = snap;
		dt__meta_buf_cut(&h->issuer, snap.issuer_len);
		dt__meta_buf_cut(&h->title, snap.title_len);
		break;
	}
	*end = i;
	return 0;
}

/* Does the block end the search for a header (numbered body text)? */
static int stray_ends(const dt_block *b)
{
	const char *t = b->text ? b->text : "";

	return dt__meta_numbered(t, strlen(t)) > 0;
}

static void hdr_reset(hdr *h)
{
	memset(&h->st, 0, sizeof(h->st));
	dt__meta_buf_cut(&h->seg, 0);
	dt__meta_buf_cut(&h->issuer, 0);
	dt__meta_buf_cut(&h->title, 0);
}

int dt__meta_header(dt_doc *doc, const dt_blocks *bl, unsigned char *used,
	size_t *end)
{
	hdr h;
	size_t n = 0, start;
	int rc = 0;

	memset(&h, 0, sizeof(h));
	h.doc = doc;
	dt__buf_init(&h.seg, HDR_BLOCK_MAX * 4);
	dt__buf_init(&h.work, HDR_BLOCK_MAX * 4);
	dt__buf_init(&h.issuer, 4096);
	dt__buf_init(&h.title, 4096);
	/* Crawled copies often open with a few stray lines (a source note,
	 * a page title): the header may start after up to HDR_SKIP blocks,
	 * which then stay body.  A numbered block is the body itself: no
	 * header comes after it. */
	for (start = 0; rc == 0 && start <= HDR_SKIP && start < bl->n;
		start++) {
		if (start > 0 && stray_ends(&bl->v[start - 1])) {
			break;
		}
		hdr_reset(&h);
		rc = header_pass(&h, bl, start, bl->n, &n);
		if (h.st.anchor) {
			break;
		}
	}
	if (rc == 0 && h.st.anchor) {
		hdr_reset(&h);
		h.apply = 1;
		rc = header_pass(&h, bl, start, n, &n);
		if (rc == 0 && h.issuer.len > 0) {
			rc = dt__meta_set_field(&doc->meta.issuer,
				h.issuer.data, h.issuer.len);
		}
		if (rc == 0 && h.title.len > 0) {
			rc = dt__meta_set_field(&doc->meta.title, h.title.data,
				h.title.len);
		}
		memset(used + start, 1, n - start);
	} else {
		n = 0;
	}
	*end = n;
	dt__buf_dispose(&h.seg);
	dt__buf_dispose(&h.work);
	dt__buf_dispose(&h.issuer);
	dt__buf_dispose(&h.title);
	return rc;
}
