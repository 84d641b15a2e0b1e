#!/usr/bin/env bash
# Rebuilds src/tocsin/data/countries-50m.geojson.gz, the country outlines the daily bulletin's map
# draws (no tile server, nothing fetched at run time). Source: Natural Earth 1:50m admin-0
# countries (public domain) as packed by the npm package world-atlas 2.0.2 (ISC), turned into
# GeoJSON by topojson-client 3.1.0's topo2geo, coordinates rounded to 0.001 degree (about 100 m).
# Needs npm; run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz \
  && echo "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97  world-atlas-2.0.2.tgz" | sha256sum -c - \
  && npm install --silent --no-save --prefix "$work/nm" topojson-client@3.1.0 >/dev/null \
  && "$work/nm/node_modules/.bin/topo2geo" countries=countries.geojson < package/countries-50m.json)
python3 - "$work/countries.geojson" src/tocsin/data/countries-50m.geojson.gz <<'PY'
import gzip, json, sys

def rounded(value):
    return [rounded(v) for v in value] if isinstance(value, list) else round(value, 3)

data = json.load(open(sys.argv[1], encoding="utf-8"))
for feature in data["features"]:
    feature["geometry"]["coordinates"] = rounded(feature["geometry"]["coordinates"])
text = json.dumps(data, separators=(",", ":"), sort_keys=True).encode()
with open(sys.argv[2], "wb") as out:
    out.write(gzip.compress(text, mtime=0))
PY
ls -l src/tocsin/data/countries-50m.geojson.gz
