#!/usr/bin/env bash
# Writes what every command prints on the default dataset, the examples and the news fixtures into OUTDIR,
# one file per command, so that a change that must not alter results can be checked byte for byte:
#   bash scripts/snapshot-outputs.sh /tmp/before; (change); bash scripts/snapshot-outputs.sh /tmp/after
#   diff -r -I '"seconds"' -I '"baselineSeconds"' /tmp/before /tmp/after   (solver times vary from run to run)
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: snapshot-outputs.sh OUTDIR}"
mkdir -p "$out"
corridor() { node bin/corridor.mjs "$@"; }
snap() { # snap NAME ARGS... : stdout, stderr and exit code of one command
  local name="$1"; shift
  corridor "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "exit $?" >>"$out/$name.err"
}
snap report report
snap report-json report --json
snap validate validate
snap validate-json validate --json
snap validate-tiny validate test/fixtures/tiny
for imp in EU27 FRA DEU; do for c in crude_oil natural_gas uranium; do for y in 2022 2023 2024; do
  snap "metrics-$imp-$c-$y" metrics --importer "$imp" --commodity "$c" --year "$y"
  snap "metrics-$imp-$c-$y-json" metrics --importer "$imp" --commodity "$c" --year "$y" --json
done; done; done
for exp in KAZ RUS AZE; do for c in crude_oil uranium; do
  snap "metrics-exp-$exp-$c" metrics --exporter "$exp" --commodity "$c"
  snap "metrics-exp-$exp-$c-json" metrics --exporter "$exp" --commodity "$c" --json
done; done
snap crm crm
snap crm-json crm --json
snap crm-tungsten crm --material tungsten
for f in examples/*.yaml; do
  b=$(basename "$f" .yaml)
  case "$b" in risk-*) snap "risk-$b" risk montecarlo "$f" --draws 2000 --seed 42 --json; continue ;; esac
  snap "scenario-$b" scenario run "$f"
  snap "scenario-$b-json" scenario run "$f" --json
  snap "check-$b" scenario check "$f"
done
snap compare compare examples/cpc-shut.yaml examples/russia-transit-lost.yaml
snap compare-json compare $(ls examples/*.yaml | grep -v /risk-) --json
snap risk-n1 risk n1 --commodity crude_oil --year 2024 --json
for f in test/fixtures/scenarios/*.yaml; do
  b=$(basename "$f" .yaml)
  snap "fixture-scenario-$b" scenario run "$f" --json
done
for f in test/fixtures/news/*.txt; do
  b=$(basename "$f" .txt)
  snap "ingest-$b" ingest "$f" --published 2024-06-01
  snap "ingest-$b-json" ingest "$f" --published 2024-06-01 --json
done
snap timeline events timeline
snap timeline-json events timeline --json
snap bad-arg metrics --importer NOPE --commodity crude_oil
snap bad-file scenario run does-not-exist.yaml
