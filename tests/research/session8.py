#!/usr/bin/env python3
"""session8.py DUMP - how the query share was chosen (lib/match.c, "Query
share"), on dev: each feature's AUC among the links the threshold and cut
keep, the share x threshold grid, the choice of both leaving one local
document out, a logistic reranker so cross-validated, and the paired
bootstrap of the share's gain over local documents."""
import math
import random
import sys

from harness import base_rule, evaluate, related, setup

secs, rows = setup(sys.argv)
base = base_rule()
files = sorted(set(r['file'] for r in rows))


def auc(pos, neg):
    """P(a true link's value > a false one's), ties half."""
    if not pos or not neg:
        return float('nan')
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def rule(thr, share):
    b = base_rule(thr)
    return lambda r: b(r) and r['qshare'] >= share


def loo(choose):
    """Leave one local document out: choose(rows of the others) gives the
    rule for the one left out."""
    oof = {}
    for f in files:
        keep = choose([r for r in rows if r['file'] != f])
        for r in rows:
            if r['file'] == f:
                oof[id(r)] = keep(r)
    return evaluate(rows, secs, lambda r: oof[id(r)])


def best_rule(train, grid):
    best = (-1, None)
    for params in grid:
        F = evaluate(train, secs, rule(*params))[2]
        if F > best[0] + 1e-12:
            best = (F, params)
    return rule(*best[1])


# logistic regression by gradient descent (L2), on standardized features
def fit(X, y, l2=1.0, iters=400, lr=0.5):
    d = len(X[0])
    mu = [sum(x[j] for x in X) / len(X) for j in range(d)]
    sd = [math.sqrt(sum((x[j] - mu[j]) ** 2 for x in X) / len(X)) or 1 for j in range(d)]
    Z = [[(x[j] - mu[j]) / sd[j] for j in range(d)] for x in X]
    w = [0.0] * (d + 1)
    for _ in range(iters):
        g = [0.0] * (d + 1)
        for z, t in zip(Z, y):
            s = w[d] + sum(wj * zj for wj, zj in zip(w, z))
            e = 1 / (1 + math.exp(-max(-30, min(30, s)))) - t
            for j in range(d):
                g[j] += e * z[j]
            g[d] += e
        for j in range(d):
            w[j] -= lr * (g[j] / len(Z) + l2 * w[j] / len(Z))
        w[d] -= lr * g[d] / len(Z)
    return lambda x: 1 / (1 + math.exp(-max(-30, min(30, w[d] + sum(
        w[j] * (x[j] - mu[j]) / sd[j] for j in range(d))))))


def features(r, which):
    allf = dict(score=r['score'], rel=r['rel'], cites=r['cites'], qshare=r['qshare'],
                lnsh=math.log(1 + r['nsh']), lnbag=math.log(1 + r['nbag']), gen=r['gen'],
                bigshare=r['nbig'] / r['nsh'] if r['nsh'] else 0, lllen=math.log(1 + r['llen']),
                top=float(r['rank'] == 0), factor=r['factor'], lnn=math.log(r['n']))
    return [allf[k] for k in which]


def reranker(which, pool=lambda r: True):
    """Fit on the candidates in `pool` of the other documents, choose the
    probability cut there, and keep those of the one left out above it."""
    def choose(train):
        train = [r for r in train if pool(r)]
        model = fit([features(r, which) for r in train], [r['y'] for r in train])
        best = (-1, 0)
        for tau in [i / 100 for i in range(5, 95)]:
            F = evaluate(train, secs, lambda r: model(features(r, which)) >= tau)[2]
            if F > best[0]:
                best = (F, tau)
        return lambda r: pool(r) and model(features(r, which)) >= best[1]
    return loo(choose)


def per_file(keep):
    """[predicted, correct, gold, found] of each local document."""
    out = {}
    predl = set((r['sec'], r['file'], r['eid'], r['line']) for r in rows if keep(r))
    pred = set(p[:3] for p in predl)
    for (sec, f, e, _l) in predl:
        s = secs[sec]
        c = out.setdefault(f, [0, 0, 0, 0])
        c[0] += 1
        c[1] += f not in s['nolinks'] and any(g[1] == f and related(e, g[0]) for g in s['links'])
    for sec, s in secs.items():
        for g in s['links']:
            if g[3]:
                c = out.setdefault(g[1], [0, 0, 0, 0])
                c[2] += 1
                c[3] += any(p[0] == sec and p[1] == g[1] and related(p[2], g[0]) for p in pred)
    return out


def f1(c):
    P = c[1] / c[0] if c[0] else 1
    R = c[3] / c[2] if c[2] else 1
    return 2 * P * R / (P + R) if P + R else 0


kept = [r for r in rows if base(r)]
print('AUC among the %d links the threshold and cut keep (%d true):' % (len(kept), sum(r['y'] for r in kept)))
for k in ('qshare', 'score', 'rel', 'llen', 'nsh', 'gen', 'factor'):
    print('  %-7s %.2f' % (k, auc([r[k] for r in kept if r['y']], [r[k] for r in kept if not r['y']])))
print('F1, share at least (columns) x threshold (rows):')
shares = (0, .25, .3, .35, .4, .45, .5)
print('        ' + ''.join('%6s' % s for s in shares))
for thr in (.18, .2, .22):
    print('  %.2f  ' % thr + ''.join('%6.3f' % evaluate(rows, secs, rule(thr, s))[2] for s in shares))
print('leave one document out, threshold alone:', loo(lambda t: best_rule(t, [(x / 100, 0) for x in range(10, 36)])))
print('leave one document out, with the share: ', loo(lambda t: best_rule(
    t, [(x / 100, q / 100) for x in range(10, 36) for q in range(0, 80, 2)])))
for which in (['score', 'rel', 'cites'], ['score', 'rel', 'cites', 'qshare'],
              ['score', 'rel', 'cites', 'qshare', 'lnbag', 'lnsh', 'gen', 'bigshare', 'lllen', 'top',
               'factor', 'lnn']):
    print('logistic reranker, left out by document,', which, reranker(which))
pool = base_rule(.15, .85)
for which in (['score', 'cites'], ['score', 'cites', 'qshare'], ['score', 'cites', 'rel'],
              ['score', 'cites', 'qshare', 'lnsh', 'lllen', 'gen']):
    print('... over the candidates at threshold .15 and cut .85,', which, reranker(which, pool))
a, b = per_file(base), per_file(rule(.2, .35))
docs = sorted(set(a) | set(b))  # with the gold files no candidate reached
rng = random.Random(1)
d = []
for _ in range(4000):
    fs = [rng.choice(docs) for _ in docs]
    ta = [sum(a[f][i] for f in fs) for i in range(4)]
    tb = [sum(b[f][i] for f in fs) for i in range(4)]
    d.append(f1(tb) - f1(ta))
d.sort()
print('the share\'s gain, paired bootstrap over %d documents: %+.3f [%+.3f, %+.3f], P(<= 0) = %.2f' % (
    len(docs), f1([sum(b[f][i] for f in docs) for i in range(4)]) - f1([sum(a[f][i] for f in docs) for i in range(4)]),
    d[100], d[3899], sum(x <= 0 for x in d) / len(d)))
