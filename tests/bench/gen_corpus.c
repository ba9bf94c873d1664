/*
 * gen_corpus.c - a deterministic synthetic corpus for `make bench`: one
 * directive and as many local documents as it takes to reach SIZE
 * megabytes (10^6 bytes) of local input.
 *
 * Usage: gen_corpus [-a ARTICLES] [-p PARAS] [-s SEED] [-e PCT] [-i PCT]
 *                   [-d PCT] vi|ru|charter SIZE_MB OUTDIR
 *
 * Writes OUTDIR/directive.md, OUTDIR/local/00001.md …, OUTDIR/gold.tsv
 * (DESIGN §4 link lines for every citation and paraphrase written) and
 * OUTDIR/manifest.txt (counts).  Languages:
 *   vi       Quy định of 200 articles (Điều / khoản / điểm), ~700 clauses;
 *   ru       Положение of 200 статьи (Статья / часть / подпункт);
 *   charter  a decimal Quy định keyed to Charter articles (DOMAIN §2.3:
 *            "1. Điều 4 (Khoản 2): …", "1.1.", "1.1.1."), 70 top items.
 * -a ARTICLES (10 to 2,000) sets the articles, or the top items, of the
 * directive: a larger directive for the bench's scaling rows, where the
 * default ones are those of the main table.
 * Local documents (plans, reports, guidances, orders; one in twenty on
 * another subject) have PARAS paragraphs on average (default 50); of
 * their body paragraphs, -e PCT (default 12) carry explicit citations in
 * varied forms (single, lists, ranges, case forms, abbreviations,
 * reversed order, a few broken), -i PCT (15) paraphrase a directive
 * leaf (word-level edits: drops, inserts, substitutions, swaps), -d PCT
 * (5) cite other documents (laws, decrees, the Charter, the replaced
 * regulation), the rest is filler in the same register.
 *
 * Every document is drawn from its own generator seeded by (SEED, its
 * number), never from a running state: a smaller corpus is a byte prefix
 * of a larger one (the same first documents), only the count differs.
 */#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gen_corpus.h"
#include "gen_corpus_words.h"

/* Citations of other documents: laws, decrees, the Charter, the
 * regulation the directive replaces (stale), the document itself. */
static const char *const vi_other_ref[] = {
	"khoản 2 Điều 4 Nghị định số 58/2023/NĐ-CP", "Điều 9 Điều lệ Đảng",
	"khoản 3 Điều 6 Quy định số 17-QĐ/TW", "Điều 14 Luật Cán bộ, công chức",
	"mục 2 Kế hoạch số 37-KH/TU",
	"khoản 1 Điều 10 Thông tư số 12/2024/TT-BNV",
	"Điều 5 Quyết định số 915/QĐ-UBND", "khoản 2 Điều này",
	"tiểu mục 1.2 Hướng dẫn số 03-HD/BTCTW", "khoản 1 Điều 4 Điều lệ Đảng",
	"Điều 7 Luật Lưu trữ", "mục 3 Chỉ thị số 09-CT/TW",
};

static const char *const ru_other_ref[] = {
	"статьей 14 Закона Северной области № 72-ОЗ",
	"пунктом 4 Положения № 8-П",
	("статьей 5.59 Кодекса Российской Федерации об административных "
	 "правонарушениях"),
	"главой 4 Регламента Правительства Северной области",
	"пунктом 3 настоящего приказа",
	"частью 2 статьи 7 Закона Северной области № 44-ОЗ",
	"статьей 19 Устава Северной области",
	"пунктом 2.4 Инструкции по делопроизводству",
};

/* ## Local documents */

static unsigned opt_e = 12, opt_i = 15, opt_d = 5, opt_paras = 50;

static struct {
	unsigned long docs, other_docs, paras, cites, targets, broken,
		paraphrases, distractors;
	unsigned long long bytes;
} st;

typedef struct {
	const model *m;
	rng *r;
	sbuf *b;
	FILE *gold;
	char file[32];
	size_t scanned;
	unsigned line;
} doc_ctx;

/* The 1-based line the next byte written to the document will be on. */
static unsigned cur_line(doc_ctx *d)
{
	for (; d->scanned < d->b->len; d->scanned++) {
		if (d->b->p[d->scanned] == '\n') {
			d->line++;
		}
	}
	return d->line;
}

static void sentence(sbuf *b, rng *r, int lang, int cap)
{
	if (lang == L_RU) {
		ru_sentence(b, r, cap);
	} else {
		vi_sentence(b, r, cap);
	}
}

static void explicit_para(doc_ctx *d, unsigned line)
{
	const model *m = d->m;
	rng *r = d->r;
	cite c = { { 0 }, { { 0 } }, 0, -1, 0 };
	sbuf body = { 0 };
	unsigned i, form = (unsigned)pick(r, 4);

	cite_units(&c, m, r);
	if (c.leaf >= 0 && chance(r, 50)) {
		paraphrase(&body, r, m->leaves[c.leaf].text, m->lang);
	} else {
		sentence(&body, r, m->lang, 0);
	}
	if (c.text.p[0] == '(') {
		form = 3;
	}
	if (form == 0 || form == 2) {
		sbuf lead = { 0 };

		if (m->lang == L_RU) {
			sb_put(&lead, c.text.p);
		} else {
			sb_printf(&lead, "%s %s,", form ? "căn cứ" : "thực hiện",
				c.text.p);
		}
		put_upper(d->b, lead.p, 0);
		sb_put(d->b, " ");
		put_lower_first(d->b, body.p);
		free(lead.p);
	} else {
		int wrap = form == 3 && c.text.p[0] != '(';

		put_upper(d->b, body.p, 0);
		sb_put(d->b, wrap ? " (" : form == 3 || m->lang == L_RU ?
			" " : " theo quy định tại ");
		sb_put(d->b, c.text.p);
		sb_put(d->b, wrap ? ")" : "");
	}
	sb_put(d->b, ".");
	st.cites++;
	st.broken += (unsigned long)c.broken;
	for (i = 0; i < c.n; i++) {
		fprintf(d->gold, "link\t%s\t%s\t%u\texplicit\n", c.eid[i],
			d->file, line);
		st.targets++;
	}
	free(body.p);
	free(c.text.p);
}

static void paraphrase_para(doc_ctx *d, unsigned line)
{
	const model *m = d->m;
	rng *r = d->r;
	const leaf *l = &m->leaves[pick(r, m->nleaves)];
	sbuf t = { 0 };

	paraphrase(&t, r, l->text, m->lang);
	if (chance(r, 25)) {
		sb_put(d->b, m->lang == L_RU ? "Руководителям структурных "
			"подразделений обеспечить следующее: " :
			"Đảng ủy chỉ đạo các chi bộ: ");
	}
	put_upper(d->b, t.p, 0);
	if (chance(r, 25)) {
		sb_printf(d->b, ", %s", m->lang == L_RU ? SKEW(r, ru_time) :
			SKEW(r, vi_time));
	}
	sb_put(d->b, ".");
	fprintf(d->gold, "link\t%s\t%s\t%u\timplicit\n", l->eid, d->file,
		line);
	st.paraphrases++;
	free(t.p);
}

static void filler(doc_ctx *d, int other)
{
	if (d->m->lang == L_RU) {
		ru_filler(d->b, d->r, other);
	} else {
		vi_filler(d->b, d->r, other);
	}
}

/* A citation of another document; `other`: in a document on another
 * subject, whose sentences stay off the directive's subject. */
static void distractor_para(doc_ctx *d, int other)
{
	sbuf t = { 0 };

	if (other) {
		filler(d, 1);
		d->b->len--; /* the full stop */
	} else {
		sentence(&t, d->r, d->m->lang, 1);
		sb_put(d->b, t.p);
	}
	if (d->m->lang == L_RU) {
		sb_printf(d->b, " в соответствии с %s.",
			PICK(d->r, ru_other_ref));
	} else {
		sb_printf(d->b, " theo quy định tại %s.",
			PICK(d->r, vi_other_ref));
	}
	st.distractors++;
	free(t.p);
}

/* One body paragraph: "N. " first when num > 0.  Paragraphs other than
 * paraphrases run on with filler sentences up to a length drawn at
 * random, so that paragraphs average about 290 bytes with the short
 * header and heading blocks, as in the issue's 100 MB / 345,000. */
static void body_para(doc_ctx *d, int related, unsigned num)
{
	unsigned x = (unsigned)pick(d->r, 100), line = cur_line(d);
	size_t start = d->b->len, want = d->m->lang == L_RU ?
		60 + pick(d->r, 401) : 110 + pick(d->r, 421);

	if (num > 0) {
		sb_printf(d->b, "%u. ", num);
	}
	if (related && x < opt_e) {
		explicit_para(d, line);
	} else if (related && x < opt_e + opt_i) {
		paraphrase_para(d, line);
		want = chance(d->r, 40) ? d->b->len - start + 1 : 0;
	} else if (x < opt_e + opt_i + opt_d) {
		distractor_para(d, !related);
	} else {
		filler(d, !related);
	}
	while (d->b->len - start < want) {
		sb_put(d->b, " ");
		filler(d, !related);
	}
	sb_put(d->b, "\n\n");
	st.paras++;
}

/* Sections with their share of the body (percent) and whether their
 * paragraphs are numbered task items. */
typedef struct {
	const char *title;
	unsigned share, numbered;
} section;

static void body(doc_ctx *d, const section *s, size_t ns, unsigned nbody,
	int related, const char *heading)
{
	size_t i;
	unsigned j;

	for (i = 0; i < ns; i++) {
		unsigned cnt = (nbody * s[i].share + 50) / 100;

		sb_printf(d->b, "%s %s\n\n", heading, s[i].title);
		st.paras++;
		for (j = 1; j <= (cnt ? cnt : 1); j++) {
			body_para(d, related, s[i].numbered ? j : 0);
		}
	}
}

static void vi_doc(doc_ctx *d, unsigned paras)
{
	static const section plan[] = { { "I. MỤC ĐÍCH, YÊU CẦU", 15, 0 },
		{ "II. NHIỆM VỤ, GIẢI PHÁP", 65, 1 },
		{ "III. TỔ CHỨC THỰC HIỆN", 20, 0 } };
	static const section report[] = {
		{ "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", 20, 0 },
		{ "II. KẾT QUẢ THỰC HIỆN", 50, 1 },
		{ "III. HẠN CHẾ, NGUYÊN NHÂN", 15, 0 },
		{ "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", 15, 1 } };
	static const section guide[] = { { "I. YÊU CẦU CHUNG", 15, 0 },
		{ "II. NỘI DUNG HƯỚNG DẪN", 70, 1 },
		{ "III. TỔ CHỨC THỰC HIỆN", 15, 0 } };
	static const struct {
		const char *issuer, *code, *name;
	} who[] = { { "ĐẢNG ỦY XÃ", "ĐU", "Đảng ủy xã" },
		{ "ĐẢNG ỦY PHƯỜNG", "ĐU", "Đảng ủy phường" },
		{ "BAN THƯỜNG VỤ TỈNH ỦY", "TU", "Ban Thường vụ Tỉnh ủy" },
		{ "CHI BỘ THÔN", "CB", "Chi bộ thôn" },
		{ "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐUK", "Đảng ủy Khối" } };
	static const char *const family[] = { "Nguyễn", "Trần", "Lê",
		"Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh" };
	rng *r = d->r;
	const model *m = d->m;
	unsigned x = (unsigned)pick(r, 100), w = (unsigned)pick(r, N(who));
	const char *p1 = PICK(r, vi_place), *p2 = PICK(r, vi_place);
	const section *s = x < 60 ? plan : x < 85 ? report : guide;
	size_t ns = x < 60 ? N(plan) : x < 85 ? N(report) : N(guide);
	const char *type = x < 60 ? "KẾ HOẠCH" : x < 85 ? "BÁO CÁO" :
		"HƯỚNG DẪN";
	const char *code = x < 60 ? "KH" : x < 85 ? "BC" : "HD";
	int related = !chance(r, 5);
	unsigned number = 1 + (unsigned)pick(r, 300);
	unsigned day = 1 + (unsigned)pick(r, 28), month = 6 + (unsigned)pick(r, 6);
	unsigned nbody;

	sb_put(d->b, "**");
	put_upper(d->b, related ? who[w].issuer : "ỦY BAN NHÂN DÂN XÃ", 1);
	sb_put(d->b, " ");
	put_upper(d->b, p1, 1);
	sb_put(d->b, " ");
	put_upper(d->b, p2, 1);
	sb_printf(d->b, "**\n\nSố %u-%s/%s\n\n**%s**\n\n*%s %s, ", number,
		related ? code : "KH", related ? who[w].code : "UBND",
		related ? "ĐẢNG CỘNG SẢN VIỆT NAM" :
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", p1, p2);
	sb_printf(d->b, "ngày %u tháng %u năm 2026*\n\n## %s\n\n", day,
		month, related ? type : "KẾ HOẠCH");
	if (related) {
		sb_printf(d->b, "**TRIỂN KHAI THỰC HIỆN QUY ĐỊNH SỐ %s NGÀY "
			"%s**\n\n-----\n\nThực hiện Quy định số %s, ngày %s "
			"của %s (sau đây gọi tắt là %s), %s %s %s ban hành %s "
			"như sau:\n\n", m->sym, m->date, m->sym, m->date,
			m->lang == L_CH ? "Ban Chấp hành Trung ương về thi "
			"hành Điều lệ Đảng" : "Ban Bí thư về công tác quản lý "
			"hồ sơ, dữ liệu đảng viên", m->alias, who[w].name, p1,
			p2, x < 60 ? "Kế hoạch" : x < 85 ? "Báo cáo" :
			"Hướng dẫn");
	} else {
		st.other_docs++;
		sb_printf(d->b, "**PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU "
			"NẠN NĂM 2026**\n\n-----\n\nCăn cứ tình hình thực tế "
			"tại địa phương, Ủy ban nhân dân xã %s %s ban hành Kế "
			"hoạch như sau:\n\n", p1, p2);
		s = plan;
		ns = N(plan);
	}
	nbody = paras > 16 + ns ? paras - 11 - (unsigned)ns : 5;
	body(d, s, ns, nbody, related, "###");
	sb_printf(d->b, "**T/M %s**\n\n**BÍ THƯ**\n\n%s Văn ",
		related ? "ĐẢNG ỦY" : "ỦY BAN NHÂN DÂN", PICK(r, family));
	sb_printf(d->b, "%s\n", PICK(r, vi_place));
	st.paras += 11;
}

static void ru_doc(doc_ctx *d, unsigned paras)
{
	static const section order[] = {
		{ "Организационные мероприятия", 25, 1 },
		{ "Контрольные мероприятия", 50, 1 },
		{ "Отчетность и контроль исполнения", 25, 1 } };
	static const section report[] = { { "Общие сведения", 15, 0 },
		{ "Результаты контрольных мероприятий", 50, 1 },
		{ "Выявленные недостатки", 20, 0 }, { "Предложения", 15, 1 } };
	static const char *const body_of[] = { "МИНИСТЕРСТВО ФИНАНСОВ",
		"МИНИСТЕРСТВО ЗДРАВООХРАНЕНИЯ", "МИНИСТЕРСТВО ОБРАЗОВАНИЯ",
		"ДЕПАРТАМЕНТ ИМУЩЕСТВЕННЫХ ОТНОШЕНИЙ", "КОМИТЕТ ПО ТАРИФАМ",
		"МИНИСТЕРСТВО СТРОИТЕЛЬСТВА", "МИНИСТЕРСТВО ТРАНСПОРТА",
		"КОМИТЕТ ПО ДЕЛАМ АРХИВОВ", "МИНИСТЕРСТВО КУЛЬТУРЫ" };
	static const char *const ru_initial[] = { "А", "Б", "В", "Г", "Д",
		"Е", "И", "К", "Л", "М", "Н", "О", "П", "С", "Т" };
	static const char *const surname[] = { "Корнеев", "Белова",
		"Сидоренко", "Лапин", "Гордеева", "Шубин", "Зайцева",
		"Мельников" };
	rng *r = d->r;
	unsigned x = (unsigned)pick(r, 100);
	int related = !chance(r, 5), is_order = x < 65 || !related;
	const section *s = is_order ? order : report;
	size_t ns = is_order ? N(order) : N(report);
	unsigned nbody;

	sb_printf(d->b, "**%s СЕВЕРНОЙ ОБЛАСТИ**\n\n**%s**\n\n",
		PICK(r, body_of), !related ? "РАСПОРЯЖЕНИЕ" : is_order ?
		"ПРИКАЗ" : "ОТЧЕТ");
	sb_printf(d->b, "от %02u.", 1 + (unsigned)pick(r, 28));
	sb_printf(d->b, "%02u.2026 ", 4 + (unsigned)pick(r, 8));
	sb_printf(d->b, "№ %u\n\nг. Северогорск\n\n",
		10 + (unsigned)pick(r, 400));
	if (!related) {
		st.other_docs++;
		sb_put(d->b, "**О подготовке объектов жилищно-коммунального "
			"хозяйства к отопительному сезону 2026/2027 годов**\n\n"
			"В целях своевременной подготовки объектов к работе в "
			"осенне-зимний период:\n\n");
	} else if (is_order) {
		sb_put(d->b, "**Об организации исполнения Положения о порядке "
			"осуществления внутреннего контроля**\n\nВо исполнение "
			"Положения о порядке осуществления внутреннего контроля "
			"в исполнительных органах Северной области, "
			"утвержденного постановлением Правительства Северной "
			"области от 12.03.2026 № 27-П (далее — Положение), "
			"приказываю:\n\n");
	} else {
		sb_put(d->b, "**о ходе реализации Положения о порядке "
			"осуществления внутреннего контроля за II квартал 2026 "
			"года**\n\nВо исполнение Положения о порядке "
			"осуществления внутреннего контроля в исполнительных "
			"органах Северной области, утвержденного постановлением "
			"Правительства Северной области от 12.03.2026 № 27-П "
			"(далее — Положение), представляем отчет о ходе его "
			"реализации.\n\n");
	}
	nbody = paras > 14 + ns ? paras - 8 - (unsigned)ns : 5;
	body(d, s, ns, nbody, related, "###");
	sb_printf(d->b, "Министр %s.", PICK(r, ru_initial));
	sb_printf(d->b, "%s. ", PICK(r, ru_initial));
	sb_printf(d->b, "%s\n", PICK(r, surname));
	st.paras += 8;
}

/* ## Output */

static void write_file(const char *path, const sbuf *b)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(b->p, 1, b->len, f) != b->len ||
		fclose(f) != 0) {
		fprintf(stderr, "gen_corpus: %s: %s\n", path, strerror(errno));
		exit(2);
	}
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "gen_corpus: %s: %s\n", path, strerror(errno));
		exit(2);
	}
}

static int usage(void)
{
	fputs("usage: gen_corpus [-a ARTICLES] [-p PARAS] [-s SEED] [-e PCT] "
		"[-i PCT] [-d PCT] vi|ru|charter SIZE_MB OUTDIR\n", stderr);
	return 2;
}

/* A number from arg in [0, max]; -1 when it is not one. */
static long num_arg(const char *arg, long max)
{
	char *end = NULL;
	long v = strtol(arg, &end, 10);

	return end == arg || *end != '\0' || v < 0 || v > max ? -1 : v;
}

int main(int argc, char **argv)
{
	sbuf b = { 0 };
	model m;
	rng dr;
	FILE *gold, *man;
	char path[4096];
	uint64_t seed = 20260512;
	double mb;
	unsigned articles = 0; /* the language's default */
	int i, lang;

	for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		long v = num_arg(argv[i + 1], 1000000000L);

		if (v < 0 || strlen(argv[i]) != 2) {
			return usage();
		}
		switch (argv[i][1]) {
		case 'a':
			if (v < 10 || v > MAX_ART) {
				return usage();
			}
			articles = (unsigned)v;
			break;
		case 'p': opt_paras = (unsigned)(v < 8 ? 8 : v); break;
		case 's': seed = (uint64_t)v; break;
		case 'e': opt_e = (unsigned)v; break;
		case 'i': opt_i = (unsigned)v; break;
		case 'd': opt_d = (unsigned)v; break;
		default: return usage();
		}
	}
	if (argc - i != 3 || opt_e + opt_i + opt_d > 100) {
		return usage();
	}
	lang = strcmp(argv[i], "vi") == 0 ? L_VI : strcmp(argv[i], "ru") == 0 ?
		L_RU : strcmp(argv[i], "charter") == 0 ? L_CH : -1;
	mb = strtod(argv[i + 1], NULL);
	if (lang < 0 || !(mb > 0) || strlen(argv[i + 2]) > 4000) {
		return usage();
	}
	dr.s = seed * 0x9E3779B97F4A7C15u + (uint64_t)lang;
	directive(&b, &m, lang, articles, &dr);
	make_dir(argv[i + 2]);
	snprintf(path, sizeof(path), "%s/local", argv[i + 2]);
	make_dir(path);
	snprintf(path, sizeof(path), "%s/directive.md", argv[i + 2]);
	write_file(path, &b);
	snprintf(path, sizeof(path), "%s/gold.tsv", argv[i + 2]);
	gold = fopen(path, "w");
	if (gold == NULL) {
		fprintf(stderr, "gen_corpus: %s: %s\n", path, strerror(errno));
		return 2;
	}
	fputs("# generated by gen_corpus: every citation and paraphrase "
		"written\ndirective\tdirective.md\n", gold);
	while ((double)st.bytes < mb * 1e6) {
		rng r;
		doc_ctx d;
		unsigned paras;

		st.docs++;
		r.s = (seed ^ ((uint64_t)st.docs * 0xD1B54A32D192ED03u)) +
			(uint64_t)lang * 0x632BE59BD9B4E019u;
		rnd(&r);
		paras = opt_paras / 2 + (unsigned)pick(&r, opt_paras + 1);
		b.len = 0;
		memset(&d, 0, sizeof(d));
		d.m = &m;
		d.r = &r;
		d.b = &b;
		d.gold = gold;
		d.line = 1;
		snprintf(d.file, sizeof(d.file), "local/%05lu.md", st.docs);
		if (lang == L_RU) {
			ru_doc(&d, paras);
		} else {
			vi_doc(&d, paras);
		}
		snprintf(path, sizeof(path), "%s/%s", argv[i + 2], d.file);
		write_file(path, &b);
		st.bytes += b.len;
	}
	if (fclose(gold) != 0) {
		return 2;
	}
	snprintf(path, sizeof(path), "%s/manifest.txt", argv[i + 2]);
	man = fopen(path, "w");
	if (man == NULL) {
		return 2;
	}
	fprintf(man, "lang\t%s\nseed\t%llu\nparas_per_doc\t%u\n"
		"directive_leaves\t%zu\ndocs\t%lu\nother_subject_docs\t%lu\n"
		"paragraphs\t%lu\nbytes\t%llu\ncitations\t%lu\n"
		"cited_units\t%lu\nbroken_citations\t%lu\nparaphrases\t%lu\n"
		"distractors\t%lu\n", argv[i], (unsigned long long)seed,
		opt_paras, m.nleaves, st.docs, st.other_docs, st.paras,
		st.bytes, st.cites, st.targets, st.broken, st.paraphrases,
		st.distractors);
	free(b.p);
	model_free(&m);
	return fclose(man) != 0 ? 2 : 0;
}
