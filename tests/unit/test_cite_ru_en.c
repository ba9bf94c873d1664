/*
 * test_cite_ru_en.c - the citation tables for Russian local documents
 * (case forms, abbreviations, lists, ranges, anaphora), Russian text
 * citing Vietnamese directives, and English.  Fixtures, case builders and
 * the runner are in cite_fixtures.h.
 */
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <dirtrace.h>

#include "cite_fixtures.h"

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
		/* a table cell ends a list ("| ст. 5, 7 | Отдел |") */
		RU(RU_BASIS "| 7 | Контроль сроков | ст. 5, 7 | Отдел кадров "
			"|", "", RES, "pol12", "art_5 art_7"),
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

/* ## Russian anaphora: "частью 3 указанной статьи" names a unit of the
 * article the citation before it (same paragraph) names */

ParameterizedTestParameters(cite_ru, resolves_anaphora)
{
	static cite_case cases[] = {
		RU("Срок установлен частью 1 статьи 6 Положения № 12-П; "
			"продление допускается частью 2 указанной статьи.",
			"указанной", RES, "pol12", "art_6__para_2"),
		RU("Проверка проводится по статье 7 Положения № 12-П и части 3 "
			"названной статьи.", "названной", RES, "pol12",
			"art_7__para_3"),
		RU("Проверка проводится по части 1 статьи 7 Положения № 12-П "
			"и части 2 той же статьи.", "той же", RES, "pol12",
			"art_7__para_2"),
		RU("Отчёт составляется по пункту 1 статьи 5 Положения № 12-П "
			"с учётом пункта 3 этой статьи.", "этой", RES, "pol12",
			"art_5__para_3"),
		/* a clause anaphor keeps the article of its antecedent */
		RU("Отчёт составляется по пункту 2 статьи 5 Положения № 12-П и "
			"подпункту «б» указанного пункта.", "указанного", RES,
			"pol12", "art_5__para_2__point_б"),
		/* a missing unit of the antecedent's article is broken */
		RU("Отчёт составляется по статье 6 Положения № 12-П и части 5 "
			"указанной статьи.", "указанной", BRK, "pol12", ""),
		/* an antecedent in another act keeps the anaphor external */
		RU(RU_BASIS "Жалобы рассматриваются с учётом части 3 статьи 11 "
			"Федерального закона от 2 мая 2006 г. № 59-ФЗ и части 4 "
			"указанной статьи.", "указанной", EXT, "", ""),
		/* "указанного Положения": the document named before */
		RU("Комитет применяет статью 4 Положения № 12-П и статью 7 "
			"указанного Положения.", "статью 7", RES, "pol12",
			"art_7"),
		/* no antecedent in the paragraph: this article, as before */
		RU(RU_BASIS "Требования части 2 этой статьи обязательны.",
			"части 2", SLF, "", ""),
		RU("Срок установлен статьей 6 Положения № 12-П.\n\nПродление "
			"допускается частью 2 указанной статьи.", "указанной", SLF,
			"", ""),
		/* a count before "этих" ends a list */
		RU(RU_BASIS "Нарушения выявлены по статье 5, 20 этих нарушений "
			"устранены.", "статье 5", RES, "pol12", "art_5"),
		/* "настоящей статьи" stays the article itself */
		RU("Срок установлен частью 1 статьи 6 Положения № 12-П и "
			"частью 2 настоящей статьи.", "настоящей", SLF, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_ru, resolves_anaphora, .fini = teardown)
{
	run_case(k);
}

/* ## A document named by adjectives and its type word: "(далее —
 * областное Положение)", then "статьи 5 областного Положения" */

/* An alias with an adjective for 12-П (not the metadata basis). */
#define RU_QUAL_ALIAS "Комитет руководствуется Положением № 12-П от 10 " \
	"марта 2026 г. (далее — областное Положение).\n\n"

ParameterizedTestParameters(cite_ru, names_a_document_by_its_adjectives)
{
	static cite_case cases[] = {
		RU(RU_QUAL_ALIAS "Приём ведётся согласно статьям 3 \u2013 4 "
			"областного Положения.", "", RES, "pol12",
			"art_3 art_4"),
		RU(RU_QUAL_ALIAS "Ответы готовятся с соблюдением подпунктов "
			"«а» и «г» пункта 2 статьи 5 областного Положения.",
			"", RES, "pol12",
			"art_5__para_2__point_а art_5__para_2__point_г"),
		RU(RU_QUAL_ALIAS "Объяснения принимаются согласно ч. 2 ст. 7 "
			"областного Положения.", "", RES, "pol12",
			"art_7__para_2"),
		/* any case form and capitals of the same adjective */
		RU(RU_QUAL_ALIAS "Проверки проводятся согласно статье 6 "
			"Областного положения.", "", RES, "pol12", "art_6"),
		RU("Комитет руководствуется Положением № 12-П от 10 марта 2026 "
			"г. (далее — Типовое областное Положение).\n\nПроверки "
			"ведутся по статье 6 Типового областного Положения.",
			"статье 6", RES, "pol12", "art_6"),
		/* a unit the alias's directive lacks is broken */
		RU(RU_QUAL_ALIAS "Переходные сроки установлены статьей 14 "
			"областного Положения.", "", BRK, "pol12", ""),
		/* another adjective names another document, not the basis */
		RU(RU_BASIS "Комитеты применяют статью 3 Типового положения.",
			"", EXT, "", ""),
		RU(RU_BASIS "Комитеты применяют пункт 2 статьи 5 нового "
			"Положения.", "", EXT, "", ""),
		RU(RU_QUAL_ALIAS "Комитеты применяют статью 3 Типового "
			"положения.", "", EXT, "", ""),
		/* the self and anaphor prefixes keep their meanings */
		RU(RU_BASIS "Комитеты соблюдают пункт 2 статьи 5 настоящего "
			"Положения.", "", SLF, "", ""),
		RU(RU_BASIS "Комитеты соблюдают пункт 2 статьи 5 настоящего "
			"областного Положения.", "", SLF, "", ""),
		RU("Комитет применяет статью 4 Положения № 12-П и статью 7 "
			"указанного Положения.", "статью 7", RES, "pol12",
			"art_7"),
		/* after units the document is a genitive: a nominative
		 * starts a sentence of its own */
		RU(RU_BASIS "В соответствии со статьей 5 новое Положение "
			"вводит сроки.", "", RES, "pol12", "art_5"),
		/* words that point at a document named elsewhere qualify
		 * nothing */
		RU(RU_BASIS "Комитеты соблюдают статью 5 соответствующего "
			"Положения.", "", RES, "pol12", "art_5"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_ru, names_a_document_by_its_adjectives,
	.fini = teardown)
{
	run_case(k);
}

/* ## Adjectives and a type word without units: the alias's document, or
 * nothing */

ParameterizedTestParameters(cite_ru, names_an_alias_by_its_adjectives)
{
	static cite_case cases[] = {
		RU(RU_QUAL_ALIAS "Жалобы рассматриваются в соответствии с "
			"областным Положением.", "областным Положением", DOC,
			"pol12", ""),
		RU(RU_QUAL_ALIAS "Служащие изучают требования областного "
			"Положения.", "областного Положения", DOC, "pol12",
			""),
		RU(RU_QUAL_ALIAS "Обращения, поступившие до вступления в силу "
			"областного Положения, рассматриваются по-старому.",
			"областного Положения", DOC, "pol12", ""),
		/* the self prefix keeps its meaning */
		RU(RU_QUAL_ALIAS "Комитеты соблюдают требования настоящего "
			"Положения.", "настоящего Положения", SLF, "", ""),
		/* no alias, no citation */
		RU("Жалобы рассматриваются в соответствии с областным "
			"Положением.", "", NONE, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_ru, names_an_alias_by_its_adjectives,
	.fini = teardown)
{
	run_case(k);
}

/* Adjectives no alias defines are prose, and the alias definition is
 * one citation (of "Положением № 12-П"), not two. */
Test(cite_ru, names_nothing_by_adjectives_no_alias_defines,
	.fini = teardown)
{
	cite("ru", "all", RU_QUAL_ALIAS "Комитеты учитывают нормы нового "
		"Положения и Типового положения, Областного закона.");
	cr_expect_eq(dt_citeset_count(set), 1, "got:%s", dump());
	cr_expect(strstr(dt_citeset_at(set, 0)->text, "№ 12-П") != NULL,
		"got:%s", dump());
}

/* ## "№ 5" after a noun that counts things is no document */

ParameterizedTestParameters(cite_ru, ignores_numbers_of_things)
{
	static cite_case cases[] = {
		RU("Оборудовать в кабинете № 5 рабочее место.", "", NONE, "",
			""),
		RU("Стенды установить в школе № 12 и в доме № 3.", "", NONE, "",
			""),
		RU("Пустить автобус по маршруту № 7.", "", NONE, "", ""),
		RU("| 4 | Оборудовать кабинет № 5 | Отдел |", "", NONE, "", ""),
		/* a meeting, an annex: numbered, but no documents */
		RU("Решение принято на заседании № 4 комиссии.", "", NONE, "",
			""),
		RU("Вопрос обсуждён на совещании № 3.", "", NONE, "", ""),
		RU("Форма отчёта приведена в приложении № 2.", "", NONE, "",
			""),
		RU("Сведения представлять согласно приложению № 2 к Положению "
			"№ 12-П.", "", DOC, "pol12", ""),
		RU("Отчёт ведётся по Положению о школе № 5.", "", NONE, "",
			""),
		RU("Отчёт ведётся по Положению о школе № 5, утвержденному "
			"приказом № 12.", "приказом", EXT, "", ""),
		/* what must still be a citation */
		RU("| 1 | Порядок | № 12-П | Отдел |", "№ 12-П", DOC, "pol12",
			""),
		RU("Комитет руководствуется Положением № 12-П.", "", DOC,
			"pol12", ""),
		RU("Решение коллегии от 5 марта 2026 г. № 15-р исполнено.",
			"№ 15-р", EXT, "", ""),
		/* the minutes of a meeting are a document */
		RU("Утвердить протокол заседания № 4.", "№ 4", EXT, "", ""),
		RU("Приложить выписку из протокола заседания № 4.", "№ 4", EXT,
			"", ""),
		RU("Внести изменения в протокол № 7.", "№ 7", EXT, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_ru, ignores_numbers_of_things,
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
