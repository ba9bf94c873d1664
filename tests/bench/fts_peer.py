#!/usr/bin/env python3
"""fts_peer.py - the SQLite FTS5 side of `make bench` (run_bench.sh).

Prepares, untimed, what the timed sqlite3 runs read, and scores recall:

  paras LOCALDIR OUT            local paragraphs (blank-line separated
                                blocks of every *.md under LOCALDIR) as
                                sqlite3 `.mode ascii` rows: file, body
  index OUT_SQL PARAS           the script that builds the FTS5 index
  queries OUTLINE GAPS OUT [K]  one BM25 query per obligation leaf of the
                                directive (leaf = unit without children,
                                with text, "obligation": true in the gaps
                                report: the units dirtrace's matcher
                                indexes), top K (default 10)
  recall DIRTRACE SQLITE3       FTS5 top-k vs dirtrace on corpus/ gold
  synthetic CORPUS OUTLINE GAPS HITS
                                the same on the generator's paraphrases

A query is the leaf's heading and text, each distinct word quoted and
OR-ed ("a" OR "b" ...): BM25 over every word of the clause, as a search
engine would be asked for "paragraphs like this clause".  Python 3
standard library only.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r"\w+")


def paragraphs(text):
    """Blank-line separated blocks, each on one line."""
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        block = " ".join(block.split())
        if block:
            yield block


def write_paras(files, out, name=lambda f: f):
    n = 0
    with open(out, "w", encoding="utf-8") as o:
        for f, text in files:
            for p in paragraphs(text):
                o.write(name(f) + "\x1f" + p.replace("\x1e", " ")
                        .replace("\x1f", " ") + "\x1e")
                n += 1
    return n


def md_files(root):
    for d, _, names in sorted(os.walk(root)):
        for n in sorted(names):
            if n.endswith(".md"):
                yield os.path.join(d, n)


def index_sql(paras):
    return ("PRAGMA journal_mode=OFF;\nPRAGMA synchronous=OFF;\n"
            "CREATE VIRTUAL TABLE p USING fts5(file UNINDEXED, body, "
            "tokenize='unicode61 remove_diacritics 2');\n"
            ".mode ascii\n.import '%s' p\n" % paras.replace("'", "''"))


def walk(units, parent=None):
    for u in units:
        yield u
        yield from walk(u.get("children", []), u)


def leaves(outline, gaps):
    """(eid, query text) of every obligation leaf with text."""
    duty = {u["eid"]: u.get("obligation", False) for u in gaps["units"]}
    doc = outline[0] if isinstance(outline, list) else outline
    for u in walk(doc["units"]):
        text = " ".join(x for x in (u.get("heading", ""), u.get("text", ""))
                        if x)
        if not u.get("children") and text and duty.get(u["eid"]):
            yield u["eid"], text


def fts_query(text):
    words = []
    for w in WORD.findall(text.lower()):
        if w not in words:
            words.append(w)
    return " OR ".join('"%s"' % w for w in words)


def queries_sql(pairs, k):
    out = [".mode list"]
    for i, (_, text) in enumerate(pairs):
        q = fts_query(text)
        if q:
            out.append("SELECT %d, file FROM p WHERE p MATCH '%s' "
                       "ORDER BY rank LIMIT %d;" % (i, q.replace("'", "''"),
                                                    k))
    return "\n".join(out) + "\n"


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---- recall on corpus/ gold -------------------------------------------

def related(a, b):
    """Same unit, or one an ancestor of the other (DESIGN §4)."""
    return a == b or a.startswith(b + "__") or b.startswith(a + "__")


def sections(gold_path):
    """Sections of a gold file: directive, split, links, nolinks."""
    secs = []
    for line in open(gold_path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if not f or f[0].startswith("#"):
            continue
        if f[0] == "directive":
            secs.append({"directive": f[1], "split": f[2] if len(f) > 2
                         else "", "links": [], "nolinks": set()})
        elif f[0] == "link" and secs:
            secs[-1]["links"].append((f[1], f[2], f[4] == "implicit"))
        elif f[0] == "nolinks" and secs:
            secs[-1]["nolinks"].add(f[1])
    return secs


def score(pred, sec):
    """(gold implicit, found, predicted, correct) for (eid, file) pairs."""
    gold_imp = [(e, f) for e, f, imp in sec["links"] if imp]
    found = sum(1 for e, f in gold_imp
                if any(pf == f and related(pe, e) for pe, pf in pred))
    correct = sum(1 for pe, pf in pred if pf not in sec["nolinks"] and
                  any(pf == f and related(pe, e) for e, f, _ in
                      sec["links"]))
    return len(gold_imp), found, len(pred), correct


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, **kw
                          ).stdout.decode("utf-8")


def dt_name(min_score):
    return "dirtrace" if min_score is None else \
        "dirtrace_min" + min_score


def recall(dirtrace, sqlite3, root="corpus", ks=(1, 3, 10)):
    tot = {("fts", k): [0, 0, 0, 0] for k in ks}
    # dirtrace at its default threshold, and lower ones: FTS5 top-k has no
    # threshold, so recall is compared at the same precision too
    mins = (None, "0.10", "0.05")
    for ms in mins:
        tot[dt_name(ms)] = [0, 0, 0, 0]
    nsec = 0
    with tempfile.TemporaryDirectory() as tmp:
        for sset in ("vi", "ru"):
            gold = os.path.join(root, sset, "gold.tsv")
            base = os.path.dirname(gold)
            for sec in sections(gold):
                if not any(imp for _, _, imp in sec["links"]):
                    continue
                nsec += 1
                directive = os.path.join(base, sec["directive"])
                split = os.path.join(base, sec["split"])
                files = []
                for n in sorted(os.listdir(split)):
                    p = os.path.join(split, n)
                    if n.endswith(".xml"):
                        text = run([dirtrace, "convert", "-q", "--to", "md",
                                    p])
                    else:
                        text = run([dirtrace, "norm", "-q", p])
                    files.append((os.path.join(sec["split"], n), text))
                paras = os.path.join(tmp, "p.txt")
                db = os.path.join(tmp, "p.db")
                write_paras(files, paras)
                if os.path.exists(db):
                    os.remove(db)
                run([sqlite3, db], input=index_sql(paras).encode())
                gaps = {ms: json.loads(run([dirtrace, "gaps", "-q", "-f",
                                            "json"] + (["--min-score", ms]
                                                       if ms else []) +
                                           [directive, split]))
                        for ms in mins}
                outline = json.loads(run([dirtrace, "outline", "-q", "-f",
                                          "json", directive]))
                pairs = list(leaves(outline, gaps[None]))
                res = run([sqlite3, "-readonly", db],
                          input=queries_sql(pairs, max(ks)).encode())
                hits = {}
                for line in res.splitlines():
                    i, f = line.split("|", 1)
                    hits.setdefault(int(i), []).append(f)
                for k in ks:
                    pred = {(pairs[i][0], f) for i, fs in hits.items()
                            for f in fs[:k]}
                    t = score(pred, sec)
                    tot[("fts", k)] = [a + b for a, b in
                                       zip(tot[("fts", k)], t)]
                for ms in mins:
                    pred = set()
                    for u in gaps[ms]["units"]:
                        for ln in u.get("links", []):
                            if ln["kind"] == "implicit":
                                pred.add((u["eid"],
                                          os.path.relpath(ln["file"], base)))
                    t = score(pred, sec)
                    tot[dt_name(ms)] = [a + b for a, b in
                                        zip(tot[dt_name(ms)], t)]
    print("recall_sections\t%d" % nsec)
    for key, (g, found, npred, correct) in tot.items():
        name = key if isinstance(key, str) else "fts_top%d" % key[1]
        print("%s\tgold=%d\tfound=%d\tpredicted=%d\tcorrect=%d\t"
              "R=%.3f\tP=%.3f" % (name, g, found, npred, correct,
                                   found / g if g else 0,
                                   correct / npred if npred else 0))


def synthetic(corpus, outline, gaps, hits):
    """Recall of the generator's paraphrases (gold.tsv, implicit) as
    (leaf, file) pairs: FTS5 top 10 of each leaf's query vs dirtrace."""
    pairs = list(leaves(load_json(outline), load_json(gaps)))
    prefix = corpus.rstrip("/") + "/"
    top = {}
    for line in open(hits, encoding="utf-8"):
        i, f = line.rstrip("\n").split("|", 1)
        top.setdefault(pairs[int(i)][0], set()).add(
            f[len(prefix):] if f.startswith(prefix) else f)
    pred = set()
    for u in load_json(gaps)["units"]:
        for ln in u.get("links", []):
            f = ln["file"]
            if ln["kind"] == "implicit":
                pred.add((u["eid"], f[len(prefix):] if f.startswith(prefix)
                          else f))
    gold = []
    for line in open(os.path.join(corpus, "gold.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "link" and f[4] == "implicit":
            gold.append((f[1], f[2]))
    fts = sum(1 for e, f in gold if f in top.get(e, ()))
    dt = sum(1 for e, f in gold if (e, f) in pred)
    n = len(gold) or 1
    print("%d paraphrases; found by FTS5 top 10: %.3f; by dirtrace: %.3f "
          "(%d implicit links in all)" % (len(gold), fts / n, dt / n,
                                          len(pred)))


def main(argv):
    if len(argv) >= 3 and argv[0] == "paras":
        root = argv[1]
        files = ((f, open(f, encoding="utf-8").read())
                 for f in md_files(root))
        print(write_paras(files, argv[2]))
    elif len(argv) == 3 and argv[0] == "index":
        with open(argv[1], "w", encoding="utf-8") as o:
            o.write(index_sql(argv[2]))
    elif len(argv) in (4, 5) and argv[0] == "queries":
        pairs = list(leaves(load_json(argv[1]), load_json(argv[2])))
        with open(argv[3], "w", encoding="utf-8") as o:
            o.write(queries_sql(pairs, int(argv[4]) if len(argv) > 4
                                else 10))
        print(len(pairs))
    elif len(argv) == 5 and argv[0] == "synthetic":
        synthetic(*argv[1:])
    elif len(argv) == 3 and argv[0] == "recall":
        recall(argv[1], argv[2])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
