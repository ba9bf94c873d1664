/*
 * bench_cites.c - throughput of citation finding, one core.
 *
 * Issue 5 asks for dt_cites_find() at >= 100 MB/s per core on
 * corpus-like text, and DESIGN §7 for patterns that stay linear.  This
 * program builds ~50 MB of deterministic Vietnamese administrative text
 * (sentences written for this bench; about one citation per three
 * paragraphs, in the forms DOMAIN §4 lists), parses it once, and reports
 * the median CPU time of 5 runs of dt_cites_find() against a small
 * directive, then the same scan done by `grep -P` with the candidate
 * pattern of the scanner on the same text (a bound for what one PCRE2
 * pass costs), and the ratio of the two.
 *
 * Usage: bench_cites [MB]   (default 50)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <dirtrace.h>

#include "cite.h"

#define RUNS 5

/* ## Deterministic text */

static const char *const sentences[] = {
	"Các cấp ủy, tổ chức đảng quán triệt sâu sắc nội dung quy định "
	"đến từng chi bộ và đảng viên.",
	"Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy "
	"theo dõi, đôn đốc việc triển khai.",
	"Định kỳ sáu tháng, các đảng bộ trực thuộc báo cáo kết quả thực "
	"hiện về Ban Thường vụ.",
	"Thời gian hoàn thành: trước ngày 15 tháng 11 hằng năm.",
	"Ủy ban nhân dân các huyện xây dựng kế hoạch cụ thể, phân công rõ "
	"người, rõ việc, rõ trách nhiệm.",
	"Sở Tài chính bảo đảm kinh phí cho hoạt động tuyên truyền, tập huấn "
	"nghiệp vụ theo quy định hiện hành.",
	"Tăng cường công tác kiểm tra, giám sát việc kết nạp đảng viên mới, "
	"nhất là ở cơ sở.",
	"Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước cấp ủy cấp "
	"trên về kết quả thực hiện.",
	"Rà soát, bổ sung quy chế làm việc của cấp ủy phù hợp với điều kiện "
	"mới của địa phương.",
	"Đẩy mạnh chuyển đổi số trong quản lý hồ sơ đảng viên, bảo đảm an "
	"toàn thông tin tại mọi thời điểm.",
	"Chi bộ tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần, chọn "
	"chủ đề sát với mục tiêu của đơn vị.",
	"Các cơ quan báo chí của tỉnh mở chuyên mục phản ánh gương người "
	"tốt, việc tốt.",
};

static const char *const citations[] = {
	"Các chi bộ thực hiện nghiêm khoản 1 đến khoản 3 Điều 4 Quy định 31.",
	"Chi ủy cập nhật thông tin theo điểm a khoản 2 Điều 5 Quy định số "
	"31-QĐ/TW ngày 15/3/2026.",
	"Bí thư chi bộ thực hiện trách nhiệm theo khoản 1, khoản 2 Điều 7; "
	"đảng viên thực hiện các khoản 1, 2 và 3 Điều 8.",
	"Các chi ủy nắm vững những quy định từ Điều 9 đến Điều 11 về hồ sơ "
	"đảng viên.",
	"Văn bản gửi cơ quan nhà nước theo Nghị định số 30/2020/NĐ-CP về "
	"công tác văn thư.",
	"Việc ghi biên bản theo mẫu ban hành kèm Kế hoạch này và khoản 2 "
	"Điều này.",
	"Đề nghị làm rõ cách hiểu khoản 9 Điều 6 Quy định 31.",
};

static uint32_t lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);

	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = realloc(*buf, *cap);
		if (*buf == NULL) {
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* Paragraphs of 2-4 sentences, one citation sentence every third. */
static char *make_text(size_t target, size_t *len_out)
{
	const size_t ns = sizeof(sentences) / sizeof(sentences[0]);
	const size_t nc = sizeof(citations) / sizeof(citations[0]);
	char *buf = NULL;
	size_t len = 0, cap = 0, para = 0;
	uint32_t seed = 42;

	append(&buf, &len, &cap, "# KẾ HOẠCH\n\nThực hiện Quy định số "
		"31-QĐ/TW, ngày 15/3/2026 của Ban Bí thư, Ban Thường vụ ban "
		"hành Kế hoạch như sau:\n\n");
	while (len < target) {
		int k, n = 2 + (int)(lcg(&seed) % 3);

		for (k = 0; k < n; k++) {
			append(&buf, &len, &cap, sentences[lcg(&seed) % ns]);
			append(&buf, &len, &cap, " ");
		}
		if (para++ % 3 == 0) {
			append(&buf, &len, &cap, citations[lcg(&seed) % nc]);
		}
		append(&buf, &len, &cap, "\n\n");
	}
	*len_out = len;
	return buf;
}

/* ## The directive */

static const char directive_md[] =
	"Số 31-QĐ/TW\n\n# QUY ĐỊNH\n\n**VỀ SINH HOẠT CHI BỘ**\n\n"
	"## Chương I\n\nQUY ĐỊNH CHUNG\n\n"
	"### Điều 4. Thời gian\n\n1. Một.\n\n2. Hai.\n\n3. Ba.\n\n"
	"### Điều 5. Nội dung\n\n1. Một.\n\n2. Hai:\n\na) A;\n\nb) B.\n\n"
	"### Điều 6. Chuyên đề\n\n1. Một.\n\n2. Hai.\n\n3. Ba.\n\n"
	"### Điều 7. Trách nhiệm\n\n1. Một.\n\n2. Hai.\n\n"
	"### Điều 8. Tự phê bình\n\n1. Một.\n\n2. Hai.\n\n3. Ba.\n\n"
	"### Điều 9. Hồ sơ\n\n1. Một.\n\n"
	"### Điều 10. Đi xa\n\n1. Một.\n\n"
	"### Điều 11. Đánh giá\n\n1. Một.\n";

/* ## Timing */

static double cpu_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double children_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v)
{
	qsort(v, RUNS, sizeof(*v), cmp_double);
	return v[RUNS / 2];
}

/* The bytes dt_cites_find() reads: every unit's heading and text. */
static size_t scanned_bytes(const dt_doc *doc)
{
	size_t i, n = 0;

	for (i = 0; i < dt_doc_unit_count(doc); i++) {
		const dt_unit *u = dt_doc_unit_at(doc, i);

		n += strlen(dt_unit_text(u)) + strlen(dt_unit_heading(u));
	}
	return n;
}

static double bench_find(const dt_doc *doc, const dt_doc *dir,
	size_t *count)
{
	double t[RUNS];
	int r;

	for (r = 0; r < RUNS; r++) {
		dt_citeset *set = NULL;
		dt_error err = { 0 };
		double t0 = cpu_now();

		if (dt_cites_find(&set, doc, &dir, 1, &err) < 0) {
			fprintf(stderr, "dt_cites_find: %s\n", err.message);
			exit(2);
		}
		t[r] = cpu_now() - t0;
		*count = dt_citeset_count(set);
		dt_citeset_free(set);
	}
	return median(t);
}

/* `grep -P -c` with the candidate pattern over the same text. */
static double bench_grep(const char *text, size_t len)
{
	char dir[] = "/tmp/bench_citesXXXXXX", path[64], pat[64], cmd[256];
	char count[64];
	const char *p = dt__cite_candidate_pattern(DT_CG_VI);
	double t[RUNS];
	FILE *f;
	int r;

	if (p == NULL || mkdtemp(dir) == NULL) {
		return -1;
	}
	snprintf(path, sizeof(path), "%s/text", dir);
	snprintf(pat, sizeof(pat), "%s/pattern", dir);
	f = fopen(path, "w");
	if (f == NULL || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		return -1;
	}
	f = fopen(pat, "w");
	if (f == NULL || fprintf(f, "%s\n", p) < 0 || fclose(f) != 0) {
		return -1;
	}
	/* not >/dev/null: GNU grep then stops at the first match */
	snprintf(cmd, sizeof(cmd), "LC_ALL=C.UTF-8 grep -P -i -c -f %s %s "
		">%s/count", pat, path, dir);
	for (r = 0; r < RUNS; r++) {
		double t0 = children_cpu();

		if (system(cmd) != 0) {
			fprintf(stderr, "grep -P failed\n");
		}
		t[r] = children_cpu() - t0;
	}
	snprintf(count, sizeof(count), "%s/count", dir);
	remove(count);
	remove(path);
	remove(pat);
	rmdir(dir);
	return median(t);
}

int main(int argc, char **argv)
{
	size_t mb = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 50;
	size_t len = 0, bytes, count = 0;
	char *text = make_text(mb << 20, &len);
	dt_doc *doc = NULL, *dir = NULL;
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_error err = { 0 };
	double tf, tg;

	opts.max_bytes = len + 1;
	if (dt_doc_parse(&doc, text, len, "bench.md", &opts, &err) < 0 ||
		dt_doc_parse(&dir, directive_md, sizeof(directive_md) - 1,
		"31.md", NULL, &err) < 0) {
		fprintf(stderr, "parse: %s\n", err.message);
		return 2;
	}
	bytes = scanned_bytes(doc);
	tf = bench_find(doc, dir, &count);
	printf("dt_cites_find: %.1f MB of unit text, %zu units, %zu "
		"citations: %.3f s CPU (median of %d) = %.1f MB/s\n",
		bytes / 1e6, dt_doc_unit_count(doc), count, tf, RUNS,
		bytes / 1e6 / tf);
	tg = bench_grep(text, len);
	if (tg > 0) {
		printf("grep -P (candidate pattern): %.1f MB: %.3f s CPU = "
			"%.1f MB/s\n", len / 1e6, tg, len / 1e6 / tg);
		printf("ratio dt_cites_find / grep -P: %.2f\n",
			(bytes / tf) / (len / tg));
	} else {
		printf("grep -P: not run\n");
	}
	dt_doc_free(doc);
	dt_doc_free(dir);
	free(text);
	return 0;
}
