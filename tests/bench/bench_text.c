/*
 * bench_text.c - throughput of text ingest and tokenizing, one core.
 *
 * The foundation issue asks for decode + normalize + tokenize of UTF-8
 * Vietnamese at >= 50 MB/s, and chose a table-driven tokenizer over ICU's
 * BreakIterator by measurement; this program keeps both claims checkable.
 * It builds ~50 MB of deterministic Vietnamese administrative-style text
 * (sentences written for this bench, Markdown-ish numbering) and reports
 * the median CPU time of 5 runs for: dt_text_decode alone (on NFC input and
 * on the same text in NFD), the tokenizer alone, both together, and ICU's
 * own NFC on the same text for scale; then the tokenizer on Russian text.
 *
 * Usage: bench_text [MB]   (default 50)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <dirtrace.h>

#define RUNS 5

/* ## Deterministic text */

static const char *const vi_sentences[] = {
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
	"nghiệp vụ.",
	"Tăng cường công tác kiểm tra, giám sát việc kết nạp đảng viên mới, "
	"nhất là ở cơ sở.",
	"Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước cấp ủy cấp "
	"trên về kết quả thực hiện.",
	"Rà soát, bổ sung quy chế làm việc của cấp ủy phù hợp với quy định "
	"mới.",
	"Đẩy mạnh chuyển đổi số trong quản lý hồ sơ đảng viên, bảo đảm an "
	"toàn thông tin.",
	"Chi bộ tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.",
	"Các cơ quan báo chí của tỉnh mở chuyên mục phản ánh gương người "
	"tốt, việc tốt.",
	"Đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên vào "
	"cuối năm.",
	"Kịp thời phát hiện, xử lý nghiêm các trường hợp vi phạm kỷ luật của "
	"Đảng.",
	"Phấn đấu đến năm 2030 có 100% chi bộ đạt tiêu chuẩn trong sạch, "
	"vững mạnh.",
	"Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tham gia giám "
	"sát việc thực hiện.",
	"Thực hiện tốt công tác bảo vệ chính trị nội bộ theo hướng dẫn của "
	"cấp trên.",
	"Đồng chí Bí thư chi bộ trực tiếp phụ trách, chỉ đạo công tác phát "
	"triển đảng viên.",
	"Văn phòng Tỉnh ủy tổng hợp tình hình, tham mưu Thường trực Tỉnh ủy "
	"chỉ đạo kịp thời.",
	"Hồ sơ đề nghị kết nạp lại gồm đơn xin, lý lịch và nhận xét của tổ "
	"chức đoàn thể.",
	"Kế hoạch này được phổ biến đến cán bộ, công chức, viên chức và "
	"người lao động.",
	"Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về "
	"Ban Tổ chức để tổng hợp.",
	"Ưu tiên bố trí nguồn lực cho các xã vùng sâu, vùng xa, vùng đồng "
	"bào dân tộc thiểu số.",
	"Tổ chức hội nghị sơ kết ba năm, tổng kết năm năm thực hiện nghị "
	"quyết.",
	"Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức đảng và chất "
	"lượng đội ngũ đảng viên.",
	"Khen thưởng kịp thời tập thể, cá nhân có thành tích xuất sắc; phê "
	"bình những nơi làm chưa tốt.",
	"Thủ trưởng các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao "
	"triển khai thực hiện.",
	"Thời hạn nộp báo cáo: chậm nhất ngày 30 tháng 6 và ngày 30 tháng "
	"11.",
	"Bồi dưỡng lý luận chính trị cho quần chúng ưu tú trước khi xem xét "
	"kết nạp vào Đảng.",
	"Củng cố, kiện toàn các chi bộ yếu kém, không để tình trạng chi bộ "
	"không có cấp ủy viên.",
	"Giao Ủy ban Kiểm tra hướng dẫn quy trình xem xét, thi hành kỷ luật "
	"đối với đảng viên vi phạm.",
	"Lồng ghép nội dung kế hoạch vào chương trình công tác năm của cơ "
	"quan, đơn vị.",
	"Quán triệt tinh thần dân chủ, công khai, minh bạch trong công tác "
	"cán bộ.",
	"Sửa đổi, bổ sung các văn bản hướng dẫn cho phù hợp với thực tiễn "
	"của địa phương.",
};

static const char *const vi_headings[] = {
	"## I. MỤC ĐÍCH, YÊU CẦU", "## II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
	"## III. TỔ CHỨC THỰC HIỆN",
	"Trách nhiệm của cấp ủy các cấp", /* after "### Điều N. " */
};

static const char *const ru_sentences[] = {
	"Партийные комитеты всех уровней организуют изучение настоящего "
	"положения в первичных организациях.",
	"Организационный отдел провинциального комитета совместно с "
	"комиссией по проверке контролирует ход выполнения.",
	"Каждые шесть месяцев подведомственные организации представляют "
	"отчёт о результатах работы.",
	"Срок исполнения: до 15 ноября ежегодно.",
	"Народные комитеты районов разрабатывают конкретные планы и "
	"распределяют ответственность между исполнителями.",
	"Финансовое управление обеспечивает средства на разъяснительную "
	"работу и обучение кадров.",
	"Усилить проверку и надзор за приёмом новых членов партии, особенно "
	"на низовом уровне.",
	"Руководитель учреждения несёт ответственность перед вышестоящим "
	"комитетом за итоги выполнения.",
	"Пересмотреть регламент работы комитета в соответствии с новыми "
	"требованиями.",
	"Ускорить цифровую трансформацию при ведении личных дел членов "
	"партии.",
	"Первичная организация проводит тематическое собрание не реже "
	"одного раза в квартал.",
	"Оценка качества работы организаций проводится в конце года по "
	"единым критериям.",
	"Своевременно выявлять и строго рассматривать случаи нарушения "
	"партийной дисциплины.",
	"К 2030 году все первичные организации должны соответствовать "
	"установленным стандартам.",
	"Отечественный фронт и общественные организации участвуют в "
	"контроле за исполнением положения № 24-QĐ/TW.",
	"Статья 5 устанавливает порядок рассмотрения заявлений; статьи 6 и "
	"7 определяют сроки.",
	"Секретарь ячейки лично руководит работой по приёму в партию.",
	"Канцелярия обобщает сведения и своевременно докладывает постоянному "
	"комитету.",
	"Возникающие трудности следует сообщать в организационный отдел для "
	"обобщения.",
	"Приоритет отдаётся отдалённым и горным районам, где проживают "
	"этнические меньшинства.",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct {
	char *data;
	size_t len;
	size_t cap;
} text_buf;

static uint64_t rng_state = 0x2545F4914F6CDD1Dull;

/* A fixed-seed LCG: the same text on every run and machine. */
static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((rng_state >> 33) % n);
}

static void put(text_buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		fprintf(stderr, "bench_text: generator overflow\n");
		exit(2);
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* One numbered item: "1.2. " or "a) " or "- " and 1-3 sentences. */
static void put_item(text_buf *b, const char *const *sent, size_t nsent,
	unsigned sec, unsigned item)
{
	char label[32];
	unsigned k, n = 1 + rnd(3);

	switch (rnd(3)) {
	case 0:
		snprintf(label, sizeof(label), "%u.%u. ", sec, item);
		break;
	case 1:
		snprintf(label, sizeof(label), "%c) ", 'a' + (int)(item % 26));
		break;
	default:
		snprintf(label, sizeof(label), "- ");
		break;
	}
	put(b, label);
	for (k = 0; k < n; k++) {
		put(b, sent[rnd((unsigned)nsent)]);
		put(b, k + 1 < n ? " " : "\n");
	}
}

/* About `size` bytes of sections, headings and items from `sent`. */
static text_buf generate(
	size_t size, const char *const *sent, size_t nsent, int vi)
{
	text_buf b = {malloc(size + 4096), 0, size + 4096};
	unsigned sec = 0;

	if (b.data == NULL) {
		fprintf(stderr, "bench_text: out of memory\n");
		exit(2);
	}
	while (b.len < size) {
		char head[128];
		unsigned item, items = 3 + rnd(4);
		unsigned h = rnd(COUNT(vi_headings));

		sec++;
		if (!vi) {
			snprintf(head, sizeof(head), "### Статья %u.", sec);
		} else if (h == 3) {
			snprintf(head, sizeof(head), "### Điều %u. %s", sec,
				vi_headings[h]);
		} else {
			snprintf(head, sizeof(head), "%s", vi_headings[h]);
		}
		put(&b, head);
		put(&b, "\n\n");
		for (item = 1; item <= items && b.len < size; item++) {
			put_item(&b, sent, nsent, sec, item);
		}
		put(&b, "\n");
	}
	return b;
}

/* ## Timing */

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

typedef int (*bench_fn)(void *ctx, size_t *count);

/* Median CPU seconds of RUNS calls of `fn`; -1 when it fails. */
static double median_time(bench_fn fn, void *ctx, size_t *count)
{
	double t[RUNS];
	int i;

	for (i = 0; i < RUNS; i++) {
		double t0 = cpu_now();

		if (fn(ctx, count) != 0) {
			return -1;
		}
		t[i] = cpu_now() - t0;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_double);
	return t[RUNS / 2];
}

static void row(const char *name, size_t bytes, double secs, size_t count)
{
	if (secs < 0) {
		printf("%-46s %9s %9s\n", name, "failed", "-");
		return;
	}
	printf("%-46s %9.1f %9.1f", name, (double)bytes / 1e6 / secs,
		secs * 1e3);
	if (count > 0) {
		printf(" %11zu", count);
	}
	printf("\n");
}

/* ## The stages */

typedef struct {
	const char *s;
	size_t len;
	dt_lang lang;
	UChar *w; /* the text in UTF-16, for ICU alone */
	int32_t wlen;
} bench_ctx;

static int count_term(
	const char *term, size_t len, size_t start, size_t end, void *payload)
{
	(void)term;
	(void)len;
	(void)start;
	(void)end;
	(*(size_t *)payload)++;
	return 0;
}

static int tokenize(const char *s, size_t len, dt_lang lang, size_t *count)
{
	dt_tokenizer *tok = NULL;
	dt_error err = {0};
	int rc;

	*count = 0;
	rc = dt_tokenizer_new(&tok, lang, 0, &err);
	if (rc == 0) {
		rc = dt_tokenizer_run(tok, s, len, count_term, count, &err);
	}
	if (rc != 0) {
		fprintf(stderr, "bench_text: tokenize: %s\n", err.message);
	}
	dt_tokenizer_free(tok);
	return rc;
}

static int stage_decode(void *ctx, size_t *count)
{
	bench_ctx *c = ctx;
	dt_text *t = NULL;
	dt_error err = {0};
	int rc = dt_text_decode(&t, c->s, c->len, NULL, &err);

	if (rc != 0) {
		fprintf(stderr, "bench_text: decode: %s\n", err.message);
	}
	*count = 0;
	dt_text_free(t);
	return rc;
}

static int stage_tokenize(void *ctx, size_t *count)
{
	bench_ctx *c = ctx;

	return tokenize(c->s, c->len, c->lang, count);
}

static int stage_both(void *ctx, size_t *count)
{
	bench_ctx *c = ctx;
	dt_text *t = NULL;
	dt_error err = {0};
	int rc = dt_text_decode(&t, c->s, c->len, NULL, &err);

	if (rc != 0) {
		fprintf(stderr, "bench_text: decode: %s\n", err.message);
		return rc;
	}
	rc = tokenize(dt_text_data(t), dt_text_len(t), c->lang, count);
	dt_text_free(t);
	return rc;
}

/* UTF-8 -> UTF-16 -> NFC -> UTF-8 with ICU alone, buffers sized up front
 * (no preflight passes: that would charge ICU twice). */
static int stage_icu_round_trip(void *ctx, size_t *count)
{
	bench_ctx *c = ctx;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	int32_t cap = (int32_t)c->len + 1, wlen = 0, nlen = 0, olen = 0;
	UChar *w = malloc((size_t)cap * sizeof(UChar));
	UChar *n = malloc((size_t)cap * 2 * sizeof(UChar));
	char *o = malloc((size_t)cap * 2);

	*count = 0;
	if (w != NULL && n != NULL && o != NULL) {
		u_strFromUTF8(w, cap, &wlen, c->s, (int32_t)c->len, &st);
		nlen = unorm2_normalize(nfc, w, wlen, n, cap * 2, &st);
		u_strToUTF8(o, cap * 2, &olen, n, nlen, &st);
	} else {
		st = U_MEMORY_ALLOCATION_ERROR;
	}
	free(w);
	free(n);
	free(o);
	if (U_FAILURE(st)) {
		fprintf(stderr, "bench_text: icu: %s\n", u_errorName(st));
		return -1;
	}
	return 0;
}

static int stage_icu_normalize(void *ctx, size_t *count)
{
	bench_ctx *c = ctx;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	UChar *n = malloc((size_t)c->wlen * 2 * sizeof(UChar) + 2);

	*count = 0;
	if (n == NULL) {
		return -1;
	}
	unorm2_normalize(nfc, c->w, c->wlen, n, c->wlen * 2 + 1, &st);
	free(n);
	if (U_FAILURE(st)) {
		fprintf(stderr, "bench_text: icu: %s\n", u_errorName(st));
		return -1;
	}
	return 0;
}

/* `s` in UTF-16 (NFC or NFD) into c->w, c->wlen; 0 or -1. */
static int to_utf16(bench_ctx *c, int nfd)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t cap = (int32_t)c->len + 1, wlen = 0;
	UChar *w = malloc((size_t)cap * sizeof(UChar));

	if (w == NULL) {
		return -1;
	}
	u_strFromUTF8(w, cap, &wlen, c->s, (int32_t)c->len, &st);
	if (nfd && U_SUCCESS(st)) {
		const UNormalizer2 *d = unorm2_getNFDInstance(&st);
		UChar *n = malloc((size_t)cap * 3 * sizeof(UChar));

		if (n == NULL) {
			free(w);
			return -1;
		}
		wlen = unorm2_normalize(d, w, wlen, n, cap * 3, &st);
		free(w);
		w = n;
	}
	c->w = w;
	c->wlen = wlen;
	return U_FAILURE(st) ? -1 : 0;
}

/* The NFD form of the text as UTF-8 (malloc'd), its length in *len. */
static char *nfd_utf8(bench_ctx *c, size_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	bench_ctx d = *c;
	int32_t cap, olen = 0;
	char *o;

	if (to_utf16(&d, 1) != 0) {
		return NULL;
	}
	cap = d.wlen * 3 + 1;
	o = malloc((size_t)cap);
	if (o != NULL) {
		u_strToUTF8(o, cap, &olen, d.w, d.wlen, &st);
	}
	free(d.w);
	if (o == NULL || U_FAILURE(st)) {
		free(o);
		return NULL;
	}
	*len = (size_t)olen;
	return o;
}

/* ## Main */

static void bench_vi(size_t size)
{
	text_buf vi = generate(size, vi_sentences, COUNT(vi_sentences), 1);
	bench_ctx c = {vi.data, vi.len, DT_LANG_VI, NULL, 0};
	bench_ctx d = c;
	size_t n = 0;
	double t;

	printf("Vietnamese: %.1f MB NFC UTF-8, language detected: %s\n\n",
		(double)vi.len / 1e6,
		dt_lang_code(dt_lang_detect(vi.data, vi.len)));
	printf("%-46s %9s %9s %11s\n", "stage (median of 5, CPU time)", "MB/s",
		"ms", "terms");
	t = median_time(stage_decode, &c, &n);
	row("(a) dt_text_decode: decode + NFC + tone", c.len, t, 0);
	d.s = nfd_utf8(&c, &d.len);
	if (d.s != NULL) {
		t = median_time(stage_decode, &d, &n);
		row("(a') dt_text_decode, same text in NFD", d.len, t, 0);
		free((char *)d.s);
	}
	t = median_time(stage_tokenize, &c, &n);
	row("(b) tokenize vi (syllables + bigrams)", c.len, t, n);
	t = median_time(stage_both, &c, &n);
	row("(c) decode + normalize + tokenize", c.len, t, n);
	t = median_time(stage_icu_round_trip, &c, &n);
	row("(d) ICU: UTF-8 -> UTF-16 -> NFC -> UTF-8", c.len, t, 0);
	if (to_utf16(&c, 0) == 0) {
		t = median_time(stage_icu_normalize, &c, &n);
		row("(d') ICU: unorm2_normalize on UTF-16 only", c.len, t, 0);
	}
	free(c.w);
	free(vi.data);
}

static void bench_ru(size_t size)
{
	text_buf ru = generate(size, ru_sentences, COUNT(ru_sentences), 0);
	bench_ctx c = {ru.data, ru.len, DT_LANG_RU, NULL, 0};
	size_t n = 0;
	double t;

	printf("\nRussian: %.1f MB NFC UTF-8, language detected: %s\n\n",
		(double)ru.len / 1e6,
		dt_lang_code(dt_lang_detect(ru.data, ru.len)));
	t = median_time(stage_tokenize, &c, &n);
	row("(b) tokenize ru (Snowball stems)", c.len, t, n);
	free(ru.data);
}

int main(int argc, char **argv)
{
	long mb = 50;

	if (argc > 1) {
		char *end;

		mb = strtol(argv[1], &end, 10);
		if (*end != '\0' || mb < 1 || mb > 1000) {
			fprintf(stderr, "usage: bench_text [MB (1-1000)]\n");
			return 2;
		}
	}
	printf("bench_text: dirtrace %s; MB/s are MB (1e6 bytes) of UTF-8 "
	       "input per CPU second\n\n",
		dt_version_string());
	bench_vi((size_t)mb * 1000000);
	bench_ru((size_t)mb * 1000000);
	return 0;
}
