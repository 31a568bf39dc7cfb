#!/usr/bin/env bash
# Peer benchmark: installs the common JavaScript sentiment packages into a
# scratch folder (never into the repository), scores them on the evaluation
# files earshot is scored on, and prints one Markdown table per task with
# earshot's figures beside them. See bench/peers/README.md.
#
#   bench/peers/run_peers.sh [EVAL_DIR] [--out FILE] [--skip KEYS]
#
#   EVAL_DIR   default: ../shared/eval relative to the repository root
#   --out FILE also write the tables to FILE (e.g. bench/peers/last_run.md)
#   --skip KEYS leave out tools, comma-separated (vader, afinn, multilangTr,
#              nlpjsTr); --skip multilangTr turns most of an hour into minutes
#
# Environment:
#   EARSHOT_PEERS_DIR  scratch folder (default ${TMPDIR:-/tmp}/earshot-peers)
#   EARSHOT_BIN        earshot binary (default build/release/earshot)
#
# Without node or npm it prints a one-line notice and exits 0, and so it does
# when the packages cannot be installed (no registry): a skip, not a failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

eval_dir=""
out=""
skip=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) [[ $# -ge 2 ]] || { echo "run_peers.sh: --out needs a file" >&2; exit 2; }
           out=$2; shift 2 ;;
    --out=*) out=${1#--out=}; shift ;;
    --skip) [[ $# -ge 2 ]] || { echo "run_peers.sh: --skip needs a list" >&2; exit 2; }
            skip=$2; shift 2 ;;
    --skip=*) skip=${1#--skip=}; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run_peers.sh: unknown option $1" >&2; exit 2 ;;
    *) [[ -z $eval_dir ]] || { echo "run_peers.sh: one EVAL_DIR only" >&2; exit 2; }
       eval_dir=$1; shift ;;
  esac
done
eval_dir=${eval_dir:-$root/../shared/eval}

# Polite skip when the JavaScript toolchain is absent.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "peers: node/npm not found; skipping the peer benchmark"
  exit 0
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 18 )); then
  echo "peers: node $(node --version) is older than 18; skipping the peer benchmark"
  exit 0
fi

if [[ ! -f $eval_dir/en-vader-tweets.dev.tsv ]]; then
  echo "run_peers.sh: no evaluation files in $eval_dir" >&2
  exit 1
fi

# Install the pinned packages (package.json beside this script) into the
# scratch folder; reuse it when it already holds exactly that set.
scratch=${EARSHOT_PEERS_DIR:-${TMPDIR:-/tmp}/earshot-peers}
packages=(vader-sentiment sentiment multilang-sentiment @nlpjs/sentiment @nlpjs/lang-tr)
installed() {
  cmp -s "$here/package.json" "$scratch/package.json" || return 1
  local p
  for p in "${packages[@]}"; do
    [[ -f $scratch/node_modules/$p/package.json ]] || return 1
  done
}
if ! installed; then
  mkdir -p "$scratch"
  cp "$here/package.json" "$scratch/package.json"
  echo "peers: installing ${packages[*]} into $scratch" >&2
  # npm's own output goes to stderr so stdout carries only the tables.
  if ! (cd "$scratch" && npm install --no-audit --no-fund --loglevel=error >&2); then
    echo "peers: npm install failed (registry unreachable?); skipping the peer benchmark"
    exit 0
  fi
fi

# Relative --out paths are taken from the caller's directory, as usual.
exec node "$here/score.mjs" \
  --peers "$scratch" \
  --eval "$eval_dir" \
  --earshot "${EARSHOT_BIN:-$root/build/release/earshot}" \
  ${out:+--out "$out"} \
  ${skip:+--skip "$skip"}
