/*
 * test_cite.c - the citation engine (cite.c, resolve.c) through the public
 * API only: dt_cites_find() over local documents written in Markdown,
 * against fixture directives in Vietnamese, Russian and English.  The
 * expectations come from the specification (issue 5, DOMAIN.md §2.3 and
 * §4, DESIGN.md §3), not from the implementation.
 *
 * A table case names a directive set, a local document and the citation
 * under test: the first citation of the local document's LAST unit whose
 * text contains `pick` (or the `index`-th one of that unit when `pick` is
 * "").  Its status and directive are checked; for RESOLVED, the eIds of
 * every RESOLVED citation of that unit from the picked one on, joined by
 * spaces, must equal `eids` (so one citation or several for a list both
 * pass).  Two special statuses cover negatives: NONE (no citation at all
 * in the document) and NO_UNITS (no citation in the document is RESOLVED,
 * BROKEN or AMBIGUOUS).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <dirtrace.h>

/* ## Fixtures: the loaded directives */

/* A Party regulation with chapters, sections, articles, clauses, points
 * (đ included) and tiết; Điều 6 has exactly 3 clauses; it replaces
 * 18-QĐ/TW. */
static const char reg31_md[] =
	"BAN CHẤP HÀNH TRUNG ƯƠNG\n"
	"Số 31-QĐ/TW\n"
	"\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"Hà Nội, ngày 15 tháng 3 năm 2026\n"
	"\n"
	"QUY ĐỊNH\n"
	"về công tác kiểm tra, giám sát của Đảng\n"
	"\n"
	"## Chương I\n"
	"QUY ĐỊNH CHUNG\n"
	"\n"
	"### Điều 1. Phạm vi điều chỉnh\n"
	"\n"
	"Quy định này quy định về công tác kiểm tra, giám sát.\n"
	"\n"
	"### Điều 2. Đối tượng áp dụng\n"
	"\n"
	"1. Tổ chức đảng các cấp.\n"
	"2. Đảng viên.\n"
	"\n"
	"### Điều 3. Giải thích từ ngữ\n"
	"\n"
	"1. Kiểm tra là việc xem xét.\n"
	"2. Giám sát là việc theo dõi.\n"
	"3. Thi hành kỷ luật là việc xử lý vi phạm.\n"
	"\n"
	"### Điều 4. Nguyên tắc\n"
	"\n"
	"1. Bảo đảm sự lãnh đạo của Đảng.\n"
	"2. Công khai, minh bạch.\n"
	"3. Khách quan, chính xác.\n"
	"4. Đúng thẩm quyền.\n"
	"\n"
	"### Điều 5. Nhiệm vụ của cấp ủy\n"
	"\n"
	"1. Lãnh đạo công tác kiểm tra.\n"
	"2. Tổ chức thực hiện:\n"
	"a) Xây dựng chương trình kiểm tra;\n"
	"- rà soát đối tượng;\n"
	"- lập danh sách.\n"
	"b) Phân công kiểm tra;\n"
	"c) Sơ kết, tổng kết.\n"
	"3. Báo cáo cấp trên.\n"
	"\n"
	"### Điều 6. Quyền của đoàn kiểm tra\n"
	"\n"
	"1. Yêu cầu cung cấp tài liệu.\n"
	"2. Làm việc với tổ chức đảng.\n"
	"3. Kết luận kiểm tra.\n"
	"\n"
	"### Điều 7. Nội dung giám sát\n"
	"\n"
	"1. Giám sát việc chấp hành:\n"
	"a) Cương lĩnh chính trị;\n"
	"b) Điều lệ Đảng;\n"
	"c) Nghị quyết của Đảng;\n"
	"d) Chỉ thị của Đảng;\n"
	"đ) Quy định của Đảng;\n"
	"e) Pháp luật của Nhà nước;\n"
	"g) Nguyên tắc tổ chức.\n"
	"2. Giám sát việc rèn luyện đạo đức.\n"
	"3. Giám sát việc kê khai tài sản.\n"
	"\n"
	"## Chương II\n"
	"KIỂM TRA, GIÁM SÁT CỦA CÁC CẤP\n"
	"\n"
	"### Mục 1. Cấp Trung ương\n"
	"\n"
	"#### Điều 8. Bộ Chính trị\n"
	"\n"
	"1. Kiểm tra tổ chức đảng trực thuộc.\n"
	"2. Giám sát ủy viên Trung ương.\n"
	"3. Chỉ đạo Ủy ban Kiểm tra.\n"
	"4. Phê duyệt kế hoạch.\n"
	"5. Báo cáo Ban Chấp hành Trung ương.\n"
	"\n"
	"### Mục 2. Cấp tỉnh\n"
	"\n"
	"#### Điều 9. Tỉnh ủy\n"
	"\n"
	"1. Kiểm tra cấp huyện.\n"
	"2. Giám sát cán bộ diện quản lý.\n"
	"\n"
	"### Mục 3. Cấp cơ sở\n"
	"\n"
	"#### Điều 10. Đảng ủy cơ sở\n"
	"\n"
	"1. Kiểm tra chi bộ.\n"
	"2. Giám sát đảng viên.\n"
	"3. Xử lý vi phạm:\n"
	"a) Khiển trách;\n"
	"b) Cảnh cáo.\n"
	"4. Báo cáo kết quả:\n"
	"a) Hằng quý;\n"
	"b) Hằng năm;\n"
	"c) Đột xuất.\n"
	"\n"
	"## Chương III\n"
	"TỔ CHỨC THỰC HIỆN\n"
	"\n"
	"### Điều 11. Trách nhiệm thi hành\n"
	"\n"
	"1. Các cấp ủy thi hành Quy định này.\n"
	"2. Ủy ban Kiểm tra Trung ương hướng dẫn.\n"
	"\n"
	"### Điều 12. Hiệu lực thi hành\n"
	"\n"
	"Quy định này có hiệu lực kể từ ngày ký và thay thế Quy định số "
	"18-QĐ/TW ngày 10/5/2022 của Ban Chấp hành Trung ương./.\n";

/* A guidance numbered 1., 1.1., 1.1.1. with items 8, 8.1 (points a)…h))
 * and 8.2 (DOMAIN §2.5). */
static const char hd06_md[] =
	"BAN TỔ CHỨC TRUNG ƯƠNG\n"
	"Số 06-HD/TW\n"
	"\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"Hà Nội, ngày 20 tháng 4 năm 2026\n"
	"\n"
	"HƯỚNG DẪN\n"
	"về một số vấn đề cụ thể trong công tác đảng viên\n"
	"\n"
	"1. Về kết nạp đảng viên\n\n"
	"1.1. Về tuổi đời.\n\n"
	"1.1.1. Người vào Đảng phải đủ 18 tuổi.\n\n"
	"1.1.2. Tuổi đời tính theo tháng.\n\n"
	"1.2. Về trình độ học vấn.\n\n"
	"1.2.1. Tốt nghiệp trung học cơ sở.\n\n"
	"1.2.2. Trường hợp đặc biệt do cấp ủy xem xét.\n\n"
	"2. Về thẻ đảng viên\n\n"
	"2.1. Cấp thẻ đảng viên.\n\n"
	"2.2. Quản lý thẻ đảng viên.\n\n"
	"3. Về sinh hoạt đảng\n\n"
	"4. Về chuyển sinh hoạt đảng\n\n"
	"5. Về đảng viên dự bị\n\n"
	"6. Về xóa tên đảng viên\n\n"
	"7. Về khen thưởng\n\n"
	"8. Về kiểm tra, giám sát\n\n"
	"8.1. Đối tượng kiểm tra:\n\n"
	"a) Tổ chức đảng cấp dưới;\n\n"
	"b) Đảng viên;\n\n"
	"c) Cấp ủy viên;\n\n"
	"d) Cán bộ diện quản lý;\n\n"
	"đ) Đảng viên là người đứng đầu;\n\n"
	"e) Đảng viên đã nghỉ hưu;\n\n"
	"g) Đảng viên ở nước ngoài;\n\n"
	"h) Tổ chức cơ sở đảng.\n\n"
	"8.2. Nội dung giám sát.\n\n"
	"9. Tổ chức thực hiện\n\n"
	"Hướng dẫn này có hiệu lực kể từ ngày ký./.\n";

/* A decimal-numbered directive: 1., 2., 2.1. (points a), b)), 2.2. */
static const char ct07_md[] =
	"BAN BÍ THƯ\n"
	"Số 07-CT/TW\n"
	"\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"Hà Nội, ngày 02 tháng 2 năm 2026\n"
	"\n"
	"CHỈ THỊ\n"
	"về tăng cường công tác tuyên truyền\n"
	"\n"
	"1. Các cấp ủy quán triệt sâu sắc chỉ thị này.\n\n"
	"2. Nhiệm vụ trọng tâm\n\n"
	"2.1. Đổi mới nội dung tuyên truyền:\n\n"
	"a) Bám sát thực tiễn;\n\n"
	"b) Đa dạng hình thức.\n\n"
	"2.2. Phát huy vai trò báo chí.\n\n"
	"3. Tổ chức thực hiện.\n";

/* A Charter-keyed regulation (DOMAIN §2.3): item N implements the
 * Charter article in its tag; Charter Article 2 has no item. */
static const char reg24_md[] =
	"BAN CHẤP HÀNH TRUNG ƯƠNG\n"
	"Số 24-QĐ/TW\n"
	"\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"Hà Nội, ngày 30 tháng 7 năm 2021\n"
	"\n"
	"QUY ĐỊNH\n"
	"về thi hành Điều lệ Đảng\n"
	"\n"
	"1. Điều 1 (Khoản 2): Tuổi đời và trình độ học vấn của người vào "
	"Đảng\n\n"
	"1.1. Về tuổi đời.\n\n"
	"1.1.1. Người vào Đảng phải đủ 18 tuổi đến đủ 60 tuổi.\n\n"
	"1.2. Về trình độ học vấn.\n\n"
	"1.2.1. Tốt nghiệp trung học cơ sở trở lên.\n\n"
	"2. Điều 3: Về quyền của đảng viên\n\n"
	"2.1. (Khoản 1): Quyền được thông tin của đảng viên.\n\n"
	"2.2. (Khoản 2): Quyền ứng cử, đề cử và bầu cử.\n\n"
	"3. Điều 4: Về thủ tục kết nạp đảng viên\n\n"
	"3.1. (Khoản 1): Người vào Đảng phải có đơn tự nguyện.\n\n"
	"3.2. (Khoản 2): Về giới thiệu người vào Đảng.\n\n"
	"3.3. (Khoản 3): Chi bộ xét kết nạp.\n\n"
	"4. Điều 5 (Khoản 1): Về thời hạn dự bị\n\n"
	"5. Điều 8: Về chuyển sinh hoạt đảng\n";

/* A Russian regulation: разделы, главы, статьи, пункты "1.", подпункты
 * "а)". */
static const char pol12_md[] =
	"ЦЕНТРАЛЬНЫЙ КОМИТЕТ\n"
	"№ 12-П\n"
	"\n"
	"Ханой, 10 марта 2026 г.\n"
	"\n"
	"ПОЛОЖЕНИЕ\n"
	"о порядке проведения проверок\n"
	"\n"
	"Раздел I. Общие положения\n\n"
	"Глава 1. Предмет\n\n"
	"Статья 1. Предмет регулирования\n\n"
	"1. Настоящее Положение определяет порядок проверок.\n\n"
	"2. Положение применяется ко всем организациям.\n\n"
	"Статья 2. Основные понятия\n\n"
	"1. Проверка есть изучение деятельности.\n\n"
	"2. Надзор есть наблюдение.\n\n"
	"Глава 2. Принципы\n\n"
	"Статья 3. Принципы\n\n"
	"1. Законность.\n\n"
	"2. Объективность.\n\n"
	"3. Гласность.\n\n"
	"Раздел II. Порядок проверок\n\n"
	"Глава 3. Полномочия\n\n"
	"Статья 4. Полномочия комиссии\n\n"
	"1. Комиссия вправе:\n\n"
	"а) запрашивать документы;\n\n"
	"б) заслушивать членов;\n\n"
	"в) давать заключения.\n\n"
	"2. Комиссия обязана отчитываться.\n\n"
	"Статья 5. Обязанности комитетов\n\n"
	"1. Комитеты обязаны:\n\n"
	"а) утверждать планы;\n\n"
	"б) проводить проверки;\n\n"
	"в) рассматривать жалобы.\n\n"
	"2. Комитеты составляют отчёты:\n\n"
	"а) ежеквартально;\n\n"
	"б) ежегодно;\n\n"
	"в) по запросу;\n\n"
	"г) по решению бюро;\n\n"
	"д) по итогам съезда.\n\n"
	"3. Комитеты информируют вышестоящий орган.\n\n"
	"Статья 6. Сроки\n\n"
	"1. Проверка длится не более 30 дней.\n\n"
	"2. Срок продлевается один раз.\n\n"
	"Статья 7. Права проверяемых\n\n"
	"1. Проверяемые вправе давать объяснения.\n\n"
	"2. Проверяемые вправе обжаловать выводы.\n\n"
	"3. Проверяемые вправе знакомиться с материалами.\n\n"
	"Статья 8. Ответственность\n\n"
	"1. Нарушители несут ответственность.\n\n"
	"Статья 9. Вступление в силу\n\n"
	"1. Настоящее Положение вступает в силу со дня подписания.\n";

/* An English act: chapters, articles, paragraphs "1.", points "(a)".
 * The reader takes its symbol from the "№" line. */
static const char act8_md[] =
	"NATIONAL ASSEMBLY\n"
	"№ 8/2026/QH15\n"
	"\n"
	"Hanoi, 1 July 2026\n"
	"\n"
	"LAW\n"
	"on inspection and supervision\n"
	"\n"
	"Chapter I. General provisions\n\n"
	"Article 1. Scope\n\n"
	"1. This Law governs inspection.\n\n"
	"2. This Law applies to all agencies.\n\n"
	"Article 2. Definitions\n\n"
	"1. Inspection means review.\n\n"
	"Article 3. Principles\n\n"
	"1. Legality.\n\n"
	"2. Objectivity.\n\n"
	"Chapter II. Inspection\n\n"
	"Article 4. Inspection bodies\n\n"
	"1. The commission shall inspect.\n\n"
	"Article 5. Duties of committees\n\n"
	"1. Committees shall report.\n\n"
	"2. Committees shall:\n\n"
	"(a) adopt plans;\n\n"
	"(b) conduct inspections;\n\n"
	"(c) review complaints.\n\n"
	"3. Committees shall inform superiors.\n\n"
	"Article 6. Time limits\n\n"
	"1. An inspection lasts no more than 30 days.\n\n"
	"Article 7. Rights\n\n"
	"1. Persons inspected may explain.\n\n"
	"2. Persons inspected may appeal.\n\n"
	"Article 8. Liability\n\n"
	"1. Violators shall be liable.\n\n"
	"Article 9. Entry into force\n\n"
	"1. This Law enters into force on signing.\n";

/* The Party Charter, abridged: loaded only by the "charter" set. */
static const char charter_md[] =
	"ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC\n"
	"\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"Hà Nội, ngày 19 tháng 01 năm 2011\n"
	"\n"
	"ĐIỀU LỆ\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"\n"
	"## Chương I\nĐẢNG VIÊN\n\n"
	"### Điều 1.\n\n"
	"1. Đảng viên là chiến sĩ cách mạng.\n"
	"2. Công dân từ mười tám tuổi trở lên được xét kết nạp.\n\n"
	"### Điều 2.\n\n"
	"1. Đảng viên có nhiệm vụ tuyệt đối trung thành.\n\n"
	"### Điều 3.\n\n"
	"1. Được thông tin.\n"
	"2. Được ứng cử.\n\n"
	"### Điều 4.\n\n"
	"1. Người vào Đảng phải có đơn.\n"
	"2. Phải có hai đảng viên chính thức giới thiệu.\n"
	"3. Chi bộ xét kết nạp.\n\n"
	"### Điều 5.\n\n"
	"1. Người được kết nạp phải trải qua thời kỳ dự bị.\n";

enum { FX_REG31, FX_HD06, FX_CT07, FX_REG24, FX_POL12, FX_ACT8, FX_CHARTER,
	FX_COUNT };

static const struct {
	const char *name;
	const char *lang;
	const char *md;
} fixtures[FX_COUNT] = {
	{ "reg31", "vi", reg31_md },
	{ "hd06", "vi", hd06_md },
	{ "ct07", "vi", ct07_md },
	{ "reg24", "vi", reg24_md },
	{ "pol12", "ru", pol12_md },
	{ "act8", "en", act8_md },
	{ "charter", "vi", charter_md },
};

/* Directive sets a case may load.  "all" is every fixture but the
 * Charter; "none" loads nothing. */
static const struct {
	const char *name;
	unsigned mask;
} sets[] = {
	{ "all", (1u << FX_CHARTER) - 1 },
	{ "charter", (1u << FX_COUNT) - 1 },
	{ "vi", 1u << FX_REG31 },
	{ "none", 0 },
};

/* ## Harness */

static dt_doc *fx[FX_COUNT];
static dt_doc *local;
static dt_citeset *set;

static void teardown(void)
{
	size_t i;

	dt_citeset_free(set);
	set = NULL;
	dt_doc_free(local);
	local = NULL;
	for (i = 0; i < FX_COUNT; i++) {
		dt_doc_free(fx[i]);
		fx[i] = NULL;
	}
}

static dt_doc *parse_md(const char *md, const char *lang, const char *file)
{
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_error err = { 0 };
	dt_doc *d = NULL;

	opts.format = DT_FORMAT_MD;
	cr_assert_eq(dt_lang_from_code(&opts.lang, lang), 0, "lang %s", lang);
	cr_assert_eq(dt_doc_parse(&d, md, strlen(md), file, &opts, &err), 0,
		"%s: %s (line %zu)", file, err.message, err.line);
	return d;
}

static int fixture_index(const char *name)
{
	int i;

	for (i = 0; i < FX_COUNT; i++) {
		if (strcmp(fixtures[i].name, name) == 0) {
			return i;
		}
	}
	cr_assert_fail("no fixture %s", name);
	return -1;
}

/* Parse the fixtures of set `name` into fx[] and list them in `out`. */
static size_t load_set(const char *name, const dt_doc **out)
{
	size_t i, n = 0;
	unsigned mask = 0;
	int found = 0;

	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		if (strcmp(sets[i].name, name) == 0) {
			mask = sets[i].mask;
			found = 1;
		}
	}
	cr_assert(found, "no directive set %s", name);
	for (i = 0; i < FX_COUNT; i++) {
		if (mask & (1u << i)) {
			fx[i] = parse_md(fixtures[i].md, fixtures[i].lang,
				fixtures[i].name);
			out[n++] = fx[i];
		}
	}
	return n;
}

/* Parse `md` as the local document and find its citations against the
 * directive set `dirset`. */
static void cite(const char *lang, const char *dirset, const char *md)
{
	const dt_doc *dirs[FX_COUNT];
	size_t n = load_set(dirset, dirs);
	dt_error err = { 0 };

	local = parse_md(md, lang, "local.md");
	cr_assert_eq(dt_cites_find(&set, local, dirs, n, &err), 0, "%s",
		err.message);
	cr_assert_not_null(set);
}

static const char *status_name(int status)
{
	if (status < DT_CITE_RESOLVED || status > DT_CITE_AMBIGUOUS) {
		return "?";
	}
	return dt_cite_status_name((dt_cite_status)status);
}

static const char *directive_name(const dt_doc *d)
{
	int i;

	if (d == NULL) {
		return "(none)";
	}
	for (i = 0; i < FX_COUNT; i++) {
		if (fx[i] == d) {
			return fixtures[i].name;
		}
	}
	return "(foreign)";
}

/* Every citation of the set, one a line, for failure messages. */
static const char *dump(void)
{
	static char buf[8192];
	size_t i, j, n = 0;

	buf[0] = '\0';
	for (i = 0; i < dt_citeset_count(set) && n < sizeof(buf); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		n += (size_t)snprintf(buf + n, sizeof(buf) - n,
			"\n  [%zu] line %zu %s '%s' -> %s %s:", i, c->line,
			c->unit ? dt_unit_eid(c->unit) : "?",
			c->text ? c->text : "(null)",
			status_name((int)c->status),
			directive_name(c->directive));
		for (j = 0; j < c->neids && n < sizeof(buf); j++) {
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, " %s",
				c->eids[j]);
		}
	}
	if (i == 0) {
		snprintf(buf, sizeof(buf), " (no citations)");
	}
	return buf;
}

static int names_units(dt_cite_status s)
{
	return s == DT_CITE_RESOLVED || s == DT_CITE_BROKEN ||
		s == DT_CITE_AMBIGUOUS;
}

static int has_directive(int s)
{
	return s == DT_CITE_RESOLVED || s == DT_CITE_DOCUMENT ||
		s == DT_CITE_BROKEN || s == DT_CITE_STALE;
}

#define NONE (-1)     /* no citation at all */
#define NO_UNITS (-2) /* nothing RESOLVED, BROKEN or AMBIGUOUS */

#define RES DT_CITE_RESOLVED
#define DOC DT_CITE_DOCUMENT
#define BRK DT_CITE_BROKEN
#define STL DT_CITE_STALE
#define SLF DT_CITE_SELF
#define EXT DT_CITE_EXTERNAL
#define AMB DT_CITE_AMBIGUOUS

/* One case: values only, the body runs in another process. */
typedef struct {
	char lang[4];      /* language of the local document */
	char fixture[16];  /* directive set: "all", "charter", "vi", "none" */
	char local[512];   /* the local document (Markdown) */
	char pick[48];     /* the citation under test contains this … */
	int index;         /* … or is this one of the last unit ("" pick) */
	int status;        /* dt_cite_status, NONE or NO_UNITS */
	char target[8];    /* fixture name of the directive, "" = none */
	char eids[256];    /* RESOLVED: expected eIds, space separated */
} cite_case;

/* Case builders: language, directive set, local text, pick, status,
 * target, eIds. */
#define CASE(lang, set_, local_, pick_, status_, target_, eids_) \
	{ lang, set_, local_, pick_, 0, status_, target_, eids_ }
#define VI(local_, pick_, status_, target_, eids_) \
	CASE("vi", "all", local_, pick_, status_, target_, eids_)
#define RU(local_, pick_, status_, target_, eids_) \
	CASE("ru", "all", local_, pick_, status_, target_, eids_)
#define EN(local_, pick_, status_, target_, eids_) \
	CASE("en", "all", local_, pick_, status_, target_, eids_)

/* Basis preambles: "Thực hiện …" naming exactly one loaded directive. */
#define VI_BASIS "Thực hiện Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban " \
	"Chấp hành Trung ương, Ban Thường vụ Tỉnh ủy hướng dẫn như sau:\n\n"
#define HD_BASIS "Thực hiện Hướng dẫn số 06-HD/TW ngày 20/4/2026 của Ban " \
	"Tổ chức Trung ương, Đảng ủy hướng dẫn như sau:\n\n"
#define Q24_BASIS "Thực hiện Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban " \
	"Chấp hành Trung ương, chi bộ hướng dẫn như sau:\n\n"
#define RU_BASIS "Во исполнение Положения № 12-П от 10 марта 2026 г. " \
	"комитет постановляет:\n\n"
#define RU31_BASIS "Во исполнение Положения № 31-QD/TW от 15 марта 2026 " \
	"г. комитет постановляет:\n\n"

static int picks(const dt_cite *c, const char *pick)
{
	return c->text != NULL && strstr(c->text, pick) != NULL;
}

static void run_case(const cite_case *k)
{
	const dt_unit *last;
	const dt_cite *got = NULL;
	char eids[1024] = "";
	size_t i, j, n = 0, nth = 0;
	int want_dir;

	cr_assert(memchr(k->local, '\0', sizeof(k->local)) != NULL);
	cite(k->lang, k->fixture, k->local);

	if (k->status == NONE) {
		cr_expect_eq(dt_citeset_count(set), 0,
			"want no citation in:\n%s\ngot:%s", k->local, dump());
		return;
	}
	if (k->status == NO_UNITS) {
		for (i = 0; i < dt_citeset_count(set); i++) {
			cr_expect(!names_units(dt_citeset_at(set, i)->status),
				"want nothing resolved in:\n%s\ngot:%s",
				k->local, dump());
		}
		return;
	}

	cr_assert_gt(dt_doc_unit_count(local), 0, "no unit in:\n%s",
		k->local);
	last = dt_doc_unit_at(local, dt_doc_unit_count(local) - 1);
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (c->unit != last) {
			continue;
		}
		if (got == NULL && (k->pick[0] != '\0' ? picks(c, k->pick)
				: nth++ == (size_t)k->index)) {
			got = c;
		}
		if (got != NULL && c->status == DT_CITE_RESOLVED) {
			for (j = 0; j < c->neids && n < sizeof(eids); j++) {
				n += (size_t)snprintf(eids + n,
					sizeof(eids) - n, "%s%s", n ? " " : "",
					c->eids[j]);
			}
		}
	}
	cr_assert_not_null(got, "no citation '%s' in the last unit (%s) "
		"of:\n%s\ngot:%s", k->pick, dt_unit_eid(last), k->local,
		dump());
	cr_expect_eq((int)got->status, k->status,
		"'%s': status %s, want %s\nin:\n%s\ngot:%s", got->text,
		status_name((int)got->status), status_name(k->status),
		k->local, dump());

	want_dir = has_directive(k->status) && k->target[0] != '\0';
	if (want_dir) {
		cr_expect_eq(got->directive, fx[fixture_index(k->target)],
			"'%s': directive %s, want %s\ngot:%s", got->text,
			directive_name(got->directive), k->target, dump());
	} else if (!has_directive(k->status)) {
		cr_expect_null(got->directive, "'%s': directive %s, want none",
			got->text, directive_name(got->directive));
	}
	if (k->status == DT_CITE_RESOLVED) {
		cr_expect_str_eq(eids, k->eids, "'%s': eIds [%s], want [%s]"
			"\nin:\n%s\ngot:%s", got->text, eids, k->eids, k->local,
			dump());
	}
}

/* ## Vietnamese: single units, containers, broken units, reverse order */

ParameterizedTestParameters(cite_vi_units, resolves_each_unit_level)
{
	static cite_case cases[] = {
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 trong năm.", "", RES,
			"reg31", "art_5"),
		VI(VI_BASIS "Các cấp ủy thực hiện khoản 2 Điều 5.", "", RES,
			"reg31", "art_5__para_2"),
		VI(VI_BASIS "Các cấp ủy thực hiện điểm a khoản 2 Điều 5.", "",
			RES, "reg31", "art_5__para_2__point_a"),
		VI(VI_BASIS "Chi bộ rà soát theo tiết 2 điểm a khoản 2 Điều 5.",
			"", RES, "reg31", "art_5__para_2__point_a__item_2"),
		VI(VI_BASIS "Khoản 3 Điều 6 được áp dụng khi kết luận kiểm "
			"tra.", "", RES, "reg31", "art_6__para_3"),
		VI(VI_BASIS "Điểm đ khoản 1 Điều 7 được giám sát thường xuyên.",
			"", RES, "reg31", "art_7__para_1__point_đ"),
		VI(VI_BASIS "Giám sát nguyên tắc tổ chức theo điểm g khoản 1 "
			"Điều 7.", "", RES, "reg31", "art_7__para_1__point_g"),
		VI(VI_BASIS "Các cấp ủy giám sát tại điểm d, khoản 1 Điều 7.",
			"", RES, "reg31", "art_7__para_1__point_d"),
		VI(VI_BASIS "Xử lý vi phạm theo điểm b, khoản 3, Điều 10.", "",
			RES, "reg31", "art_10__para_3__point_b"),
		VI(VI_BASIS "Hiệu lực được xác định theo quy định tại Điều 12.",
			"", RES, "reg31", "art_12"),
		VI(VI_BASIS "Đối tượng áp dụng nêu tại Điều 2 gồm tổ chức và "
			"đảng viên.", "", RES, "reg31", "art_2"),
		VI(VI_BASIS "Các cấp ủy bảo đảm nguyên tắc theo quy định tại "
			"khoản 4 Điều 4.", "", RES, "reg31", "art_4__para_4"),
		VI(VI_BASIS "Ban Thường vụ báo cáo căn cứ khoản 5 Điều 8.", "",
			RES, "reg31", "art_8__para_5"),
		VI(VI_BASIS "Báo cáo đột xuất nêu tại điểm c khoản 4 Điều 10.",
			"", RES, "reg31", "art_10__para_4__point_c"),
		VI(VI_BASIS "Kiểm tra tổ chức đảng theo khoản 1 Điều 10 và báo "
			"cáo.", "", RES, "reg31", "art_10__para_1"),
		VI(VI_BASIS "Giám sát cán bộ theo điều 9.", "", RES, "reg31",
			"art_9"),
		VI(VI_BASIS "Ban Thường vụ chỉ đạo theo KHOẢN 3 ĐIỀU 8.", "",
			RES, "reg31", "art_8__para_3"),
		VI(VI_BASIS "Nội dung kiểm tra được quy định tại Chương II.",
			"", RES, "reg31", "chp_2"),
		VI(VI_BASIS "Trách nhiệm của cấp cơ sở được quy định tại Mục 3 "
			"Chương II.", "", RES, "reg31", "chp_2__sec_3"),
		VI(VI_BASIS "Cấp Trung ương thực hiện theo Mục 1 Chương II.",
			"", RES, "reg31", "chp_2__sec_1"),
		VI(VI_BASIS "Việc tổ chức thực hiện theo Chương III.", "", RES,
			"reg31", "chp_3"),
		/* units the loaded directive lacks */
		VI(VI_BASIS "Đoàn kiểm tra có quyền theo khoản 9 Điều 6.", "",
			BRK, "reg31", ""),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 25.", "", BRK, "reg31",
			""),
		VI(VI_BASIS "Xử lý vi phạm theo điểm h khoản 3 Điều 10.", "",
			BRK, "reg31", ""),
		VI(VI_BASIS "Nội dung được quy định tại Chương V.", "", BRK,
			"reg31", ""),
		VI(VI_BASIS "Báo cáo theo khoản 4 Điều 6.", "", BRK, "reg31",
			""),
		/* the document named in the citation, no basis */
		VI("Theo Quy định số 31-QĐ/TW, Điều 6, khoản 2, đoàn kiểm tra "
			"làm việc với tổ chức đảng.", "Điều 6", RES, "reg31",
			"art_6__para_2"),
		VI("Quy định số 31-QĐ/TW, Điều 7, khoản 1, điểm b yêu cầu giám "
			"sát.", "Điều 7", RES, "reg31",
			"art_7__para_1__point_b"),
		VI("Các chi bộ thực hiện Điều 10, khoản 3, điểm a Quy định số "
			"31-QĐ/TW.", "Điều 10", RES, "reg31",
			"art_10__para_3__point_a"),
		VI("Các chi bộ thực hiện Điều 5 của Quy định số 31-QĐ/TW.", "",
			RES, "reg31", "art_5"),
		VI("Các chi bộ thực hiện điểm a khoản 2 Điều 5 Quy định "
			"31-QĐ/TW.", "", RES, "reg31",
			"art_5__para_2__point_a"),
		VI("Các chi bộ thực hiện khoản 2 Điều 6 Quy định số 31-QĐ/TW "
			"ngày 15/3/2026 của Ban Chấp hành Trung ương.", "", RES,
			"reg31", "art_6__para_2"),
		VI("Các chi bộ thực hiện khoản 9 Điều 6 Quy định số 31-QĐ/TW.",
			"", BRK, "reg31", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_units, resolves_each_unit_level,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: lists, ranges and attachment (DOMAIN §4.2, §4.3) */

ParameterizedTestParameters(cite_vi_lists_ranges, expands_in_order)
{
	static cite_case cases[] = {
		VI(VI_BASIS "Các cấp ủy thực hiện khoản 1, khoản 2 Điều 7.", "",
			RES, "reg31", "art_7__para_1 art_7__para_2"),
		VI(VI_BASIS "Bộ Chính trị thực hiện các khoản 1, 2 và 3 Điều "
			"8.", "", RES, "reg31", "art_8__para_1 art_8__para_2 "
			"art_8__para_3"),
		VI(VI_BASIS "Giám sát điểm a, b và c khoản 1 Điều 7.", "", RES,
			"reg31", "art_7__para_1__point_a "
			"art_7__para_1__point_b art_7__para_1__point_c"),
		VI(VI_BASIS "Giám sát điểm a, điểm b khoản 1 Điều 7.", "", RES,
			"reg31", "art_7__para_1__point_a "
			"art_7__para_1__point_b"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5, 6, 7.", "", RES,
			"reg31", "art_5 art_6 art_7"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 và Điều 8.", "", RES,
			"reg31", "art_5 art_8"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 hoặc Điều 6.", "", RES,
			"reg31", "art_5 art_6"),
		VI(VI_BASIS "Các cấp thực hiện từ Điều 9 đến Điều 11.", "", RES,
			"reg31", "art_9 art_10 art_11"),
		VI(VI_BASIS "Bảo đảm khoản 1 đến khoản 3 Điều 4.", "", RES,
			"reg31", "art_4__para_1 art_4__para_2 art_4__para_3"),
		VI(VI_BASIS "Bảo đảm từ khoản 1 đến khoản 4 Điều 4.", "", RES,
			"reg31", "art_4__para_1 art_4__para_2 art_4__para_3 "
			"art_4__para_4"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 \u2013 Điều 7.", "",
			RES, "reg31", "art_5 art_6 art_7"),
		VI(VI_BASIS "Quy định chung (Điều 1 - Điều 3) được quán triệt.",
			"", RES, "reg31", "art_1 art_2 art_3"),
		VI(VI_BASIS "Quy định chung tại Điều 1\u20133 được quán triệt.",
			"", RES, "reg31", "art_1 art_2 art_3"),
		VI(VI_BASIS "Các cấp thực hiện (Điều 9, 10, 11, 12).", "", RES,
			"reg31", "art_9 art_10 art_11 art_12"),
		VI(VI_BASIS "Các cấp thực hiện từ Điều 6 đến Điều 8 và từ Điều "
			"10 đến Điều 12.", "", RES, "reg31", "art_6 art_7 "
			"art_8 art_10 art_11 art_12"),
		VI(VI_BASIS "Các cấp thực hiện từ Điều 2 đến Điều 4, Điều 6, "
			"từ Điều 8 đến Điều 9.", "", RES, "reg31",
			"art_2 art_3 art_4 art_6 art_8 art_9"),
		VI(VI_BASIS "Các cấp ủy thực hiện Chương II và Chương III.", "",
			RES, "reg31", "chp_2 chp_3"),
		VI(VI_BASIS "Tỉnh ủy thực hiện khoản 1 và khoản 2 Điều 9.", "",
			RES, "reg31", "art_9__para_1 art_9__para_2"),
		VI(VI_BASIS "Bộ Chính trị thực hiện khoản 2, khoản 3 và khoản "
			"4 Điều 8.", "", RES, "reg31", "art_8__para_2 "
			"art_8__para_3 art_8__para_4"),
		VI(VI_BASIS "Bộ Chính trị thực hiện khoản 1, khoản 5 Điều 8.",
			"", RES, "reg31", "art_8__para_1 art_8__para_5"),
		VI(VI_BASIS "Khoản 1, 2 Điều 2 xác định đối tượng.", "", RES,
			"reg31", "art_2__para_1 art_2__para_2"),
		VI(VI_BASIS "Từ ngữ được giải thích tại các khoản 1, 2, 3 Điều "
			"3.", "", RES, "reg31", "art_3__para_1 art_3__para_2 "
			"art_3__para_3"),
		/* the khoản list attaches to the next Điều on its right */
		VI(VI_BASIS "Các cấp thực hiện Điều 3, khoản 1, khoản 5 Điều 8 "
			"và báo cáo.", "", RES, "reg31", "art_3 art_8__para_1 "
			"art_8__para_5"),
		VI(VI_BASIS "Xử lý theo điểm a khoản 3, điểm a, b khoản 4 Điều "
			"10.", "", RES, "reg31", "art_10__para_3__point_a "
			"art_10__para_4__point_a art_10__para_4__point_b"),
		VI(VI_BASIS "Thực thi khoản 3 Điều 4, khoản 2, điểm b khoản 3 "
			"Điều 10.", "", RES, "reg31", "art_4__para_3 "
			"art_10__para_2 art_10__para_3__point_b"),
		VI(VI_BASIS "Báo cáo theo điểm a, b khoản 4 Điều 10.", "", RES,
			"reg31", "art_10__para_4__point_a "
			"art_10__para_4__point_b"),
		VI(VI_BASIS "Báo cáo theo các điểm a, b và c khoản 4 Điều 10.",
			"", RES, "reg31", "art_10__para_4__point_a "
			"art_10__para_4__point_b art_10__para_4__point_c"),
		/* points: đ is a member, ranges follow a b c d đ e g h */
		VI(VI_BASIS "Giám sát từ điểm a đến điểm đ khoản 1 Điều 7.", "",
			RES, "reg31", "art_7__para_1__point_a "
			"art_7__para_1__point_b art_7__para_1__point_c "
			"art_7__para_1__point_d art_7__para_1__point_đ"),
		VI(VI_BASIS "Giám sát từ điểm c đến điểm g khoản 1 Điều 7.", "",
			RES, "reg31", "art_7__para_1__point_c "
			"art_7__para_1__point_d art_7__para_1__point_đ "
			"art_7__para_1__point_e art_7__para_1__point_g"),
		VI(VI_BASIS "Giám sát các điểm b, c, d, đ và g khoản 1 Điều 7.",
			"", RES, "reg31", "art_7__para_1__point_b "
			"art_7__para_1__point_c art_7__para_1__point_d "
			"art_7__para_1__point_đ art_7__para_1__point_g"),
		VI(VI_BASIS "Giám sát điểm b và điểm đ khoản 1 Điều 7.", "",
			RES, "reg31", "art_7__para_1__point_b "
			"art_7__para_1__point_đ"),
		/* ';' separates groups */
		VI(VI_BASIS "Thực thi các khoản 2, 3 và 5 Điều 8; các khoản 1 "
			"và 2 Điều 9.", "", RES, "reg31", "art_8__para_2 "
			"art_8__para_3 art_8__para_5 art_9__para_1 "
			"art_9__para_2"),
		VI("Các chi bộ thực hiện các khoản 1, 2 và 3 Điều 8 Quy định "
			"số 31-QĐ/TW.", "", RES, "reg31", "art_8__para_1 "
			"art_8__para_2 art_8__para_3"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_lists_ranges, expands_in_order,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: document mentions, folding, stale and external ones */

ParameterizedTestParameters(cite_vi_documents, identifies_the_document)
{
	static cite_case cases[] = {
		VI("Các cấp ủy quán triệt Quy định số 31-QĐ/TW ngày 15/3/2026 "
			"của Ban Chấp hành Trung ương.", "", DOC, "reg31", ""),
		VI("Các cấp ủy quán triệt Quy định 31-QĐ/TW.", "", DOC, "reg31",
			""),
		VI("Các cấp ủy quán triệt Quy định số 31 trong toàn Đảng bộ.",
			"", DOC, "reg31", ""),
		VI("Các chi bộ học tập QĐ 31 của Trung ương.", "", DOC, "reg31",
			""),
		VI("Các chi bộ quán triệt Quy định 31-QD/TW.", "", DOC, "reg31",
			""),
		VI("Các chi bộ quán triệt Quy định số 31-qđ/tw.", "", DOC,
			"reg31", ""),
		VI("Các chi bộ quán triệt Quy định số 31 - QĐ/TW.", "", DOC,
			"reg31", ""),
		VI("Các chi bộ quán triệt Quy định 31-QĐ/TW năm 2026.", "", DOC,
			"reg31", ""),
		VI("Các cấp ủy thực hiện Quy định số 31-QĐ/TW, ngày 15/3/2026 "
			"của Ban Chấp hành Trung ương về công tác kiểm tra, "
			"giám sát.", "", DOC, "reg31", ""),
		VI("Các chi bộ quán triệt Quy định số 24-QĐ/TW ngày 30/7/2021 "
			"của Ban Chấp hành Trung ương.", "", DOC, "reg24", ""),
		VI("Các chi bộ quán triệt Quy định số 24.", "", DOC, "reg24",
			""),
		VI("Các chi bộ học tập QĐ 24.", "", DOC, "reg24", ""),
		VI("Các chi bộ quán triệt Quy định 24-QD/TW.", "", DOC, "reg24",
			""),
		VI("Ban Tuyên giáo tuyên truyền Chỉ thị số 07-CT/TW ngày "
			"02/02/2026 của Ban Bí thư.", "", DOC, "ct07", ""),
		VI("Ban Tổ chức hướng dẫn theo Hướng dẫn 06-HD/TW.", "", DOC,
			"hd06", ""),
		VI("Các cơ quan thực hiện Luật số 8/2026/QH15.", "", DOC,
			"act8", ""),
		/* replaced by a loaded directive */
		VI("Các chi bộ không còn áp dụng Quy định số 18-QĐ/TW ngày "
			"10/5/2022 của Ban Chấp hành Trung ương.", "", STL,
			"reg31", ""),
		VI("Đoàn kiểm tra không áp dụng khoản 2 Điều 3 Quy định số "
			"18-QĐ/TW.", "", STL, "reg31", ""),
		VI("Các chi bộ không áp dụng Quy định 18-QD/TW.", "", STL,
			"reg31", ""),
		/* neither loaded nor replaced */
		VI("Các cấp ủy quán triệt Nghị quyết số 21-NQ/TW ngày "
			"16/6/2022 của Ban Chấp hành Trung ương.", "", EXT, "",
			""),
		VI("Các cấp ủy thực hiện Kết luận số 21-KL/TW.", "", EXT, "",
			""),
		VI("Chính quyền thực hiện Nghị định 30/2020/NĐ-CP.", "", EXT,
			"", ""),
		VI("Văn bản trình bày theo Điều 4 của Nghị định số "
			"30/2020/NĐ-CP.", "", EXT, "", ""),
		VI("Cán bộ được đánh giá theo Điều 5 của Luật Cán bộ, công "
			"chức.", "", EXT, "", ""),
		VI("Đảng viên có nhiệm vụ theo Điều 5 Điều lệ Đảng.", "Điều 5",
			EXT, "", ""),
		VI("Người vào Đảng được giới thiệu theo khoản 2 Điều 4 Điều lệ "
			"Đảng.", "Điều 4", EXT, "", ""),
		VI("Các cấp ủy tiếp tục thực hiện Chỉ thị số 35-CT/TW.", "",
			EXT, "", ""),
		VI("Cơ quan thực hiện Điều 3 Luật số 33/2005/QH11.", "", EXT,
			"", ""),
		VI("Các cấp ủy thực hiện Hướng dẫn số 02-HD/TW.", "", EXT, "",
			""),
		/* a name in the citation beats the basis */
		VI(VI_BASIS "Chính quyền thực hiện khoản 1 Điều 4 Nghị định "
			"30/2020/NĐ-CP.", "Điều 4", EXT, "", ""),
		CASE("vi", "vi", "Các chi bộ quán triệt Quy định số 24-QĐ/TW.",
			"", EXT, "", ""),
		CASE("vi", "vi", "Các chi bộ thực hiện Điều 5 Quy định số "
			"24-QĐ/TW.", "Điều 5", EXT, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_documents, identifies_the_document,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: decimal-numbered and Charter-keyed targets (§4.7) */

ParameterizedTestParameters(cite_vi_decimal, walks_the_number_path)
{
	static cite_case cases[] = {
		VI("Đảng ủy thực hiện mục 1.1 Hướng dẫn 06-HD/TW.", "", RES,
			"hd06", "lvl_1__lvl_1-1"),
		VI("Tuổi vào Đảng theo khoản 1.1.1 Hướng dẫn 06-HD/TW.", "",
			RES, "hd06", "lvl_1__lvl_1-1__lvl_1-1-1"),
		VI("Trình độ theo điểm 1.2.1 Hướng dẫn số 06-HD/TW.", "", RES,
			"hd06", "lvl_1__lvl_1-2__lvl_1-2-1"),
		VI("Tuổi đời tính theo tiết 1.1.2 Hướng dẫn 06-HD/TW.", "", RES,
			"hd06", "lvl_1__lvl_1-1__lvl_1-1-2"),
		VI("Trường hợp đặc biệt theo tiết 1.2.2 Hướng dẫn 06-HD/TW.",
			"", RES, "hd06", "lvl_1__lvl_1-2__lvl_1-2-2"),
		VI("Thẻ đảng viên cấp theo mục 2.1 Hướng dẫn 06-HD/TW.", "",
			RES, "hd06", "lvl_2__lvl_2-1"),
		VI("Đối tượng kiểm tra theo tiểu mục 8.1 Mục 8 Hướng dẫn "
			"06-HD/TW.", "", RES, "hd06", "lvl_8__lvl_8-1"),
		VI("Cấp ủy viên thuộc Điểm c tiểu mục 8.1 Mục 8 Hướng dẫn "
			"06-HD/TW năm 2026.", "", RES, "hd06",
			"lvl_8__lvl_8-1__point_c"),
		VI("Người đứng đầu thuộc điểm đ tiểu mục 8.1 Mục 8 Hướng dẫn "
			"06-HD/TW.", "", RES, "hd06",
			"lvl_8__lvl_8-1__point_đ"),
		VI("Công tác kiểm tra thực hiện theo Mục 8 Hướng dẫn 06-HD/TW.",
			"", RES, "hd06", "lvl_8"),
		VI("Quản lý thẻ theo tiểu mục 2.2 Mục 2 Hướng dẫn 06-HD/TW.",
			"", RES, "hd06", "lvl_2__lvl_2-2"),
		VI("Đối tượng gồm từ điểm a đến điểm h tiểu mục 8.1 Mục 8 "
			"Hướng dẫn 06-HD/TW.", "", RES, "hd06",
			"lvl_8__lvl_8-1__point_a lvl_8__lvl_8-1__point_b "
			"lvl_8__lvl_8-1__point_c lvl_8__lvl_8-1__point_d "
			"lvl_8__lvl_8-1__point_đ lvl_8__lvl_8-1__point_e "
			"lvl_8__lvl_8-1__point_g lvl_8__lvl_8-1__point_h"),
		VI("Báo chí thực hiện mục 2.1 Chỉ thị 07-CT/TW.", "", RES,
			"ct07", "lvl_2__lvl_2-1"),
		VI("Đa dạng hình thức theo điểm b mục 2.1 Chỉ thị số 07-CT/TW.",
			"", RES, "ct07", "lvl_2__lvl_2-1__point_b"),
		VI("Kiểm tra theo tiểu mục 8.5 Mục 8 Hướng dẫn 06-HD/TW.", "",
			BRK, "hd06", ""),
		VI("Đảng ủy làm theo Mục 20 Hướng dẫn 06-HD/TW.", "", BRK,
			"hd06", ""),
		VI(HD_BASIS "Đảng ủy rà soát nội dung theo tiểu mục 8.2.", "",
			RES, "hd06", "lvl_8__lvl_8-2"),
		VI(HD_BASIS "Đảng ủy kiểm tra theo điểm a, b và c tiểu mục 8.1 "
			"Mục 8.", "", RES, "hd06", "lvl_8__lvl_8-1__point_a "
			"lvl_8__lvl_8-1__point_b lvl_8__lvl_8-1__point_c"),
		/* Charter-keyed: Điều N is the Charter tag, mục N.M the item */
		VI(Q24_BASIS "Theo Điều 4, mục 3.2. (Khoản 2), chi bộ giới "
			"thiệu người vào Đảng.", "3.2", RES, "reg24",
			"lvl_3__lvl_3-2"),
		VI(Q24_BASIS "Chi bộ thực hiện mục 3.3.", "", RES, "reg24",
			"lvl_3__lvl_3-3"),
		VI("Tuổi đời theo Quy định 24-QĐ/TW, Điều 1, mục 1, khoản "
			"1.1.1.", "1.1.1", RES, "reg24",
			"lvl_1__lvl_1-1__lvl_1-1-1"),
		VI("Trình độ học vấn theo mục 1.2.1 Quy định số 24-QĐ/TW.", "",
			RES, "reg24", "lvl_1__lvl_1-2__lvl_1-2-1"),
		VI("Quyền của đảng viên theo Điều 3 Quy định số 24-QĐ/TW.", "",
			RES, "reg24", "lvl_2"),
		VI("Việc giới thiệu theo khoản 2 Điều 4 Quy định số 24-QĐ/TW.",
			"", RES, "reg24", "lvl_3__lvl_3-2"),
		VI("Chuyển sinh hoạt theo Điều 8 Quy định số 24-QĐ/TW.", "",
			RES, "reg24", "lvl_5"),
		VI("Đảng viên thực hiện Điều 2 Quy định số 24-QĐ/TW.", "", BRK,
			"reg24", ""),
		/* "Điều lệ Đảng" is the Charter itself, not loaded here */
		VI(Q24_BASIS "Đảng viên có nhiệm vụ theo Điều 5 Điều lệ Đảng.",
			"Điều 5", EXT, "", ""),
		VI("Trình độ theo Điểm 1.2.1, Khoản 1 Quy định số 30-QĐ/TW.",
			"", EXT, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_decimal, walks_the_number_path,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: things that look like citations and are not */

ParameterizedTestParameters(cite_vi_negatives, finds_no_citation)
{
	static cite_case cases[] = {
		VI("Đến năm 2021, toàn Đảng bộ có 30 tổ chức cơ sở đảng.", "",
			NONE, "", ""),
		VI("Báo cáo gửi về trong thời hạn 15 ngày kể từ ngày nhận.", "",
			NONE, "", ""),
		VI("Hội nghị được tổ chức ngày 15/3/2026 tại hội trường.", "",
			NONE, "", ""),
		VI("Số liệu tính đến ngày 30/7/2021.", "", NONE, "", ""),
		VI("Mọi vướng mắc liên hệ số điện thoại 0912 345 678.", "",
			NONE, "", ""),
		VI("Điện thoại: 0912.345.678.", "", NONE, "", ""),
		VI("1. Mục đích\n\nQuán triệt sâu sắc nội dung.\n\n2. Yêu "
			"cầu\n\nBảo đảm nghiêm túc.\n", "", NONE, "", ""),
		VI("Mục đích 1 là nâng cao nhận thức.", "", NONE, "", ""),
		VI("Đảng viên vi phạm nộp khoản tiền 5 triệu đồng.", "", NONE,
			"", ""),
		VI("Cấp ủy bố trí khoản kinh phí 200 triệu đồng.", "", NONE, "",
			""),
		VI("Trong khoảng 5 ngày, chi bộ họp một lần.", "", NONE, "",
			""),
		VI("Người vào Đảng phải đủ điều kiện 5 năm công tác.", "", NONE,
			"", ""),
		VI("Ban điều hành 3 dự án trọng điểm.", "", NONE, "", ""),
		VI("Kế hoạch được điều chỉnh 3 lần trong năm.", "", NONE, "",
			""),
		VI("Phấn đấu đạt mục tiêu 2 năm liên tục.", "", NONE, "", ""),
		VI("Phần thưởng 2 triệu đồng được trao cho chi bộ.", "", NONE,
			"", ""),
		VI("Đảng bộ có 5 chi bộ với 120 đảng viên.", "", NONE, "", ""),
		VI("Các chi bộ hoàn thành 95% chỉ tiêu năm 2026.", "", NONE, "",
			""),
		VI("Giờ làm việc từ 7 giờ 30 đến 11 giờ 30.", "", NONE, "", ""),
		/* with a basis, so a false unit would resolve */
		VI(VI_BASIS "Mọi đảng viên chấp hành nghiêm Điều lệ Đảng.", "",
			NO_UNITS, "", ""),
		VI(VI_BASIS "Điều lệ Đảng năm 2011 quy định rõ nhiệm vụ.", "",
			NO_UNITS, "", ""),
		VI(VI_BASIS "Ban hành Chương trình 3 năm về đào tạo.", "",
			NO_UNITS, "", ""),
		VI(VI_BASIS "Tổng kết 10 năm thực hiện, 5 nhiệm vụ trọng tâm.",
			"", NO_UNITS, "", ""),
		VI(VI_BASIS "Đảng viên nộp khoản tiền 5 triệu đồng trong 30 "
			"ngày.", "", NO_UNITS, "", ""),
		VI(VI_BASIS "Cấp ủy bảo đảm điều kiện 3 và mục tiêu 4 của kế "
			"hoạch.", "", NO_UNITS, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_negatives, finds_no_citation,
	.fini = teardown)
{
	run_case(k);
}

/* ## Russian: case forms, abbreviations, lists, ranges, anaphora */

ParameterizedTestParameters(cite_ru, resolves_every_case_form)
{
	static cite_case cases[] = {
		RU(RU_BASIS "Применяется статья 5 в полном объёме.", "", RES,
			"pol12", "art_5"),
		RU(RU_BASIS "Проверки проводятся согласно статье 5.", "", RES,
			"pol12", "art_5"),
		RU(RU_BASIS "Комитеты действуют в соответствии со статьей 6.",
			"", RES, "pol12", "art_6"),
		RU(RU_BASIS "Комитеты действуют в соответствии со статьёй 6.",
			"", RES, "pol12", "art_6"),
		RU(RU_BASIS "Комиссия обязана выполнять статью 7.", "", RES,
			"pol12", "art_7"),
		RU(RU_BASIS "Ответственность указана в статье 8.", "", RES,
			"pol12", "art_8"),
		RU(RU_BASIS "Комитетам выполнить пункт 2 статьи 5.", "", RES,
			"pol12", "art_5__para_2"),
		RU(RU_BASIS "Комитетам выполнить подпункт «а» пункта 2 статьи "
			"5.", "", RES, "pol12", "art_5__para_2__point_а"),
		RU(RU_BASIS "Отчёты составляются согласно пп. «б» п. 2 ст. 5.",
			"", RES, "pol12", "art_5__para_2__point_б"),
		RU(RU_BASIS "Комиссия даёт заключения согласно подп. «в» п. 1 "
			"ст. 4.", "", RES, "pol12", "art_4__para_1__point_в"),
		RU(RU_BASIS "Отчёт составляется согласно подпункту \"г\" "
			"пункта 2 статьи 5.", "", RES, "pol12",
			"art_5__para_2__point_г"),
		RU(RU_BASIS "Отчёт составляется согласно подпункту д) пункта 2 "
			"статьи 5.", "", RES, "pol12",
			"art_5__para_2__point_д"),
		RU(RU_BASIS "Комиссия действует в пределах подпунктов «а» и "
			"«б» пункта 1 статьи 4.", "", RES, "pol12",
			"art_4__para_1__point_а art_4__para_1__point_б"),
		RU(RU_BASIS "Применяется часть 1 статьи 7 к проверяемым.", "",
			RES, "pol12", "art_7__para_1"),
		RU(RU_BASIS "Обжалование допускается по ч. 2 ст. 7.", "", RES,
			"pol12", "art_7__para_2"),
		RU(RU_BASIS "Комитеты информируют согласно п. 3 ст. 5.", "",
			RES, "pol12", "art_5__para_3"),
		RU(RU_BASIS "Ответственность установлена пунктом 1 статьи 8.",
			"", RES, "pol12", "art_8__para_1"),
		RU(RU_BASIS "Проверяемые пользуются пунктами 1-3 статьи 7.", "",
			RES, "pol12", "art_7__para_1 art_7__para_2 "
			"art_7__para_3"),
		RU(RU_BASIS "Принципы перечислены: пункты 1\u20133 статьи 3.",
			"", RES, "pol12", "art_3__para_1 art_3__para_2 "
			"art_3__para_3"),
		RU(RU_BASIS "Проверяемые используют пункты 1 и 2 статьи 7.", "",
			RES, "pol12", "art_7__para_1 art_7__para_2"),
		RU(RU_BASIS "Проверяемые пользуются пп. 1 и 2 ст. 7.", "", RES,
			"pol12", "art_7__para_1 art_7__para_2"),
		RU(RU_BASIS "Применяются части 1\u20133 статьи 7.", "", RES,
			"pol12", "art_7__para_1 art_7__para_2 art_7__para_3"),
		RU(RU_BASIS "Применяются статьи 5 и 6.", "", RES, "pol12",
			"art_5 art_6"),
		RU(RU_BASIS "Применяются ст. 4, 6.", "", RES, "pol12",
			"art_4 art_6"),
		RU(RU_BASIS "Соблюдаются требования статей 5\u20149.", "", RES,
			"pol12", "art_5 art_6 art_7 art_8 art_9"),
		RU(RU_BASIS "Соблюдаются статьи 5 \u2013 9.", "", RES, "pol12",
			"art_5 art_6 art_7 art_8 art_9"),
		RU(RU_BASIS "Это относится к статьям 1 и 2.", "", RES, "pol12",
			"art_1 art_2"),
		RU(RU_BASIS "Комитеты руководствуются статьями 3 и 4.", "", RES,
			"pol12", "art_3 art_4"),
		RU(RU_BASIS "Порядок изложен в статьях 5 и 6.", "", RES,
			"pol12", "art_5 art_6"),
		RU(RU_BASIS "Принципы изложены в гл. 2.", "", RES, "pol12",
			"chp_2"),
		RU(RU_BASIS "Полномочия определены главой 3.", "", RES, "pol12",
			"chp_3"),
		RU(RU_BASIS "Порядок проверок изложен в разд. II.", "", RES,
			"pol12", "part_2"),
		RU(RU_BASIS "Общие положения содержатся в разделе I.", "", RES,
			"pol12", "part_1"),
		RU(RU_BASIS "Срок продлевается согласно пункту 5 статьи 6.", "",
			BRK, "pol12", ""),
		RU(RU_BASIS "Ответственность наступает согласно статье 25.", "",
			BRK, "pol12", ""),
		RU(RU_BASIS "Требования пункта 2 настоящей статьи обязательны.",
			"", SLF, "", ""),
		RU(RU_BASIS "Комитеты соблюдают требования настоящего "
			"Положения.", "", SLF, "", ""),
		RU(RU_BASIS "Нарушители привлекаются по ст. 5 КоАП.", "ст. 5",
			EXT, "", ""),
		RU("Комитету выполнить пункт 2 статьи 5 Положения № 12-П.", "",
			RES, "pol12", "art_5__para_2"),
		RU("Комитеты отчитываются по статье 5 Положения № 12-П от 10 "
			"марта 2026 г. ежеквартально.", "", RES, "pol12",
			"art_5"),
		RU("Комитет руководствуется Положением № 12-П.", "", DOC,
			"pol12", ""),
		RU("В 2021 г. комитет провёл 15 проверок.", "", NONE, "", ""),
		RU("Жалоба рассматривается в течение 30 дней.", "", NONE, "",
			""),
		RU("Совещание состоялось 15.03.2026 в 10 часов.", "", NONE, "",
			""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_ru, resolves_every_case_form,
	.fini = teardown)
{
	run_case(k);
}

/* ## Mixed: Russian text citing Vietnamese directives */

ParameterizedTestParameters(cite_mixed, links_on_the_symbol)
{
	static cite_case cases[] = {
		RU("Комитетам выполнить подпункт «б» пункта 2 статьи 5 "
			"Положения № 31-QĐ/TW.", "", RES, "reg31",
			"art_5__para_2__point_b"),
		RU("Комитетам контролировать подпункт «д» пункта 1 статьи 7 "
			"Положения № 31-QD/TW.", "", RES, "reg31",
			"art_7__para_1__point_đ"),
		RU("Комитетам контролировать подпункты «а», «б» и «в» пункта 1 "
			"статьи 7 Положения № 31-QĐ/TW.", "", RES, "reg31",
			"art_7__para_1__point_a art_7__para_1__point_b "
			"art_7__para_1__point_c"),
		RU(RU31_BASIS "Комитетам контролировать подпункт «г» пункта 1 "
			"статьи 7.", "", RES, "reg31",
			"art_7__para_1__point_d"),
		RU(RU31_BASIS "Комитеты соблюдают статьи 9\u201311.", "", RES,
			"reg31", "art_9 art_10 art_11"),
		RU("Комитеты руководствуются пунктом 2 статьи 6 Положения № "
			"31-QD/TW.", "", RES, "reg31", "art_6__para_2"),
		RU("Комиссия применяет пункт 9 статьи 6 Положения № 31-QĐ/TW.",
			"", BRK, "reg31", ""),
		RU("Комитет изучил Положение № 31-QD/TW.", "", DOC, "reg31",
			""),
		RU("Комитет не применяет Положение № 18-QĐ/TW.", "", STL,
			"reg31", ""),
		RU("Комитет изучил Инструкцию № 06-HD/TW.", "", DOC, "hd06",
			""),
		RU("Комитет изучил Резолюцию № 07-CT/TW.", "", DOC, "ct07", ""),
		RU("Комитеты выполняют пункт 8.1 Инструкции № 06-HD/TW.", "",
			RES, "hd06", "lvl_8__lvl_8-1"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_mixed, links_on_the_symbol,
	.fini = teardown)
{
	run_case(k);
}

/* ## English */

ParameterizedTestParameters(cite_en, resolves_articles_and_brackets)
{
	static cite_case cases[] = {
		EN("Committees shall apply Article 5(2)(a) of Law No. "
			"8/2026/QH15.", "", RES, "act8",
			"art_5__para_2__point_a"),
		EN("Committees report under Article 5(2) of Law No. "
			"8/2026/QH15.", "", RES, "act8", "art_5__para_2"),
		EN("Superiors are informed under Article 5(3) of Law No. "
			"8/2026/QH15.", "", RES, "act8", "art_5__para_3"),
		EN("Reports follow paragraph 2 of Article 5 of Law No. "
			"8/2026/QH15.", "", RES, "act8", "art_5__para_2"),
		EN("Inspections follow point (b) of paragraph 2 of Article 5 "
			"of Law No. 8/2026/QH15.", "", RES, "act8",
			"art_5__para_2__point_b"),
		EN("Persons inspected have the rights under Article 7 of Law "
			"No. 8/2026/QH15.", "", RES, "act8", "art_7"),
		EN("Committees shall comply with Articles 5 to 9 of Law No. "
			"8/2026/QH15.", "", RES, "act8", "art_5 art_6 art_7 "
			"art_8 art_9"),
		EN("Principles are set out in Articles 3 and 4 of Law No. "
			"8/2026/QH15.", "", RES, "act8", "art_3 art_4"),
		EN("Inspection is governed by Chapter II of Law No. "
			"8/2026/QH15.", "", RES, "act8", "chp_2"),
		EN("Liability arises under Article 25 of Law No. 8/2026/QH15.",
			"", BRK, "act8", ""),
		EN("Committees shall apply Law No. 8/2026/QH15.", "", DOC,
			"act8", ""),
		EN("Committees shall apply Article 5(2)(a) of Regulation No. "
			"31-QĐ/TW.", "", RES, "reg31",
			"art_5__para_2__point_a"),
		EN("Documents follow Article 3 of Decree No. 30/2020/NĐ-CP.",
			"", EXT, "", ""),
		EN("The time limit in paragraph 1 of this Article applies.", "",
			SLF, "", ""),
		EN("Committees act as provided in this Article.", "", SLF, "",
			""),
		EN("In 2026 the commission held 30 meetings within 15 days.",
			"", NONE, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_en, resolves_articles_and_brackets,
	.fini = teardown)
{
	run_case(k);
}

/* ## Resolution: which document a citation names */

ParameterizedTestParameters(cite_resolution, picks_the_document)
{
	static cite_case cases[] = {
		/* no name, no self form, no basis */
		VI("Các chi bộ thực hiện khoản 2 Điều 5.", "", AMB, "", ""),
		CASE("vi", "vi", "Các chi bộ thực hiện khoản 2 Điều 5.", "",
			AMB, "", ""),
		CASE("vi", "none", VI_BASIS "Các chi bộ thực hiện khoản 2 Điều "
			"5.", "", AMB, "", ""),
		RU("Комитетам выполнить пункт 2 статьи 5.", "", AMB, "", ""),
		EN("Committees act under Article 5(3).", "", AMB, "", ""),
		/* the basis must name exactly one loaded directive */
		VI("Căn cứ Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Chấp "
			"hành Trung ương;\n\nCăn cứ Chỉ thị số 07-CT/TW ngày "
			"02/02/2026 của Ban Bí thư,\n\nBan Thường vụ Tỉnh ủy "
			"hướng dẫn như sau:\n\nCác chi bộ thực hiện Điều 5.",
			"", AMB, "", ""),
		VI("Căn cứ Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Chấp "
			"hành Trung ương;\n\nCăn cứ Quy định số 24-QĐ/TW ngày "
			"30/7/2021 của Ban Chấp hành Trung ương,\n\nBan Thường "
			"vụ Tỉnh ủy hướng dẫn như sau:\n\nCác chi bộ thực hiện "
			"Điều 5.", "", AMB, "", ""),
		VI("Căn cứ Điều lệ Đảng;\n\nCăn cứ Quy định số 31-QĐ/TW ngày "
			"15/3/2026 của Ban Chấp hành Trung ương,\n\nBan Thường "
			"vụ Tỉnh ủy hướng dẫn như sau:\n\nCác chi bộ thực hiện "
			"khoản 2 Điều 5.", "", RES, "reg31", "art_5__para_2"),
		VI("Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban "
			"Chấp hành Trung ương, Ban Thường vụ hướng dẫn như "
			"sau:\n\nCác chi bộ thực hiện Điều 5.", "", AMB, "",
			""),
		RU(RU_BASIS "Комитетам выполнить подпункт «в» пункта 1 статьи "
			"5.", "", RES, "pol12", "art_5__para_1__point_в"),
		/* the nearest document named earlier in the same unit */
		VI("Quán triệt Chỉ thị số 07-CT/TW, các chi bộ thực hiện mục "
			"2.2 trong năm.", "2.2", RES, "ct07", "lvl_2__lvl_2-2"),
		VI(VI_BASIS "Triển khai Hướng dẫn số 06-HD/TW, các cấp ủy thực "
			"hiện tiểu mục 8.2.", "8.2", RES, "hd06",
			"lvl_8__lvl_8-2"),
		VI("Bám sát Quy định số 31-QĐ/TW và Chỉ thị số 07-CT/TW, các "
			"chi bộ thực hiện mục 2.2.", "2.2", RES, "ct07",
			"lvl_2__lvl_2-2"),
		VI("Các chi bộ thực hiện Điều 5 Quy định số 31-QĐ/TW. Đồng "
			"thời, các chi bộ báo cáo theo khoản 2 Điều 6.",
			"Điều 6", RES, "reg31", "art_6__para_2"),
		/* … but not from another unit */
		VI("Các chi bộ quán triệt Chỉ thị số 07-CT/TW.\n\nCác chi bộ "
			"thực hiện mục 2.2.", "", AMB, "", ""),
		VI(VI_BASIS "Các chi bộ quán triệt Chỉ thị số 07-CT/TW.\n\nCác "
			"chi bộ thực hiện khoản 2 Điều 5.", "", RES, "reg31",
			"art_5__para_2"),
		/* the name in the citation beats the basis */
		VI(VI_BASIS "Các chi bộ thực hiện mục 2.1 Chỉ thị số 07-CT/TW.",
			"2.1", RES, "ct07", "lvl_2__lvl_2-1"),
		/* self forms beat the basis */
		VI(VI_BASIS "Các chi bộ thực hiện khoản 2 Điều này.", "", SLF,
			"", ""),
		VI(VI_BASIS "Các chi bộ thực hiện Điều này.", "", SLF, "", ""),
		VI(VI_BASIS "Các chi bộ thực hiện điểm b và điểm đ khoản 1 "
			"Điều này.", "", SLF, "", ""),
		VI(VI_BASIS "Chi bộ áp dụng Điều 3 của Quy định này.", "", SLF,
			"", ""),
		VI(VI_BASIS "Các tổ chức đảng chấp hành Quy định này.", "", SLF,
			"", ""),
		VI(VI_BASIS "Các chi bộ tổ chức thực hiện Kế hoạch này.", "",
			SLF, "", ""),
		/* aliases */
		VI("Thực hiện Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Chấp "
			"hành Trung ương (sau đây gọi tắt là Quy định 31), Ban "
			"Thường vụ hướng dẫn như sau:\n\nCác chi bộ thực hiện "
			"khoản 2 Điều 6 Quy định 31.", "", RES, "reg31",
			"art_6__para_2"),
		VI("Năm 2026, Tỉnh ủy quán triệt Chỉ thị số 07-CT/TW ngày "
			"02/02/2026 của Ban Bí thư (sau đây gọi tắt là Chỉ thị "
			"tuyên truyền).\n\nCác chi bộ thực hiện mục 2.1 Chỉ "
			"thị tuyên truyền.", "", RES, "ct07", "lvl_2__lvl_2-1"),
		/* the Charter, when loaded, is a directive like any other */
		CASE("vi", "charter", "Đảng viên có nhiệm vụ theo Điều 5 Điều "
			"lệ Đảng.", "Điều 5", RES, "charter", "art_5"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_resolution, picks_the_document,
	.fini = teardown)
{
	run_case(k);
}

/* ## Single tests: the fixtures, spans, lines, messages, order */

/* Guards the tables above: the fixtures have the units they assume. */
Test(cite, fixtures_have_the_units_the_cases_assume, .fini = teardown)
{
	const dt_doc *dirs[FX_COUNT];
	const dt_meta *m;
	size_t n = load_set("charter", dirs);
	static const char *const need[][2] = {
		{ "reg31", "art_5__para_2__point_a__item_2" },
		{ "reg31", "art_7__para_1__point_đ" },
		{ "reg31", "art_7__para_1__point_g" },
		{ "reg31", "chp_2__sec_3" },
		{ "reg31", "art_8__para_5" },
		{ "reg31", "art_10__para_4__point_c" },
		{ "reg31", "art_12" },
		{ "hd06", "lvl_1__lvl_1-2__lvl_1-2-2" },
		{ "hd06", "lvl_8__lvl_8-1__point_h" },
		{ "hd06", "lvl_8__lvl_8-2" },
		{ "ct07", "lvl_2__lvl_2-1__point_b" },
		{ "reg24", "lvl_3__lvl_3-2" },
		{ "reg24", "lvl_5" },
		{ "pol12", "part_2" },
		{ "pol12", "chp_3" },
		{ "pol12", "art_5__para_2__point_д" },
		{ "act8", "chp_2" },
		{ "act8", "art_5__para_2__point_c" },
		{ "charter", "art_5" },
	};
	size_t i;

	cr_assert_eq(n, FX_COUNT);
	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		cr_expect_not_null(dt_doc_find(fx[fixture_index(need[i][0])],
			need[i][1]), "%s lacks %s", need[i][0], need[i][1]);
	}
	cr_assert_not_null(dt_doc_find(fx[FX_REG31], "art_6"));
	cr_expect_eq(dt_unit_child_count(dt_doc_find(fx[FX_REG31], "art_6")),
		3);
	cr_expect_null(dt_doc_find(fx[FX_REG31], "art_13"));
	cr_expect_null(dt_doc_find(fx[FX_HD06], "lvl_8__lvl_8-5"));
	m = dt_doc_meta(fx[FX_REG31]);
	cr_expect_str_eq(m->symbol, "31-QĐ/TW");
	cr_assert_eq(m->replaces_count, 1);
	cr_expect_str_eq(m->replaces[0].symbol, "18-QĐ/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_HD06])->symbol, "06-HD/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_CT07])->symbol, "07-CT/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_REG24])->symbol, "24-QĐ/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_POL12])->symbol, "12-П");
	cr_expect_str_eq(dt_doc_meta(fx[FX_ACT8])->symbol, "8/2026/QH15");
	cr_expect_str_eq(dt_doc_meta(fx[FX_CHARTER])->type, "ĐIỀU LỆ");
	cr_expect_str_eq(dt_unit_implements_at(dt_doc_find(fx[FX_REG24],
		"lvl_3__lvl_3-2"), 0), "art_4__para_2");
	cr_expect_eq(dt_unit_implements_count(dt_doc_find(fx[FX_REG24],
		"lvl_1")), 1);
}

/* The first citation of the set whose text contains `s`. */
static const dt_cite *find_cite(const char *s)
{
	size_t i;

	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (c->text != NULL && strstr(c->text, s) != NULL) {
			return c;
		}
	}
	cr_assert_fail("no citation '%s'; got:%s", s, dump());
	return NULL;
}

/* The span [start, end) of the unit's text (or heading) is the text. */
static void expect_span(const dt_cite *c)
{
	const char *src = c->in_heading ? dt_unit_heading(c->unit)
		: dt_unit_text(c->unit);

	cr_assert_lt(c->start, c->end);
	cr_assert_leq(c->end, strlen(src));
	cr_expect_eq(c->end - c->start, strlen(c->text), "'%s'", c->text);
	cr_expect(strncmp(src + c->start, c->text, c->end - c->start) == 0,
		"span '%.*s' vs text '%s'", (int)(c->end - c->start),
		src + c->start, c->text);
}

Test(cite, reports_the_original_line, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Đoạn mở đầu.\n\nCác chi bộ thực hiện khoản 2 "
		"Điều 5 Quy định số 31-QĐ/TW.\n\nĐoạn kết.\n");
	c = find_cite("Điều 5");
	cr_expect_eq(c->line, 3);
	cr_expect_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
}

Test(cite, reports_the_line_inside_a_wrapped_paragraph, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Đoạn mở đầu.\n\nCác chi bộ quán triệt nội dung\n"
		"và thực hiện khoản 2 Điều 5 Quy định số 31-QĐ/TW.\n");
	c = find_cite("Điều 5");
	cr_expect_eq(c->line, 4);
}

Test(cite, reports_the_original_line_through_crlf, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Đoạn mở đầu.\r\n\r\nCác chi bộ quán triệt nội "
		"dung\r\nvà thực hiện khoản 2 Điều 5 Quy định số 31-QĐ/TW.\r\n"
		"\r\nSau đó thực hiện Điều 8 Quy định số 31-QĐ/TW.\r\n");
	c = find_cite("Điều 5");
	cr_expect_eq(c->line, 4);
	c = find_cite("Điều 8");
	cr_expect_eq(c->line, 6);
}

Test(cite, text_is_the_cited_span, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", VI_BASIS "Các cấp ủy thực hiện khoản 2 Điều 5 "
		"nghiêm túc.");
	c = find_cite("Điều 5");
	cr_expect_str_eq(c->text, "khoản 2 Điều 5");
	cr_expect_eq(c->in_heading, 0);
	expect_span(c);
	cr_expect_eq(c->line, 3);
}

Test(cite, span_of_a_named_citation_starts_at_its_smallest_unit,
	.fini = teardown)
{
	static const char body[] = "Các chi bộ thực hiện điểm a khoản 2 "
		"Điều 5 Quy định số 31-QĐ/TW ngay.";
	const dt_cite *c;

	cite("vi", "all", body);
	c = find_cite("điểm a");
	cr_expect_eq(c->start, (size_t)(strstr(body, "điểm a") - body));
	cr_expect(strncmp(c->text, "điểm a khoản 2 Điều 5",
		strlen("điểm a khoản 2 Điều 5")) == 0, "%s", c->text);
	expect_span(c);
}

Test(cite, every_citation_names_its_rule_and_has_a_message,
	.fini = teardown)
{
	size_t i;

	/* sentences apart: a document attaches to the units before it */
	cite("vi", "all", VI_BASIS "Các chi bộ thực hiện khoản 2 Điều 5. "
		"Đoàn kiểm tra không có khoản 9 Điều 6. Không áp dụng Quy định "
		"số 18-QĐ/TW. Chính quyền thực hiện Nghị định 30/2020/NĐ-CP. "
		"Chi bộ thực hiện Điều này. Các cấp thực hiện từ Điều 9 đến "
		"Điều 11.");
	cr_assert_geq(dt_citeset_count(set), 7, "%s", dump());
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		cr_expect_not_null(c->unit);
		cr_expect_not_null(c->text);
		cr_expect_not_null(c->rule);
		cr_expect(c->rule != NULL && c->rule[0] != '\0',
			"citation %zu '%s' has no rule", i, c->text);
		cr_expect_not_null(c->message);
		cr_expect_not_null(c->document);
		cr_expect(c->neids == 0 || c->eids != NULL);
		expect_span(c);
	}
}

Test(cite, broken_message_names_the_missing_unit, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", VI_BASIS "Đoàn kiểm tra có quyền theo khoản 9 "
		"Điều 6.");
	c = find_cite("Điều 6");
	cr_assert_eq(c->status, DT_CITE_BROKEN, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_REG31]);
	cr_assert_not_null(c->message);
	cr_expect(strstr(c->message, "khoản 9") != NULL ||
		strstr(c->message, "para_9") != NULL,
		"message '%s' does not name khoản 9", c->message);
}

Test(cite, several_citations_come_out_in_text_order, .fini = teardown)
{
	static const char *const want[] = { "art_3", "art_9", "art_1" };
	const dt_unit *last;
	size_t i, k = 0, prev_start = 0;

	cite("vi", "all", VI_BASIS "Trước hết thực hiện Điều 3; sau đó "
		"thực hiện Điều 9; cuối cùng thực hiện Điều 1.");
	last = dt_doc_unit_at(local, dt_doc_unit_count(local) - 1);
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (i > 0) {
			cr_expect_geq(c->line, dt_citeset_at(set, i - 1)->line,
				"set not in document order:%s", dump());
		}
		if (c->unit != last) {
			continue;
		}
		cr_assert_lt(k, 3, "too many citations:%s", dump());
		cr_expect_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
		cr_assert_eq(c->neids, 1, "%s", dump());
		cr_expect_str_eq(c->eids[0], want[k]);
		if (k > 0) {
			cr_expect_gt(c->start, prev_start);
		}
		prev_start = c->start;
		k++;
	}
	cr_expect_eq(k, 3, "%s", dump());
}

Test(cite, finds_citations_in_table_rows, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "| STT | Nội dung | Căn cứ |\n|---|---|---|\n"
		"| 1 | Kiểm tra | khoản 2 Điều 5 Quy định số 31-QĐ/TW |\n"
		"| 2 | Giám sát | Điều 7 Quy định số 31-QĐ/TW |\n");
	c = find_cite("khoản 2");
	cr_expect_eq(dt_unit_kind(c->unit), DT_KIND_ROW);
	cr_expect_eq(c->line, 3);
	cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
	cr_assert_eq(c->neids, 1);
	cr_expect_str_eq(c->eids[0], "art_5__para_2");
	c = find_cite("Điều 7");
	cr_expect_eq(c->line, 4);
	cr_assert_eq(c->neids, 1, "%s", dump());
	cr_expect_str_eq(c->eids[0], "art_7");
}

Test(cite, finds_citations_in_headings, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "## I. Triển khai khoản 1 Điều 8 Quy định số "
		"31-QĐ/TW\n\nCác chi bộ thực hiện.\n");
	c = find_cite("Điều 8");
	cr_expect_eq(c->in_heading, 1);
	cr_expect_str_eq(dt_unit_eid(c->unit), "sec_1");
	cr_expect_eq(c->line, 1);
	cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
	cr_assert_eq(c->neids, 1);
	cr_expect_str_eq(c->eids[0], "art_8__para_1");
	expect_span(c);
}

Test(cite, resolved_eids_exist_in_their_directive, .fini = teardown)
{
	size_t i, j, resolved = 0;

	cite("vi", "all", VI_BASIS "Các cấp ủy thực hiện điểm a khoản 2 Điều "
		"5, các khoản 1, 2 và 3 Điều 8, từ điểm a đến điểm đ khoản 1 "
		"Điều 7 và Chương II. Ngoài ra, thực hiện mục 2.1 Chỉ thị số "
		"07-CT/TW và tiểu mục 8.1 Mục 8 Hướng dẫn 06-HD/TW.");
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (c->status != DT_CITE_RESOLVED) {
			continue;
		}
		resolved++;
		cr_assert_not_null(c->directive);
		cr_expect_gt(c->neids, 0);
		for (j = 0; j < c->neids; j++) {
			cr_expect_not_null(dt_doc_find(c->directive,
				c->eids[j]), "'%s': %s not in %s", c->text,
				c->eids[j], directive_name(c->directive));
		}
	}
	cr_expect_geq(resolved, 2, "%s", dump());
}

Test(cite, a_document_citation_names_its_directive, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Các cấp ủy quán triệt Quy định số 31-QĐ/TW.");
	c = find_cite("31-QĐ/TW");
	cr_expect_eq(c->status, DT_CITE_DOCUMENT, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_REG31]);
	cr_expect_eq(c->neids, 0);
	cr_assert_not_null(c->document);
	cr_expect(strstr(c->document, "31-QĐ/TW") != NULL, "document '%s'",
		c->document);
}

Test(cite, a_stale_citation_names_the_replacing_directive,
	.fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Các chi bộ không còn áp dụng Quy định số "
		"18-QĐ/TW.");
	c = find_cite("18-QĐ/TW");
	cr_expect_eq(c->status, DT_CITE_STALE, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_REG31]);
	cr_assert_not_null(c->document);
	cr_expect(strstr(c->document, "18-QĐ/TW") != NULL, "document '%s'",
		c->document);
}

Test(cite, nothing_resolves_without_directives, .fini = teardown)
{
	size_t i;

	cite("vi", "none", VI_BASIS "Các chi bộ thực hiện khoản 2 Điều 5 và "
		"Điều 7 Quy định số 31-QĐ/TW.");
	cr_assert_gt(dt_citeset_count(set), 0);
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		cr_expect_neq(c->status, DT_CITE_RESOLVED, "%s", dump());
		cr_expect_null(c->directive);
	}
	cr_expect_eq(find_cite("Điều 7")->status, DT_CITE_EXTERNAL, "%s",
		dump());
}

Test(cite, set_accessors_are_safe_at_the_edges, .fini = teardown)
{
	cite("vi", "all", "Không có trích dẫn nào.");
	cr_expect_eq(dt_citeset_count(set), 0, "%s", dump());
	cr_expect_null(dt_citeset_at(set, 0));
	cr_expect_null(dt_citeset_at(set, (size_t)-1));
	dt_citeset_free(NULL);
}

Test(cite, names_every_status)
{
	static const char *const names[] = { "resolved", "document", "broken",
		"stale", "self", "external", "ambiguous" };
	int s;

	for (s = DT_CITE_RESOLVED; s <= DT_CITE_AMBIGUOUS; s++) {
		cr_expect_str_eq(dt_cite_status_name((dt_cite_status)s),
			names[s]);
	}
}

/* Linear time: long lists and list-like bait end quickly. */
Test(cite, long_lists_and_bait_end_quickly, .fini = teardown,
	.timeout = 20)
{
	static const char head[] = VI_BASIS "Các chi bộ thực hiện ";
	size_t cap = sizeof(head) + 20000 * 16 + 64, n;
	char *md = malloc(cap);
	int i;

	cr_assert_not_null(md);
	n = (size_t)snprintf(md, cap, "%s", head);
	for (i = 0; i < 10000; i++) {
		n += (size_t)snprintf(md + n, cap - n, "Điều 5 và ");
	}
	for (i = 0; i < 10000; i++) {
		n += (size_t)snprintf(md + n, cap - n, "khoản 1, ");
	}
	snprintf(md + n, cap - n, "năm 2026.");
	cite("vi", "all", md);
	free(md);
	cr_expect_gt(dt_citeset_count(set), 0);
	cr_expect_eq(find_cite("Điều 5")->status, DT_CITE_RESOLVED, "%s",
		"long list");
}
