/*
 * fuzz_gaps.c - libFuzzer target: the whole `gaps` pipeline.
 *
 * A small directive (Chapters I-II, Articles 1-5 of corpus/vi/31-QD-TW.md,
 * replacing 18-QĐ/TW) is parsed once.  Byte 0 picks the options: bits 0-1
 * the local document's format (auto, Markdown, AKN), bit 2 explicit links
 * only, bits 3-5 the report format (text, JSON, Markdown, CSV, TSV, HTML;
 * 6 and 7 are JSON and HTML), bit 6 the CSV BOM / colour write flags,
 * bit 7 a fixed list of accepted gaps.  The rest is the one local
 * document: the directive is reviewed against it, as `dirtrace gaps` does
 * (new, accept, add, finish, write), and every result is read.
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

static const char accept_tsv[] =
	"# accepted gaps\n"
	"art_2\tnot-applicable\tdefinitions only\n"
	"\n"
	"art_4__para_4\tplanned\tnext term\n";

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

static void check_review(const dt_review *r)
{
	const dt_summary *s = dt_review_summary(r);
	size_t i, j;

	if (!s || s->coverage < 0 || s->coverage > 1 ||
		s->explicit_coverage < 0 || s->explicit_coverage > 1)
		abort();
	for (i = 0; i < dt_review_unit_count(r); i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		if (!u || !u->unit || !u->accept_reason)
			abort();
		(void)dt_coverage_name(u->status);
		for (j = 0; j < u->nlinks; j++)
			if (!u->links[j].eid || !u->links[j].evidence ||
				!u->links[j].local_eid || u->links[j].score < 0 ||
				u->links[j].score > 1)
				abort();
	}
	for (i = 0; i < dt_review_finding_count(r); i++) {
		const dt_finding *f = dt_review_finding_at(r, i);

		if (!f || !f->message || !f->text || !f->file)
			abort();
		(void)dt_finding_kind_name(f->kind);
	}
	for (i = 0; i < dt_review_doc_count(r); i++)
		if (!dt_review_doc_at(r, i)->file)
			abort();
	if (dt_review_unit_at(r, dt_review_unit_count(r)) ||
		dt_review_finding_at(r, dt_review_finding_count(r)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_JSON, DT_REPORT_MD, DT_REPORT_CSV, DT_REPORT_TSV,
		DT_REPORT_HTML, DT_REPORT_JSON, DT_REPORT_HTML };
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_review_opts ropts = { 0, 0 };
	const dt_doc *dir = directive();
	dt_doc *local = NULL;
	dt_review *r = NULL;
	dt_report_format fmt;
	unsigned sel, wflags;
	char *out = NULL;
	size_t len = 0;

	if (size < 1)
		return 0;
	sel = data[0];
	opts.format = (dt_format)((sel & 3u) % 3u);
	ropts.flags = (sel & 4u) ? DT_REVIEW_NO_IMPLICIT : 0;
	fmt = fmts[(sel >> 3) & 7u];
	wflags = (sel & 0x40u) ? DT_WRITE_CSV_BOM | DT_WRITE_COLOR : 0;
	if (dt_doc_parse(&local, (const char *)data + 1, size - 1, "local.md",
		&opts, NULL) != DT_OK)
		return 0;
	if (dt_review_new(&r, dir, &ropts, NULL) != DT_OK)
		abort(); /* nothing about the input can make this fail */
	if ((sel & 0x80u) && dt_review_accept(r, accept_tsv,
		sizeof(accept_tsv) - 1, "accept.tsv", NULL) != DT_OK)
		abort();
	if (dt_review_add(r, local, NULL) == DT_OK) {
		dt_doc_free(local); /* documented: may be freed once added */
		local = NULL;
		if (dt_review_finish(r, NULL) == DT_OK) {
			check_review(r);
			if (dt_review_write(&out, &len, r, fmt, wflags, NULL) ==
				DT_OK) {
				if (out[len] != '\0')
					abort();
				dt_free(out);
			}
		}
	}
	dt_review_free(r);
	dt_doc_free(local);
	return 0;
}
