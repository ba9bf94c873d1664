/*
 * outline_grammar.c - the numbering grammar as data: one row per level per
 * language.  A new language or level is a new row, not new code.
 *
 * Every pattern is anchored at the start of a line of block text and has
 * three groups: 1 the number as written, 2 the delimiter after it ("." ":"
 * ")" "-" or empty), 3 the rest of the line.  The rest is written REST, an
 * empty group where it starts: the rest always runs to the end of the line
 * (classify() sets that end), and having PCRE2 walk it with "(.*)" cost a
 * fifth of the grammar's matching time on long paragraphs.  Rows are
 * tried in order and
 * the first match wins, so specific shapes (Charter tags, decimals) come
 * before general ones (clauses).  Counts are bounded ({1,4}) and nothing
 * repeats unboundedly before a fixed token, so every pattern is linear.
 */
#include "outline_grammar.h"

/* Shared tails: the number's delimiter and the rest of the line. */
#define REST "()"
#define DELIM_REST "\\s*([.:\\-\\x{2013}]?)\\s*" REST
#define ROMAN "[IVXLC]{1,8}"

const dt_grammar_row dt__outline_grammar[] = {
	/* Charter-keyed regulations (DOMAIN §2.3): "1. Điều 1 (Khoản 2):",
	 * "2.1- Điều 3 (điểm 1) :" — a decimal item tagged with the Charter
	 * article (group 2) and clause (group 3) it implements; rest in 4. */
	{ DT_KIND_LEVEL, NUM_DECIMAL, G_CHARTER | G_HEAD,
	  "^(\\d{1,3}(?:\\.\\d{1,3}){0,5})\\s*[.\\-]\\s*(?:điều|Điều)\\s*"
	  "(\\d{1,3})\\s*(?:\\(\\s*(?:khoản|điểm)\\s*(\\d{1,3})\\s*\\))?"
	  "\\s*:\\s*" REST },
	/* "2.1. (Khoản 1): Title": clause tag; the article comes from the
	 * parent item.  Groups: 1 num, 2 clause, 3 rest. */
	{ DT_KIND_LEVEL, NUM_DECIMAL, G_CHARTER_SUB | G_HEAD,
	  "^(\\d{1,3}(?:\\.\\d{1,3}){1,5})\\.?\\s*[.\\-]?\\s*\\(\\s*"
	  "(?:khoản|điểm)\\s*(\\d{1,3})\\s*\\)\\s*:?\\s*" REST },

	/* Vietnamese containers (Decree 34/2016 layouts, Party texts). */
	{ DT_KIND_PART, NUM_ORDINAL, G_HEAD,
	  "^phần\\s+(thứ\\s+\\p{L}{1,6}(?:\\s+\\p{L}{1,6})?|" ROMAN "|\\d{1,3})"
	  "(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_CHAPTER, NUM_ROMAN, G_HEAD,
	  "^chương\\s+(" ROMAN "|\\d{1,3})(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_SUBSECTION, NUM_ARABIC, G_HEAD,
	  "^tiểu\\s+mục\\s+(\\d{1,3})(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_SECTION, NUM_ROMAN, G_HEAD,
	  "^mục\\s+(\\d{1,3}|" ROMAN ")(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_ARTICLE, NUM_ARABIC, G_HEAD | G_NEEDS_DELIM,
	  "^điều\\s+(\\d{1,4}[a-zđ]?)(?![\\p{L}\\d])\\s*([.:]?)\\s*" REST },

	/* Russian (State Duma drafting recommendations). */
	{ DT_KIND_PART, NUM_ROMAN, G_HEAD,
	  "^раздел\\s+(" ROMAN "|\\d{1,3})(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_CHAPTER, NUM_ROMAN, G_HEAD,
	  "^глава\\s+(" ROMAN "|\\d{1,3})(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_ARTICLE, NUM_ARABIC, G_HEAD | G_NEEDS_DELIM,
	  "^статья\\s+(\\d{1,4})(?![\\p{L}\\d])\\s*([.:]?)\\s*" REST },

	/* English. */
	{ DT_KIND_PART, NUM_ROMAN, G_HEAD,
	  "^part\\s+(" ROMAN "|\\d{1,3})(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_CHAPTER, NUM_ROMAN, G_HEAD,
	  "^chapter\\s+(" ROMAN "|\\d{1,3})(?![\\p{L}\\d])" DELIM_REST },
	{ DT_KIND_ARTICLE, NUM_ARABIC, G_HEAD | G_NEEDS_DELIM,
	  "^article\\s+(\\d{1,4})(?![\\p{L}\\d])\\s*([.:]?)\\s*" REST },

	/* An appendix ("PHỤ LỤC", "Приложение № 1") holds what follows, so
	 * its sections and tables do not run on from the body's. */
	{ DT_KIND_BLOCK, NUM_NONE, G_HEAD,
	  "^(phụ\\s+lục|приложение|appendix|annex)(?![\\p{L}])()\\s*" REST },
	/* Plan and guidance sections "I.", "II-" (upper case only). */
	{ DT_KIND_SECTION, NUM_ROMAN, G_HEAD | G_CASE,
	  "^(" ROMAN ")\\s*([.\\-])\\s+" REST },
	/* Decimal items "1.1.", "1.1.1.", "1.1-" (not a date: no digit may
	 * follow the last component). */
	{ DT_KIND_LEVEL, NUM_DECIMAL, 0,
	  "^(\\d{1,3}(?:\\.\\d{1,3}){1,5})(?!\\d)(\\.?-?)\\s+" REST },
	/* Clauses "1.", "1)", "1-", inserted "2a." */
	{ DT_KIND_CLAUSE, NUM_ARABIC, 0,
	  "^(\\d{1,3}[a-zđ]?)(?![\\d.]\\d)\\s*([.)\\-])\\s+" REST },
	/* Points: Vietnamese and Latin letters "a)", "đ)"; Russian "а)";
	 * English "(a)". */
	{ DT_KIND_POINT, NUM_LETTER_VI, G_CASE,
	  "^([a-zđ][0-9]?)\\s*(\\))\\s*" REST },
	{ DT_KIND_POINT, NUM_LETTER_RU, G_CASE,
	  "^([а-яё])\\s*(\\))\\s*" REST },
	{ DT_KIND_POINT, NUM_LETTER_VI, G_CASE,
	  "^\\(([a-z])(\\))\\s*" REST },
	/* Items "-", "+", "•", "*", en dash. */
	{ DT_KIND_ITEM, NUM_NONE, G_CASE,
	  "^([\\-+*\\x{2022}\\x{2013}])()\\s+" REST },
};

const size_t dt__outline_grammar_count =
	sizeof(dt__outline_grammar) / sizeof(dt__outline_grammar[0]);

/* Point letters in the order of each alphabet's legal numbering: the
 * Vietnamese order skips letters with diacritics except đ, and has no f,
 * j, w, z (DOMAIN §2.1); Russian drafting skips ё, й, ъ, ы, ь. */
const char *const dt__letters_vi[] = { "a", "b", "c", "d", "đ", "e", "g",
	"h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
	"x", "y", NULL };
const char *const dt__letters_ru[] = { "а", "б", "в", "г", "д", "е", "ж",
	"з", "и", "к", "л", "м", "н", "о", "п", "р", "с", "т", "у", "ф", "х",
	"ц", "ч", "ш", "щ", "э", "ю", "я", NULL };

/* Vietnamese ordinals of "Phần thứ …". */
const char *const dt__ordinals_vi[] = { "nhất", "hai", "ba", "tư", "năm",
	"sáu", "bảy", "tám", "chín", "mười", NULL };
