#!/usr/bin/env bash
# `npm run demo`: install what is missing, build, then start the demo (scripts/demo.ts).
# `npm run demo -- --check` runs the same path headless and exits 0 once the seeded flow showed its first step.
set -euo pipefail
cd "$(dirname "$0")/.."
export PUPPETEER_SKIP_DOWNLOAD=1

if [ ! -x node_modules/.bin/vite ] || [ ! -x node_modules/.bin/tsx ]; then
  echo "demo: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "demo: installing Chromium (apt-get install chromium)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "demo: Chromium is missing. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

npm run --silent build
exec node_modules/.bin/tsx scripts/demo.ts "$@"
