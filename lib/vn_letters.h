/*
 * vn_letters.h - the Vietnamese vowel letters with their tones, as data
 * shared by the legacy decoders (encoding.c) and the syllable scorer
 * (syllable.c).
 */
#ifndef DT_VN_LETTERS_H
#define DT_VN_LETTERS_H

#include <stdint.h>

/* clang-format off */
/* Vowel letters without a tone, in alphabet order; also the row of
 * vn_vowel below. */
enum {
	VN_A, VN_AW, VN_AA, VN_E, VN_EE, VN_I, VN_O, VN_OO, VN_OW, VN_U,
	VN_UW, VN_Y, VN_NVOWELS
};

/* Tones in the order Vietnamese grammars list them: ngang (none), huyền,
 * sắc, hỏi, ngã, nặng.  The column of vn_vowel below. */
enum {
	TONE_NONE, TONE_GRAVE, TONE_ACUTE, TONE_HOOK, TONE_TILDE, TONE_DOT,
	VN_NTONES
};

/* Every lowercase vowel letter: vn_vowel[vowel][tone].  The capital is
 * the code point minus 0x20 below U+0100 and minus 1 above (Latin-1,
 * Latin Extended-A/B and U+1EA0..U+1EF9 all pair that way). */
static const uint16_t vn_vowel[VN_NVOWELS][VN_NTONES] = {
	{ 0x0061, 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1 }, /* a */
	{ 0x0103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7 }, /* ă */
	{ 0x00E2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD }, /* â */
	{ 0x0065, 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9 }, /* e */
	{ 0x00EA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7 }, /* ê */
	{ 0x0069, 0x00EC, 0x00ED, 0x1EC9, 0x0129, 0x1ECB }, /* i */
	{ 0x006F, 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD }, /* o */
	{ 0x00F4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9 }, /* ô */
	{ 0x01A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3 }, /* ơ */
	{ 0x0075, 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5 }, /* u */
	{ 0x01B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1 }, /* ư */
	{ 0x0079, 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5 }, /* y */
};

/* Combining marks, indexed by tone (0 = none). */
static const uint16_t vn_tone_mark[VN_NTONES] = {
	0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323
};

/* clang-format on */

/* Vowel `vowel` (VN_*) with tone `tone`, lower or upper case. */
static inline uint32_t vn_cp(int vowel, int tone, int upper)
{
	uint32_t cp = vn_vowel[vowel][tone];

	if (upper) {
		cp -= cp < 0x100 ? 0x20 : 1;
	}
	return cp;
}

#endif /* DT_VN_LETTERS_H */
