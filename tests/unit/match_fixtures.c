/*
 * match_fixtures.c - the random documents of the match.c tests
 * (match_fixtures.h): a vocabulary, a generator, directives and the
 * plans that paraphrase them.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "match_fixtures.h"

/* ## Random documents */

static const char *const vocab[] = {"đảng", "viên", "chi", "bộ", "sinh", "hoạt",
	"hồ", "sơ", "quản", "lý", "tài", "liệu", "kiểm", "tra", "giám", "sát",
	"cán", "cấp", "ủy", "nhiệm", "vụ", "thực", "hiện", "công", "tác", "tổ",
	"chức", "phát", "triển", "kỷ", "luật", "báo", "cáo", "định", "kỳ",
	"học", "tập", "nghị", "quyết", "lịch"};
#define NVOCAB (sizeof(vocab) / sizeof(vocab[0]))

unsigned long long rng;

size_t pick(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

/* Append a, then b, to buf (cap bytes). */
static void put(char *buf, size_t cap, const char *a, const char *b)
{
	size_t len = strlen(buf);

	snprintf(buf + len, cap - len, "%s%s", a, b);
}

/* n random syllables, skewed towards the start of the vocabulary. */
void words(char *buf, size_t cap, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t a = pick(NVOCAB), b = pick(NVOCAB);

		put(buf, cap, i ? " " : "", vocab[a < b ? a : b]);
	}
}

/* A directive of a few articles of clauses; clauses[] keeps their text
 * for the plan.  Some clauses repeat the one before, some are short. */
size_t directive(char *buf, char clauses[][512])
{
	/* a third of them long enough for several blocks of 16 leaves
	 * (match.c, near_best()) */
	size_t narts = pick(3) == 0 ? 8 + pick(12) : 2 + pick(5), a, c, n = 0;

	snprintf(buf, DOC_CAP, "# QUY ĐỊNH\n\n**VỀ CÔNG TÁC ĐẢNG VIÊN**\n\n");
	for (a = 1; a <= narts; a++) {
		char title[256] = "";
		char num[32];
		size_t nc = 1 + pick(5);

		words(title, sizeof(title), 2 + pick(3));
		snprintf(num, sizeof(num), "%zu", a);
		put(buf, DOC_CAP, "### Điều ", num);
		put(buf, DOC_CAP, ". ", title);
		put(buf, DOC_CAP, "\n\n", "");
		for (c = 1; c <= nc && n < MAX_CLAUSES; c++, n++) {
			clauses[n][0] = '\0';
			if (c > 1 && pick(4) == 0) {
				strcpy(clauses[n], clauses[n - 1]);
			} else {
				words(clauses[n], 512,
					pick(3) == 0 ? 2 + pick(3)
						     : 5 + pick(25));
			}
			snprintf(num, sizeof(num), "%zu", c);
			put(buf, DOC_CAP, num, ". ");
			put(buf, DOC_CAP, clauses[n], ".\n\n");
		}
	}
	return n;
}

/* A plan: headed sections of paragraphs, each a clause of the directive
 * (whole, cut, with syllables added, or two of them) or random
 * words. */
void plan(char *buf, char clauses[][512], size_t nclauses)
{
	size_t nsec = 1 + pick(3), s, p;

	snprintf(buf, DOC_CAP, "# KẾ HOẠCH\n\n**THỰC HIỆN QUY ĐỊNH**\n\n");
	for (s = 1; s <= nsec; s++) {
		char num[32];

		snprintf(num, sizeof(num), "%zu", s);
		put(buf, DOC_CAP, "## ", num);
		put(buf, DOC_CAP, ". Nhiệm vụ\n\n", "");
		for (p = 0; p < 2 + pick(6); p++) {
			char text[1024] = "";
			size_t k = pick(5);

			if (k == 0) {
				words(text, sizeof(text), 3 + pick(30));
			} else {
				put(text, sizeof(text), "",
					clauses[pick(nclauses)]);
			}
			if (k == 2) {
				char *cut =
					strchr(text + strlen(text) / 2, ' ');

				if (cut != NULL) {
					*cut = '\0';
				}
				put(text, sizeof(text), " ",
					clauses[pick(nclauses)]);
			}
			if (k == 3) {
				put(text, sizeof(text), " ", "");
				words(text, sizeof(text), 1 + pick(8));
			}
			if (k == 4) { /* two clauses, maybe fully covered */
				put(text, sizeof(text), " ",
					clauses[pick(nclauses)]);
			}
			put(buf, DOC_CAP, text, ".\n\n");
		}
	}
}

dt_doc *parse(const char *src)
{
	dt_doc *doc = NULL;
	dt_error err = {0};

	cr_assert_eq(dt_doc_parse(&doc, src, strlen(src), NULL, NULL, &err), 0,
		"%s", err.message);
	return doc;
}
