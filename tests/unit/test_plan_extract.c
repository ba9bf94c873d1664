/*
 * test_plan_extract.c - what a plan pre-fills from a directive clause
 * (lib/plan_extract.c): the lead body, the co-implementers, the deadline
 * or rhythm and the product, in Vietnamese and Russian (DOMAIN §5.1-5.3).
 * Each row is one clause; "" means the plan must leave «…» because the
 * clause does not say it.  The sentences are written for these tests.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "plan.h"

/* Values, not pointers: the body runs in another process. */
typedef struct {
	char lang[3];
	char text[400];
	char lead[96];
	char deadline[128];
	char co[96];
	char output[24];
} extract_case;

#define ANY "*" /* not checked */

static extract_case cases[] = {
	/* Vietnamese: who leads */
	{ "vi", "Cấp ủy có trách nhiệm lãnh đạo, chỉ đạo việc sinh hoạt chi bộ.",
	  "Cấp ủy", "", "", ANY },
	{ "vi", "Chi bộ sinh hoạt thường kỳ mỗi tháng một lần vào một ngày cố "
	  "định do chi ủy quyết định.", "Chi bộ", "mỗi tháng một lần", "", ANY },
	{ "vi", "Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh "
	  "ủy theo dõi, đôn đốc việc thực hiện.", "Ban Tổ chức Tỉnh ủy", "",
	  "Văn phòng Tỉnh ủy", ANY },
	{ "vi", "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp tuyên truyền.",
	  "Ủy ban Mặt trận Tổ quốc", "", "", ANY },
	{ "vi", "Ban Bí thư yêu cầu các cấp ủy tổ chức quán triệt Quy định "
	  "này.", "Cấp ủy", "", "", ANY },
	{ "vi", "Đảng viên vắng mặt phải báo lý do với bí thư chi bộ trước buổi "
	  "sinh hoạt.", "Đảng viên", "", "", ANY },
	{ "vi", "Mỗi đảng viên chịu sự quản lý của một chi bộ và có trách nhiệm "
	  "dự đầy đủ các buổi sinh hoạt.", "Đảng viên", "", "", ANY },
	{ "vi", "Buổi sinh hoạt thường kỳ kéo dài không dưới 90 phút.", "", "",
	  "", "" },
	{ "vi", "Ủy ban kiểm tra các cấp định kỳ 6 tháng kiểm tra việc quản lý "
	  "hồ sơ đảng viên.", "Ủy ban kiểm tra", "định kỳ 6 tháng", "", ANY },
	{ "vi", "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định, chi bộ "
	  "phải hoàn thành việc chuyển sinh hoạt.", "Chi bộ",
	  "Trong thời hạn 30 ngày kể từ ngày nhận được quyết định", "", ANY },
	{ "vi", "Chi ủy chuẩn bị nội dung sinh hoạt và gửi trước cho đảng viên "
	  "ít nhất 02 ngày.", "Chi ủy", "", "", ANY },
	{ "vi", "Hằng năm, cấp ủy cơ sở tổ chức kiểm điểm, đánh giá chất lượng "
	  "sinh hoạt chi bộ.", "Cấp ủy cơ sở", "Hằng năm", "", ANY },
	{ "vi", "Các tổ chức cơ sở đảng báo cáo kết quả về cấp ủy cấp trên trực "
	  "tiếp trước ngày 15/12 hằng năm.", "Tổ chức cơ sở đảng",
	  "trước ngày 15/12 hằng năm", "", "Báo cáo" },
	{ "vi", "Chậm nhất là ngày 31/3 năm sau, chi bộ hoàn thành việc bổ sung "
	  "hồ sơ đảng viên.", "Chi bộ", "Chậm nhất là ngày 31/3", "", ANY },
	{ "vi", "Thường trực cấp ủy chủ trì sơ kết việc thực hiện Quy định vào "
	  "cuối năm.", "Thường trực cấp ủy", "cuối năm", "", ANY },
	{ "vi", "Văn phòng Tỉnh ủy bảo đảm điều kiện phục vụ các hội nghị quán "
	  "triệt.", "Văn phòng Tỉnh ủy", "", "", ANY },
	{ "vi", "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí "
	  "thực hiện.", "Sở Tài chính", "", "Sở Nội vụ", ANY },
	{ "vi", "Giao Sở Tư pháp theo dõi, đôn đốc, kiểm tra việc thực hiện.",
	  "Sở Tư pháp", "", "", ANY },
	{ "vi", "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo và "
	  "Dân vận Tỉnh ủy và Văn phòng Tỉnh ủy hướng dẫn thực hiện.",
	  "Ban Tổ chức Tỉnh ủy", "",
	  "Ban Tuyên giáo và Dân vận Tỉnh ủy, Văn phòng Tỉnh ủy", ANY },
	{ "vi", "Ủy ban nhân dân cấp xã chủ trì, phối hợp với Công đoàn và Đoàn "
	  "Thanh niên tổ chức thực hiện.", "Ủy ban nhân dân cấp xã", "",
	  "Công đoàn, Đoàn Thanh niên", ANY },
	{ "vi", "Các huyện ủy xây dựng kế hoạch của cấp mình, hoàn thành trước "
	  "ngày 31/5/2026.", "Huyện ủy", "trước ngày 31/5/2026", "",
	  "Kế hoạch" },
	{ "vi", "Định kỳ hằng quý, bí thư chi bộ báo cáo cấp ủy cơ sở về tình "
	  "hình đảng viên.", "Bí thư chi bộ", "Định kỳ hằng quý", "", ANY },
	{ "vi", "Người đứng đầu cấp ủy, cơ quan chịu trách nhiệm trước cấp trên "
	  "về kết quả thực hiện.", "Người đứng đầu", "", "", ANY },
	{ "vi", "Trước ngày 15 tháng 11, các chi bộ gửi báo cáo về đảng ủy.",
	  "Chi bộ", "Trước ngày 15 tháng 11", "", "Báo cáo" },
	{ "vi", "Kết nạp đảng viên phải bảo đảm tiêu chuẩn, điều kiện.", "",
	  "", "", ANY },
	{ "vi", "Cấp ủy, tổ chức đảng các cấp có trách nhiệm giáo dục đảng "
	  "viên.", "Cấp ủy", "", "", ANY },
	{ "vi", "Chi bộ tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.",
	  "Chi bộ", "mỗi quý một lần", "", ANY },
	{ "vi", "Ban Thường vụ Tỉnh ủy lãnh đạo, chỉ đạo triển khai trong toàn "
	  "Đảng bộ.", "Ban Thường vụ Tỉnh ủy", "", "", ANY },
	{ "vi", "Đảng ủy cơ sở lập danh sách đảng viên đi làm ăn xa trong thời "
	  "hạn 10 ngày làm việc.", "Đảng ủy cơ sở",
	  "trong thời hạn 10 ngày làm việc", "", "Danh sách" },
	{ "vi", "Trong vòng 15 ngày, chi ủy hoàn chỉnh hồ sơ.", "Chi ủy",
	  "Trong vòng 15 ngày", "", ANY },
	{ "vi", "Trong quý I năm 2027, Sở Nội vụ tham mưu tổng kết.",
	  "Sở Nội vụ", "Trong quý I năm 2027", "", ANY },
	{ "vi", "Giai đoạn 2026 - 2030, Ủy ban nhân dân tỉnh chỉ đạo thực hiện.",
	  "Ủy ban nhân dân tỉnh", "Giai đoạn 2026 - 2030", "", ANY },
	{ "vi", "Quý Thành viên được mời dự hội nghị.", "", "", "", ANY },
	{ "vi", "Đảng viên đủ 12 tháng tuổi đảng được xét chuyển chính thức.",
	  "Đảng viên", "", "", ANY },
	{ "vi", "Chi bộ định kỳ hằng tháng hoặc đột xuất kiểm tra đảng viên.",
	  "Chi bộ", "định kỳ hằng tháng", "", ANY },
	{ "vi", "Các sở, ban, ngành căn cứ chức năng, nhiệm vụ triển khai thực "
	  "hiện.", "Các sở, ban, ngành", "", "", ANY },
	{ "vi", "Trước ngày 31/12/2026, hoàn thành số hóa hồ sơ đảng viên.", "",
	  "Trước ngày 31/12/2026", "", ANY },
	{ "vi", "Định kỳ 6 tháng, các tổ chức đảng báo cáo kết quả về Ban "
	  "Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy).", "Tổ chức đảng",
	  "Định kỳ 6 tháng", "", "Báo cáo" },
	{ "vi", "Hoàn thành trong quý II/2026.", "",
	  "Hoàn thành trong quý II/2026", "", ANY },
	{ "vi", "Các chi bộ xong trong tháng 12/2026.", "Chi bộ",
	  "xong trong tháng 12/2026", "", ANY },
	{ "vi", "Trong thời hạn mười ngày, chi ủy phải trả lời đảng viên.",
	  "Chi ủy", "Trong thời hạn mười ngày", "", ANY },
	{ "vi", "Đảng ủy xã thường xuyên theo dõi, nắm tình hình.", "Đảng ủy xã",
	  "thường xuyên", "", ANY },
	{ "vi", "Chậm nhất 02 ngày làm việc trước buổi sinh hoạt, chi ủy gửi tài "
	  "liệu.", "Chi ủy",
	  "Chậm nhất 02 ngày làm việc trước buổi sinh hoạt", "", "" },
	{ "vi", "Cấp ủy có trách nhiệm bảo đảm hồ sơ đảng viên đầy đủ.",
	  "Cấp ủy", "", "", "" },
	{ "vi", "Ban Tuyên giáo biên soạn tài liệu hỏi - đáp trong quý III/2026.",
	  "Ban Tuyên giáo", "trong quý III/2026", "", "Tài liệu" },
	/* Russian */
	{ "ru", "Исполнительный орган обязан принимать обращения, направленные "
	  "почтой.", "Исполнительный орган", "", "", ANY },
	{ "ru", "Обращение рассматривается в течение 30 дней со дня его "
	  "регистрации.", "", "в течение 30 дней", "", ANY },
	{ "ru", "Письменное обращение подлежит обязательной регистрации в "
	  "течение трех дней с момента его поступления в исполнительный орган.",
	  "", "в течение трех дней", "", ANY },
	{ "ru", "Руководитель исполнительного органа вправе продлить срок "
	  "рассмотрения обращения не более чем на 30 дней.",
	  "Руководитель исполнительного органа", "", "", ANY },
	{ "ru", "Должностное лицо при рассмотрении обращения обеспечивает "
	  "объективное рассмотрение.", "Должностное лицо", "", "", ANY },
	{ "ru", "Поручить Министерству социальной защиты населения "
	  "ежеквартально представлять информацию.", "Министерство",
	  "ежеквартально", "", "Информация" },
	{ "ru", "Уполномоченный орган ежегодно, не позднее 1 февраля, "
	  "представляет отчет Губернатору.", "Уполномоченный орган",
	  "ежегодно", "", "Отчет" },
	{ "ru", "Не позднее 15.03.2026 структурные подразделения утверждают "
	  "графики приема.", "Структурное подразделение",
	  "Не позднее 15.03.2026", "", "График" },
	{ "ru", "В день регистрации обращения гражданину направляется "
	  "уведомление.", "", "В день регистрации", "", "Уведомление" },
	{ "ru", "Секретарь первичного отделения ежемесячно проводит собрание.",
	  "Секретарь первичного отделения", "ежемесячно", "", ANY },
	{ "ru", "Партийный комитет обязан рассмотреть вопрос в течение 10 "
	  "рабочих дней.", "Партийный комитет", "в течение 10 рабочих дней", "",
	  ANY },
	{ "ru", "Первичная организация проводит собрание не реже одного раза в "
	  "квартал.", "Первичная организация",
	  "не реже одного раза в квартал", "", ANY },
	{ "ru", "Каждый член партии обязан состоять в первичной организации.",
	  "Член партии", "", "", ANY },
	{ "ru", "Администрация совместно с Комиссией готовит ответ заявителю.",
	  "Администрация", "", "Комиссия", "Ответ" },
	{ "ru", "Отдел по работе с обращениями граждан ведет журнал учета "
	  "обращений.", "Отдел по работе с обращениями граждан", "", "",
	  "Журнал" },
	{ "ru", "Информация о ходе выполнения представляется до 10 января 2027 "
	  "года.", "", "до 10 января 2027 года", "", "Информация" },
	{ "ru", "Бюро местного отделения постоянно контролирует выполнение "
	  "плана.", "Бюро местного отделения", "постоянно", "", ANY },
	{ "ru", "Правительство области ежегодно рассматривает доклад о "
	  "реализации.", "Правительство", "ежегодно", "", "Доклад" },
	{ "ru", "Во взаимодействии с Министерством исполнительные органы "
	  "размещают сведения на сайте.", "Исполнительный орган", "",
	  "Министерство", ANY },
	{ "ru", "Гражданин вправе обратиться повторно.", "", "", "", ANY },
	{ "ru", "Контрольно-ревизионная комиссия проверяет отчет в I квартале "
	  "2026 года.", "Контрольно-ревизионная комиссия",
	  "в I квартале 2026 года", "", "Отчет" },
	{ "ru", "До конца 2026 года общее собрание утверждает план работы.",
	  "Общее собрание", "До конца 2026 года", "", "План" },
	{ "ru", "Должностное лицо отвечает за регистрацию обращений в день "
	  "поступления.", "Должностное лицо", "в день поступления", "", ANY },
	{ "ru", "Срок рассмотрения не может превышать 60 дней.", "", "", "",
	  ANY },
	{ "ru", "Поручить Совету первичного отделения в срок до 1 марта "
	  "подготовить перечень мероприятий.", "Совет первичного отделения",
	  "в срок до 1 марта", "", "Перечень" },
	{ "ru", "Отчет представляется не позднее 10 числа месяца, следующего за "
	  "отчетным кварталом.", "",
	  "не позднее 10 числа месяца, следующего за отчетным кварталом", "",
	  "Отчет" },
	{ "ru", "Комиссия рассматривает жалобу не позднее 5 рабочих дней со дня "
	  "поступления.", "Комиссия",
	  "не позднее 5 рабочих дней со дня поступления", "", ANY },
	{ "ru", "Министерство во взаимодействии с Администрацией и Комиссией "
	  "ежемесячно публикует сведения.", "Министерство", "ежемесячно",
	  "Администрация, Комиссия", ANY },
};

ParameterizedTestParameters(plan_extract, clauses)
{
	return cr_make_param_array(extract_case, cases,
		sizeof cases / sizeof cases[0]);
}

static void check(const char *what, const char *want, const char *got,
	const char *text)
{
	if (strcmp(want, ANY) == 0) {
		return;
	}
	cr_expect_str_eq(got != NULL ? got : "", want, "%s of \"%s\"", what,
		text);
}

ParameterizedTest(extract_case *c, plan_extract, clauses)
{
	dt__plan_extractor *x = NULL;
	dt__plan_facts f;
	dt_error err = { 0 };
	dt_lang lang = strcmp(c->lang, "ru") == 0 ? DT_LANG_RU : DT_LANG_VI;

	cr_assert_eq(dt__plan_extractor_new(&x, lang, &err), 0, "%s",
		err.message);
	cr_assert_eq(dt__plan_extract(x, c->text, &f, &err), 0, "%s",
		err.message);
	check("lead", c->lead, f.lead, c->text);
	check("deadline", c->deadline, f.deadline, c->text);
	check("co-implementers", c->co, f.co, c->text);
	check("output", c->output, f.output, c->text);
	dt__plan_facts_dispose(&f);
	dt__plan_extractor_free(x);
}

Test(plan_extract, there_are_at_least_sixty_cases_across_both_languages)
{
	size_t i, vi = 0, ru = 0;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		vi += strcmp(cases[i].lang, "vi") == 0;
		ru += strcmp(cases[i].lang, "ru") == 0;
	}
	cr_assert_geq(vi + ru, 60);
	cr_assert_geq(vi, 25);
	cr_assert_geq(ru, 20);
}

Test(plan_extract, every_allocation_failure_is_reported)
{
	dt__plan_extractor *x = NULL;
	dt__plan_facts f;
	size_t n;
	int rc = -1;

	for (n = 1; rc != 0 && n < 5000; n++) {
		dt__alloc_fail_after(n);
		rc = dt__plan_extractor_new(&x, DT_LANG_VI, NULL);
		if (rc == 0) {
			rc = dt__plan_extract(x, cases[2].text, &f, NULL);
			if (rc == 0) {
				dt__plan_facts_dispose(&f);
			}
		}
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "rc %d at %zu", rc, n);
		dt__plan_extractor_free(x);
		x = NULL;
	}
	cr_assert_eq(rc, 0);
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bait for quadratic matching (DESIGN §7): long runs of what a deadline
 * or an actor starts with.  In linear time all of them take milliseconds
 * (a second or so under ASan); a quadratic pattern would take minutes. */
Test(plan_extract, long_hostile_clauses_are_read_in_linear_time)
{
	double start = seconds();
	static const char *const shapes[] = { "1", "trong thời hạn ",
		"chậm nhất là ", "cấp ủy ", "phối hợp với ", "не позднее ",
		"в течение " };
	dt__plan_extractor *x[2] = { NULL, NULL };
	dt__plan_facts f;
	size_t s, i, l;

	cr_assert_eq(dt__plan_extractor_new(&x[0], DT_LANG_VI, NULL), 0);
	cr_assert_eq(dt__plan_extractor_new(&x[1], DT_LANG_RU, NULL), 0);
	for (s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
		size_t n = strlen(shapes[s]), reps = 120000 / n;
		char *text = dt__malloc(reps * n + 32);

		cr_assert_not_null(text);
		for (i = 0; i < reps; i++) {
			memcpy(text + i * n, shapes[s], n);
		}
		memcpy(text + reps * n, " tháng một lần", 16);
		for (l = 0; l < 2; l++) {
			cr_assert_eq(dt__plan_extract(x[l], text, &f, NULL), 0);
			dt__plan_facts_dispose(&f);
		}
		dt__free(text);
	}
	dt__plan_extractor_free(x[0]);
	dt__plan_extractor_free(x[1]);
	cr_assert_lt(seconds() - start, 20.0);
}
