/*
 * vni_table.h - the data encoding.c works from: the byte tables of the two legacy encodings it reads without a library
 * (VNI-Windows and TCVN3, VN3 "ABC").  Included by encoding.c only; the
 * letters themselves are in vn_letters.h.
 *
 * Why hand-written: neither glibc iconv nor ICU knows VNI at all, and
 * glibc's TCVN5712-1 is the full VN1 table, which reads the bytes where
 * many TCVN3 files keep Windows punctuation as capital letters (see
 * tcvn3_high below).  The layouts were checked against the signatures in
 * DOMAIN.md §6.3 and the unit tests rebuild every letter from them.
 */
#ifndef DT_VNI_TABLE_H
#define DT_VNI_TABLE_H

#include <stdint.h>

#include "vn_letters.h"

/* Hand-aligned tables: */
/* clang-format off */

/* Vowel-quality marks a VNI mark byte can carry. */
enum { Q_NONE, Q_CIRCUMFLEX, Q_BREVE };

/*
 * Windows-1252 at 0x80..0x9F (0 = undefined).  Word's "save as text" of a
 * VNI or TCVN3 document writes its smart quotes, dashes and ellipses here,
 * so both font encodings read these bytes as Windows punctuation.
 */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/*
 * TCVN3 bytes 0x80..0xFF.  0xA0..0xFF is the VN3 layout of the .VnTime
 * fonts (lowercase letters with tones, the seven capitals Ă Â Ê Ô Ơ Ư Đ,
 * and the VN1 capitals and combining tones in the slots VN3 leaves free);
 * it equals glibc's TCVN5712-1 there.  VN3 files need no other capitals
 * (.VnTimeH fonts draw them from the lowercase bytes), so 0x80..0x9F is
 * free in VN3 and Word exports put Windows punctuation there, while
 * glibc and VN1 keyboards put capitals there.  This table has the VN1
 * capitals except at 0x85 and 0x91..0x97 (… ‘ ’ “ ” • – —), which
 * tcvn3_vn1_caps and the context rule in encoding.c settle.
 */
static const uint16_t tcvn3_high[128] = {
	0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x2026, 0x1EAC, 0x00C8,
	0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
	0x00CD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* The VN1 capitals behind the punctuation bytes above: Ặ Ị Ò Ỏ Õ Ó Ọ Ộ
 * (index b - 0x80; 0 elsewhere). */
static const uint16_t tcvn3_vn1_caps[32] = {
	[0x05] = 0x1EB6, [0x11] = 0x1ECA, [0x12] = 0x00D2, [0x13] = 0x1ECE,
	[0x14] = 0x00D5, [0x15] = 0x00D3, [0x16] = 0x1ECC, [0x17] = 0x1ED8,
};

/* VN1 capitals in C0 (0 = the control character itself).  TAB, LF and
 * CR are untouched, and VN3 files never hold the other controls. */
static const uint16_t tcvn3_c0[32] = {
	[0x01] = 0x00DA, [0x02] = 0x1EE4, [0x04] = 0x1EEA, [0x05] = 0x1EEC,
	[0x06] = 0x1EEE, [0x11] = 0x1EE8, [0x12] = 0x1EF0, [0x13] = 0x1EF2,
	[0x14] = 0x1EF6, [0x15] = 0x1EF8, [0x16] = 0x00DD, [0x17] = 0x1EF4,
};

/*
 * VNI-Windows.  A letter is written as its base byte followed by at most
 * one mark byte that carries the vowel quality and the tone together:
 *   tone only            ù ø û õ ï   acute grave hook tilde dot
 *   circumflex (+ tone)  â á à å ã ä none acute grave hook tilde dot
 *   breve (+ tone)       ê é è ú ü ë none acute grave hook tilde dot
 * A few letters have bytes of their own: ô = ơ, ö = ư, ñ = đ, î = ỵ and
 * í ì æ ó ò = i with acute grave hook tilde dot.  Capitals use the byte
 * 0x20 lower (Ù for ù, Ñ for Đ).  Every other byte reads as Windows-1252.
 */
enum { VNI_OTHER, VNI_VOWEL, VNI_DD, VNI_MARK };

typedef struct {
	uint8_t kind;    /* VNI_* */
	uint8_t arg;     /* VNI_VOWEL: VN_*; VNI_MARK: Q_* */
	uint8_t tone;    /* TONE_* */
} vni_byte;

/* Lowercase half; the capital of byte b ('a'..'z', 0xE0..0xFF) is
 * b - 0x20. */
#define VNI_V(v, t) { VNI_VOWEL, (v), (t) }
#define VNI_M(q, t) { VNI_MARK, (q), (t) }
static const vni_byte vni_lower[256] = {
	['a'] = VNI_V(VN_A, TONE_NONE),
	['e'] = VNI_V(VN_E, TONE_NONE),
	['i'] = VNI_V(VN_I, TONE_NONE),
	['o'] = VNI_V(VN_O, TONE_NONE),
	['u'] = VNI_V(VN_U, TONE_NONE),
	['y'] = VNI_V(VN_Y, TONE_NONE),
	[0xF4] = VNI_V(VN_OW, TONE_NONE),         /* ô: ơ */
	[0xF6] = VNI_V(VN_UW, TONE_NONE),         /* ö: ư */
	[0xF1] = { VNI_DD, 0, 0 },                /* ñ: đ */
	[0xEE] = VNI_V(VN_Y, TONE_DOT),           /* î: ỵ */
	[0xED] = VNI_V(VN_I, TONE_ACUTE),         /* í */
	[0xEC] = VNI_V(VN_I, TONE_GRAVE),         /* ì */
	[0xE6] = VNI_V(VN_I, TONE_HOOK),          /* æ: ỉ */
	[0xF3] = VNI_V(VN_I, TONE_TILDE),         /* ó: ĩ */
	[0xF2] = VNI_V(VN_I, TONE_DOT),           /* ò: ị */
	[0xF9] = VNI_M(Q_NONE, TONE_ACUTE),       /* ù */
	[0xF8] = VNI_M(Q_NONE, TONE_GRAVE),       /* ø */
	[0xFB] = VNI_M(Q_NONE, TONE_HOOK),        /* û */
	[0xF5] = VNI_M(Q_NONE, TONE_TILDE),       /* õ */
	[0xEF] = VNI_M(Q_NONE, TONE_DOT),         /* ï */
	[0xE2] = VNI_M(Q_CIRCUMFLEX, TONE_NONE),  /* â */
	[0xE1] = VNI_M(Q_CIRCUMFLEX, TONE_ACUTE), /* á */
	[0xE0] = VNI_M(Q_CIRCUMFLEX, TONE_GRAVE), /* à */
	[0xE5] = VNI_M(Q_CIRCUMFLEX, TONE_HOOK),  /* å */
	[0xE3] = VNI_M(Q_CIRCUMFLEX, TONE_TILDE), /* ã */
	[0xE4] = VNI_M(Q_CIRCUMFLEX, TONE_DOT),   /* ä */
	[0xEA] = VNI_M(Q_BREVE, TONE_NONE),       /* ê */
	[0xE9] = VNI_M(Q_BREVE, TONE_ACUTE),      /* é */
	[0xE8] = VNI_M(Q_BREVE, TONE_GRAVE),      /* è */
	[0xFA] = VNI_M(Q_BREVE, TONE_HOOK),       /* ú */
	[0xFC] = VNI_M(Q_BREVE, TONE_TILDE),      /* ü */
	[0xEB] = VNI_M(Q_BREVE, TONE_DOT),        /* ë */
};
#undef VNI_V
#undef VNI_M

/* clang-format on */

#endif /* DT_VNI_TABLE_H */
