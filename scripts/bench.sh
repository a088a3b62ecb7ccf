#!/usr/bin/env bash
# The events benchmark: starts the infrastructure, builds the services, then runs
# tools/bench/events.bench.ts, which prints its figures and writes them to tmp/bench/.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/prepare.sh
source scripts/lib/prepare.sh
npx nx run-many -t build --projects=gateway,complaints,refunds,mediation,appeals,notifications,tenancy --outputStyle=static >&2
exec node -r @swc-node/register tools/bench/events.bench.ts
