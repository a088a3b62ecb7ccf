#!/usr/bin/env bash
# Starts the whole platform: PostgreSQL and Kafka (scripts/infra), npm packages, a build of every
# service, then the services, the gateway and the demo tenants. Prints where the graph is.
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/prepare.sh
source scripts/lib/prepare.sh

echo "[platform] building the services…" >&2
npx nx run-many -t build --projects=gateway,complaints,refunds,mediation,appeals,notifications,tenancy --outputStyle=static >&2
exec node -r @swc-node/register tools/platform.ts
