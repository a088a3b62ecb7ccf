#!/usr/bin/env bash
# The whole test suite: lint, type checks and unit tests of every project, then the end-to-end
# suite against the real PostgreSQL and Kafka, which this script starts (scripts/infra/infra.sh).
set -euo pipefail
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/prepare.sh
source scripts/lib/prepare.sh

npx nx run-many -t lint typecheck test --parallel=2 --outputStyle=static
# Against the real PostgreSQL and Kafka: in-process integration specs, then the built platform as processes.
npx nx run-many -t integration --parallel=1 --outputStyle=static
npx nx run platform-e2e:e2e --outputStyle=static
