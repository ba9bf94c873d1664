/*
 * plan_cite.c - how a plan names the directive and its units, in the
 * plan's language, so that dirtrace resolves every citation it writes
 * ("khoản 2 Điều 5 Quy định số 31-QĐ/TW", "пункт 1 статьи 3
 * постановления № 12-П", "подпункт «a» пункта 2 статьи 5 Положения
 * № 31-QĐ/TW").
 *
 * Citations are Russian when the plan is (whatever the directive's
 * language: Russian translations keep a Vietnamese symbol in Latin
 * letters, and the Russian grammar reads it) and also when the directive
 * is Russian: the Vietnamese grammar cannot read a Cyrillic symbol
 * ("số 12-П"), so a Vietnamese plan of a Russian directive keeps Russian
 * citations inside Vietnamese sentences.  Letters of points are quoted in
 * Russian («а»): a bare "подпункт а" is not read as a point.  Items,
 * rows and unnumbered blocks have no number a citation can give; they are
 * cited through the unit that holds them.
 */
#include <string.h>

#include "plan.h"

typedef struct {
	const char *meta;   /* dt_meta.type, canonical upper case */
	const char *vi;     /* in a Vietnamese plan */
	const char *ru_gen; /* in a Russian citation ("… статьи 5 Положения") */
	const char *ru_nom; /* the type itself in a Russian plan */
} type_names;

static const type_names types[] = {
	{ "QUY ĐỊNH", "Quy định", "Положения", "Положение" },
	{ "CHỈ THỊ", "Chỉ thị", "Директивы", "Директива" },
	{ "NGHỊ QUYẾT", "Nghị quyết", "Резолюции", "Резолюция" },
	{ "KẾT LUẬN", "Kết luận", "Заключения", "Заключение" },
	{ "HƯỚNG DẪN", "Hướng dẫn", "Инструкции", "Инструкция" },
	{ "QUYẾT ĐỊNH", "Quyết định", "Решения", "Решение" },
	{ "QUY CHẾ", "Quy chế", "Регламента", "Регламент" },
	{ "KẾ HOẠCH", "Kế hoạch", "Плана", "План" },
	{ "ĐIỀU LỆ", "Điều lệ", "Устава", "Устав" },
	{ "THÔNG TRI", "Thông tri", "Циркуляра", "Циркуляр" },
	{ "ПОСТАНОВЛЕНИЕ", "Nghị quyết", "постановления", "Постановление" },
	{ "РАСПОРЯЖЕНИЕ", "Chỉ thị", "распоряжения", "Распоряжение" },
	{ "ПРИКАЗ", "Quyết định", "приказа", "Приказ" },
	{ "РЕШЕНИЕ", "Quyết định", "решения", "Решение" },
	{ "ПОЛОЖЕНИЕ", "Quy định", "положения", "Положение" },
	{ "УКАЗ", "Sắc lệnh", "указа", "Указ" },
	{ "ЗАКОН", "Luật", "закона", "Закон" },
	{ "ПЛАН", "Kế hoạch", "плана", "План" },
};

static const type_names unknown_type = { "", "Văn bản", "документа",
	"Документ" };

static const type_names *type_of(const dt__plan *p)
{
	size_t i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(p->meta->type, types[i].meta) == 0) {
			return &types[i];
		}
	}
	return &unknown_type;
}

/* Are the citations of this plan Russian?  See the top. */
static int cites_ru(const dt__plan *p)
{
	return p->lang == DT_LANG_RU || p->src_lang == DT_LANG_RU;
}

const char *dt__plan_type_word(const dt__plan *p)
{
	return p->lang == DT_LANG_RU ? type_of(p)->ru_nom : type_of(p)->vi;
}

int dt__plan_ref(dt_buf *b, const dt__plan *p)
{
	const char *symbol = *p->meta->symbol ? p->meta->symbol :
		DT__PLAN_HOLE;

	if (cites_ru(p)) {
		return dt__buf_printf(b, "%s № %s", type_of(p)->ru_gen, symbol);
	}
	return dt__buf_printf(b, "%s số %s", type_of(p)->vi, symbol);
}

/* ## unit labels */

typedef struct {
	const char *nom; /* the unit cited */
	const char *gen; /* a unit that holds it */
} unit_word;

/* [ru][kind]: the words of a label ("" = not citable by number). */
static const unit_word words[2][DT_KIND_COUNT_] = {
	{ /* vi */
	  { "", "" }, { "Phần", "Phần" }, { "Chương", "Chương" },
	  { "Mục", "Mục" }, { "Tiểu mục", "Tiểu mục" }, { "Điều", "Điều" },
	  { "khoản", "khoản" }, { "điểm", "điểm" }, { "", "" },
	  { "mục", "mục" }, { "", "" }, { "", "" } },
	{ /* ru */
	  { "", "" }, { "раздел", "раздела" }, { "глава", "главы" },
	  { "раздел", "раздела" }, { "подраздел", "подраздела" },
	  { "статья", "статьи" }, { "пункт", "пункта" },
	  { "подпункт", "подпункта" }, { "", "" }, { "пункт", "пункта" },
	  { "", "" }, { "", "" } },
};

/* The unit a citation of `u` names: `u`, or the nearest ancestor with
 * a number a citation can give. */
static const dt_unit *citable(const dt_unit *u, int ru)
{
	while (u != NULL && dt_unit_kind(u) != DT_KIND_ROOT &&
		(*words[ru][dt_unit_kind(u)].nom == '\0' ||
		*dt_unit_num(u) == '\0')) {
		u = dt_unit_parent(u);
	}
	return u;
}

/* One link of a label: "khoản 2", "пункта 2", "подпункт «а»"; the
 * first one in the nominative unless `genitive` ("Во исполнение пункта
 * 2 …"), the others always in the genitive. */
static int put_link(dt_buf *b, const dt_unit *u, int ru, int first,
	int genitive)
{
	const unit_word *w = &words[ru][dt_unit_kind(u)];
	const char *word = first && !genitive ? w->nom : w->gen;

	if (ru && dt_unit_kind(u) == DT_KIND_POINT) {
		return dt__buf_printf(b, "%s%s «%s»", first ? "" : " ", word,
			dt_unit_num(u));
	}
	return dt__buf_printf(b, "%s%s %s", first ? "" : " ", word,
		dt_unit_num(u));
}

int dt__plan_label(dt_buf *b, const dt__plan *p, const dt_unit *u,
	int genitive)
{
	int ru = cites_ru(p);
	const dt_unit *c = citable(u, ru);
	int rc;

	if (c == NULL || dt_unit_kind(c) == DT_KIND_ROOT) {
		return dt__buf_printf(b, "%s", dt_unit_label(u));
	}
	rc = put_link(b, c, ru, 1, genitive);
	/* the chain ends at an article or above, and at a decimal item,
	 * whose number is a whole path already ("mục 2.1") */
	while (rc == 0 && dt_unit_kind(c) > DT_KIND_ARTICLE &&
		dt_unit_kind(c) != DT_KIND_LEVEL) {
		c = citable(dt_unit_parent(c), ru);
		if (c == NULL || dt_unit_kind(c) == DT_KIND_ROOT) {
			break;
		}
		rc = put_link(b, c, ru, 0, 1);
	}
	return rc;
}

int dt__plan_cite(dt_buf *b, const dt__plan *p, const dt_unit *u,
	int genitive)
{
	int rc = dt__plan_label(b, p, u, genitive);

	if (rc == 0) {
		rc = dt__buf_append(b, " ", 1);
	}
	return rc == 0 ? dt__plan_ref(b, p) : rc;
}
