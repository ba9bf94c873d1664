/*
 * gen_corpus_units.c - the directives of the corpus generator (a
 * Vietnamese Quy định, a Russian Положение, a decimal Charter-keyed Quy
 * định), the model of their units that local documents cite and
 * paraphrase, and the citations themselves in the forms of each
 * language.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_corpus.h"
#include "gen_corpus_words.h"

/* ## The directive model */

static const char *const vi_letter[] = { "a", "b", "c", "d", "đ", "e", "g",
	"h", "i", "k" };
static const char *const ru_letter[] = { "а", "б", "в", "г", "д", "е", "ж",
	"з", "и", "к" };
static const char *const roman[] = { "", "I", "II", "III", "IV", "V", "VI",
	"VII", "VIII", "IX", "X", "XI", "XII" };

static void add_leaf(model *m, const char *eid, const char *text)
{
	leaf *l;

	if (m->nleaves == m->leafcap) {
		m->leafcap = m->leafcap ? 2 * m->leafcap : 256;
		m->leaves = realloc(m->leaves, m->leafcap * sizeof(*m->leaves));
		if (m->leaves == NULL) {
			fputs("gen_corpus: out of memory\n", stderr);
			exit(2);
		}
	}
	l = &m->leaves[m->nleaves++];
	snprintf(l->eid, sizeof(l->eid), "%s", eid);
	l->text = strdup(text);
	if (l->text == NULL) {
		exit(2);
	}
}

static unsigned duty_article(const model *m, rng *r)
{
	return m->lang == L_CH ? 1 + (unsigned)pick(r, m->nart) :
		3 + (unsigned)pick(r, m->nart - 3);
}

/* ## Directives */

static int leaf_at[MAX_ART + 1][MAX_SUB + 1][MAX_PT + 1];

static void record_leaf(model *m, unsigned a, unsigned k, unsigned p,
	const char *eid, const char *text)
{
	leaf_at[a][k][p] = (int)m->nleaves;
	add_leaf(m, eid, text);
}

static void vi_title(sbuf *b, rng *r)
{
	static const char *const tmpl[] = { "trách nhiệm của {A}", "{V} {O}",
		"về {O} và {O}" };
	sbuf t = { 0 };

	vi_fill(&t, r, PICK(r, tmpl), 0);
	put_upper(b, t.p, 0);
	free(t.p);
}

static void vi_directive(sbuf *b, model *m, rng *r)
{
	unsigned a, k, p;
	char eid[64];
	sbuf t = { 0 };

	m->sym = "125-QĐ/TW";
	m->alias = "Quy định 125";
	m->date = "12/5/2026";
	sb_put(b, "| BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |\n"
		"|---|---|\n| \\* | --------------- |\n"
		"| Số 125-QĐ/TW | *Hà Nội, ngày 12 tháng 5 năm 2026* |\n\n"
		"# QUY ĐỊNH\n\n**VỀ CÔNG TÁC QUẢN LÝ HỒ SƠ, DỮ LIỆU ĐẢNG VIÊN "
		"VÀ SINH HOẠT CỦA TỔ CHỨC CƠ SỞ ĐẢNG**\n\n-----\n\n"
		"- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
		"- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương khóa "
		"XIV;\n- Theo đề nghị của Ban Tổ chức Trung ương,\n\n"
		"Ban Bí thư quy định về công tác quản lý hồ sơ, dữ liệu đảng "
		"viên và sinh hoạt của tổ chức cơ sở đảng như sau:\n\n");
	m->nart = m->nart != 0 ? m->nart : DEFAULT_ART;
	m->nchap = N(vi_chapter);
	for (a = 1; a <= m->nart; a++) {
		m->chap_of[a] = 1 + (a - 1) * m->nchap / m->nart;
		if (a == 1 || m->chap_of[a] != m->chap_of[a - 1]) {
			sb_printf(b, "## Chương %s\n\n%s\n\n",
				roman[m->chap_of[a]],
				vi_chapter[m->chap_of[a] - 1]);
		}
		if (a == 1) {
			sb_put(b, "### Điều 1. Phạm vi điều chỉnh và đối tượng "
				"áp dụng\n\n1. Quy định này quy định việc lập, "
				"quản lý, khai thác hồ sơ, dữ liệu đảng viên và "
				"nền nếp sinh hoạt của tổ chức cơ sở đảng.\n\n"
				"2. Quy định này áp dụng đối với tổ chức cơ sở "
				"đảng, đảng viên và cấp ủy các cấp.\n\n");
			m->nsub[a] = 2;
			continue;
		}
		if (a == 2) {
			sb_put(b, "### Điều 2. Giải thích từ ngữ\n\nTrong Quy "
				"định này, các từ ngữ dưới đây được hiểu như "
				"sau:\n\n1. *Dữ liệu đảng viên* là thông tin về "
				"đảng viên được số hóa và lưu trên hệ thống.\n\n"
				"2. *Hồ sơ gốc* là hồ sơ giấy lập khi kết nạp "
				"đảng viên.\n\n3. *Tài khoản điện tử* là phương "
				"tiện để đảng viên truy cập ứng dụng của Đảng.\n\n");
			m->nsub[a] = 3;
			continue;
		}
		if (a == m->nart) {
			sb_printf(b, "### Điều %u. Hiệu lực thi hành\n\n1. Quy "
				"định này có hiệu lực kể từ ngày ký và thay thế "
				"Quy định số 17-QĐ/TW ngày 04/9/2021 của Ban Bí "
				"thư.\n\n2. Ban Tổ chức Trung ương hướng dẫn thi "
				"hành Quy định này.\n\n", a);
			m->nsub[a] = 2;
			continue;
		}
		sb_printf(b, "### Điều %u. ", a);
		vi_title(b, r);
		sb_put(b, "\n\n");
		m->nsub[a] = 2 + (unsigned)pick(r, 4);
		for (k = 1; k <= m->nsub[a]; k++) {
			t.len = 0;
			if (chance(r, 20)) {
				m->nleaf[a][k] = 2 + (unsigned)pick(r, 4);
				sb_printf(b, "%u. ", k);
				put_upper(b, SKEW(r, vi_actor), 0);
				sb_put(b, " có trách nhiệm thực hiện các nội "
					"dung sau:\n\n");
				for (p = 1; p <= m->nleaf[a][k]; p++) {
					t.len = 0;
					vi_fill(&t, r, "{V} {O} {M} {P}", 0);
					sb_printf(b, "%s) %s%s\n\n", vi_letter[p - 1],
						t.p, p < m->nleaf[a][k] ? ";" : ".");
					snprintf(eid, sizeof(eid),
						"art_%u__para_%u__point_%s", a, k,
						vi_letter[p - 1]);
					record_leaf(m, a, k, p, eid, t.p);
				}
				continue;
			}
			vi_sentence(&t, r, 1);
			sb_printf(b, "%u. %s.\n\n", k, t.p);
			snprintf(eid, sizeof(eid), "art_%u__para_%u", a, k);
			record_leaf(m, a, k, 0, eid, t.p);
		}
	}
	sb_put(b, "T/M BAN BÍ THƯ\n\nLê Minh Khang\n");
	free(t.p);
}

static void ru_title(sbuf *b, rng *r)
{
	static const char *const heads[] = { "Порядок", "Полномочия",
		"Сроки", "Организация", "Требования к" };
	sbuf t = { 0 };
	size_t h = pick(r, N(heads) + 1);

	if (h < N(heads)) {
		sb_printf(&t, "%s ", heads[h]);
		ru_np(&t, r, h == N(heads) - 1 ? DAT : GEN, 0, NULL);
	} else {
		ru_np(&t, r, NOM, 0, NULL);
	}
	put_upper(b, t.p, 0);
	free(t.p);
}

static void ru_directive(sbuf *b, model *m, rng *r)
{
	unsigned a, k, p;
	char eid[96];
	sbuf t = { 0 };
	int gn;

	m->sym = "№ 27-П";
	m->alias = "Положения";
	m->date = "12.03.2026";
	sb_put(b, "**ПРАВИТЕЛЬСТВО СЕВЕРНОЙ ОБЛАСТИ**\n\n**ПОСТАНОВЛЕНИЕ**\n\n"
		"от 12 марта 2026 г. № 27-П\n\nг. Северогорск\n\n"
		"**Об утверждении Положения о порядке осуществления "
		"внутреннего контроля в исполнительных органах Северной "
		"области**\n\nПравительство Северной области постановляет:\n\n"
		"Утвердить прилагаемое Положение о порядке осуществления "
		"внутреннего контроля в исполнительных органах Северной "
		"области.\n\nПризнать утратившим силу постановление "
		"Правительства Северной области от 14.05.2019 № 8-П.\n\n"
		"Губернатор Северной области П.С. Ветров\n\n-----\n\n"
		"УТВЕРЖДЕНО постановлением Правительства Северной области от "
		"12.03.2026 № 27-П\n\n# ПОЛОЖЕНИЕ\n\n**о порядке осуществления "
		"внутреннего контроля в исполнительных органах Северной "
		"области**\n\n");
	m->nart = m->nart != 0 ? m->nart : DEFAULT_ART;
	m->nchap = N(ru_chapter);
	for (a = 1; a <= m->nart; a++) {
		m->chap_of[a] = 1 + (a - 1) * m->nchap / m->nart;
		if (a == 1 || m->chap_of[a] != m->chap_of[a - 1]) {
			sb_printf(b, "## Глава %u. %s\n\n", m->chap_of[a],
				ru_chapter[m->chap_of[a] - 1]);
		}
		if (a == 1) {
			sb_put(b, "### Статья 1. Предмет регулирования\n\n1. "
				"Настоящее Положение определяет порядок "
				"планирования, проведения и оформления "
				"результатов внутреннего контроля.\n\n2. Действие "
				"настоящего Положения распространяется на все "
				"исполнительные органы Северной области.\n\n");
			m->nsub[a] = 2;
			continue;
		}
		if (a == 2) {
			sb_put(b, "### Статья 2. Основные понятия\n\nДля целей "
				"настоящего Положения используются следующие "
				"понятия:\n\n1) объект контроля — исполнительный "
				"орган или подведомственное ему учреждение;\n\n"
				"2) контрольное мероприятие — проверка, ревизия "
				"или обследование;\n\n3) акт — документ, "
				"оформляемый по результатам проверки.\n\n");
			m->nsub[a] = 3;
			continue;
		}
		if (a == m->nart) {
			sb_printf(b, "### Статья %u. Вступление в силу\n\n1. "
				"Настоящее Положение вступает в силу со дня его "
				"официального опубликования.\n\n2. Со дня "
				"вступления в силу настоящего Положения не "
				"применяется Положение № 8-П.\n\n", a);
			m->nsub[a] = 2;
			continue;
		}
		sb_printf(b, "### Статья %u. ", a);
		ru_title(b, r);
		sb_put(b, "\n\n");
		m->nsub[a] = 2 + (unsigned)pick(r, 4);
		for (k = 1; k <= m->nsub[a]; k++) {
			t.len = 0;
			if (chance(r, 20)) {
				m->nleaf[a][k] = 2 + (unsigned)pick(r, 4);
				sb_printf(b, "%u. ", k);
				ru_np(&t, r, NOM, 1, &gn);
				put_upper(b, t.p, 0);
				sb_printf(b, " %s:\n\n", gn == 3 ? "обеспечивают" :
					"обеспечивает");
				for (p = 1; p <= m->nleaf[a][k]; p++) {
					t.len = 0;
					ru_np(&t, r, ACC, 0, NULL);
					sb_put(&t, " ");
					ru_pp(&t, r);
					sb_printf(b, "%s) %s%s\n\n", ru_letter[p - 1],
						t.p, p < m->nleaf[a][k] ? ";" : ".");
					snprintf(eid, sizeof(eid),
						"art_%u__para_%u__point_%s", a, k,
						ru_letter[p - 1]);
					record_leaf(m, a, k, p, eid, t.p);
				}
				continue;
			}
			ru_sentence(&t, r, 1);
			sb_printf(b, "%u. %s.\n\n", k, t.p);
			snprintf(eid, sizeof(eid), "art_%u__para_%u", a, k);
			record_leaf(m, a, k, 0, eid, t.p);
		}
	}
	free(t.p);
}

/* DOMAIN §2.3: top items keyed to Charter articles, "N.M." sub-items
 * (some tagged "(Khoản K):"), "N.M.K." normative sentences. */
static void charter_directive(sbuf *b, model *m, rng *r)
{
	unsigned n, k, p;
	char eid[96];
	sbuf t = { 0 };

	m->sym = "64-QĐ/TW";
	m->alias = "Quy định 64";
	m->date = "02/3/2026";
	sb_put(b, "| BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |\n"
		"|---|---|\n| \\* | --------------- |\n"
		"| Số 64-QĐ/TW | *Hà Nội, ngày 02 tháng 3 năm 2026* |\n\n"
		"# QUY ĐỊNH\n\n**THI HÀNH ĐIỀU LỆ ĐẢNG**\n\n-----\n\n"
		"- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
		"- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương khóa "
		"XIV;\n- Theo đề nghị của Bộ Chính trị,\n\n"
		"BAN CHẤP HÀNH TRUNG ƯƠNG\n\nQUY ĐỊNH THI HÀNH ĐIỀU LỆ ĐẢNG\n\n");
	m->nart = m->nart != 0 ? m->nart : DEFAULT_CH_ART;
	for (n = 1; n <= m->nart; n++) {
		m->charter_art[n] = 1 + (n - 1) * 48 / m->nart;
		sb_printf(b, "%u. Điều %u", n, m->charter_art[n]);
		if (chance(r, 60)) {
			sb_printf(b, " (Khoản %u)", 1 + (unsigned)pick(r, 4));
		}
		sb_put(b, ": ");
		vi_title(b, r);
		sb_put(b, "\n\n");
		m->nsub[n] = 2 + (unsigned)pick(r, 3);
		for (k = 1; k <= m->nsub[n]; k++) {
			t.len = 0;
			if (chance(r, 20)) {
				vi_sentence(&t, r, 1);
				sb_printf(b, "%u.%u. %s.\n\n", n, k, t.p);
				snprintf(eid, sizeof(eid), "lvl_%u__lvl_%u-%u",
					n, n, k);
				record_leaf(m, n, k, 0, eid, t.p);
				continue;
			}
			sb_printf(b, "%u.%u. ", n, k);
			if (chance(r, 30)) {
				sb_printf(b, "(Khoản %u): ",
					1 + (unsigned)pick(r, 4));
			}
			sb_printf(b, "Về %s.\n\n", SKEW(r, vi_object));
			m->nleaf[n][k] = 2 + (unsigned)pick(r, 3);
			for (p = 1; p <= m->nleaf[n][k]; p++) {
				t.len = 0;
				vi_sentence(&t, r, 1);
				sb_printf(b, "%u.%u.%u. %s.\n\n", n, k, p, t.p);
				snprintf(eid, sizeof(eid),
					"lvl_%u__lvl_%u-%u__lvl_%u-%u-%u", n, n,
					k, n, k, p);
				record_leaf(m, n, k, p, eid, t.p);
			}
		}
	}
	sb_put(b, "T/M BAN CHẤP HÀNH TRUNG ƯƠNG\n\nTỔNG BÍ THƯ\n\n"
		"Lê Minh Khang\n");
	free(t.p);
}

/* ## Citations */

__attribute__((format(printf, 2, 3)))
static void target(cite *c, const char *fmt, ...)
{
	va_list ap;

	if (c->n == MAX_TARGETS) {
		return;
	}
	va_start(ap, fmt);
	vsnprintf(c->eid[c->n++], sizeof(c->eid[0]), fmt, ap);
	va_end(ap);
}

/* A clause of article a that has points, or 0. */
static unsigned clause_with_points(const model *m, unsigned a)
{
	unsigned k;

	for (k = 1; k <= m->nsub[a]; k++) {
		if (m->nleaf[a][k] > 0) {
			return k;
		}
	}
	return 0;
}

static void vi_suffix(sbuf *b, const model *m, rng *r)
{
	unsigned x = (unsigned)pick(r, 100);

	if (x < 40) {
		sb_printf(b, " %s", m->alias);
	} else if (x < 65) {
		sb_printf(b, " Quy định số %s", m->sym);
	} else if (x < 75) {
		sb_put(b, " của Quy định");
	}
}

/* Citations of the Vietnamese directive (DOMAIN §4: units, lists,
 * ranges, reversed order), 3% broken. */
static void vi_cite(cite *c, const model *m, rng *r)
{
	unsigned a = duty_article(m, r), nk = m->nsub[a];
	unsigned k = 1 + (unsigned)pick(r, nk), f = (unsigned)pick(r, 100);
	unsigned kp = clause_with_points(m, a), i;
	sbuf *t = &c->text;

	if (a > m->nart - 3) {
		a = m->nart - 3;
		nk = m->nsub[a];
		k = 1 + (unsigned)pick(r, nk);
		kp = clause_with_points(m, a);
	}
	if (f < 22 || (f < 36 && kp == 0)) {
		sb_printf(t, "khoản %u Điều %u", k, a);
		target(c, "art_%u__para_%u", a, k);
		c->leaf = leaf_at[a][k][0];
	} else if (f < 36) {
		unsigned p = 1 + (unsigned)pick(r, m->nleaf[a][kp]);

		sb_printf(t, "điểm %s khoản %u Điều %u", vi_letter[p - 1], kp,
			a);
		target(c, "art_%u__para_%u__point_%s", a, kp, vi_letter[p - 1]);
		c->leaf = leaf_at[a][kp][p];
	} else if (f < 46) {
		sb_printf(t, "Điều %u", a);
		target(c, "art_%u", a);
	} else if (f < 52) {
		sb_printf(t, "khoản 1, khoản 2 Điều %u", a);
		target(c, "art_%u__para_1", a);
		target(c, "art_%u__para_2", a);
	} else if (f < 58) {
		sb_printf(t, "các khoản 1, 2 và %u Điều %u", nk, a);
		target(c, "art_%u__para_1", a);
		target(c, "art_%u__para_2", a);
		target(c, "art_%u__para_%u", a, nk);
	} else if (f < 64) {
		sb_printf(t, "khoản %u và khoản %u Điều %u", nk - 1, nk, a);
		target(c, "art_%u__para_%u", a, nk - 1);
		target(c, "art_%u__para_%u", a, nk);
	} else if (f < 70) {
		sb_printf(t, "khoản 1 đến khoản %u Điều %u", nk, a);
		for (i = 1; i <= nk; i++) {
			target(c, "art_%u__para_%u", a, i);
		}
	} else if (f < 80) {
		if (f < 74) {
			sb_printf(t, "từ Điều %u đến Điều %u", a, a + 2);
		} else if (f < 77) {
			sb_printf(t, "Điều %u – Điều %u", a, a + 2);
		} else {
			sb_printf(t, "Điều %u, %u và %u", a, a + 1, a + 2);
		}
		for (i = a; i <= a + 2; i++) {
			target(c, "art_%u", i);
		}
	} else if (f < 84 && kp > 0 && m->nleaf[a][kp] >= 3) {
		sb_printf(t, "điểm a, b và c khoản %u Điều %u", kp, a);
		target(c, "art_%u__para_%u__point_a", a, kp);
		target(c, "art_%u__para_%u__point_b", a, kp);
		target(c, "art_%u__para_%u__point_c", a, kp);
	} else if (f < 88) {
		sb_printf(t, "Chương %s %s", roman[m->chap_of[a]], m->alias);
		target(c, "chp_%u", m->chap_of[a]);
		return;
	} else if (f < 97) {
		sb_printf(t, "Quy định số %s, Điều %u, khoản %u", m->sym, a, k);
		target(c, "art_%u__para_%u", a, k);
		c->leaf = leaf_at[a][k][0];
		return;
	} else {
		if (chance(r, 50)) {
			sb_printf(t, "khoản 9 Điều %u", a);
		} else {
			sb_printf(t, "Điều %u", m->nart + 5 +
				(unsigned)pick(r, 50));
		}
		sb_printf(t, " %s", m->alias);
		c->broken = 1;
		return;
	}
	vi_suffix(t, m, r);
}

static void ru_suffix(sbuf *b, rng *r)
{
	unsigned x = (unsigned)pick(r, 100);

	if (x < 35) {
		sb_put(b, " Положения");
	} else if (x < 65) {
		sb_put(b, " Положения № 27-П");
	}
}

/* Citations of the Russian directive in the case its governing word
 * asks for, full and abbreviated (DOMAIN §4.10), 3% broken.  A phrase in
 * parentheses closes them after the suffix. */
static void ru_cite(cite *c, const model *m, rng *r)
{
	unsigned a = duty_article(m, r), nk, k, f = (unsigned)pick(r, 100);
	unsigned kp, p, i;
	sbuf *t = &c->text;
	int paren = 0;

	if (a > m->nart - 3) {
		a = m->nart - 3;
	}
	nk = m->nsub[a];
	k = 1 + (unsigned)pick(r, nk);
	kp = clause_with_points(m, a);
	p = kp ? 1 + (unsigned)pick(r, m->nleaf[a][kp]) : 0;
	if (f < 36 || (f < 46 && kp == 0)) {
		static const char *const form[] = { "в соответствии с пунктом",
			"согласно пункту", "во исполнение пункта", "(п.",
			"в соответствии с частью", "(ч." };
		size_t x = pick(r, N(form));

		paren = form[x][0] == '(';
		sb_printf(t, "%s %u %s %u", form[x], k, paren ? "ст." :
			"статьи", a);
		target(c, "art_%u__para_%u", a, k);
		c->leaf = leaf_at[a][k][0];
	} else if (f < 46) {
		static const char *const form[][3] = {
			{ "в соответствии с подпунктом", "пункта", "статьи" },
			{ "согласно подпункту", "пункта", "статьи" },
			{ "(пп.", "п.", "ст." } };
		size_t x = pick(r, N(form));

		paren = x == 2;
		sb_printf(t, "%s «%s» %s %u %s %u", form[x][0],
			ru_letter[p - 1], form[x][1], kp, form[x][2], a);
		target(c, "art_%u__para_%u__point_%s", a, kp, ru_letter[p - 1]);
		c->leaf = leaf_at[a][kp][p];
	} else if (f < 56) {
		static const char *const form[] = { "в соответствии со статьей",
			"согласно статье", "во исполнение статьи", "(ст." };
		size_t x = pick(r, N(form));

		paren = x == 3;
		sb_printf(t, "%s %u", form[x], a);
		target(c, "art_%u", a);
	} else if (f < 64) {
		sb_printf(t, chance(r, 50) ? "в соответствии с пунктами %u и "
			"%u статьи %u" : "(пп. %u и %u ст. %u", nk - 1, nk, a);
		paren = t->p[0] == '(';
		target(c, "art_%u__para_%u", a, nk - 1);
		target(c, "art_%u__para_%u", a, nk);
	} else if (f < 76) {
		if (f < 70) {
			sb_printf(t, "согласно пунктам 1–%u статьи %u", nk, a);
			for (i = 1; i <= nk; i++) {
				target(c, "art_%u__para_%u", a, i);
			}
		} else {
			sb_printf(t, "во исполнение требований статей %u–%u", a,
				a + 2);
			for (i = a; i <= a + 2; i++) {
				target(c, "art_%u", i);
			}
		}
	} else if (f < 82) {
		sb_printf(t, "в соответствии со статьями %u и %u", a, a + 1);
		target(c, "art_%u", a);
		target(c, "art_%u", a + 1);
	} else if (f < 86) {
		sb_printf(t, "в порядке, предусмотренном главой %u",
			m->chap_of[a]);
		target(c, "chp_%u", m->chap_of[a]);
	} else if (f < 97) {
		paren = 1;
		if (kp) {
			sb_printf(t, "(подпункт «%s» пункта %u статьи %u",
				ru_letter[p - 1], kp, a);
			target(c, "art_%u__para_%u__point_%s", a, kp,
				ru_letter[p - 1]);
			c->leaf = leaf_at[a][kp][p];
		} else {
			sb_printf(t, "(пункт %u статьи %u", k, a);
			target(c, "art_%u__para_%u", a, k);
			c->leaf = leaf_at[a][k][0];
		}
	} else {
		sb_printf(t, chance(r, 50) ? "во исполнение пункта 9 статьи %u" :
			"согласно статье 3%02u", a % 100);
		c->broken = 1;
	}
	ru_suffix(t, r);
	if (paren) {
		sb_put(t, ")");
	}
}

static void ch_suffix(sbuf *b, const model *m, rng *r)
{
	unsigned x = (unsigned)pick(r, 100);

	if (x < 50) {
		sb_printf(b, " %s", m->alias);
	} else if (x < 85) {
		sb_printf(b, " Quy định số %s", m->sym);
	}
}

/* Citations of the decimal regulation: "mục", "tiểu mục", and "điểm",
 * "tiết" or "khoản" for a third-level number (DOMAIN §4.7). */
static void ch_cite(cite *c, const model *m, rng *r)
{
	unsigned n = 1 + (unsigned)pick(r, m->nart), ns = m->nsub[n];
	unsigned k = 1 + (unsigned)pick(r, ns), f = (unsigned)pick(r, 100);
	unsigned nl = m->nleaf[n][k], p = nl ? 1 + (unsigned)pick(r, nl) : 0;
	sbuf *t = &c->text;

	if (f < 20) {
		sb_printf(t, "mục %u", n);
		target(c, "lvl_%u", n);
	} else if (f < 45 || (f < 70 && nl == 0)) {
		sb_printf(t, chance(r, 50) ? "tiểu mục %u.%u mục %u" :
			"tiểu mục %u.%u", n, k, n);
		target(c, "lvl_%u__lvl_%u-%u", n, n, k);
		c->leaf = leaf_at[n][k][0];
	} else if (f < 70) {
		static const char *const w[] = { "điểm", "tiết", "khoản" };

		sb_printf(t, "%s %u.%u.%u", PICK(r, w), n, k, p);
		target(c, "lvl_%u__lvl_%u-%u__lvl_%u-%u-%u", n, n, k, n, k, p);
		c->leaf = leaf_at[n][k][p];
	} else if (f < 80) {
		sb_printf(t, "tiểu mục %u.1 và %u.2 mục %u", n, n, n);
		target(c, "lvl_%u__lvl_%u-1", n, n);
		target(c, "lvl_%u__lvl_%u-2", n, n);
	} else if (f < 88 && nl >= 2) {
		sb_printf(t, "các điểm %u.%u.1, %u.%u.2 tiểu mục %u.%u", n, k,
			n, k, n, k);
		target(c, "lvl_%u__lvl_%u-%u__lvl_%u-%u-1", n, n, k, n, k);
		target(c, "lvl_%u__lvl_%u-%u__lvl_%u-%u-2", n, n, k, n, k);
	} else if (f < 97) {
		unsigned n2 = n < m->nart ? n + 1 : n - 1;

		sb_printf(t, "mục %u và mục %u", n, n2);
		target(c, "lvl_%u", n);
		target(c, "lvl_%u", n2);
	} else {
		sb_printf(t, "tiểu mục %u.9 mục %u %s", n, n, m->alias);
		c->broken = 1;
		return;
	}
	ch_suffix(t, m, r);
}


/* ## Entry points */

void directive(sbuf *b, model *m, int lang, unsigned articles, rng *r)
{
	size_t a, k, p;

	memset(m, 0, sizeof(*m));
	m->lang = lang;
	m->nart = articles;
	for (a = 0; a <= MAX_ART; a++) {
		for (k = 0; k <= MAX_SUB; k++) {
			for (p = 0; p <= MAX_PT; p++) {
				leaf_at[a][k][p] = -1;
			}
		}
	}
	if (lang == L_RU) {
		ru_directive(b, m, r);
	} else if (lang == L_CH) {
		charter_directive(b, m, r);
	} else {
		vi_directive(b, m, r);
	}
}

void model_free(model *m)
{
	size_t i;

	for (i = 0; i < m->nleaves; i++) {
		free(m->leaves[i].text);
	}
	free(m->leaves);
	m->leaves = NULL;
	m->nleaves = 0;
}

void cite_units(cite *c, const model *m, rng *r)
{
	if (m->lang == L_RU) {
		ru_cite(c, m, r);
	} else if (m->lang == L_CH) {
		ch_cite(c, m, r);
	} else {
		vi_cite(c, m, r);
	}
}
