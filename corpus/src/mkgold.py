#!/usr/bin/env python3
"""Write corpus/<set>/gold.tsv from corpus/src/gold/<set>.spec.

Run by hand from the repository root after editing a corpus file or a spec:
    python3 corpus/src/mkgold.py            # all sets
    python3 corpus/src/mkgold.py vi ru      # some sets

What it does:
- finds the line of every fact from an anchor text (so no line number is
  typed by hand) in the normalized file (vnenc.normalize: any encoding ->
  NFC, new tone style, LF; line numbers are those of the stored file);
- checks that the cited text is on that line and that every link target is a
  unit of the directive (outline read from the directive's Markdown);
- computes, per directive and split, the units left `uncovered` (reported at
  the highest wholly uncovered level) and the `partial` ones, from the links;
- writes gold.tsv in the format of DESIGN.md section 4 plus the `directive`
  section lines and the trailing comments described in corpus/README.md.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import vnenc  # noqa: E402

CORPUS = os.path.dirname(HERE)

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7,
         "VIII": 8, "IX": 9, "X": 10}


class Unit:
    def __init__(self, eid, parent):
        self.eid = eid
        self.parent = parent
        self.children = []
        self.obligation = True
        if parent:
            parent.children.append(self)


def outline(path, kind):
    """Units of one of our directives, in document order (root first)."""
    with open(path, "rb") as f:
        lines = vnenc.normalize(f.read()).split("\n")
    root = Unit("", None)
    order = [root]
    if kind == "decimal":
        started = False
        top = None
        for line in lines:
            s = line.strip()
            if not started:
                started = s.endswith("những nhiệm vụ sau:")
                continue
            if s.startswith("|"):
                break
            m = re.match(r"(\d+)\.(\d+)\.\s", s)
            if m:
                if not top or top.eid != "lvl_" + m.group(1):
                    sys.exit("%s: %s outside its parent" % (path, s[:20]))
                order.append(Unit("%s__lvl_%s-%s" % (top.eid, m.group(1), m.group(2)), top))
                continue
            m = re.match(r"(\d+)\.\s", s)
            if m:
                top = Unit("lvl_" + m.group(1), root)
                order.append(top)
        return root, order
    chapter = article = clause = None
    for line in lines:
        s = line.strip()
        m = re.match(r"##\s+(?:Chương\s+([IVX]+)|Глава\s+(\d+)\.)", s)
        if m:
            num = ROMAN[m.group(1)] if m.group(1) else int(m.group(2))
            chapter = Unit("chp_%d" % num, root)
            order.append(chapter)
            article = clause = None
            continue
        m = re.match(r"###\s+(?:Điều|Статья)\s+(\d+)\.", s)
        if m:
            article = Unit("art_" + m.group(1), chapter or root)
            order.append(article)
            clause = None
            continue
        if article is None:
            continue
        if s.startswith("|"):
            article = None
            continue
        m = re.match(r"(\d+)[.)]\s", s)
        if m:
            clause = Unit("%s__para_%s" % (article.eid, m.group(1)), article)
            order.append(clause)
            continue
        m = re.match(r"([a-zđа-я])\)\s", s)
        if m and clause is not None:
            order.append(Unit("%s__point_%s" % (clause.eid, m.group(1)), clause))
    return root, order


def parse_spec(path):
    directives = {}
    facts = []  # dicts
    split = cur_file = None
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            head, _, rest = line.partition("|")
            words = head.split()
            kind = words[0]
            bars = [p.strip() for p in line.split("|")[1:]]
            where = "%s:%d" % (path, no)
            if kind == "directive":
                opts = dict(w.split("=", 1) for w in words[3:])
                directives[words[1]] = {
                    "path": words[2], "nonobl": set(filter(None, opts.get("nonobl", "").split(","))),
                    "kind": opts.get("kind", "articles"), "order": len(directives)}
                continue
            if kind == "split":
                split = words[1]
                continue
            if kind == "file":
                cur_file = words[1]
                if not cur_file.startswith(split + "/"):
                    sys.exit("%s: file %s is not in split %s" % (where, cur_file, split))
                continue
            fact = {"kind": kind, "dir": words[1] if len(words) > 1 else None,
                    "file": cur_file, "split": split, "where": where}
            if kind in ("x", "i"):
                fact["eids"] = words[2].split(",")
                if kind == "x":
                    fact["text"] = bars[0]
                    fact["anchor"] = bars[1] if len(bars) > 1 else bars[0]
                else:
                    fact["text"] = None
                    fact["anchor"] = bars[0]
            elif kind in ("b", "s", "@mention", "@self", "@other"):
                fact["text"] = bars[0]
                fact["anchor"] = bars[1] if len(bars) > 1 else bars[0]
            elif kind == "n":
                pass
            else:
                sys.exit("%s: unknown fact kind %r" % (where, kind))
            if kind not in ("@self", "@other") and fact["dir"] not in directives:
                sys.exit("%s: unknown directive %r" % (where, fact["dir"]))
            facts.append(fact)
    return directives, facts


_norm_cache = {}


def norm_lines(path):
    if path not in _norm_cache:
        with open(path, "rb") as f:
            _norm_cache[path] = vnenc.normalize(f.read()).split("\n")
    return _norm_cache[path]


def locate(setdir, fact):
    lines = norm_lines(os.path.join(setdir, fact["file"]))
    hits = [i for i, l in enumerate(lines, 1) if fact["anchor"] in l]
    if len(hits) != 1:
        sys.exit("%s: anchor %r found on %d lines of %s %s"
                 % (fact["where"], fact["anchor"], len(hits), fact["file"], hits))
    ln = hits[0]
    if fact.get("text") and fact["text"] not in lines[ln - 1]:
        sys.exit("%s: %r not on line %d of %s" % (fact["where"], fact["text"], ln, fact["file"]))
    return ln


def coverage(root, order, nonobl, linked):
    """Return (uncovered highest units, partial units) in document order."""
    status = {}

    def mark_na(u):
        status[u.eid] = "n/a"
        for c in u.children:
            mark_na(c)

    for u in order[1:]:
        if u.eid in nonobl:
            mark_na(u)

    def visit(u, covered_above):
        if status.get(u.eid) == "n/a":
            return "n/a"
        here = covered_above or u.eid in linked
        kids = [visit(c, here) for c in u.children]
        kids = [k for k in kids if k != "n/a"]
        if here:
            st = "covered"
        elif not u.children or not kids:
            st = "uncovered" if u.eid else "n/a"
            if u.children and not kids:
                st = "n/a"  # only non-obligation children
        elif all(k == "covered" for k in kids):
            st = "covered"
        elif all(k == "uncovered" for k in kids):
            st = "uncovered"
        else:
            st = "partial"
        status[u.eid] = st
        return st

    visit(root, False)
    unc, par = [], []
    for u in order[1:]:
        st = status[u.eid]
        if st == "uncovered" and status.get(u.parent.eid) != "uncovered":
            unc.append(u.eid)
        elif st == "partial":
            par.append(u.eid)
    return unc, par


HEADER = """\
# dirtrace gold annotations for corpus/{set}/ (generated by corpus/src/mkgold.py
# from corpus/src/gold/{set}.spec; edit the spec, not this file).
# Format: DESIGN.md section 4, tab separated, one fact per line:
#   link <eid> <file> <line> explicit|implicit   uncovered <eid>   partial <eid>
#   broken <file> <line> <cited text>   stale <file> <line> <cited text>   nolinks <file>
# Extension (corpus/README.md): a line `directive<TAB><path>[<TAB><split>]` starts a
# section; every fact after it, until the next directive line, is about that
# directive, and the coverage facts (uncovered, partial) are those of the local
# documents under <split>/ alone (dev and test are scored separately).
# Trailing comments: explicit links end with `<TAB># <citation as written on the
# line>`, implicit links with `<TAB># ~ <words of that line>`; after
# `dirtrace norm` (NFC, new tone style) the text is on that line.
# Comment lines `#@mention`, `#@self`, `#@other` (<TAB> file <TAB> line <TAB> text)
# record the citations that must give no unit link: the directive named as a
# whole, the document citing itself, other documents. Paths are relative to this file.
"""


def build(setname):
    spec = os.path.join(HERE, "gold", setname + ".spec")
    setdir = os.path.join(CORPUS, setname)
    directives, facts = parse_spec(spec)
    outlines = {}
    for key, d in directives.items():
        root, order = outline(os.path.join(setdir, d["path"]), d["kind"])
        outlines[key] = (root, order, {u.eid for u in order[1:]})
    for fact in facts:
        if fact["kind"] != "n":
            fact["line"] = locate(setdir, fact)
        if fact["kind"] in ("x", "i"):
            known = outlines[fact["dir"]][2]
            for e in fact["eids"]:
                if e not in known:
                    sys.exit("%s: %s is not a unit of %s" % (fact["where"], e, fact["dir"]))
    # every local file listed?
    listed = {f["file"] for f in facts}
    for split in ("dev", "test"):
        d = os.path.join(setdir, split)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if split + "/" + name not in listed:
                sys.exit("%s/%s/%s has no fact in the spec" % (setname, split, name))
    splits = []
    for f in facts:
        if f["split"] not in splits:
            splits.append(f["split"])
    out = [HEADER.format(set=setname)]
    counts = {}
    for split in splits:
        for key, d in sorted(directives.items(), key=lambda kv: kv[1]["order"]):
            root, order, known = outlines[key]
            sect = [f for f in facts if f["split"] == split and
                    (f["dir"] == key or (f["kind"] in ("@self", "@other") and
                                         d["order"] == 0))]
            out.append("directive\t%s\t%s" % (d["path"], split))
            linked = set()
            cur = None
            for f in sect:
                if f["file"] != cur:
                    cur = f["file"]
                    out.append("# --- %s" % cur)
                k = f["kind"]
                c = counts.setdefault((split, key), {})
                if k == "x":
                    for e in f["eids"]:
                        out.append("link\t%s\t%s\t%d\texplicit\t# %s" % (e, f["file"], f["line"], f["text"]))
                        linked.add(e)
                        c["link explicit"] = c.get("link explicit", 0) + 1
                elif k == "i":
                    for e in f["eids"]:
                        out.append("link\t%s\t%s\t%d\timplicit\t# ~ %s" % (e, f["file"], f["line"], f["anchor"]))
                        linked.add(e)
                        c["link implicit"] = c.get("link implicit", 0) + 1
                elif k == "b":
                    out.append("broken\t%s\t%d\t%s" % (f["file"], f["line"], f["text"]))
                    c["broken"] = c.get("broken", 0) + 1
                elif k == "s":
                    out.append("stale\t%s\t%d\t%s" % (f["file"], f["line"], f["text"]))
                    c["stale"] = c.get("stale", 0) + 1
                elif k == "n":
                    out.append("nolinks\t%s" % f["file"])
                    c["nolinks"] = c.get("nolinks", 0) + 1
                else:
                    out.append("#%s\t%s\t%d\t%s" % (k, f["file"], f["line"], f["text"]))
                    c[k] = c.get(k, 0) + 1
            unc, par = coverage(root, order, d["nonobl"], linked)
            out.append("# --- coverage of %s by %s/ alone" % (d["path"], split))
            for e in par:
                out.append("partial\t%s" % e)
            for e in unc:
                out.append("uncovered\t%s" % e)
            c = counts.setdefault((split, key), {})
            c["partial"] = len(par)
            c["uncovered"] = len(unc)
    text = "\n".join(out) + "\n"
    with open(os.path.join(setdir, "gold.tsv"), "w", encoding="utf-8") as f:
        f.write(text)
    return counts


def main(argv):
    sets = argv[1:] or [os.path.splitext(n)[0] for n in sorted(os.listdir(os.path.join(HERE, "gold")))
                        if n.endswith(".spec")]
    for s in sets:
        counts = build(s)
        for (split, key), c in counts.items():
            print("%-6s %-5s %-3s %s" % (s, split, key,
                  "  ".join("%s=%d" % kv for kv in sorted(c.items()))))


if __name__ == "__main__":
    main(sys.argv)
