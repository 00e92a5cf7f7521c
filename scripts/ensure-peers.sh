#!/usr/bin/env bash
# Installs, from Debian's packages, what the cross-check tests and benchmarks compare against or run in:
# native HiGHS through SciPy and pandas (into /usr/bin/python3), and zsh and fish, whose completion the shell test loads.
set -euo pipefail
missing=()
/usr/bin/python3 -c 'import scipy, pandas' 2>/dev/null || missing+=(python3-scipy python3-pandas)
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} (Debian) for the cross-check and shell tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "warning: missing ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
fi
