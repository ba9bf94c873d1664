/*
 * fuzz_cites.c - libFuzzer target: citation extraction and resolution.
 *
 * A small directive (Chapters I-II, Articles 1-5 of corpus/vi/31-QD-TW.md,
 * replacing 18-QĐ/TW) is parsed once.  Byte 0 picks the options: bits 0-1
 * the local document's format (auto, Markdown, AKN), bit 2 whether the
 * directive is loaded (else nothing resolves), bits 3-4 the output format
 * (text, JSON, TSV, and Markdown, which must fail with DT_EINVAL), bits
 * 5-7 the language (mod 5, 0 = detect).  The rest is the local document;
 * its citations are found, resolved, checked and written.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
static const dt_doc *directive(void)
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

static int is_eid_of(const dt_doc *doc, const char *eid)
{
	return eid && dt_doc_find(doc, eid) != NULL;
}

static void check_cite(const dt_cite *c, const dt_doc *local,
	const dt_doc *dir)
{
	const char *own;
	size_t i;

	if (!c || !c->unit || !c->text || !c->document || !c->rule ||
		!c->message || c->start > c->end)
		abort();
	own = c->in_heading ? dt_unit_heading(c->unit) : dt_unit_text(c->unit);
	if (c->unit != dt_doc_root(local) && c->end > strlen(own))
		abort(); /* the span lies in the unit's text or heading */
	if (c->status == DT_CITE_RESOLVED && (c->neids == 0 || !c->directive))
		abort();
	if (c->directive && c->directive != dir)
		abort();
	for (i = 0; i < c->neids; i++)
		if (c->directive && !is_eid_of(c->directive, c->eids[i]))
			abort();
	(void)dt_cite_status_name(c->status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_JSON, DT_REPORT_TSV, DT_REPORT_MD };
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	const dt_doc *dir = directive();
	dt_doc *local = NULL;
	dt_citeset *set = NULL;
	dt_report_format fmt;
	unsigned sel;
	size_t i;
	char *out = NULL;
	size_t len = 0;
	int rc;

	if (size < 1)
		return 0;
	sel = data[0];
	opts.format = (dt_format)((sel & 3u) % 3u);
	opts.lang = (dt_lang)(((sel >> 5) & 7u) % 5u);
	fmt = fmts[(sel >> 3) & 3u];
	if (dt_doc_parse(&local, (const char *)data + 1, size - 1, "local.md",
		&opts, NULL) != DT_OK)
		return 0;
	rc = dt_cites_find(&set, local, (sel & 4u) ? &dir : NULL,
		(sel & 4u) ? 1 : 0, NULL);
	if (rc == DT_OK) {
		if (!set || dt_citeset_at(set, dt_citeset_count(set)))
			abort();
		for (i = 0; i < dt_citeset_count(set); i++)
			check_cite(dt_citeset_at(set, i), local,
				(sel & 4u) ? dir : NULL);
		rc = dt_citeset_write(&out, &len, set, fmt, NULL);
		if (rc == DT_OK) {
			if (fmt == DT_REPORT_MD || out[len] != '\0')
				abort();
			dt_free(out);
		} else if (fmt != DT_REPORT_MD && rc != DT_ENOMEM &&
			rc != DT_ELIMIT) {
			abort();
		}
		dt_citeset_free(set);
	} else if (set) {
		abort();
	}
	dt_doc_free(local);
	return 0;
}
