/*
 * meta.c - a document's metadata from the text around its body: the
 * header block (issuing body, symbol, place and date, type, title), the
 * preamble's links to parent documents, supersession sentences, and the
 * end matter (recipients, signature) that the outline must skip.
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
 * Front-matter / AKN key-values win over anything read from the text.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"
#include "symbol.h"

/* ## Data */

/* Fixed top-right header strings (DOMAIN §3.4), blanked before the rest
 * of a header segment is read. */
static const char *const mottos[] = {
	"ĐẢNG\\s+CỘNG\\s+SẢN\\s+VIỆT\\s+NAM",
	"CỘNG\\s+H(?:ÒA|OÀ)\\s+XÃ\\s+HỘI\\s+CHỦ\\s+NGHĨA\\s+VIỆT\\s+NAM",
	"Độc\\s+lập\\s*[-–—]\\s*Tự\\s+do\\s*[-–—]\\s*Hạnh\\s+phúc",
	"РОССИЙСКАЯ\\s+ФЕДЕРАЦИЯ",
};

/* Words that open a preamble line ("- Căn cứ …;", "Thực hiện …"). */
static const char *const preamble_openers[] = {
	"Căn\\s+cứ", "Thực\\s+hiện", "Xét", "В\\s+соответствии\\s+с",
	"На\\s+основании", "Во\\s+исполнение", "Руководствуясь",
};

/* Unit words that, with a number, open a body unit ("Điều 1."). */
static const char *const unit_words[] = {
	"điều", "chương", "phần", "mục", "tiểu\\s+mục", "статья", "глава",
	"раздел", "подраздел", "часть", "article", "chapter", "section",
	"part",
};

/* End matter: the recipients list and signature blocks (DOMAIN §3.4). */
static const char *const recipient_words[] = {
	"Nơi\\s+nhận[ \\t]*:", "Рассылка", "Разослать[ \\t]*:",
};
static const char *const sign_marks[] = {
	"T/M", "TM\\.?", "K/T", "KT\\.?", "T/L", "TL\\.?", "TUQ\\.?", "Q\\.",
};
static const char *const ru_sign_words[] = {
	"Председатель", "Секретарь", "Губернатор", "Мэр", "Министр",
	"Руководитель", "Директор",
};

/* An appendix after the signature is body again. */
static const char *const appendix_words[] = {
	"PHỤ\\s+LỤC", "ПРИЛОЖЕНИЕ",
};

/* Supersession verbs, and on which side of each the superseded document
 * is named (verb_sides[i] belongs to verb_words[i]). */
enum { AFTER = 1, BEFORE = 2, BOTH = 3 };
static const char *const verb_words[] = {
	"thay\\s+thế", "bãi\\s+bỏ", "hết\\s+hiệu\\s+lực",
	"утратившими?\\s+силу", "утрачива(?:ет|ют)\\s+силу",
	"утратил[аои]?\\s+силу",
};
static const int verb_sides[] = {
	AFTER, AFTER, BEFORE, BOTH, BEFORE, BEFORE,
};
_Static_assert(sizeof(verb_words) / sizeof(verb_words[0]) ==
	sizeof(verb_sides) / sizeof(verb_sides[0]), "one side per verb");

/* What may stand between a supersession verb and the document it names:
 * "thay thế các …", "bãi bỏ khoản 2 Điều 5 của …", "пункт 3 …". */
static const char *const gap_words[] = {
	"điểm", "khoản", "điều", "mục", "tiểu\\s+mục", "chương", "phần",
	"пункт\\w{0,2}", "подпункт\\w{0,2}", "стать\\w{1,2}", "глав\\w{1,2}",
	"раздел\\w{0,2}",
};

#define HDR_MAX_BLOCKS 80   /* a header is a dozen blocks; a table is one */
#define HDR_SKIP 4          /* stray blocks allowed before a header */
#define HDR_BLOCK_MAX 1500  /* bytes: a longer block is prose */
#define HDR_TABLE_ROWS 12   /* rows: a longer table is body */
#define PLACE_MAX 60        /* bytes of a place name read without a pattern */
#define BODY_NAME_MAX 100   /* bytes of an issuing body line not in capitals */
#define REFS_MAX 256        /* references kept per list */
#define FOLLOW_MAX 50       /* list items after "…утратившими силу:" */

/* ## Patterns */

enum {
	RE_NUMBERED, RE_UNIT, RE_PREAMBLE, RE_MOTTO, RE_SO, RE_PLACE,
	RE_RU_PLACE, RE_LETTER, RE_LOWER, RE_LOWER_AT, RE_UPPER,
	RE_TITLE_START, RE_STAMP, RE_NOTE, RE_RECIP, RE_SIGN, RE_RU_SIGN,
	RE_APPENDIX, RE_VERB, RE_GAP, RE_COUNT
};

#define WORDS(a) a, sizeof(a) / sizeof(a[0])

/* A pattern is head, then each word as a capture group joined by "|",
 * then tail. */
static const struct {
	const char *head;
	const char *const *words;
	size_t nwords;
	const char *tail;
	unsigned flags;
} specs[RE_COUNT] = {
	[RE_NUMBERED] = { "(?i:", WORDS(unit_words),
		")\\s+[\\dIVXLCivxlc]{1,8}(?!\\p{L})"
		"|[IVXLC]{1,7}[ \\t]*[.\\-–)]"
		"|\\d{1,3}(?:\\.\\d{1,3}){0,5}[ \\t]*[.\\-–)](?=\\s|$)"
		"|\\d{1,3}(?:\\.\\d{1,3}){1,5}(?=\\s)"
		"|[a-zđ]\\)|[а-яё]\\)|\\([a-zđ\\d]{1,3}\\)", DT_RE_ANCHORED },
	[RE_UNIT] = { "(?i:", WORDS(unit_words),
		")\\s+[\\dIVXLCivxlc]{1,8}(?!\\p{L})"
		"|[IVXLC]{1,7}[ \\t]*[.\\-–)]", DT_RE_ANCHORED },
	[RE_PREAMBLE] = { "(?:[-+•–*][ \\t]*)?(?:", WORDS(preamble_openers),
		")(?!\\w)", DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_MOTTO] = { "(?:", WORDS(mottos), ")", DT_RE_CASELESS },
	[RE_SO] = { "s[ốổo][ \\t]*:?[ \\t]*", NULL, 0, "",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_PLACE] = { "((?:(?:TP|Tp|Thành\\s+phố)\\.?[ \\t]*)?"
		"\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?"
		"(?:[ \\t]+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){0,4})"
		"[ \\t]*,?[ \\t]*$", NULL, 0, "", 0 },
	[RE_RU_PLACE] = { "г\\.[ \\t]*(\\p{Lu}[\\p{L}\\-]*"
		"(?:[ \\t]+\\p{Lu}[\\p{L}\\-]*){0,2})[ \\t]*$", NULL, 0, "",
		DT_RE_ANCHORED },
	[RE_LETTER] = { "\\p{L}", NULL, 0, "", 0 },
	[RE_LOWER] = { "\\p{Ll}", NULL, 0, "", 0 },
	[RE_LOWER_AT] = { "\\p{Ll}", NULL, 0, "", DT_RE_ANCHORED },
	[RE_UPPER] = { "\\p{Lu}", NULL, 0, "", DT_RE_ANCHORED },
	[RE_TITLE_START] = { "(?:о|об|về|v/v)(?!\\p{L})", NULL, 0, "",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_STAMP] = { "утвержд[её]н\\w{0,2}(?!\\w)", NULL, 0, "",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_NOTE] = { "\\((?:ban\\s+hành\\s+)?kèm\\s+theo|\\(утвержд", NULL,
		0, "", DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_RECIP] = { "(?:", WORDS(recipient_words), ")",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_SIGN] = { "(?:", WORDS(sign_marks), ")[ \\t]*\\p{Lu}",
		DT_RE_ANCHORED },
	[RE_RU_SIGN] = { "(?:", WORDS(ru_sign_words), ")(?!\\w)",
		DT_RE_ANCHORED },
	[RE_APPENDIX] = { "(?:", WORDS(appendix_words), ")(?!\\p{L})",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_VERB] = { "(?<!\\w)(?:", WORDS(verb_words), ")(?!\\w)",
		DT_RE_CASELESS },
	[RE_GAP] = { "[\\s:,]*(?:(?:các|toàn\\s+bộ|một\\s+số"
		"|следующ\\w{1,3})\\s+)?(?:(?:", WORDS(gap_words),
		")\\s+[\\p{L}\\d.]{1,8}[\\s,]*(?:(?:và|и|của|tại)\\s+)?){0,6}",
		DT_RE_CASELESS | DT_RE_ANCHORED },
};

static dt_re *re[RE_COUNT];
static int re_status;
static pthread_once_t re_once = PTHREAD_ONCE_INIT;

static int build(dt_buf *b, size_t k)
{
	size_t i;
	int rc = dt__buf_append(b, specs[k].head, strlen(specs[k].head));

	for (i = 0; rc == 0 && i < specs[k].nwords; i++) {
		const char *w = specs[k].words[i];

		rc = dt__buf_printf(b, "%s(%s)", i ? "|" : "", w);
	}
	if (rc == 0) {
		rc = dt__buf_append(b, specs[k].tail, strlen(specs[k].tail));
	}
	return rc;
}

static void re_compile(void)
{
	size_t k;
	int rc = 0;

	for (k = 0; rc == 0 && k < RE_COUNT; k++) {
		dt_buf b;

		dt__buf_init(&b, 8192);
		rc = build(&b, k);
		if (rc == 0) {
			rc = dt__re_compile(&re[k], b.data, specs[k].flags,
				NULL);
		}
		dt__buf_dispose(&b);
	}
	re_status = rc < 0 ? DT_ERROR : 0;
}

/* Run pattern `which` on s[0..len) from `from`; groups past the highest
 * one set are cleared.  1+ on a match, 0 none, <0 dt_status. */
static int run(int which, const char *s, size_t len, size_t from,
	size_t *ov, size_t ovn)
{
	size_t i;
	int rc;

	if (from > len) {
		return 0;
	}
	rc = dt__re_match(re[which], s, len, from, ov, ovn);
	for (i = rc > 0 ? (size_t)rc : ovn; i < ovn; i++) {
		ov[2 * i] = ov[2 * i + 1] = SIZE_MAX;
	}
	return rc;
}

/* Does anchored pattern `which` match at s[pos]?  End in *end. */
static int at(int which, const char *s, size_t len, size_t pos,
	size_t *end)
{
	size_t ov[2];
	int rc = run(which, s, len, pos, ov, 1);

	if (rc > 0 && end != NULL) {
		*end = ov[1];
	}
	return rc > 0 ? 1 : rc;
}

/* ## Small text helpers */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void trim(const char *s, size_t *a, size_t *z)
{
	while (*a < *z && is_blank(s[*a])) {
		(*a)++;
	}
	while (*z > *a && is_blank(s[*z - 1])) {
		(*z)--;
	}
}

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

/* Original line of byte `off` of block text `t`. */
static size_t line_of(const dt_block *b, const char *t, size_t off)
{
	size_t line = b->line, i;

	for (i = 0; i < off; i++) {
		line += t[i] == '\n';
	}
	return line;
}

/* All capitals: the first letter is upper case and no lower-case letter
 * stands outside a symbol-like token ("QUY ĐỊNH SỐ 19-QĐi/TU"). */
static int caps(const char *s, size_t a, size_t z)
{
	size_t ov[2], pos = a;
	int rc = run(RE_LETTER, s, z, a, ov, 1);

	if (rc <= 0) {
		return rc;
	}
	rc = at(RE_UPPER, s, z, ov[0], NULL);
	while (rc > 0) {
		size_t ts, te;
		int token = 0;

		rc = run(RE_LOWER, s, z, pos, ov, 1);
		if (rc <= 0) {
			return rc < 0 ? rc : 1;
		}
		for (ts = ov[0]; ts > a && !is_blank(s[ts - 1]); ts--) {
		}
		for (te = ov[0]; te < z && !is_blank(s[te]); te++) {
		}
		for (; ts < te; ts++) {
			token |= s[ts] == '/' || (s[ts] >= '0' && s[ts] <= '9');
		}
		rc = token;
		pos = te;
	}
	return rc;
}

static int numbered(const char *t, size_t len)
{
	return at(RE_NUMBERED, t, len, 0, NULL);
}

/* ## Writing fields */

static int set_field(const char **field, const char *s, size_t len)
{
	return dt__set_str((char **)field, s, len);
}

static void clear_field(const char **field)
{
	if (*field != dt__empty) {
		dt__free((char *)*field);
		*field = dt__empty;
	}
}

static int set_span(const char **field, const char *s, dt_span sp)
{
	if (sp.end <= sp.start) {
		clear_field(field);
		return 0;
	}
	return set_field(field, s + sp.start, sp.end - sp.start);
}

/* The symbol and its parts, all replaced. */
static int set_symbol(dt_meta *m, const char *s, const dt_symbol *sym)
{
	int rc = set_span(&m->symbol, s, sym->all);

	if (rc == 0) {
		rc = set_span(&m->number, s, sym->number);
	}
	if (rc == 0) {
		rc = set_span(&m->type_code, s, sym->type);
	}
	if (rc == 0) {
		rc = set_span(&m->issuer_code, s, sym->issuer);
	}
	if (rc == 0) {
		rc = set_span(&m->year, s, sym->year);
	}
	return rc;
}

static int set_date(const char **field, const dt_date *d)
{
	char iso[DT_DATE_ISO_SIZE];

	dt__date_iso(iso, d);
	return set_field(field, iso, strlen(iso));
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

	trim(s, &a, &z);
	if (a == z || z - a + 1 > b->max - b->len) {
		return 0;
	}
	if (b->len > 0) {
		rc = dt__buf_putc(b, ' ');
	}
	return rc == 0 ? dt__buf_append(b, s + a, z - a) : rc;
}

static void buf_cut(dt_buf *b, size_t len)
{
	b->len = len;
	if (b->data != NULL) {
		b->data[len] = '\0';
	}
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
	trim(s, &a, &z);
	if (a < z && s[a] == ':' && a + 1 == z) {
		a = z;
	}
	*rest = a < z ? a : len;
	rc = caps(s, sp.start, sp.end);
	if (rc < 0 || a == z) {
		return rc < 0 ? rc : rc > 0 || heading;
	}
	if (rc == 0) {
		return 0;
	}
	rc = run(RE_LETTER, s, z, a, ov, 1);
	return rc <= 0 ? rc : at(RE_LOWER_AT, s, z, ov[0], NULL);
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
	rc = bold ? 1 : caps(s, 0, len);

	if (rc == 0 && h->title.len == 0) {
		rc = at(RE_TITLE_START, s, len, 0, NULL);
	}
	if (rc > 0) {
		rc = title_add(h, s, 0, len);
		return rc < 0 ? rc : 1;
	}
	if (rc == 0 && s[len - 1] == ')') {
		rc = at(RE_NOTE, s, len, 0, NULL);
	}
	return rc;
}

/* Blank every motto in w[0..z); 1 when one was there. */
static int blank_mottos(char *w, size_t z)
{
	size_t ov[2];
	int found = 0, rc = run(RE_MOTTO, w, z, 0, ov, 1);

	while (rc > 0) {
		memset(w + ov[0], ' ', ov[1] - ov[0]);
		found = 1;
		rc = run(RE_MOTTO, w, z, ov[1], ov, 1);
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
	if (at(RE_SO, w, *z, *a, &p) < 0) {
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
		rc = set_symbol(&h->doc->meta, w, &sym);
	}
	return rc < 0 ? rc : 1;
}

static int place_set(hdr *h, const char *w, size_t a, size_t z)
{
	trim(w, &a, &z);
	if (!h->apply || h->have_place || a == z) {
		return 0;
	}
	h->have_place = 1;
	return set_field(&h->doc->meta.place, w + a, z - a);
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
		rc = set_date(&h->doc->meta.date, &d);
	}
	pz = d.all.start;
	rc = rc < 0 ? rc : run(RE_PLACE, w, pz, *a, ov, 2);
	if (rc > 0) {
		rc = place_set(h, w, ov[2], ov[3]);
		pz = ov[0];
	} else if (rc == 0) {
		size_t k = pz;

		trim(w, a, &k);
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
	int rc = caps(w, a, z);

	if (rc != 0 || z - a > BODY_NAME_MAX || memchr(w + a, ':', z - a) ||
		strchr(".;,!?", w[z - 1]) != NULL) {
		return rc;
	}
	rc = run(RE_LETTER, w, z, a, ov, 1);
	return rc > 0 ? at(RE_UPPER, w, z, ov[0], NULL) : rc;
}

/* Everything but type and title: mottos, symbol, place and date, "г.
 * Москва", issuing body lines, an approval stamp. */
static int fields(hdr *h, const char *s, size_t len)
{
	size_t a = 0, z = len, ov[4];
	char *w;
	int rc, found = 0;

	buf_cut(&h->work, 0);
	rc = dt__buf_append(&h->work, s, len);
	if (rc < 0) {
		return rc;
	}
	w = h->work.data;
	if (at(RE_STAMP, w, z, 0, NULL) > 0) {
		return 1; /* "УТВЕРЖДЕНО …": the approving act, not this one */
	}
	if (h->st.doctype == 0) {
		rc = blank_mottos(w, z);
		h->st.anchor |= rc > 0;
	}
	trim(w, &a, &z);
	if (rc >= 0 && a < z) {
		rc = symbol_part(h, w, &a, &z);
		found |= rc > 0;
	}
	trim(w, &a, &z);
	if (rc >= 0 && a < z) {
		rc = date_part(h, w, &a, &z);
		found |= rc > 0;
	}
	trim(w, &a, &z);
	if (rc >= 0 && a < z && run(RE_RU_PLACE, w, z, a, ov, 2) > 0) {
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
			rc = set_field(&h->doc->meta.type, name, strlen(name));
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
		buf_cut(&h->seg, 0);
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
	if (at(RE_SO, s, z, a, &p) < 0) {
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

	buf_cut(&h->seg, 0);
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

			rc = run(RE_MOTTO, s, n, 0, ov, 1);
			if (rc == 0 && at(RE_SO, s, n, 0, &p) > 0) {
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
	rc = numbered(t, len);
	if (rc == 0) {
		rc = at(RE_PREAMBLE, t, len, 0, NULL);
		/* a title in capitals may open with "THỰC HIỆN" */
		rc = rc > 0 ? caps(t, 0, len) == 0 : rc;
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
		buf_cut(&h->issuer, snap.issuer_len);
		buf_cut(&h->title, snap.title_len);
		break;
	}
	*end = i;
	return 0;
}

static void hdr_reset(hdr *h)
{
	memset(&h->st, 0, sizeof(h->st));
	buf_cut(&h->seg, 0);
	buf_cut(&h->issuer, 0);
	buf_cut(&h->title, 0);
}

/* Find the header, fill the fields it holds and mark its blocks used;
 * *end is the first block after it (0 when there is none). */
static int header(dt_doc *doc, const dt_blocks *bl, unsigned char *used,
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
	 * which then stay body. */
	for (start = 0; rc == 0 && start <= HDR_SKIP && start < bl->n;
		start++) {
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
			rc = set_field(&doc->meta.issuer, h.issuer.data,
				h.issuer.len);
		}
		if (rc == 0 && h.title.len > 0) {
			rc = set_field(&doc->meta.title, h.title.data,
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

/* ## Key/values from front matter or AKN */

/* Copy s[sp] into out[0..cap) with line breaks as blanks (truncated). */
static void copy_flat(char *out, size_t cap, const char *s, dt_span sp)
{
	size_t n = sp.end > sp.start ? sp.end - sp.start : 0, i;

	n = n < cap ? n : cap - 1;
	for (i = 0; i < n; i++) {
		out[i] = s[sp.start + i] == '\n' ? ' ' : s[sp.start + i];
	}
	out[n] = '\0';
}

/* "replaces"/"based_on": the value names a document; type word, symbol
 * and date are read from it when present. */
static int kv_ref(dt_doc *doc, int replaces, const dt_kv *kv)
{
	char type[128] = "", sym[DT_SYMBOL_KEY_MAX] = "";
	char iso[DT_DATE_ISO_SIZE] = "";
	size_t n = strlen(kv->value), idx;
	dt_symbol s;
	dt_date d;
	dt_span ty;
	int rc = dt__symbol_doctype_find(&idx, &ty, kv->value, n, 0);

	if (rc > 0) {
		copy_flat(type, sizeof(type), kv->value, ty);
	}
	rc = rc < 0 ? rc : dt__symbol_find(&s, kv->value, n, 0);
	if (rc > 0) {
		copy_flat(sym, sizeof(sym), kv->value, s.all);
	}
	rc = rc < 0 ? rc : dt__date_find(&d, kv->value, n, 0);
	if (rc > 0) {
		dt__date_iso(iso, &d);
	}
	return rc < 0 ? rc : dt__doc_add_ref(doc, replaces, kv->value, type,
		sym, iso, kv->line);
}

static int kv_refs(dt_doc *doc, const dt_blocks *bl)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < bl->nmeta; i++) {
		const char *k = bl->meta[i].key;

		if (strcmp(k, "replaces") == 0 || strcmp(k, "based_on") == 0) {
			rc = kv_ref(doc, k[0] == 'r', &bl->meta[i]);
		}
	}
	return rc;
}

/* One scalar key/value over whatever the text gave. */
static int kv_field(dt_meta *m, const char *key, const char *v)
{
	size_t n = strlen(v), idx;
	dt_symbol sym;
	dt_date d;
	dt_span sp;
	int rc;

	if (strcmp(key, "type") == 0) {
		rc = dt__symbol_doctype_at(&idx, &sp, v, n, 0);
		if (rc > 0 && sp.end == n) {
			v = dt__symbol_doctype_name(idx);
			n = strlen(v);
		}
		return rc < 0 ? rc : set_field(&m->type, v, n);
	}
	if (strcmp(key, "symbol") == 0) {
		rc = dt__symbol_parse(&sym, v, n);
		if (rc != 0) {
			return rc < 0 ? rc : set_symbol(m, v, &sym);
		}
		memset(&sym, 0, sizeof(sym));
		sym.all.end = n;
		return set_symbol(m, v, &sym);
	}
	if (strcmp(key, "date") == 0) {
		rc = dt__date_parse(&d, v, n);
		return rc > 0 ? set_date(&m->date, &d) :
			rc < 0 ? rc : set_field(&m->date, v, n);
	}
	if (strcmp(key, "place") == 0 || strcmp(key, "issuer") == 0 ||
		strcmp(key, "title") == 0) {
		return set_field(key[0] == 'p' ? &m->place : key[0] == 'i' ?
			&m->issuer : &m->title, v, n);
	}
	return 0;
}

static int kv_fields(dt_doc *doc, const dt_blocks *bl)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < bl->nmeta; i++) {
		rc = kv_field(&doc->meta, bl->meta[i].key, bl->meta[i].value);
	}
	return rc;
}

/* ## References from the body */

typedef struct {
	dt_doc *doc;
	const dt_blocks *bl;
	unsigned char *used;
	char own[DT_SYMBOL_KEY_MAX]; /* key of the document's own symbol */
	dt_buf text;
} body;

/* Is the document with this key and date already in the list?  A full
 * list counts as knowing everything. */
static int ref_known(const dt_doc *doc, int replaces, const char *key,
	const char *iso)
{
	const dt_docref *v = replaces ? doc->replaces : doc->based_on;
	size_t n = replaces ? doc->meta.replaces_count :
		doc->meta.based_on_count, i;
	char k[DT_SYMBOL_KEY_MAX];

	if (n >= REFS_MAX) {
		return 1;
	}
	for (i = 0; i < n; i++) {
		int rc = dt__symbol_key_str(k, sizeof(k), v[i].symbol,
			strlen(v[i].symbol));

		/* one symbol names two documents in two terms: the dates
		 * tell them apart when both are known */
		if (rc > 0 && strcmp(k, key) == 0 && (iso[0] == '\0' ||
			v[i].date[0] == '\0' || strcmp(iso, v[i].date) == 0)) {
			return 1;
		}
	}
	return 0;
}

/* Record mention `m` of block `b` (text t) as a reference. */
static int add_mention(body *c, int replaces, const dt_block *b,
	const char *t, const dt_mention *m)
{
	char key[DT_SYMBOL_KEY_MAX], iso[DT_DATE_ISO_SIZE] = "";
	char type[128], sym[DT_SYMBOL_KEY_MAX];
	size_t i;
	int rc = dt__symbol_key(key, sizeof(key), t, &m->symbol);

	if (rc <= 0 || (replaces && strcmp(key, c->own) == 0)) {
		return 0; /* an overlong symbol, or the document itself */
	}
	if (m->has_date) {
		dt__date_iso(iso, &m->date);
	}
	if (ref_known(c->doc, replaces, key, iso)) {
		return 0;
	}
	copy_flat(type, sizeof(type), t, m->type);
	copy_flat(sym, sizeof(sym), t, m->symbol.all);
	buf_cut(&c->text, 0);
	rc = dt__buf_append(&c->text, t + m->all.start,
		m->all.end - m->all.start);
	for (i = 0; rc == 0 && i < c->text.len; i++) {
		c->text.data[i] = c->text.data[i] == '\n' ? ' ' :
			c->text.data[i];
	}
	return rc < 0 ? rc : dt__doc_add_ref(c->doc, replaces, c->text.data,
		type, sym, iso, line_of(b, t, m->all.start));
}

/* Record `first` (when not NULL) and every mention after it in
 * t[from..to), where `from` is first's end when first is given. */
static int mentions(body *c, int replaces, const dt_block *b, size_t len,
	const dt_mention *first, size_t from, size_t to)
{
	const char *t = b->text;
	dt_mention m, prev;
	int rc = 1;

	if (first != NULL) {
		m = *first;
	} else {
		rc = dt__symbol_mention_find(&m, t, len, from, to, NULL);
	}
	while (rc > 0) {
		rc = add_mention(c, replaces, b, t, &m);
		prev = m;
		if (rc == 0) {
			rc = dt__symbol_mention_find(&m, t, len, prev.all.end,
				to, &prev);
		}
	}
	return rc;
}

/* ## End matter */

/* Does the text open the end matter: "Nơi nhận:", a signature mark in
 * capitals ("T/M BAN BÍ THƯ", "KT. CHỦ TỊCH"), a Russian signatory
 * line that is no sentence? */
static int end_text(const char *t, size_t len)
{
	size_t a = 0, first;
	const char *nl;
	int rc;

	/* a copy with one cell per line puts "|" lines before it */
	while (a < len && strchr(" \t\n|*_", t[a]) != NULL) {
		a++;
	}
	nl = memchr(t + a, '\n', len - a);
	first = nl ? (size_t)(nl - t) : len;
	rc = at(RE_RECIP, t, len, a, NULL);
	if (rc == 0 && len - a <= 300) {
		rc = at(RE_SIGN, t, len, a, NULL);
		rc = rc > 0 ? caps(t, a, first) : rc;
	}
	if (rc == 0 && len - a <= 200 && a < len &&
		strchr(".;:,", t[len - 1]) == NULL) {
		rc = at(RE_RU_SIGN, t, len, a, NULL);
	}
	return rc;
}

static int end_start(const dt_block *b)
{
	size_t c;
	int rc = 0;

	if (b->kind != DT_BLOCK_ROW) {
		return b->text && b->text[0] ? end_text(b->text,
			strlen(b->text)) : 0;
	}
	for (c = 0; rc == 0 && c < b->ncells; c++) {
		if (b->cells[c][0] != '\0') {
			rc = end_text(b->cells[c], strlen(b->cells[c]));
		}
	}
	return rc;
}

static int lone_end_mark(const char *t, size_t len)
{
	size_t a = 0;

	trim(t, &a, &len);
	return (len - a == 3 && memcmp(t + a, "./.", 3) == 0) ||
		(len - a == 2 && memcmp(t + a, "/.", 2) == 0);
}

/* Mark the end matter used: from its first block up to an appendix (or
 * the end).  A numbered heading, an article or a chapter inside means
 * the opening mark was a false alarm: its blocks are body again. */
static int end_matter(body *c, size_t from)
{
	const dt_blocks *bl = c->bl;
	size_t i, start = 0;
	int in_end = 0, rc = 0;

	for (i = from; rc >= 0 && i < bl->n; i++) {
		const dt_block *b = &bl->v[i];
		const char *t = b->text ? b->text : "";
		size_t len = strlen(t);

		if (in_end && b->kind != DT_BLOCK_ROW && len > 0) {
			rc = at(RE_APPENDIX, t, len, 0, NULL);
			if (rc == 0) {
				rc = b->kind == DT_BLOCK_HEADING ?
					numbered(t, len) :
					at(RE_UNIT, t, len, 0, NULL);
				if (rc > 0) {
					memset(c->used + start, 0, i - start);
				}
			}
			in_end = rc == 0;
		} else if (!in_end) {
			rc = end_start(b);
			in_end = rc > 0;
			start = i;
		}
		if (rc >= 0 && (in_end || lone_end_mark(t, len))) {
			c->used[i] = 1;
		}
	}
	return rc < 0 ? rc : 0;
}

/* ## Preamble and supersession */

/* Preamble lines between the header and the first numbered unit: each
 * document they name is a parent.  *end: where the preamble zone ends. */
static int preamble(body *c, size_t from, size_t *end)
{
	const dt_blocks *bl = c->bl;
	size_t i;
	int rc = 0;

	for (i = from; rc >= 0 && i < bl->n; i++) {
		const dt_block *b = &bl->v[i];
		size_t len = b->text ? strlen(b->text) : 0;

		if (c->used[i] || b->kind == DT_BLOCK_BREAK || len == 0) {
			continue;
		}
		if (b->kind == DT_BLOCK_ROW) {
			break;
		}
		rc = numbered(b->text, len);
		rc = rc == 0 ? end_text(b->text, len) : rc;
		if (rc != 0) {
			break;
		}
		rc = at(RE_PREAMBLE, b->text, len, 0, NULL);
		if (rc > 0) {
			rc = mentions(c, 0, b, len, NULL, 0, len);
		}
	}
	*end = i;
	return rc < 0 ? rc : 0;
}

/* End of the sentence starting at `ss`: after a '.' followed by a blank
 * and a capital ("г. №" does not end one), or the end of the text. */
static size_t sentence_end(const char *t, size_t ss, size_t len)
{
	size_t i, k;

	for (i = ss; i + 1 < len; i++) {
		if (t[i] != '.' || !is_blank(t[i + 1])) {
			continue;
		}
		for (k = i + 1; k < len && is_blank(t[k]); k++) {
		}
		if (k < len && at(RE_UPPER, t, len, k, NULL) > 0) {
			return k;
		}
	}
	return len;
}

/* "bị"/"được" right before the verb: a passive, the object precedes. */
static int passive(const char *t, size_t ss, size_t v)
{
	static const char *const aux[] = { "bị", "được", "Bị", "Được" };
	size_t i;

	while (v > ss && is_blank(t[v - 1])) {
		v--;
	}
	for (i = 0; i < sizeof(aux) / sizeof(aux[0]); i++) {
		size_t n = strlen(aux[i]);

		if (v - ss >= n && memcmp(t + v - n, aux[i], n) == 0 &&
			(v - n == ss || is_blank(t[v - n - 1]))) {
			return 1; /* a syllable of its own */
		}
	}
	return 0;
}

/* List items after "Признать утратившими силу:" name the documents. */
static int follow_items(body *c, size_t j)
{
	const dt_blocks *bl = c->bl;
	size_t stop = j + FOLLOW_MAX;
	int rc = 0;

	for (; rc >= 0 && j < bl->n && j < stop; j++) {
		const dt_block *b = &bl->v[j];

		if (c->used[j] || b->kind != DT_BLOCK_ITEM || !b->text) {
			break;
		}
		size_t len = strlen(b->text);

		rc = mentions(c, 1, b, len, NULL, 0, len);
	}
	return rc < 0 ? rc : 0;
}

/* The last mention in t[ss..v) if nothing but words without a ',' or
 * ';' separates it from v: the subject of "… hết hiệu lực". */
static int subject_before(body *c, const dt_block *b, size_t len,
	size_t ss, size_t v)
{
	const char *t = b->text;
	size_t k;
	dt_mention m, last;
	int have = 0, rc = dt__symbol_mention_find(&m, t, len, ss, v, NULL);

	while (rc > 0) {
		last = m;
		have = 1;
		rc = dt__symbol_mention_find(&m, t, len, last.all.end, v,
			&last);
	}
	for (k = have ? last.all.end : v; k < v; k++) {
		if (t[k] == ',' || t[k] == ';') {
			return rc;
		}
	}
	return rc < 0 || !have ? rc : add_mention(c, 1, b, t, &last);
}

/* The objects after the verb: a mention right after it (past "các",
 * "khoản 2 Điều 5 của"), and those that follow in the sentence. */
static int objects_after(body *c, const dt_block *b, size_t len, size_t v,
	size_t se)
{
	const char *t = b->text;
	size_t g = v;
	dt_mention m;
	int rc = at(RE_GAP, t, se, v, &g);

	if (rc >= 0) {
		rc = dt__symbol_mention_find(&m, t, len, g, se, NULL);
	}
	if (rc <= 0 || m.all.start != g) {
		return rc < 0 ? rc : 0;
	}
	rc = mentions(c, 1, b, len, &m, 0, se);
	return rc < 0 ? rc : 1;
}

/* The documents named on the verb's side of sentence t[ss..se). */
static int sentence_refs(body *c, size_t i, size_t len, const size_t *ov,
	size_t ss, size_t se)
{
	const dt_block *b = &c->bl->v[i];
	size_t k = 1;
	int side, rc = 0, found = 0;

	while (ov[2 * k] == SIZE_MAX) {
		k++;
	}
	side = verb_sides[k - 1];
	if (side == AFTER && passive(b->text, ss, ov[0])) {
		side = BEFORE;
	}
	if (side & BEFORE) {
		rc = subject_before(c, b, len, ss, ov[0]);
	}
	if (rc >= 0 && (side & AFTER)) {
		rc = found = objects_after(c, b, len, ov[1], se);
	}
	while (rc >= 0 && se > ss && is_blank(b->text[se - 1])) {
		se--;
	}
	if (rc >= 0 && !found && (side & AFTER) && se == len && se > ss &&
		b->text[se - 1] == ':') {
		rc = follow_items(c, i + 1);
	}
	return rc < 0 ? rc : 0;
}

static int supersession(body *c, size_t from, size_t pre_end)
{
	const dt_blocks *bl = c->bl;
	size_t i, ov[2 * 8];
	int rc = 0;

	for (i = from; rc >= 0 && i < bl->n; i++) {
		const dt_block *b = &bl->v[i];
		size_t len = b->text ? strlen(b->text) : 0, ss = 0, se;

		if (c->used[i] || b->kind == DT_BLOCK_ROW || len == 0) {
			continue;
		}
		if (i < pre_end && at(RE_PREAMBLE, b->text, len, 0, NULL)) {
			continue;
		}
		for (; rc >= 0 && ss < len; ss = se) {
			se = sentence_end(b->text, ss, len);
			rc = run(RE_VERB, b->text, se, ss, ov, 8);
			if (rc > 0) {
				rc = sentence_refs(c, i, len, ov, ss, se);
			}
		}
	}
	return rc < 0 ? rc : 0;
}

/* ## Entry point */

int dt__meta_extract(dt_doc *doc, const dt_blocks *blocks,
	unsigned char *used, dt_error *err)
{
	body c;
	size_t hdr_end = 0, pre_end = 0;
	int rc;

	pthread_once(&re_once, re_compile);
	if (re_status < 0) {
		return dt__fail(err, DT_ERROR, 0, 0, "metadata patterns: %s",
			"compile failed");
	}
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.bl = blocks;
	c.used = used;
	dt__buf_init(&c.text, (size_t)1 << 20);
	rc = kv_refs(doc, blocks);
	if (rc == 0) {
		rc = header(doc, blocks, used, &hdr_end);
	}
	if (rc == 0) {
		rc = kv_fields(doc, blocks);
	}
	if (rc == 0) {
		rc = dt__symbol_key_str(c.own, sizeof(c.own), doc->meta.symbol,
			strlen(doc->meta.symbol));
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0) {
		rc = preamble(&c, hdr_end, &pre_end);
	}
	if (rc == 0) {
		rc = end_matter(&c, hdr_end);
	}
	if (rc == 0) {
		rc = supersession(&c, hdr_end, pre_end);
	}
	dt__buf_dispose(&c.text);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "metadata: %s",
			rc == DT_ENOMEM ? "out of memory" : rc == DT_ELIMIT ?
			"a pattern hit its match limit" : "pattern failure");
	}
	return 0;
}
