#!/usr/bin/env python3
"""harness.py - dt-eval's implicit-link figures from a dump of candidates.

A build with candidates.patch prints, for every candidate link a query
returns, a FEAT line (see README.md).  This module reads those lines and
the gold annotations, labels each candidate, and scores any rule that
keeps candidates the way dt-eval scores the links dirtrace makes: a
predicted (directive, file, eId, line) is right when the file has a gold
link to a related eId (the same, an ancestor or a descendant), and a gold
implicit link is found when any kept candidate of its file is related.
Run on dev only (make eval's test split is measured once, after a choice).

    python3 tests/research/harness.py DUMP [dev]   # prints the rules of today
"""
import collections
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SETS = ('vi', 'ru', 'mixed')
# the columns of a FEAT line after its seven fixed fields (candidates.patch, exp_features)
FEATURES = ('score', 'factor', 'lshare', 'qshare', 'nsh', 'nbag', 'rel', 'rank',
            'gen', 'lsw', 'nbig', 'llen')
# the rules of lib/match.c and lib/review_add.c today
THRESHOLD, RELATIVE_CUT, CITING_FACTOR, MIN_SHARE = 0.20, 0.9, 1.75, 0.35


def norm(p):
    return os.path.normpath(p)


def load_gold(split):
    """{(directive, set folder): {'links': [(eid, file, line, implicit)], 'nolinks': {file}}}"""
    secs = {}
    for st in SETS:
        base = f'corpus/{st}'
        cur = None
        with open(os.path.join(ROOT, base, 'gold.tsv'), encoding='utf-8') as fh:
            for ln in fh:
                if ln.startswith('#') or not ln.strip():
                    continue
                f = ln.rstrip('\n').split('\t')
                if f[0] == 'directive':
                    cur = None
                    if len(f) > 2 and f[2] == split:
                        cur = (norm(f'{base}/{f[1]}'), base)
                        secs[cur] = {'links': [], 'nolinks': set()}
                elif cur is not None and f[0] == 'link':
                    secs[cur]['links'].append((f[1], norm(f'{base}/{f[2]}'), int(f[3]), f[4] == 'implicit'))
                elif cur is not None and f[0] == 'nolinks':
                    secs[cur]['nolinks'].add(norm(f'{base}/{f[1]}'))
    return secs


def related(a, b):
    """eIds a and b are the same unit, or one holds the other."""
    n = min(len(a), len(b))
    if a[:n] != b[:n]:
        return False
    if len(a) == len(b):
        return True
    longer = a if len(a) > len(b) else b
    return longer[n:n + 2] == '__'


def load_feat(path):
    """The FEAT lines of a dump (the Markdown directives; the AKN form gives the same)."""
    rows = []
    with open(path, encoding='utf-8') as fh:
        for ln in fh:
            if not ln.startswith('FEAT\t'):
                continue
            f = ln.rstrip('\n').split('\t')
            d, lf = norm(f[1]), norm(f[2])
            if d.endswith('.xml'):
                continue
            r = dict(dir=d, set='/'.join(lf.split('/')[:2]), file=lf, line=int(f[3]), eid=f[4],
                     cites=int(f[5]), n=int(f[6]))
            r.update(zip(FEATURES, map(float, f[7:7 + len(FEATURES)])))
            rows.append(r)
    return rows


def label(rows, secs):
    """r['sec'] and r['y'] (1: a gold link of its file is related)."""
    for r in rows:
        s = secs.get((r['dir'], r['set']))
        r['sec'] = (r['dir'], r['set'])
        r['y'] = 0
        if s is None or r['file'] in s['nolinks']:
            continue
        r['y'] = int(any(g[1] == r['file'] and related(r['eid'], g[0]) for g in s['links']))


def evaluate(rows, secs, keep):
    """(P, R, F1, predicted, correct, gold, found) of the implicit links `keep` makes."""
    predl = set((r['sec'], r['file'], r['eid'], r['line']) for r in rows if keep(r))
    pred = set(p[:3] for p in predl)
    pc = 0
    for (sec, f, e, _l) in predl:
        s = secs[sec]
        if f not in s['nolinks'] and any(g[1] == f and related(e, g[0]) for g in s['links']):
            pc += 1
    gold = found = 0
    for sec, s in secs.items():
        for g in s['links']:
            if not g[3]:
                continue
            gold += 1
            if any(p[0] == sec and p[1] == g[1] and related(p[2], g[0]) for p in pred):
                found += 1
    P = pc / len(predl) if predl else 1
    R = found / gold if gold else 1
    F = 2 * P * R / (P + R) if P + R else 0
    return round(P, 3), round(R, 3), round(F, 3), len(predl), pc, gold, found


def base_rule(thr=THRESHOLD, cut=RELATIVE_CUT, fac=CITING_FACTOR):
    """The threshold (times fac for a paragraph that cites) and the relative cut."""
    return lambda r: r['score'] >= thr * (fac if r['cites'] else 1) and r['rel'] >= cut - 1e-9


def today_rule():
    """base_rule() and the query share of session 8."""
    b = base_rule()
    return lambda r: b(r) and r['qshare'] >= MIN_SHARE


def paragraphs(rows):
    """The candidates of each (section, file, line)."""
    para = collections.defaultdict(list)
    for r in rows:
        para[(r['sec'], r['file'], r['line'])].append(r)
    return para


def setup(argv):
    """(secs, rows) of the dump argv[1] and the split argv[2] (default dev)."""
    if len(argv) < 2:
        sys.exit(f'usage: {argv[0]} DUMP [dev]')
    split = argv[2] if len(argv) > 2 else 'dev'
    secs = load_gold(split)
    rows = load_feat(argv[1])
    label(rows, secs)
    return secs, rows


if __name__ == '__main__':
    secs, rows = setup(sys.argv)
    print('candidates', len(rows), 'of which related to gold', sum(r['y'] for r in rows))
    print('threshold and cut          ', evaluate(rows, secs, base_rule()))
    print('... and the query share    ', evaluate(rows, secs, today_rule()))
