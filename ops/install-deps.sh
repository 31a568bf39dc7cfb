#!/usr/bin/env bash
# Installs what earshot needs to build, test and run, from Debian 12 packages.
# Idempotent: installs only what is missing, runs `apt-get update` at most
# once, and prints nothing when everything is already there.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # libraries earshot links
  librdkafka-dev rapidjson-dev libre2-dev prometheus-cpp-dev libyaml-cpp-dev
  libcli11-dev libspdlog-dev libutf8proc-dev libcurl4-openssl-dev libcpp-httplib-dev libssl-dev
  libhowardhinnant-date-dev tzdata
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # tools: poking at topics by hand, style checks
  kcat clang-format clang-tidy
  # fuzzing (fuzz/, docs/reliability.md): clang, libFuzzer, llvm-symbolizer for stacks
  clang libclang-rt-14-dev llvm
  # ops tests: promtool and the Prometheus server (tests/ops/; Debian may also start
  # its own prometheus service on :9090 -- `systemctl disable --now prometheus` if unwanted)
  prometheus
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (or: sudo $0)" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
