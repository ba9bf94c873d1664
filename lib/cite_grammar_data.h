/*
 * cite_grammar_data.h - the citation grammar's rows: level words with
 * their case forms and abbreviations, the small words of a chain,
 * document words symbol_doctype.c does not know, and the fixed patterns
 * around them.  Included by cite_grammar.c only, which builds and
 * compiles the patterns from these rows.
 */
#ifndef DT_CITE_GRAMMAR_DATA_H
#define DT_CITE_GRAMMAR_DATA_H

#include "cite_scan.h"

/* Level words (DOMAIN §4.1-4.10) and the kind of unit each names.
 * Decimal-numbered Party texts use "mục", "tiểu mục", "điểm", "tiết"
 * for any level (§4.7): resolve.c resolves a dotted label by its number,
 * whatever the word.  "пп." is a plural "пункты" before digits and a
 * "подпункт" before a letter: cite.c decides by the label.  Russian case
 * forms are spelled out, not stemmed, so that "частью" matches and
 * "частности" does not.  Longer words come before their prefixes
 * ("подпункт" before "пункт", "пп." before "п."). */
static const dt_cite_level levels[] = {
	{ DT_CG_VI, DT_KIND_SUBSECTION, "", "tiểu\\s{1,3}mục" },
	{ DT_CG_VI, DT_KIND_ITEM, "", "tiết" },
	/* "thời điểm", "địa điểm", "quan điểm": a time, a place, a view */
	{ DT_CG_VI, DT_KIND_POINT, "(?<!thời\\s)(?<!địa\\s)"
	  "(?<!quan\\s)(?<!trọng\\s)", "điểm" },
	{ DT_CG_VI, DT_KIND_CLAUSE, "", "khoản" },
	{ DT_CG_VI, DT_KIND_ARTICLE, "", "điều" },
	/* "danh mục", "hạng mục": a list, an item of work */
	{ DT_CG_VI, DT_KIND_SECTION, "(?<!danh\\s)(?<!hạng\\s)(?<!tiểu\\s)",
	  "mục" },
	{ DT_CG_VI, DT_KIND_CHAPTER, "", "chương" },
	{ DT_CG_VI, DT_KIND_PART, "", "phần" },

	{ DT_CG_RU, DT_KIND_POINT, "",
	  "подпункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?" },
	{ DT_CG_RU, DT_KIND_POINT, "", "подп\\." },
	{ DT_CG_RU, DT_KIND_CLAUSE, "", "пп\\." },
	{ DT_CG_RU, DT_KIND_CLAUSE, "",
	  "пункт(?:ы|а|у|ом|е|ов|ам|ами|ах)?" },
	{ DT_CG_RU, DT_KIND_CLAUSE, "", "п\\." },
	{ DT_CG_RU, DT_KIND_CLAUSE, "", "част(?:ь|и|ью|ей|ям|ями|ях)" },
	{ DT_CG_RU, DT_KIND_CLAUSE, "", "ч\\." },
	{ DT_CG_RU, DT_KIND_ARTICLE, "",
	  "стат(?:ья|ьи|ье|ью|ьей|ьёй|ьям|ьями|ьях|ей)" },
	{ DT_CG_RU, DT_KIND_ARTICLE, "", "ст\\.(?:\\s?ст\\.)?" },
	{ DT_CG_RU, DT_KIND_CHAPTER, "", "глав(?:а|ы|е|у|ой|ам|ами|ах)?" },
	{ DT_CG_RU, DT_KIND_CHAPTER, "", "гл\\." },
	{ DT_CG_RU, DT_KIND_PART, "", "раздел(?:ы|а|у|ом|е|ов|ам|ами|ах)?" },
	{ DT_CG_RU, DT_KIND_PART, "", "разд\\." },

	{ DT_CG_EN, DT_KIND_POINT, "", "sub-?paragraphs?" },
	{ DT_CG_EN, DT_KIND_CLAUSE, "", "paragraphs?" },
	{ DT_CG_EN, DT_KIND_POINT, "", "points?" },
	{ DT_CG_EN, DT_KIND_ARTICLE, "", "articles?" },
	{ DT_CG_EN, DT_KIND_CHAPTER, "", "chapters?" },
	{ DT_CG_EN, DT_KIND_SECTION, "", "sections?" },
	{ DT_CG_EN, DT_KIND_PART, "", "parts?" },
	{ DT_CG_EN, DT_KIND_CLAUSE, "", "clauses?" },
};
#define N_LEVELS (sizeof(levels) / sizeof(levels[0]))
_Static_assert(N_LEVELS <= DT_CITE_MAX_ROWS, "one group per level row");

static const struct {
	dt_cite_lang lang;
	dt_cite_word word;
	const char *pattern;
} words[] = {
	{ DT_CG_VI, DT_CW_LIST, "," },
	{ DT_CG_VI, DT_CW_SEP, ";" },
	{ DT_CG_VI, DT_CW_LIST, "và" },
	{ DT_CG_VI, DT_CW_LIST, "hoặc" },
	{ DT_CG_VI, DT_CW_RANGE, "đến" },
	{ DT_CG_VI, DT_CW_RANGE, "tới" },
	{ DT_CG_VI, DT_CW_RANGE, "[\\x{2013}\\x{2014}\\x{2212}-]" },
	{ DT_CG_VI, DT_CW_FROM, "từ" },
	{ DT_CG_VI, DT_CW_PLURAL, "các" },
	{ DT_CG_VI, DT_CW_PLURAL, "những" },
	{ DT_CG_VI, DT_CW_OF, "của" },
	{ DT_CG_VI, DT_CW_OF, "tại" },
	{ DT_CG_VI, DT_CW_OF, "thuộc" },
	{ DT_CG_VI, DT_CW_SELF, "này" },
	/* "khoản 3 Điều đó": the article the citation before it names */
	{ DT_CG_VI, DT_CW_ANAPHOR, "đó" },
	{ DT_CG_VI, DT_CW_ANAPHOR, "nêu\\s{1,3}trên" },
	{ DT_CG_VI, DT_CW_ANAPHOR, "nói\\s{1,3}trên" },

	{ DT_CG_RU, DT_CW_LIST, "," },
	{ DT_CG_RU, DT_CW_SEP, ";" },
	{ DT_CG_RU, DT_CW_LIST, "и" },
	{ DT_CG_RU, DT_CW_LIST, "или" },
	{ DT_CG_RU, DT_CW_RANGE, "[\\x{2013}\\x{2014}\\x{2212}-]" },
	{ DT_CG_RU, DT_CW_OF, "к" },

	{ DT_CG_EN, DT_CW_LIST, "," },
	{ DT_CG_EN, DT_CW_SEP, ";" },
	{ DT_CG_EN, DT_CW_LIST, "and" },
	{ DT_CG_EN, DT_CW_LIST, "or" },
	{ DT_CG_EN, DT_CW_RANGE, "to" },
	{ DT_CG_EN, DT_CW_RANGE, "through" },
	{ DT_CG_EN, DT_CW_RANGE, "[\\x{2013}\\x{2014}\\x{2212}-]" },
	{ DT_CG_EN, DT_CW_FROM, "from" },
	{ DT_CG_EN, DT_CW_OF, "of" },
	{ DT_CG_EN, DT_CW_OF, "in" },
};
#define N_WORDS (sizeof(words) / sizeof(words[0]))
_Static_assert(N_WORDS <= DT_CITE_MAX_ROWS, "one group per word row");

/* Document words missing from symbol.c's table: Russian codes and
 * constitutions, and English types (English citations only). */
static const dt_cite_extra extras[] = {
	{ "КОДЕКС", "кодекс(?:а|у|ом|е|ы|ов)?", 1 },
	{ "КОНСТИТУЦИЯ", "конституци(?:я|и|ю|ей)", 1 },
	{ "REGULATION", "regulations?", 0 },
	{ "DIRECTIVE", "directives?", 0 },
	{ "RESOLUTION", "resolutions?", 0 },
	{ "DECISION", "decisions?", 0 },
	{ "DECREE", "decrees?", 0 },
	{ "CONCLUSION", "conclusions?", 0 },
	{ "GUIDANCE", "guidance", 0 },
	{ "INSTRUCTION", "instructions?", 0 },
	{ "PLAN", "plans?", 0 },
	{ "LAW", "laws?", 1 },
	{ "CHARTER", "charter", 1 },
	{ "STATUTE", "statutes?", 1 },
};
#define N_EXTRAS (sizeof(extras) / sizeof(extras[0]))
_Static_assert(N_EXTRAS <= DT_CITE_MAX_ROWS, "one group per extra row");

/* What may follow a document word for it to open a reference: a symbol
 * or number ("số", "№", digits), "này", a capital (a title, an issuer
 * before the symbol), or "от" (a Russian date before "№"). */
#define TYPE_NEXT \
	"(?=\\s{1,3}(?:s[ốổo](?![\\p{L}])|№|N\\s?\\d|\\d|này(?![\\p{L}])|" \
	"(?-i:\\p{Lu})|от\\s)|\\s{0,2}№)"
/* Russian: "приказ министерства … от … № 611" and "Положение о конкурсе
 * … (приложение 1)" put the number or annex mark further on. */
#define TYPE_NEXT_RU \
	"(?=[^;\\n]{0,150}?(?:№|\\(\\s{0,2}приложени))"

/* The start of a label after a level word: a digit, an upper-case Roman
 * numeral, a quoted letter, a letter before ")", a Latin letter alone
 * or before a digit ("điểm a", "a.1"; a bare Cyrillic letter is no
 * label: "п. п."), "(2)", or "này". */
#define LABEL_START \
	"\\s{0,3}(?:\\d|(?-i:[IVXLC]{1,8})(?![\\p{L}\\p{N}])|" \
	"[\\x{AB}\"\\x{201C}\\x{201E}'\\x{2018}]\\p{L}|\\p{L}\\)|" \
	"[a-zđ](?![\\p{L}\\p{N}])|[a-zđ]\\.?\\d|\\((?:\\d{1,3}|\\p{L})\\)|" \
	"này(?![\\p{L}]))"

/* Before a level or type word: 1 this one ("настоящей статьи"), 2 the
 * one attached ("прилагаемый План"), 3 the one named just before
 * ("частью 3 указанной статьи", "той же статьи", DOMAIN §4.10). */
static const char self_pattern[] =
	"(?:(настоящ\\p{L}{1,4}|данн\\p{L}{1,4}|this)|"
	"(прилагаем\\p{L}{1,4})|"
	"((?:выше)?(?:указанн|названн)\\p{L}{1,4}|упомянут\\p{L}{1,4}|"
	"эт(?:ой|ого|ому|ом|им|у|а|от|и|их)|"
	"т(?:ой|ого|ому|ом|ем|у|а|от|е|ех)\\s{1,3}же))\\s{1,3}";
static const char alias_pattern[] =
	"\\(\\s{0,3}(?:sau\\s+đây\\s+(?:được\\s+)?(?:gọi\\s+tắt\\s+là|"
	"viết\\s+tắt\\s+là|gọi\\s+là)|далее(?:\\s+по\\s+тексту)?\\s{0,3}"
	"[\\x{2014}\\x{2013}-]|hereinafter(?:\\s+referred\\s+to\\s+as)?)"
	"\\s{0,3}[\\x{AB}\"\\x{201C}]?\\s{0,2}";
static const char annex_pattern[] =
	"\\(\\s{0,2}(?:приложени[еяюи]|phụ\\s+lục|annex|appendix)\\s{0,2}"
	"(?:№\\s?)?\\d";
static const char approve_pattern[] =
	"утвержд\\p{L}{0,8}|ban\\s+hành\\s+kèm\\s+theo|approved\\s+by";
/* Words that end a title ("Luật Cán bộ, công chức khi …", "Кодекса
 * Российской Федерации об …"). */
static const char title_stop_pattern[] =
	"(?:và|của|về|khi|theo|để|tại|thì|đã|được|trong|với|cho|do|có|là|"
	"này|nhằm|đối|ngày|năm|số|и|в|во|о|об|от|по|для|на|с|со|к|при|за|"
	"из|and|of|in|on|for|by|to|the|this)(?![\\p{L}\\p{N}])";
/* Words a number counts rather than names a document with ("Báo cáo 6
 * tháng", "Kế hoạch 2 năm"). */
static const char measure_pattern[] =
	"\\s{1,3}(?:tháng|năm|ngày|tuần|quý|lần|giờ|phút|người|đồng|triệu|"
	"tỷ|nghìn|ngàn|chi\\s+bộ|đảng\\s+viên|г\\.|год\\p{L}{0,3}|лет|"
	"дн\\p{L}{0,3}|месяц\\p{L}{0,3}|недел\\p{L}{0,2}|час\\p{L}{0,3}|"
	"рабоч\\p{L}{0,3}|тыс\\.|млн|years?|days?|months?|weeks?|hours?)"
	"(?![\\p{L}])|\\s{0,1}%";

/* Nouns whose "№ 5" numbers a thing, not a document ("в кабинете № 5",
 * "школы № 12", "маршрут № 7", "на заседании № 4", "в приложении № 2":
 * a meeting, a part of a document): a number sign after one of them is
 * no citation.  Russian stems take their case endings; Vietnamese writes
 * "phòng số 5", which is no candidate, but "phòng № 5" occurs. */
static const char *const counted_nouns[] = {
	"кабинет\\p{L}{0,2}", "дом(?:а|у|ом|е|ов|ам)?",
	"здани\\p{L}{1,2}", "корпус\\p{L}{0,2}", "строени\\p{L}{1,2}",
	"квартир\\p{L}{0,2}", "комнат\\p{L}{0,2}", "помещени\\p{L}{1,2}",
	"офис\\p{L}{0,2}", "этаж\\p{L}{0,2}", "подъезд\\p{L}{0,2}",
	"участ(?:ок|ка|ку|ком|ке|ки|ков)", "школ\\p{L}{0,2}",
	"гимнази\\p{L}{1,2}", "лице(?:й|я|ю|ем|е)", "сад(?:а|у|ом|е|ик)?",
	"больниц\\p{L}{0,2}", "поликлиник\\p{L}{0,2}", "палат\\p{L}{0,2}",
	"аудитори\\p{L}{1,2}", "класс\\p{L}{0,2}", "групп\\p{L}{0,2}",
	"маршрут\\p{L}{0,2}", "автобус\\p{L}{0,2}", "поезд\\p{L}{0,2}",
	"рейс\\p{L}{0,2}", "округ\\p{L}{0,2}", "окн\\p{L}{1,2}",
	"склад\\p{L}{0,2}", "цех\\p{L}{0,2}", "заседани\\p{L}{1,2}",
	"совещани\\p{L}{1,2}", "приложени\\p{L}{1,2}",
	"phòng", "nhà", "tổ", "thôn", "ấp", "khu", "tuyến", "lớp", "trường",
	"tầng", "xe",
};
#define N_COUNTED (sizeof(counted_nouns) / sizeof(counted_nouns[0]))

/* A record of a counted thing: "протокола заседания № 4" is the
 * minutes of meeting 4, a document. */
static const char record_pattern[] =
	"(?:протокол\\p{L}{0,3}|выписк\\p{L}{1,2}|стенограмм\\p{L}{0,3})"
	"(?![\\p{L}\\p{N}])";

/* A date right after a type word: "Положения от 14 марта 2019 г.",
 * "Quy định ngày 15/3/2026" name some dated document, not one named
 * before by its title. */
static const char dated_pattern[] =
	"\\s{0,3}(?:от|ngày|năm|of|dated)\\s{1,3}\\d";

#endif /* DT_CITE_GRAMMAR_DATA_H */
