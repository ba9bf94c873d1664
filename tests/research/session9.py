#!/usr/bin/env python3
"""session9.py DUMP - the accuracy ideas of session 9, on dev (lib/match.c,
"Measured and dropped in session 9").  Each prints dt-eval's figures
(P, R, F1, predicted, correct, gold, found) against today's rules."""
import collections
import re
import sys

from harness import evaluate, paragraphs, related, setup, today_rule

secs, rows = setup(sys.argv)
keep = today_rule()
para = paragraphs(rows)


def article(eid):
    m = re.match(r'((?:chp_\w+__)?art_\d+|lvl_\d+)', eid)
    return m.group(1) if m else eid


def article_no(eid):
    m = re.search(r'art_(\d+)', eid)
    return int(m.group(1)) if m else None


def kept_by(select):
    """Score the candidates that select(candidates kept today of one paragraph, all its candidates) returns."""
    kept = set()
    for key, rs in para.items():
        for r in select(key, [r for r in rs if keep(r)], rs):
            kept.add(id(r))
    return evaluate(rows, secs, lambda r: id(r) in kept)


def explicit_window(key, nb=1):
    """The lowest article cited explicitly in the nb citing lines before the
    paragraph and the highest in the nb after (None where there is none)."""
    sec, f, line = key
    ex = sorted((g[2], article_no(g[0])) for g in secs[sec]['links']
                if g[1] == f and not g[3] and article_no(g[0]) is not None)
    prev = [a for l, a in ex if l < line][-nb:]
    nxt = [a for l, a in ex if l > line][:nb]
    return (min(prev) if prev else None), (max(nxt) if nxt else None)


def order(ties_only, slack, both=False):
    def select(key, k, _rs):
        lo, hi = explicit_window(key)
        if both and (lo is None or hi is None):
            lo = hi = None  # only between two citing lines
        if ties_only and len(k) < 2:
            return k
        inside = [r for r in k if article_no(r['eid']) is None or
                  ((lo is None or article_no(r['eid']) >= lo - slack) and
                   (hi is None or article_no(r['eid']) <= hi + slack))]
        return inside if inside or not ties_only else k
    return kept_by(select)


def whole_articles(agg, cut):
    def select(_key, k, rs):
        by = collections.defaultdict(list)
        for r in rs:
            by[article(r['eid'])].append(r['score'])
        s = {a: (sum(v) if agg == 'sum' else sum(x * x for x in v) if agg == 'sumsq'
                 else sum(sorted(v)[-2:])) for a, v in by.items()}
        top = max(s.values())
        return [r for r in k if s[article(r['eid'])] >= cut * top - 1e-12]
    return kept_by(select)


def group(r):
    ex = [g for g in secs[r['sec']]['links'] if g[1] == r['file'] and not g[3]]
    if any(related(g[0], r['eid']) for g in ex) or any(article(g[0]) == article(r['eid']) for g in ex):
        return 'cited'
    return 'other' if ex else 'none'


def by_citations(t_cited, t_other, share_cited):
    def k(r):
        g = group(r)
        t = t_cited if g == 'cited' else t_other if g == 'other' else 0.2
        q = share_cited if g == 'cited' else 0.35
        return r['score'] >= t * (1.75 if r['cites'] else 1) and r['rel'] >= .9 - 1e-9 and r['qshare'] >= q
    return evaluate(rows, secs, k)


def cross_article(xcut):
    def select(_key, k, rs):
        best = max(rs, key=lambda r: r['score'])
        return [r for r in k if article(r['eid']) == article(best['eid']) or
                r['score'] >= xcut * best['score'] - 1e-12]
    return kept_by(select)


def clear_winner(t2, q2, gap):
    top = {}
    for rs in para.values():
        rs = sorted(rs, key=lambda r: -r['score'])
        top[id(rs[0])] = rs[1]['score'] / rs[0]['score'] if len(rs) > 1 else 0
    return evaluate(rows, secs, lambda r: keep(r) or (
        id(r) in top and top[id(r)] <= gap and r['qshare'] >= q2 and
        r['score'] >= t2 * (1.75 if r['cites'] else 1)))


def harmonic(alpha, t, cut):
    """Near ties and a second threshold by the weighted harmonic mean of
    the score and the query share (on top of today's rules)."""
    def hm(r):
        sc, q = r['score'], r['qshare']
        return 0 if sc <= 0 or q <= 0 else (1 + alpha ** 2) * sc * q / (alpha ** 2 * sc + q)

    def select(_key, k, rs):
        best = max(hm(r) for r in rs)
        return [r for r in k if hm(r) >= t * (1.75 if r['cites'] else 1) and hm(r) >= cut * best - 1e-12]
    return kept_by(select)


def best_of(results):
    return max(results, key=lambda x: x[0][2])


print('today                         ', evaluate(rows, secs, keep))
print('order, near ties only         ', order(True, 0))
print('order, every link            ', [(slack, both, order(False, slack, both)[2])
                                        for slack in (0, 1) for both in (False, True)])
print('whole articles first, best    ', best_of([(whole_articles(a, c), a, c) for a in ('sum', 'max2', 'sumsq')
                                                 for c in (.5, .7, .8, .9, 1.0)]))
cnt = collections.Counter((group(r), r['y']) for r in rows if keep(r))
print('kept links by the document\'s citations (group: true / false):',
      {g: (cnt[(g, 1)], cnt[(g, 0)]) for g in ('cited', 'other', 'none')})
print('thresholds by citations, best ', best_of([(by_citations(tc, tn, q), tc, tn, q)
                                                 for tc in (.1, .12, .14, .16, .18, .2)
                                                 for tn in (.2, .22, .24, .26, .28, .3, .35)
                                                 for q in (.2, .25, .3, .35)]))
print('cross-article near ties       ', [(x, cross_article(x)[2]) for x in (.92, .95, .97, .99, 1.0)])
print('clear winner, best            ', best_of([(clear_winner(t, q, g), t, q, g)
                                                 for t in (.08, .1, .12, .14, .16)
                                                 for q in (.35, .4, .45, .5, .6)
                                                 for g in (.5, .6, .7, 1.01)]))
print('harmonic mean, best           ', best_of([(harmonic(a, t / 100, c), a, t / 100, c)
                                                 for a in (.5, 1, 2) for t in range(10, 40, 2)
                                                 for c in (.8, .85, .9, .95, 1.0)]))
