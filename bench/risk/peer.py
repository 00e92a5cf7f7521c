# The peer of bench/risk/run.ts: the same draws solved with scipy's HiGHS (linprog(method='highs')), one LP per draw,
# from the LP and the per-draw bounds that run.ts writes. Prints JSON: draws, seconds, mean unserved, mean objective.
import json, sys, time
import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_matrix

data = json.load(open(sys.argv[1]))
lp = data['lp']
n, m = lp['numCols'], lp['numRows']
A = csc_matrix((np.array(lp['values']), np.array(lp['indices']), np.array(lp['starts'])), shape=(m, n)).tocsr()
inf = float('inf')
num = lambda xs: np.array([inf if x is None or x == 'inf' else (-inf if x == '-inf' else x) for x in xs], dtype=float)
c = np.array(lp['colCost']); col_lo = num(lp['colLower']); col_up = num(lp['colUpper'])
row_lo = num(lp['rowLower']); row_up = num(lp['rowUpper'])
unserved_cols = np.array(data['unservedCols'], dtype=int)
eq = row_lo == row_up

def solve(row_up_d, col_up_d):
    ub = (~eq) & np.isfinite(row_up_d)
    lb = (~eq) & np.isfinite(row_lo)
    A_ub = A[np.where(ub)[0]]; b_ub = row_up_d[ub]
    if lb.any():
        from scipy.sparse import vstack
        A_ub = vstack([A_ub, -A[np.where(lb)[0]]]); b_ub = np.concatenate([b_ub, -row_lo[lb]])
    bounds = list(zip(col_lo, [None if not np.isfinite(u) else u for u in col_up_d]))
    r = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A[np.where(eq)[0]], b_eq=row_lo[eq], bounds=bounds, method='highs')
    assert r.status == 0, r.message
    return r.x[unserved_cols].sum(), (r.fun + lp['offset']) * lp['scale']

started = time.perf_counter()
unserved = []; objective = []
for d in data['draws']:
    ru = row_up.copy(); cu = col_up.copy()
    for i, u in d['rows']: ru[i] = u
    for j in d['cols']: cu[j] = 0.0
    u, o = solve(ru, cu)
    unserved.append(u); objective.append(o)
seconds = time.perf_counter() - started
u = np.array(unserved); o = np.array(objective)
print(json.dumps({'draws': len(u), 'seconds': seconds, 'meanUnserved': u.mean(), 'seUnserved': u.std(ddof=1) / np.sqrt(len(u)),
                  'meanObjective': o.mean(), 'seObjective': o.std(ddof=1) / np.sqrt(len(o))}))
