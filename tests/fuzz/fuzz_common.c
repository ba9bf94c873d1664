/*
 * fuzz_common.c - what the fuzz harnesses share: a walk over a parsed
 * document that reads every field, writes every outline format and checks
 * the documented promises, and the parse of a fuzzed document under
 * options its first byte picks (fuzz_md.c, fuzz_akn.c); the small
 * directive the citation and gap harnesses resolve against.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static size_t sum_len(const char *s)
{
	if (!s)
		abort(); /* documented: "" when unknown, never NULL */
	return strlen(s);
}

static int visit(const dt_unit *u, unsigned depth, void *payload)
{
	size_t i, n = 0;
	const char *name = NULL;

	(void)depth;
	n += sum_len(dt_unit_num(u)) + sum_len(dt_unit_eid(u)) +
		sum_len(dt_unit_heading(u)) + sum_len(dt_unit_label(u)) +
		sum_len(dt_kind_name(dt_unit_kind(u)));
	(void)dt_unit_value(u);
	if (dt_unit_line(u) > dt_unit_last_line(u) && dt_unit_last_line(u))
		abort();
	n += sum_len(dt_unit_text(u));
	(void)dt_unit_text_line(u, strlen(dt_unit_text(u)) / 2);
	for (i = 0; i < dt_unit_implements_count(u); i++)
		n += sum_len(dt_unit_implements_at(u, i));
	for (i = 0; i < dt_unit_cell_count(u); i++)
		n += sum_len(dt_unit_cell_at(u, i, &name));
	for (i = 0; i < dt_unit_child_count(u); i++)
		if (dt_unit_parent(dt_unit_child_at(u, i)) != u)
			abort();
	if (*dt_unit_eid(u) && !dt_doc_find(payload, dt_unit_eid(u)))
		abort();
	return n == (size_t)-1; /* keeps the reads from being dropped */
}

void fuzz_check_doc(const dt_doc *doc)
{
	const dt_meta *m = dt_doc_meta(doc);
	static const dt_report_format fmts[] = { DT_REPORT_TEXT, DT_REPORT_MD,
		DT_REPORT_JSON };
	size_t i;
	char *out = NULL;
	size_t len = 0;

	(void)sum_len(dt_doc_file(doc));
	(void)sum_len(dt_lang_code(dt_doc_lang(doc)));
	(void)sum_len(m->type);
	(void)sum_len(m->symbol);
	(void)sum_len(m->date);
	(void)sum_len(m->title);
	for (i = 0; i < m->replaces_count; i++)
		(void)sum_len(m->replaces[i].text);
	for (i = 0; i < m->based_on_count; i++)
		(void)sum_len(m->based_on[i].symbol);
	for (i = 0; i < dt_doc_diag_count(doc); i++)
		(void)sum_len(dt_doc_diag_at(doc, i)->message);
	if (dt_doc_diag_at(doc, dt_doc_diag_count(doc)))
		abort();
	if (dt_doc_unit_at(doc, dt_doc_unit_count(doc)))
		abort();
	(void)dt_doc_foreach(doc, visit, (void *)doc);
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		if (dt_doc_write_outline(&out, &len, doc, fmts[i], NULL) ==
			DT_OK) {
			if (out[len] != '\0')
				abort();
			dt_free(out);
		}
	}
	if (dt_doc_write_md(&out, &len, doc, NULL) == DT_OK)
		dt_free(out);
}

static const char *const directive_lines[] = {
	"| BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |\n",
	"|---|---|\n",
	"| \\* | --------------- |\n",
	"| Số 31-QĐ/TW | *Hà Nội, ngày 15 tháng 3 năm 2026* |\n",
	"\n",
	"# QUY ĐỊNH\n",
	"\n",
	"**VỀ SINH HOẠT CHI BỘ VÀ QUẢN LÝ ĐẢNG VIÊN TRONG TÌNH HÌNH MỚI**\n",
	"\n",
	"-----\n",
	"\n",
	"- Căn cứ Điều lệ Đảng;\n",
	"- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa XIV;\n",
	"- Xét đề nghị của Ban Tổ chức Trung ương,\n",
	"\n",
	"Ban Bí thư quy định về sinh hoạt chi bộ và quản lý đảng viên như sau:\n",
	"\n",
	"## Chương I\n",
	"\n",
	"QUY ĐỊNH CHUNG\n",
	"\n",
	"### Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng\n",
	"\n",
	"1. Quy định này quy định về thời gian, nội dung, cách thức sinh hoạt của chi bộ; việc quản lý đảng viên, hồ sơ đảng viên và trách nhiệm của cấp ủy, tổ chức đảng các cấp trong việc nâng cao chất lượng sinh hoạt chi bộ.\n",
	"\n",
	"2. Quy định này áp dụng đối với chi bộ cơ sở, chi bộ trực thuộc đảng ủy cơ sở, đảng viên và cấp ủy các cấp.\n",
	"\n",
	"### Điều 2. Giải thích từ ngữ\n",
	"\n",
	"Trong Quy định này, các từ ngữ dưới đây được hiểu như sau:\n",
	"\n",
	"1. *Sinh hoạt thường kỳ* là buổi họp hằng tháng của chi bộ để nhìn lại việc thực hiện nhiệm vụ tháng trước và bàn nhiệm vụ tháng sau.\n",
	"\n",
	"2. *Sinh hoạt chuyên đề* là buổi họp của chi bộ dành riêng cho một vấn đề được chọn trước về chính trị, tư tưởng, đạo đức, lối sống hoặc công việc chuyên môn.\n",
	"\n",
	"3. *Sổ tay đảng viên điện tử* là ứng dụng chạy trên điện thoại di động do cơ quan có thẩm quyền của Đảng cung cấp, dùng để gửi tài liệu, ghi nhận việc tham gia sinh hoạt và cập nhật thông tin của đảng viên.\n",
	"\n",
	"### Điều 3. Nguyên tắc\n",
	"\n",
	"1. Bảo đảm nguyên tắc tập trung dân chủ, tự phê bình và phê bình, đoàn kết, thống nhất trong chi bộ.\n",
	"\n",
	"2. Sinh hoạt chi bộ phải thiết thực, không hình thức, gắn với nhiệm vụ chính trị của cơ quan, đơn vị, địa phương.\n",
	"\n",
	"3. Mỗi đảng viên chịu sự quản lý của một chi bộ và có trách nhiệm dự đầy đủ các buổi sinh hoạt của chi bộ đó.\n",
	"\n",
	"## Chương II\n",
	"\n",
	"SINH HOẠT CHI BỘ\n",
	"\n",
	"### Điều 4. Thời gian và thành phần dự sinh hoạt\n",
	"\n",
	"1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần vào một ngày cố định do chi ủy quyết định; khi có lý do chính đáng có thể dời lịch nhưng không quá 05 ngày.\n",
	"\n",
	"2. Buổi sinh hoạt thường kỳ kéo dài không dưới 90 phút; buổi sinh hoạt chuyên đề không dưới 120 phút.\n",
	"\n",
	"3. Đảng viên vắng mặt phải báo lý do với bí thư chi bộ trước buổi sinh hoạt; đảng viên vắng ba buổi liền trong năm mà không có lý do chính đáng thì chi bộ xem xét, xử lý theo quy định.\n",
	"\n",
	"4. Đại diện cấp ủy cấp trên trực tiếp dự sinh hoạt với chi bộ ít nhất sáu tháng một lần.\n",
	"\n",
	"\n",
	"### Điều 5. Hiệu lực thi hành\n",
	"\n",
	"Quy định này có hiệu lực kể từ ngày ký và thay thế Quy định số 18-QĐ/TW ngày 20 tháng 6 năm 2022 của Ban Bí thư về sinh hoạt chi bộ./.\n",
	"\n",
};

/* The directive, parsed on first use and kept (still reachable) until
 * the process ends. */
const dt_doc *fuzz_directive(void)
{
	static dt_doc *doc;
	char *buf, *p;
	size_t i, len = 0, n = sizeof(directive_lines) / sizeof(*directive_lines);

	if (doc)
		return doc;
	for (i = 0; i < n; i++)
		len += strlen(directive_lines[i]);
	buf = malloc(len + 1);
	if (!buf)
		abort();
	for (p = buf, i = 0; i < n; i++) {
		size_t l = strlen(directive_lines[i]);

		memcpy(p, directive_lines[i], l);
		p += l;
	}
	*p = '\0';
	if (dt_doc_parse(&doc, buf, len, "31-QD-TW.md", NULL, NULL) != DT_OK)
		abort();
	free(buf);
	return doc;
}

void fuzz_parse(const uint8_t *data, size_t size, dt_format format,
	void (*check)(const dt_doc *doc))
{
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_doc *doc = NULL;
	dt_error err;
	unsigned sel;
	int rc;

	if (size < 1)
		return;
	sel = data[0];
	opts.format = format;
	opts.encoding = (dt_encoding)((sel & 7u) % DT_ENC_COUNT_);
	opts.lang = (dt_lang)(((sel >> 3) & 7u) % 5u);
	opts.max_units = (sel & 0x40u) ? 16 : 0;
	opts.tone = (sel & 0x80u) ? DT_TONE_OLD : DT_TONE_NEW;
	memset(&err, 0, sizeof(err));
	rc = dt_doc_parse(&doc, (const char *)data + 1, size - 1,
		format == DT_FORMAT_AKN ? "fuzz.xml" : "fuzz.md", &opts, &err);
	if (rc == DT_OK) {
		if (!doc || dt_doc_format(doc) != format)
			abort();
		check(doc);
		dt_doc_free(doc);
	} else if (doc || rc > 0) {
		abort();
	}
}
