"""Solves an LP written by bench/solve/bench.ts with scipy's linprog (native HiGHS) and prints the
median wall-clock time of the linprog call and the objective, as JSON.

Usage: /usr/bin/python3 scipy_solve.py DIR RUNS
DIR holds meta.json and the arrays as raw little-endian files (float64 / int32), the CSC matrix of
rowLower <= A x <= rowUpper, colLower <= x <= colUpper, minimise colCost . x + offset.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.optimize import linprog
from scipy.sparse import csc_matrix, vstack


def load(directory):
    with open(os.path.join(directory, "meta.json")) as f:
        meta = json.load(f)

    def arr(name, dtype):
        return np.fromfile(os.path.join(directory, name + ".bin"), dtype=dtype)

    n, m = meta["numCols"], meta["numRows"]
    a = csc_matrix((arr("values", "<f8"), arr("indices", "<i4"), arr("starts", "<i4")), shape=(m, n)).tocsr()
    return meta, a, arr("colCost", "<f8"), arr("colLower", "<f8"), arr("colUpper", "<f8"), arr("rowLower", "<f8"), arr("rowUpper", "<f8")


def main():
    directory, runs = sys.argv[1], int(sys.argv[2])
    meta, a, c, cl, cu, rl, ru = load(directory)
    eq = np.isfinite(rl) & np.isfinite(ru) & (rl == ru)
    ub = ~eq & np.isfinite(ru)
    lb = ~eq & np.isfinite(rl)
    a_ub = vstack([a[ub], -a[lb]]).tocsr()
    b_ub = np.concatenate([ru[ub], -rl[lb]])
    bounds = np.column_stack([cl, np.where(np.isfinite(cu), cu, np.inf)])
    times = []
    objective = None
    for _ in range(runs):
        start = time.perf_counter()
        res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a[eq], b_eq=rl[eq], bounds=bounds, method="highs")
        times.append(time.perf_counter() - start)
        if res.status != 0:
            print(json.dumps({"status": res.status, "message": res.message}))
            sys.exit(1)
        objective = float(res.fun) + meta["offset"]
    print(json.dumps({"status": 0, "objective": objective, "medianSeconds": statistics.median(times), "runs": runs,
                      "scipy": scipy.__version__, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
