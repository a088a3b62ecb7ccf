#!/usr/bin/env bash
# Installs the project's npm packages exactly as locked, once per lockfile change.
# Everything else the project needs (PostgreSQL, Kafka) is started by scripts/infra/infra.sh.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

command -v node >/dev/null || { echo "Node.js 20 or newer is required: apt-get install nodejs (or use nvm)" >&2; exit 1; }
major=$(node -p 'process.versions.node.split(".")[0]')
if (( major < 20 )); then echo "Node.js 20 or newer is required (found $(node --version))" >&2; exit 1; fi

stamp=node_modules/.redress-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "[bootstrap] installing npm packages (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi
