"""Vietnamese legacy encodings and tone styles for the dirtrace corpus tools.

Only the Python standard library.  Used by mklegacy.py (to write the legacy
copies), refnorm.py (a reference stand-in for `dirtrace norm`) and mkgold.py.

Tables:
- TCVN3 ("ABC", TCVN 5712:1993 VN3): the lower-case letters and the seven
  untoned capitals A-breve, A-circumflex, E-circumflex, O-circumflex, O-horn,
  U-horn and D-stroke.  Byte values are those of glibc iconv's TCVN5712-1 for
  these letters, which match the classic layout (0xAE = d-stroke,
  0xA7 = D-stroke, 0xA9 = a-circumflex, 0xD5 = e-circumflex-acute,
  0xDE = i-dot-below, 0xB5 = a-grave, 0xB9 = a-dot-below, 0xAD = u-horn).
  Toned capitals do not exist in VN3 (they needed the separate ".VnTimeH"
  fonts), so encoding one is an error here.
- VNI (VNI-Windows): base letter followed by a mark byte; single bytes for
  o-horn, u-horn, d-stroke and the toned i / y-dot-below.  Same layout as the
  VNI table of the xvnkb keyboard driver (vni.h).
- Windows-1258: the Python codec 'cp1258' (base letter + combining tone byte
  on encoding goes through NFD; see encode_cp1258).
"""

import unicodedata

TONES = "\u0301\u0300\u0309\u0303\u0323"  # sac, huyen, hoi, nga, nang

# --- TCVN3 -------------------------------------------------------------------
_TCVN3_LOWER = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
    "đ": 0xAE,
}
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5,
                "Ư": 0xA6, "Đ": 0xA7}
TCVN3_ENC = dict(_TCVN3_LOWER, **_TCVN3_UPPER)
TCVN3_DEC = {v: k for k, v in TCVN3_ENC.items()}


def encode_tcvn3(text):
    out = bytearray()
    for ln, line in enumerate(text.split("\n"), 1):
        for ch in unicodedata.normalize("NFC", line):
            if ord(ch) < 0x80:
                out.append(ord(ch))
            elif ch in TCVN3_ENC:
                out.append(TCVN3_ENC[ch])
            else:
                raise ValueError("line %d: %r (U+%04X) has no TCVN3 byte"
                                 % (ln, ch, ord(ch)))
        out.append(0x0A)
    return bytes(out[:-1])


def decode_tcvn3(data):
    bad = 0
    out = []
    for b in data:
        if b < 0x80:
            out.append(chr(b))
        elif b in TCVN3_DEC:
            out.append(TCVN3_DEC[b])
        else:
            out.append("\ufffd")
            bad += 1
    return "".join(out), bad


# --- VNI ---------------------------------------------------------------------
# order of each row: no tone, sac, huyen, hoi, nga, nang (as in xvnkb vni.h)
_VNI_ROWS = [
    ("aáàảãạ", ["a", "aù", "aø", "aû", "aõ", "aï"]),
    ("âấầẩẫậ", ["aâ", "aá", "aà", "aå", "aã", "aä"]),
    ("ăắằẳẵặ", ["aê", "aé", "aè", "aú", "aü", "aë"]),
    ("eéèẻẽẹ", ["e", "eù", "eø", "eû", "eõ", "eï"]),
    ("êếềểễệ", ["eâ", "eá", "eà", "eå", "eã", "eä"]),
    ("oóòỏõọ", ["o", "où", "oø", "oû", "oõ", "oï"]),
    ("ôốồổỗộ", ["oâ", "oá", "oà", "oå", "oã", "oä"]),
    ("ơớờởỡợ", ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"]),
    ("uúùủũụ", ["u", "uù", "uø", "uû", "uõ", "uï"]),
    ("ưứừửữự", ["ö", "öù", "öø", "öû", "öõ", "öï"]),
    ("iíìỉĩị", ["i", "í", "ì", "æ", "ó", "ò"]),
    ("yýỳỷỹỵ", ["y", "yù", "yø", "yû", "yõ", "î"]),
    ("đ", ["ñ"]),
]
VNI_ENC = {}
for _chars, _codes in _VNI_ROWS:
    for _c, _v in zip(_chars, _codes):
        VNI_ENC[_c] = _v
        VNI_ENC[_c.upper()] = _v.upper()
assert len(set(VNI_ENC.values())) == len(VNI_ENC)
# plain ASCII letters decode to themselves; keep only the real codes
VNI_DEC = {v: k for k, v in VNI_ENC.items() if not (len(v) == 1 and ord(v) < 0x80)}


def encode_vni(text):
    out = []
    for ln, line in enumerate(text.split("\n"), 1):
        for ch in unicodedata.normalize("NFC", line):
            if ord(ch) < 0x80:
                out.append(ch)
            elif ch in VNI_ENC:
                out.append(VNI_ENC[ch])
            else:
                raise ValueError("line %d: %r (U+%04X) has no VNI code"
                                 % (ln, ch, ord(ch)))
        out.append("\n")
    s = "".join(out)[:-1]
    return s.encode("latin-1")


def decode_vni(data):
    s = data.decode("latin-1")
    out = []
    bad = 0
    i = 0
    while i < len(s):
        two = s[i:i + 2]
        if len(two) == 2 and two in VNI_DEC:
            out.append(VNI_DEC[two])
            i += 2
            continue
        ch = s[i]
        if ord(ch) < 0x80:
            out.append(ch)
        elif ch in VNI_DEC:
            out.append(VNI_DEC[ch])
        else:
            out.append("\ufffd")
            bad += 1
        i += 1
    return "".join(out), bad


# --- Windows-1258 ------------------------------------------------------------
def encode_cp1258(text):
    # cp1258 has precomposed a-circumflex etc. but tones only as combining
    # bytes: decompose fully, then recompose the pieces the code page has.
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in d if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def decode_cp1258(data):
    s = data.decode("cp1258", errors="replace")
    return s, s.count("\ufffd")


# --- tone style --------------------------------------------------------------
def _retone_word(w, style):
    d = unicodedata.normalize("NFD", w)
    tones = [c for c in d if c in TONES]
    if len(tones) != 1:
        return w
    tone = tones[0]
    base = unicodedata.normalize("NFC", "".join(c for c in d if c != tone))
    low = base.lower()
    if not low.endswith(("oa", "oe", "uy")):
        return w
    if low.endswith("uy") and low[:-2].endswith("q"):
        return w
    # where is the tone now?  index of the base letter it follows
    idx = -1
    for c in d:
        if c == tone:
            break
        if not unicodedata.combining(c):
            idx += 1
    n = len(base)  # all letters of these syllables are single code points
    want = n - 2 if style == "new" else n - 1
    if idx == want:
        return w
    chars = list(base)
    chars[want] = unicodedata.normalize("NFC", chars[want] + tone)
    return "".join(chars)


def retone(text, style="new"):
    """Move tones of open oa/oe/uy syllables: new (hòa, ủy) or old (hoà, uỷ)."""
    out = []
    word = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isalpha():
            word.append(ch)
            continue
        if word:
            out.append(_retone_word("".join(word), style))
            word = []
        out.append(ch)
    if word:
        out.append(_retone_word("".join(word), style))
    return "".join(out)


# --- detection and normalisation --------------------------------------------
_VN_LETTERS = set("aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợ"
                  "pqrstuùủũúụưừửữứựvxyỳỷỹýỵfjwz")


def _score(text):
    """Count words made only of Vietnamese letters that use a non-ASCII one."""
    good = 0
    bad = 0
    for tok in unicodedata.normalize("NFC", text).split():
        w = tok.strip(".,;:!?()[]{}*\"'«»“”…/-–|_#>")
        if not w:
            continue
        if all(c.lower() in _VN_LETTERS for c in w):
            if any(ord(c) > 0x7F for c in w):
                good += 1
        elif any(ord(c) > 0x7F and c.isalpha() for c in w):
            bad += 1
    return good - 2 * bad


def decode(data):
    """Return (text, encoding name) for the bytes of a corpus file."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = None
    for name, fn in (("TCVN3", decode_tcvn3), ("VNI", decode_vni),
                     ("WINDOWS-1258", decode_cp1258)):
        text, bad = fn(data)
        sc = _score(text) - 5 * bad
        if best is None or sc > best[0]:
            best = (sc, text, name)
    return best[1], best[2]


def normalize(data):
    """Bytes -> UTF-8-ready str: NFC, new tone style, LF; lines kept."""
    text, _ = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", retone(text, "new"))
