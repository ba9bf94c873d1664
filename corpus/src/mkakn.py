#!/usr/bin/env python3
"""Write the Akoma Ntoso 3.0 copies of two corpus regulations.

Run by hand from the repository root:
    python3 corpus/src/mkakn.py

- corpus/vi/31-QD-TW.md        -> corpus/vi/31-QD-TW.xml   (the directive)
- corpus/src/vi/dev/02-QDi-DU.md -> corpus/vi/dev/02-QDi-DU.xml (a local regulation;
  only the XML is a corpus document, gold lines are lines of the XML)

Only the shapes these two files use are understood: header lines or a
two-column header table, "# TYPE", a subject line, "- Căn cứ …" lines, the
enacting formula, "## Chương N" + title line, "### Điều N. Title",
clauses "N. …", points "a) …" (own paragraph or one line each inside a
clause paragraph), and the signature block after the last article.
Every text element is written on its own line.
"""
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7,
         "VIII": 8, "IX": 9, "X": 10}

JOBS = [
    {
        "src": os.path.join(ROOT, "vi", "31-QD-TW.md"),
        "dst": os.path.join(ROOT, "vi", "31-QD-TW.xml"),
        "name": "quy-dinh", "number": "31-QĐ/TW", "frbr_number": "31-QD-TW",
        "date": "2026-03-15", "author": "banBiThu", "author_name": "Ban Bí thư",
        "type_name": "Quy định",
        "number_line": "Số 31-QĐ/TW", "date_line": "Hà Nội, ngày 15 tháng 3 năm 2026",
    },
    {
        "src": os.path.join(HERE, "vi", "dev", "02-QDi-DU.md"),
        "dst": os.path.join(ROOT, "vi", "dev", "02-QDi-DU.xml"),
        "name": "quy-dinh", "number": "02-QĐi/ĐU", "frbr_number": "02-QDi-DU",
        "date": "2026-06-05", "author": "dangUyXaTanLap",
        "author_name": "Đảng ủy xã Tân Lập", "type_name": "Quy định",
        "number_line": "Số 02-QĐi/ĐU", "date_line": "Tân Lập, ngày 05 tháng 6 năm 2026",
    },
]


def clean(s):
    s = s.strip()
    s = s.replace("\\*", "*")
    s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
    s = re.sub(r"(?<!\*)\*(?!\*)(.+?)\*", r"\1", s)
    return s.strip()


def parse(lines):
    """Return (header lines, type, title, preamble lines, formula, body, tail)."""
    header, preamble, tail = [], [], []
    doc_type = title = formula = None
    body = []  # list of chapters/articles as dicts
    state = "header"
    chapter = article = clause = None
    i = 0
    n = len(lines)
    while i < n:
        raw = lines[i]
        line = raw.strip()
        i += 1
        if not line or re.fullmatch(r"-{3,}", line) or re.fullmatch(r"\|[-| :]+\|", line):
            continue
        if state == "header":
            if line.startswith("# "):
                doc_type = clean(line[2:])
                state = "title"
                continue
            if line.startswith("|"):
                header += [clean(c) for c in line.strip("|").split("|") if clean(c)]
            else:
                header.append(clean(line))
            continue
        if state == "title":
            title = clean(line)
            state = "preamble"
            continue
        if state == "preamble":
            if line.startswith("- "):
                preamble.append(clean(line))
                continue
            if re.match(r"#+\s*(Chương|Điều)\b", line):
                state = "body"
            else:
                formula = clean(line)
                continue
        if state == "body":
            m = re.match(r"##\s+Chương\s+([IVX]+)\s*$", line)
            if m:
                # the title is the next non-empty line
                while not lines[i].strip():
                    i += 1
                chapter = {"kind": "chapter", "num": "Chương " + m.group(1),
                           "eid": "chp_%d" % ROMAN[m.group(1)],
                           "heading": clean(lines[i]), "articles": []}
                i += 1
                body.append(chapter)
                continue
            m = re.match(r"###\s+Điều\s+(\d+)\.\s*(.*)$", line)
            if m:
                article = {"kind": "article", "num": "Điều %s." % m.group(1),
                           "eid": "art_" + m.group(1), "heading": clean(m.group(2)),
                           "intro": [], "clauses": []}
                clause = None
                (chapter["articles"] if chapter else body).append(article)
                continue
            if line.startswith("|") or re.match(r"T/M\b", line):
                state = "tail"
            else:
                for sub in raw.split("\n"):
                    sub = sub.strip()
                    m = re.match(r"(\d+)\.\s+(.*)$", sub)
                    if m:
                        clause = {"num": m.group(1) + ".",
                                  "eid": "%s__para_%s" % (article["eid"], m.group(1)),
                                  "text": clean(m.group(2)), "points": []}
                        article["clauses"].append(clause)
                        continue
                    m = re.match(r"([a-zđ])\)\s+(.*)$", sub)
                    if m and clause is not None:
                        clause["points"].append({
                            "num": m.group(1) + ")",
                            "eid": "%s__point_%s" % (clause["eid"], m.group(1)),
                            "text": clean(m.group(2))})
                        continue
                    if clause is None:
                        article["intro"].append(clean(sub))
                    else:
                        sys.exit("unexpected line in clause: %r" % sub)
                continue
        if state == "tail":
            if line.startswith("|"):
                tail += [clean(c) for c in line.strip("|").split("|") if clean(c)]
            else:
                tail.append(clean(line))
    return header, doc_type, title, preamble, formula, body, tail


def t(s):
    return escape(s)


def emit(job, parsed):
    header, doc_type, title, preamble, formula, body, tail = parsed
    d = job["date"]
    work = "/akn/vn/act/%s/%s/%s" % (job["name"], d, job["frbr_number"])
    expr = "%s/vie@%s" % (work, d)
    o = []
    w = o.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w('<akomaNtoso xmlns="%s">' % AKN_NS)
    w('  <act name="%s">' % job["name"])
    w('    <meta>')
    w('      <identification source="#dirtrace">')
    w('        <FRBRWork>')
    w('          <FRBRthis value="%s/!main"/>' % work)
    w('          <FRBRuri value="%s"/>' % work)
    w('          <FRBRdate date="%s" name="issued"/>' % d)
    w('          <FRBRauthor href="#%s"/>' % job["author"])
    w('          <FRBRcountry value="vn"/>')
    w('          <FRBRnumber value=%s/>' % quoteattr(job["number"]))
    w('          <FRBRname value=%s/>' % quoteattr(job["type_name"]))
    w('        </FRBRWork>')
    w('        <FRBRExpression>')
    w('          <FRBRthis value="%s/!main"/>' % expr)
    w('          <FRBRuri value="%s"/>' % expr)
    w('          <FRBRdate date="%s" name="issued"/>' % d)
    w('          <FRBRauthor href="#%s"/>' % job["author"])
    w('          <FRBRlanguage language="vie"/>')
    w('        </FRBRExpression>')
    w('        <FRBRManifestation>')
    w('          <FRBRthis value="%s/!main.xml"/>' % expr)
    w('          <FRBRuri value="%s.akn"/>' % expr)
    w('          <FRBRdate date="%s" name="converted"/>' % d)
    w('          <FRBRauthor href="#dirtrace"/>')
    w('        </FRBRManifestation>')
    w('      </identification>')
    w('      <references source="#dirtrace">')
    w('        <TLCOrganization eId="%s" href="/ontology/organization/vn/%s" showAs=%s/>'
      % (job["author"], job["author"], quoteattr(job["author_name"])))
    w('        <TLCOrganization eId="dirtrace" href="/ontology/organization/dirtrace" showAs="dirtrace corpus"/>')
    w('      </references>')
    w('    </meta>')
    w('    <preface>')
    for h in header:
        if h == job["number_line"]:
            w('      <p>Số <docNumber>%s</docNumber></p>' % t(job["number"]))
        elif h == job["date_line"]:
            w('      <p><docDate date="%s">%s</docDate></p>' % (d, t(h)))
        elif h == "*" or re.fullmatch(r"-+", h):
            continue
        else:
            w('      <p>%s</p>' % t(h))
    w('      <p><docType>%s</docType></p>' % t(doc_type))
    w('      <p><docTitle>%s</docTitle></p>' % t(title))
    w('    </preface>')
    w('    <preamble>')
    for p in preamble:
        w('      <p>%s</p>' % t(p))
    w('      <formula name="enactingFormula">')
    w('        <p>%s</p>' % t(formula))
    w('      </formula>')
    w('    </preamble>')
    w('    <body>')

    def article(a, ind):
        s = " " * ind
        w('%s<article eId="%s">' % (s, a["eid"]))
        w('%s  <num>%s</num>' % (s, t(a["num"])))
        w('%s  <heading>%s</heading>' % (s, t(a["heading"])))
        if not a["clauses"]:
            w('%s  <content>' % s)
            for p in a["intro"]:
                w('%s    <p>%s</p>' % (s, t(p)))
            w('%s  </content>' % s)
        else:
            if a["intro"]:
                w('%s  <intro eId="%s__intro">' % (s, a["eid"]))
                for p in a["intro"]:
                    w('%s    <p>%s</p>' % (s, t(p)))
                w('%s  </intro>' % s)
            for c in a["clauses"]:
                w('%s  <paragraph eId="%s">' % (s, c["eid"]))
                w('%s    <num>%s</num>' % (s, t(c["num"])))
                if c["points"]:
                    w('%s    <intro>' % s)
                    w('%s      <p>%s</p>' % (s, t(c["text"])))
                    w('%s    </intro>' % s)
                    for pt in c["points"]:
                        w('%s    <point eId="%s">' % (s, pt["eid"]))
                        w('%s      <num>%s</num>' % (s, t(pt["num"])))
                        w('%s      <content>' % s)
                        w('%s        <p>%s</p>' % (s, t(pt["text"])))
                        w('%s      </content>' % s)
                        w('%s    </point>' % s)
                else:
                    w('%s    <content>' % s)
                    w('%s      <p>%s</p>' % (s, t(c["text"])))
                    w('%s    </content>' % s)
                w('%s  </paragraph>' % s)
        w('%s</article>' % s)

    for unit in body:
        if unit["kind"] == "chapter":
            w('      <chapter eId="%s">' % unit["eid"])
            w('        <num>%s</num>' % t(unit["num"]))
            w('        <heading>%s</heading>' % t(unit["heading"]))
            for a in unit["articles"]:
                article(a, 8)
            w('      </chapter>')
        else:
            article(unit, 6)
    w('    </body>')
    w('    <conclusions>')
    for p in tail:
        w('      <p>%s</p>' % t(p))
    w('    </conclusions>')
    w('  </act>')
    w('</akomaNtoso>')
    return "\n".join(o) + "\n"


def blocks(text):
    """Split Markdown into blocks; a block keeps its soft line breaks."""
    out = []
    cur = []
    for line in text.split("\n"):
        if line.strip():
            # table rows, list lines, headings: one line each
            if line.startswith(("|", "#", "- ")) or cur and cur[0].startswith(("|", "#", "- ")):
                if cur:
                    out.append("\n".join(cur))
                cur = [line]
            else:
                cur.append(line)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def main():
    for job in JOBS:
        with open(job["src"], encoding="utf-8") as f:
            text = f.read()
        xml = emit(job, parse(blocks(text)))
        with open(job["dst"], "w", encoding="utf-8") as f:
            f.write(xml)
        print("%s: %d lines" % (os.path.relpath(job["dst"], ROOT), xml.count("\n")))


if __name__ == "__main__":
    main()
