/*
 * cite_fixtures.c - the shared harness of the citation tables: the
 * fixture directives (Markdown, parsed per test), the directive sets, the
 * helpers and the case runner declared in cite_fixtures.h.  No tests here;
 * the tables are test_cite_vi.c, test_cite_ru_en.c and
 * test_cite_resolution.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include <dirtrace.h>

#include "cite_fixtures.h"

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

dt_doc *fx[FX_COUNT];
dt_doc *local;
dt_citeset *set;

void teardown(void)
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

int fixture_index(const char *name)
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
size_t load_set(const char *name, const dt_doc **out)
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
void cite(const char *lang, const char *dirset, const char *md)
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

const char *directive_name(const dt_doc *d)
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
const char *dump(void)
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

static int picks(const dt_cite *c, const char *pick)
{
	return c->text != NULL && strstr(c->text, pick) != NULL;
}

void run_case(const cite_case *k)
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
