/*
 * test_encoding.c - unit tests for lib/encoding.c (dt__decode and the
 * encoding names).
 *
 * Legacy bytes are built without the library's tables: glibc iconv makes
 * VISCII, Windows-1258 and TCVN3 (its VN1 table, adjusted below where VN3
 * differs), and the VNI bytes come from the VNI-Windows layout written out
 * again here.  Every letter is composed independently with ICU NFC, and
 * results are compared after NFC, because decoders may leave tones
 * decomposed.
 */
#include <criterion/criterion.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

/* ## Helpers */

/* NFC of `len` bytes of UTF-8, malloc'd and NUL-terminated. */
static char *nfc(const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
	int32_t wcap = (int32_t)len + 1, ocap = 2 * (int32_t)len + 8;
	int32_t wlen = 0, olen = 0, blen = 0;
	UChar *w = malloc(sizeof(UChar) * (size_t)wcap);
	UChar *o = malloc(sizeof(UChar) * (size_t)ocap);
	char *b;

	u_strFromUTF8(w, wcap, &wlen, s, (int32_t)len, &st);
	olen = unorm2_normalize(norm, w, wlen, o, ocap, &st);
	b = malloc(3 * (size_t)olen + 1);
	u_strToUTF8(b, 3 * olen + 1, &blen, o, olen, &st);
	cr_assert(U_SUCCESS(st), "ICU: %s", u_errorName(st));
	free(w);
	free(o);
	return b;
}

/* One code point from the NFC of base + marks (marks may be 0). */
static uint32_t compose(uint32_t base, uint32_t m1, uint32_t m2)
{
	char in[16], *out;
	size_t n = dt__utf8_encode(base, in);
	uint32_t cp = 0;

	if (m1 != 0) {
		n += dt__utf8_encode(m1, in + n);
	}
	if (m2 != 0) {
		n += dt__utf8_encode(m2, in + n);
	}
	out = nfc(in, n);
	cr_assert_eq(
		dt__utf8_decode((const unsigned char *)out, strlen(out), &cp),
		strlen(out), "does not compose to one code point");
	free(out);
	return cp;
}

/* The 12 vowels: ASCII base letter and quality mark (0 = none). */
static const struct {
	char base;
	uint32_t mark;
} vowels[12] = {
	{'a', 0},
	{'a', 0x0306},
	{'a', 0x0302},
	{'e', 0},
	{'e', 0x0302},
	{'i', 0},
	{'o', 0},
	{'o', 0x0302},
	{'o', 0x031B},
	{'u', 0},
	{'u', 0x031B},
	{'y', 0},
};
/* none, grave, acute, hook above, tilde, dot below */
static const uint32_t tones[6] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};

static uint32_t letter(int v, int t, int upper)
{
	uint32_t base =
		(uint32_t)(upper ? vowels[v].base - 32 : vowels[v].base);

	return compose(base, vowels[v].mark, tones[t]);
}

/* Find cp among the Vietnamese vowel letters; 0 if it is none. */
static int find_letter(uint32_t cp, int *v, int *t, int *upper)
{
	for (*upper = 0; *upper < 2; ++*upper) {
		for (*v = 0; *v < 12; ++*v) {
			for (*t = 0; *t < 6; ++*t) {
				if (letter(*v, *t, *upper) == cp) {
					return 1;
				}
			}
		}
	}
	return 0;
}

/* Every vowel with every tone in both cases, then đ Đ, space-separated.
 * Capitals stand inside a word ("HỘ"), as they do in text: TCVN3 reads
 * some VN1 capitals only there. */
static char *all_letters(size_t *len)
{
	dt_buf b;
	int v, t, up;

	dt__buf_init(&b, 0);
	for (up = 0; up < 2; up++) {
		for (v = 0; v < 12; v++) {
			for (t = 0; t < 6; t++) {
				char u[4];

				if (up) {
					dt__buf_putc(&b, 'H');
				}
				dt__buf_append(&b, u,
					dt__utf8_encode(letter(v, t, up), u));
				dt__buf_putc(&b, ' ');
			}
		}
	}
	dt__buf_append(&b, "\xC4\x91 \xC4\x90\n", 5);
	return dt__buf_detach(&b, len);
}

/* VNI bytes for vowel v, tone t, from the VNI-Windows layout. */
static size_t vni_letter(int v, int t, int upper, unsigned char *o)
{
	static const unsigned char tone_only[6] = {
		0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF};
	static const unsigned char circ[6] = {
		0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4};
	static const unsigned char breve[6] = {
		0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB};
	static const unsigned char i_tone[6] = {
		'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2};
	unsigned char shift = upper ? 0x20 : 0;
	size_t n = 1;

	if (v == 5) { /* i: one byte per tone */
		o[0] = (unsigned char)(i_tone[t] - shift);
		return 1;
	}
	if (v == 11 && t == 5) { /* ỵ */
		o[0] = (unsigned char)(0xEE - shift);
		return 1;
	}
	o[0] = (unsigned char)(v == 8    ? 0xF4
			       : v == 10 ? 0xF6
					 : (unsigned char)vowels[v].base);
	o[0] = (unsigned char)(o[0] - shift);
	if (vowels[v].mark == 0x0302) {
		o[n++] = (unsigned char)(circ[t] - shift);
	} else if (vowels[v].mark == 0x0306) {
		o[n++] = (unsigned char)(breve[t] - shift);
	} else if (t != 0) {
		o[n++] = (unsigned char)(tone_only[t] - shift);
	}
	return n;
}

/* Encode with glibc iconv; the whole text must be representable. */
static char *iconv_encode(
	const char *to, const char *s, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t cap = 4 * len + 16, left = cap;
	char *out = malloc(cap), *o = out, *in = (char *)s;

	cr_assert(cd != (iconv_t)-1, "no iconv converter for %s", to);
	cr_assert(iconv(cd, &in, &len, &o, &left) != (size_t)-1);
	cr_assert(iconv(cd, NULL, NULL, &o, &left) != (size_t)-1);
	iconv_close(cd);
	*out_len = cap - left;
	return out;
}

/* One code point in VNI. */
static void vni_cp(uint32_t cp, dt_buf *bytes)
{
	unsigned char o[2];
	int v, t, up;

	if (cp < 0x80) {
		dt__buf_putc(bytes, (char)cp);
	} else if (cp == 0x111 || cp == 0x110) {
		dt__buf_putc(bytes, (char)(cp == 0x111 ? 0xF1 : 0xD1));
	} else {
		cr_assert(find_letter(cp, &v, &t, &up), "U+%04X", cp);
		dt__buf_append(bytes, (const char *)o, vni_letter(v, t, up, o));
	}
}

/* `s` in legacy encoding `enc`: glibc iconv, except for VNI. */
static char *encode(dt_encoding enc, const char *s, size_t *len)
{
	static const char *const iconv_name[] = {
		[DT_ENC_CP1258] = "CP1258",
		[DT_ENC_TCVN3] = "TCVN5712-1",
		[DT_ENC_VISCII] = "VISCII",
	};
	dt_buf bytes;
	size_t i = 0, n = strlen(s);

	if (enc != DT_ENC_VNI) {
		return iconv_encode(iconv_name[enc], s, n, len);
	}
	dt__buf_init(&bytes, 0);
	while (i < n) {
		uint32_t cp;
		size_t k = dt__utf8_decode(
			(const unsigned char *)s + i, n - i, &cp);

		cr_assert(k > 0);
		vni_cp(cp, &bytes);
		i += k;
	}
	return dt__buf_detach(&bytes, len);
}

/* Decode, expect success with encoding `want`, and compare under NFC. */
static void expect_decodes(const char *bytes, size_t len, dt_encoding enc,
	dt_encoding want, const char *expect)
{
	dt_encoding used = DT_ENC_AUTO;
	dt_error err = {0};
	char *out = NULL, *a, *b;
	size_t out_len = 0;
	int rc = dt__decode(&out, &out_len, &used, bytes, len, enc, &err);

	cr_assert_eq(rc, 0, "rc %d: %s", rc, err.message);
	cr_assert_eq(used, want, "used %s, want %s", dt_encoding_name(used),
		dt_encoding_name(want));
	cr_assert_eq(out[out_len], '\0');
	cr_assert_eq(dt__utf8_invalid_at(out, out_len), out_len);
	a = nfc(out, out_len);
	b = nfc(expect, strlen(expect));
	cr_assert_str_eq(a, b);
	free(a);
	free(b);
	dt__free(out);
}

/* Decode, expect DT_EUTF8 at line:column. */
static void expect_error(const char *bytes, size_t len, dt_encoding enc,
	size_t line, size_t column, const char *message)
{
	dt_error err = {0};
	char *out = (char *)1;
	int rc = dt__decode(&out, NULL, NULL, bytes, len, enc, &err);

	cr_assert_eq(rc, DT_EUTF8, "rc %d", rc);
	cr_assert_null(out);
	cr_assert_eq(err.code, DT_EUTF8);
	cr_assert_eq(err.line, line, "line %zu", err.line);
	cr_assert_eq(err.column, column, "column %zu", err.column);
	if (message != NULL) {
		cr_assert_str_eq(err.message, message);
	}
}

static void round_trip(dt_encoding enc)
{
	size_t n, len;
	char *text = all_letters(&n);
	char *bytes = encode(enc, text, &len);

	expect_decodes(bytes, len, enc, enc, text);
	free(text);
	free(bytes);
}

/* Our own administrative sentences. */
static const char paragraph[] =
	"Ủy ban nhân dân tỉnh có trách nhiệm triển khai thực hiện "
	"Quy định này.\n"
	"Điều 3. Giám đốc Sở Tài chính chủ trì, phối hợp với các cơ quan "
	"liên quan hướng dẫn, kiểm tra, đôn đốc việc thực hiện; định kỳ "
	"sáu tháng một lần tổng hợp, báo cáo kết quả.\n"
	"Quyết định này có hiệu lực thi hành kể từ ngày ký.\n";

static void detect(dt_encoding enc)
{
	size_t len;
	char *bytes = encode(enc, paragraph, &len);

	expect_decodes(bytes, len, DT_ENC_AUTO, enc, paragraph);
	free(bytes);
}

/* ## Names */

Test(encoding, names_every_encoding_canonically)
{
	static const char *const want[] = {"auto", "UTF-8", "UTF-16LE",
		"UTF-16BE", "Windows-1258", "TCVN3", "VISCII", "VNI"};
	int e;

	for (e = 0; e < DT_ENC_COUNT_; e++) {
		dt_encoding back = DT_ENC_COUNT_;

		cr_assert_str_eq(dt_encoding_name((dt_encoding)e), want[e]);
		cr_assert_eq(dt_encoding_from_name(&back, want[e]), 0);
		cr_assert_eq((int)back, e);
	}
	cr_assert_null(dt_encoding_name(DT_ENC_COUNT_));
}

Test(encoding, finds_every_alias_in_any_case)
{
	static const struct {
		const char *name;
		dt_encoding enc;
	} cases[] = {
		{"utf8", DT_ENC_UTF8},
		{"UTF-8", DT_ENC_UTF8},
		{"utf16le", DT_ENC_UTF16LE},
		{"Utf-16LE", DT_ENC_UTF16LE},
		{"utf16be", DT_ENC_UTF16BE},
		{"cp1258", DT_ENC_CP1258},
		{"WINDOWS-1258", DT_ENC_CP1258},
		{"win1258", DT_ENC_CP1258},
		{"tcvn", DT_ENC_TCVN3},
		{"TCVN3", DT_ENC_TCVN3},
		{"tcvn5712", DT_ENC_TCVN3},
		{"TCVN5712-1", DT_ENC_TCVN3},
		{"abc", DT_ENC_TCVN3},
		{"VN3", DT_ENC_TCVN3},
		{"viscii", DT_ENC_VISCII},
		{"vni", DT_ENC_VNI},
		{"VNI-Windows", DT_ENC_VNI},
		{"vni-times", DT_ENC_VNI},
		{"AUTO", DT_ENC_AUTO},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dt_encoding e = DT_ENC_COUNT_;

		cr_assert_eq(dt_encoding_from_name(&e, cases[i].name), 0, "%s",
			cases[i].name);
		cr_assert_eq(e, cases[i].enc, "%s", cases[i].name);
	}
}

Test(encoding, rejects_unknown_names)
{
	dt_encoding e = DT_ENC_VNI;

	cr_assert_eq(dt_encoding_from_name(&e, "latin1"), DT_ENOTFOUND);
	cr_assert_eq(dt_encoding_from_name(&e, "utf"), DT_ENOTFOUND);
	cr_assert_eq(dt_encoding_from_name(&e, "utf-88"), DT_ENOTFOUND);
	cr_assert_eq(dt_encoding_from_name(&e, ""), DT_ENOTFOUND);
	cr_assert_eq(e, DT_ENC_VNI);
}

/* ## Unicode encodings */

Test(encoding, copies_utf8_and_reports_it)
{
	expect_decodes(paragraph, strlen(paragraph), DT_ENC_AUTO, DT_ENC_UTF8,
		paragraph);
	expect_decodes(paragraph, strlen(paragraph), DT_ENC_UTF8, DT_ENC_UTF8,
		paragraph);
}

Test(encoding, reads_ascii_as_utf8)
{
	static const char s[] = "Dieu 1. Pham vi dieu chinh\r\n";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_AUTO, DT_ENC_UTF8, s);
}

Test(encoding, drops_a_utf8_bom)
{
	static const char s[] = "\xEF\xBB\xBF\xC4\x90i\xE1\xBB\x81u 1";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_AUTO, DT_ENC_UTF8, s + 3);
	expect_decodes(s, sizeof(s) - 1, DT_ENC_UTF8, DT_ENC_UTF8, s + 3);
}

Test(encoding, gives_an_empty_string_for_empty_input)
{
	int e;

	for (e = 0; e < DT_ENC_COUNT_; e++) {
		char *out = NULL;
		size_t n = 99;

		cr_assert_eq(dt__decode(&out, &n, NULL, NULL, 0, (dt_encoding)e,
				     NULL),
			0, "%s", dt_encoding_name((dt_encoding)e));
		cr_assert_eq(n, 0);
		cr_assert_str_eq(out, "");
		dt__free(out);
	}
}

Test(encoding, detects_utf16le_and_utf16be_by_bom)
{
	/* "Đi\n😀" */
	static const char le[] = "\xFF\xFE\x10\x01i\0\n\0\x3D\xD8\x00\xDE";
	static const char be[] = "\xFE\xFF\x01\x10\0i\0\n\xD8\x3D\xDE\x00";
	static const char want[] = "\xC4\x90i\n\xF0\x9F\x98\x80";

	expect_decodes(le, sizeof(le) - 1, DT_ENC_AUTO, DT_ENC_UTF16LE, want);
	expect_decodes(be, sizeof(be) - 1, DT_ENC_AUTO, DT_ENC_UTF16BE, want);
	expect_decodes(
		le + 2, sizeof(le) - 3, DT_ENC_UTF16LE, DT_ENC_UTF16LE, want);
	expect_decodes(
		be, sizeof(be) - 1, DT_ENC_UTF16BE, DT_ENC_UTF16BE, want);
}

Test(encoding, reports_broken_utf16_with_position)
{
	static const char lone[] = "\xFF\xFE"
				   "a\0\n\0b\0\x00\xDC";
	static const char odd[] = "\xFF\xFE"
				  "a\0\r\0\n\0b";

	expect_error(lone, sizeof(lone) - 1, DT_ENC_AUTO, 2, 3,
		"unpaired UTF-16 surrogate 0xDC00");
	expect_error(odd, sizeof(odd) - 1, DT_ENC_AUTO, 2, 1,
		"UTF-16 text ends in half a code unit");
}

Test(encoding, reports_invalid_forced_utf8_with_position)
{
	static const char s[] = "Ch\xC6\xB0\xC6\xA1ng I\n# \xC3\x28\n";

	expect_error(
		s, sizeof(s) - 1, DT_ENC_UTF8, 2, 3, "invalid UTF-8 byte 0xC3");
}

Test(encoding, validates_utf8_exactly_like_the_reference_decoder)
{
	static const unsigned char alphabet[] = {'a', '\n', 0x80, 0x8F, 0x90,
		0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF,
		0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
	unsigned seed = 12345;
	int k;

	for (k = 0; k < 20000; k++) {
		char s[24], *out = NULL;
		size_t n = (size_t)k % sizeof(s), i, off, line, col;
		dt_error err = {0};
		int rc;

		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (char)alphabet[(seed >> 16) % sizeof(alphabet)];
		}
		off = dt__utf8_invalid_at(s, n);
		rc = dt__decode(&out, NULL, NULL, s, n, DT_ENC_UTF8, &err);
		cr_assert_eq(rc, off == n ? 0 : DT_EUTF8);
		if (rc == 0) {
			cr_assert_eq(memcmp(out, s, n), 0);
			dt__free(out);
			continue;
		}
		dt__line_col(s, off, &line, &col);
		cr_assert_eq(err.line, line);
		cr_assert_eq(err.column, col);
	}
}

/* ## Legacy encodings: every letter, every tone, both cases */

Test(encoding, tcvn3_round_trips_every_letter_and_tone)
{
	round_trip(DT_ENC_TCVN3);
}

Test(encoding, vni_round_trips_every_letter_and_tone)
{
	round_trip(DT_ENC_VNI);
}

Test(encoding, viscii_round_trips_every_letter_and_tone)
{
	round_trip(DT_ENC_VISCII);
}

Test(encoding, windows1258_round_trips_every_letter_and_tone)
{
	round_trip(DT_ENC_CP1258);
}

Test(encoding, tcvn3_reads_the_signature_bytes)
{
	/* ® § © Õ Þ µ ¹ and the soft hyphen that is ư */
	static const char s[] =
		"\xAE \xA7 \xA9 \xD5 \xDE \xB5 \xB9 H\xAD\xEDng";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_TCVN3, DT_ENC_TCVN3,
		"đ Đ â ế ị à ạ Hướng");
}

/* glibc's reading of one TCVN5712-1 byte, as UTF-8 (malloc'd). */
static char *glibc_tcvn(unsigned char b)
{
	iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
	char buf[8], *o = buf, *in = (char *)&b;
	size_t il = 1, ol = sizeof(buf);

	cr_assert(cd != (iconv_t)-1);
	cr_assert(iconv(cd, &in, &il, &o, &ol) != (size_t)-1);
	cr_assert(iconv(cd, NULL, NULL, &o, &ol) != (size_t)-1);
	iconv_close(cd);
	return strndup(buf, sizeof(buf) - ol);
}

Test(encoding, tcvn3_agrees_with_glibc_except_for_windows_punctuation)
{
	unsigned b;

	for (b = 0; b <= 0xFF; b++) {
		char in = (char)b, *g, *out = NULL;
		size_t n = 0;

		if (b == 0x85 || (b >= 0x91 && b <= 0x97)) {
			continue;
		}
		g = glibc_tcvn((unsigned char)b);
		cr_assert_eq(
			dt__decode(&out, &n, NULL, &in, 1, DT_ENC_TCVN3, NULL),
			0);
		cr_assert_eq(n, strlen(g) + (b == 0), "byte 0x%02X", b);
		cr_assert_eq(memcmp(out, g, n), 0, "byte 0x%02X", b);
		free(g);
		dt__free(out);
	}
}

Test(encoding, tcvn3_reads_windows_punctuation_between_words)
{
	static const char s[] = "\x93Quy \xAE\xDEnh\x94 \x96 \x85 "
				"\x93\xA7\x91NH\x94.";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_TCVN3, DT_ENC_TCVN3,
		"“Quy định” – … “ĐỊNH”.");
}

Test(encoding, tcvn3_reads_vn1_capitals_inside_words)
{
	static const char s[] = "CỘNG HÒA, NGHỊ QUYẾT ĐẶC BIỆT; HỌ VÀ TÊN; "
				"ỦY BAN, ÚT, Ý KIẾN, ĐỨNG, RÕ RÀNG";
	size_t len;
	char *bytes = encode(DT_ENC_TCVN3, s, &len);

	expect_decodes(bytes, len, DT_ENC_TCVN3, DT_ENC_TCVN3, s);
	free(bytes);
}

Test(encoding, vni_reads_the_signature_bytes)
{
	static const char s[] = "\xF1 \xD1 \xF6 \xF4 e\xE4 a\xF8 \xED\xEC\xE6"
				"\xF3\xF2 a\xEA a\xE9 U\xDBy";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_VNI, DT_ENC_VNI,
		"đ Đ ư ơ ệ à íìỉĩị ă ắ Ủy");
}

Test(encoding, vni_keeps_a_stray_mark_as_a_combining_mark)
{
	static const char s[] = "n\xF9 \xE1";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_VNI, DT_ENC_VNI,
		"n\xCC\x81 \xCC\x82\xCC\x81");
}

Test(encoding, windows1258_tones_compose_under_nfc)
{
	/* Vi ê + dot below t */
	static const char s[] = "Vi\xEA\xF2t";

	expect_decodes(s, sizeof(s) - 1, DT_ENC_CP1258, DT_ENC_CP1258, "Việt");
}

Test(encoding, reports_bytes_a_forced_encoding_lacks)
{
	static const char s[] = "Dieu 1\r\nKhoan 2\x81.";

	expect_error(s, sizeof(s) - 1, DT_ENC_CP1258, 2, 8,
		"byte 0x81 is not defined in Windows-1258");
	expect_error(s, sizeof(s) - 1, DT_ENC_VNI, 2, 8,
		"byte 0x81 is not defined in VNI");
}

/* ## Detection */

Test(encoding, detects_a_tcvn3_paragraph)
{
	detect(DT_ENC_TCVN3);
}

Test(encoding, detects_a_vni_paragraph)
{
	detect(DT_ENC_VNI);
}

Test(encoding, detects_a_viscii_paragraph)
{
	detect(DT_ENC_VISCII);
}

Test(encoding, detects_a_windows1258_paragraph)
{
	detect(DT_ENC_CP1258);
}

/* Far past the 64 KiB sample, so the output outgrows what the sample
 * needed. */
Test(encoding, detects_a_legacy_text_longer_than_the_sample)
{
	enum { COPIES = 1500 };
	size_t one, elen = strlen(paragraph), i;
	char *bytes = encode(DT_ENC_VNI, paragraph, &one);
	char *big, *want;

	big = malloc(one * COPIES);
	want = malloc(elen * COPIES + 1);
	for (i = 0; i < COPIES; i++) {
		memcpy(big + i * one, bytes, one);
		memcpy(want + i * elen, paragraph, elen + 1);
	}
	cr_assert_gt(one * COPIES, (size_t)4 << 16);
	expect_decodes(big, one * COPIES, DT_ENC_AUTO, DT_ENC_VNI, want);
	free(big);
	free(want);
	free(bytes);
}

Test(encoding, detects_legacy_text_after_a_long_ascii_preamble)
{
	enum { PREAMBLE = 100000 };
	size_t one, plen = strlen(paragraph);
	char *bytes = encode(DT_ENC_TCVN3, paragraph, &one);
	char *in = malloc(PREAMBLE + one), *want = malloc(PREAMBLE + plen + 1);
	size_t i;

	for (i = 0; i < PREAMBLE; i++) {
		in[i] = want[i] = i % 64 == 63 ? '\n' : 'a' + (char)(i % 7);
	}
	memcpy(in + PREAMBLE, bytes, one);
	memcpy(want + PREAMBLE, paragraph, plen + 1);
	expect_decodes(in, PREAMBLE + one, DT_ENC_AUTO, DT_ENC_TCVN3, want);
	free(in);
	free(want);
	free(bytes);
}

Test(encoding, keeps_cr_and_lf_one_for_one)
{
	static const char text[] = "Điều 1.\r\nPhạm vi\rđiều chỉnh\n\nĐối "
				   "tượng áp dụng\r\n";
	int e;

	for (e = DT_ENC_CP1258; e <= DT_ENC_VNI; e++) {
		size_t len;
		char *bytes = encode((dt_encoding)e, text, &len);

		/* expect_decodes compares the NFC text, CR and LF included */
		expect_decodes(
			bytes, len, (dt_encoding)e, (dt_encoding)e, text);
		free(bytes);
	}
	expect_decodes(text, strlen(text), DT_ENC_AUTO, DT_ENC_UTF8, text);
}

Test(encoding, rejects_a_stray_byte_in_utf8_with_its_position)
{
	static const char s[] = "Điều 1.\nPhạm vi\x81 điều chỉnh\n";

	expect_error(s, sizeof(s) - 1, DT_ENC_AUTO, 2, 10,
		"invalid UTF-8 byte 0x81 and no Vietnamese legacy encoding "
		"fits");
}

Test(encoding, rejects_a_lone_high_byte_in_ascii)
{
	static const char s[] = "Dieu 1\nKhoan 2 \x81 diem a\n";

	expect_error(s, sizeof(s) - 1, DT_ENC_AUTO, 2, 9, NULL);
}

/* A UTF-16 surrogate written as UTF-8 would otherwise decode as TCVN3
 * "ớ À" and pass as a legacy text. */
Test(encoding, rejects_an_encoded_surrogate_as_broken_utf8)
{
	static const char ascii[] = "Dieu 1. Pham vi \xED\xA0\x80 dieu chinh\n";
	static const char vi[] = "Điều 1. a \xED\xA0\x80 b\n";

	expect_error(ascii, sizeof(ascii) - 1, DT_ENC_AUTO, 1, 17,
		"invalid UTF-8 byte 0xED (an encoded UTF-16 surrogate)");
	expect_error(vi, sizeof(vi) - 1, DT_ENC_AUTO, 1, 14,
		"invalid UTF-8 byte 0xED (an encoded UTF-16 surrogate)");
}

Test(encoding, rejects_random_binary)
{
	static const char s[] =
		"\x01\x02\n\xfd\xfc\x8f\x13\xbe\xef\x00\x91"
		"\xc0\xc1\x7f\xfa\xa5\x10\xe2\xd6\x9d\xfb\x80\x8a";

	expect_error(s, sizeof(s) - 1, DT_ENC_AUTO, 2, 1, NULL);
}

Test(encoding, does_not_mistake_french_latin1_for_vietnamese)
{
	static const char s[] = "Le comit\xE9 na\xEFve \xE0 l'\xE9t\xE9 "
				"d\xE9\x63ide du budget g\xE9n\xE9ral.";

	expect_error(s, sizeof(s) - 1, DT_ENC_AUTO, 1, 9, NULL);
}

Test(encoding, returns_enomem_when_allocation_fails)
{
	size_t len;
	char *bytes = encode(DT_ENC_TCVN3, paragraph, &len);
	int n, failed = 0;

	for (n = 1; n < 40; n++) {
		char *out = NULL;
		dt_error err = {0};
		int rc;

		dt__alloc_fail_after((size_t)n);
		rc = dt__decode(
			&out, NULL, NULL, bytes, len, DT_ENC_AUTO, &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "rc %d at %d", rc, n);
		failed += rc == DT_ENOMEM;
		cr_assert(rc == 0 || out == NULL);
		dt__free(out);
	}
	cr_assert_gt(failed, 0);
	free(bytes);
}
