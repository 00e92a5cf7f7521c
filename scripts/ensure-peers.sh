#!/usr/bin/env bash
# Installs the independent peers that the cross-check tests and benchmarks compare against:
# native HiGHS through SciPy and pandas, from Debian's packages (into /usr/bin/python3).
set -euo pipefail
if /usr/bin/python3 -c 'import scipy, pandas' 2>/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing python3-scipy and python3-pandas (Debian) for the cross-check tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq python3-scipy python3-pandas >/dev/null
else
  echo "warning: /usr/bin/python3 lacks scipy/pandas; run: sudo apt-get install python3-scipy python3-pandas" >&2
fi
