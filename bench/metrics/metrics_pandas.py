"""The peer of bench/metrics/run.ts: every importer x commodity x year dependence metric with pandas.

Reads the CSVs that run.ts writes (flows already in base units), computes shares, HHI (aggregates
dispersed), top share, CRMA third-country top share, governance-weighted HHI and transit exposure,
and prints JSON: the median compute time of `repeats` runs and the results keyed "importer|commodity|year".
Usage: /usr/bin/python3 metrics_pandas.py DIR [repeats]
"""
import json
import sys
import time

import numpy as np
import pandas as pd

KEYS = ["importer", "commodity", "year"]


def load(folder):
    flows = pd.read_csv(f"{folder}/flows.csv", dtype={"route": str}, keep_default_na=False)
    legs = pd.read_csv(f"{folder}/legs.csv", keep_default_na=False)
    countries = pd.read_csv(f"{folder}/countries.csv", keep_default_na=False)
    governance = pd.read_csv(f"{folder}/governance.csv", keep_default_na=False)
    members = pd.read_csv(f"{folder}/bloc_members.csv", keep_default_na=False)
    return flows, legs, countries, governance, members


def compute(flows, legs, countries, governance, members, eu="EU27"):
    aggregates = set(countries.loc[countries["kind"] == "aggregate", "id"])
    eu_set = set(members.loc[members["bloc"] == eu, "country"]) | {eu}

    sup = flows.groupby(KEYS + ["exporter"], sort=False, as_index=False)["volume"].sum()
    sup["share"] = sup["volume"] / sup.groupby(KEYS)["volume"].transform("sum")
    sup["aggregate"] = sup["exporter"].isin(aggregates)
    named = sup[~sup["aggregate"]].copy()
    named["s2"] = named["share"] ** 2
    hhi = named.groupby(KEYS)["s2"].sum() * 10_000
    top = named.groupby(KEYS)["share"].max()
    third = named[~named["exporter"].isin(eu_set)].groupby(KEYS)["share"].max()

    # WGI: latest year not after the metric's year, else the country's first row.
    gov = governance.reset_index().rename(columns={"index": "order", "country": "exporter", "year": "wgi_year"})
    pairs = named[["exporter", "year"]].drop_duplicates().merge(gov, on="exporter")
    before = pairs[pairs["wgi_year"] <= pairs["year"]].sort_values("wgi_year").groupby(["exporter", "year"]).tail(1)
    first = gov.sort_values("order").groupby("exporter").head(1)
    chosen = pd.concat([before[["exporter", "year", "value"]],
                        named[["exporter", "year"]].drop_duplicates().merge(first[["exporter", "value"]], on="exporter")])
    chosen = chosen.drop_duplicates(["exporter", "year"], keep="first")
    w = named.merge(chosen, on=["exporter", "year"], how="inner")
    w["term"] = w["s2"] * (5 - 2 * w["value"]).clip(0, 10)
    hhi_wgi = w.groupby(KEYS)["term"].sum()

    # Transit: each flow once per country its route crosses, other than its exporter, importer,
    # the members of an importing or exporting bloc, and aggregates.
    total = flows.groupby(KEYS)["volume"].sum()
    routed = flows[flows["route"] != ""].reset_index().rename(columns={"index": "flow"})
    crossed = routed.merge(legs[["route", "country"]].drop_duplicates(), on="route")
    crossed = crossed[(crossed["country"] != crossed["exporter"]) & (crossed["country"] != crossed["importer"])
                      & ~crossed["country"].isin(aggregates)]
    pair = members.rename(columns={"bloc": "actor"})
    for side in ("importer", "exporter"):
        inside = crossed.merge(pair, left_on=[side, "country"], right_on=["actor", "country"], how="left", indicator=True)
        crossed = crossed[(inside["_merge"] == "left_only").to_numpy()]
    by_country = crossed.groupby(KEYS + ["country"])["volume"].sum()
    transit = (by_country / total.reindex(by_country.index.droplevel("country")).to_numpy()).groupby(KEYS).agg(["sum", "count"])

    out = pd.DataFrame({"hhi": hhi, "top": top, "third": third, "hhiWgi": hhi_wgi}).reindex(total.index)
    out = out.join(transit)
    return out


def main():
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    t0 = time.perf_counter()
    data = load(folder)
    load_seconds = time.perf_counter() - t0
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        out = compute(*data)
        times.append(time.perf_counter() - t)
    results = {}
    for (imp, com, year), row in out.iterrows():
        vals = [row["hhi"], row["top"], row["third"], row["hhiWgi"], row["sum"], row["count"]]
        results[f"{imp}|{com}|{year}"] = [None if (v is None or (isinstance(v, float) and np.isnan(v))) else float(v) for v in vals]
    print(json.dumps({"seconds": sorted(times)[len(times) // 2], "loadSeconds": load_seconds, "pandas": pd.__version__, "results": results}))


if __name__ == "__main__":
    main()
