// tocsin's dashboard: filters in the URL, a timeline with a brush, a map of cells over the
// countries, a table, an event card and the alerts, all from this server's API. The libraries and
// the base map are vendored (static/vendor, see scripts/vendor_web.sh): no request leaves it.
"use strict";

const FIELDS = ["since", "until", "type", "acled_type", "country", "area", "actor", "factuality", "q", "bbox"];
const form = document.getElementById("filters");
const DAY = 86400000;
//: ACLED's event types (and PLOVER's types of events ACLED would not count) by colour.
const COLOURS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
};
let nextCursor = null;
let world = null;

function filters() {
  const params = new URLSearchParams(window.location.search);
  const out = {};
  for (const f of FIELDS) if (params.get(f)) out[f] = params.get(f);
  return out;
}

function setFilters(values) {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (values[f]) params.set(f, values[f]);
  const url = params.toString() ? `?${params}` : window.location.pathname;
  window.history.pushState(null, "", url);
  load();
}

function query(extra) {
  const params = new URLSearchParams({ ...filters(), ...extra });
  return params.toString();
}

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function text(tag, value, cls) {
  const node = document.createElement(tag);
  node.textContent = value === null || value === undefined ? "" : String(value);
  if (cls) node.className = cls;
  return node;
}

function svgNode(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function drawTimeline(days) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const dated = days.filter((d) => d.date !== "unknown");
  if (!dated.length) return;
  const width = 1000, height = 200, max = Math.max(...dated.map((d) => d.events));
  const first = Date.parse(dated[0].date), last = Date.parse(dated[dated.length - 1].date);
  const span = (last - first) / DAY + 1, step = width / span;
  const xOf = (day) => ((Date.parse(day) - first) / DAY) * step;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  for (const d of dated) {
    const h = (d.events / max) * (height - 10);
    const bar = svgNode("rect", { x: xOf(d.date), y: height - h, width: Math.max(step - 1, 1), height: h,
                                  fill: "#4a6fa5", "data-date": d.date, class: "day" });
    bar.appendChild(svgNode("title", {})).textContent = `${d.date}: ${d.events} events, ${d.dead} dead`;
    svg.appendChild(bar);
  }
  // the brush: drag across days to keep only them; a click keeps one day
  const dayAt = (x) => new Date(first + Math.floor(Math.max(0, Math.min(x, width - 0.01)) / step) * DAY)
    .toISOString().slice(0, 10);
  const toView = (event) => {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * width;
  };
  let start = null, band = null;
  svg.onpointerdown = (event) => {
    start = toView(event);
    band = svgNode("rect", { x: start, y: 0, width: 0, height, class: "brush" });
    svg.appendChild(band);
    svg.setPointerCapture(event.pointerId);
  };
  svg.onpointermove = (event) => {
    if (start === null) return;
    const x = toView(event);
    band.setAttribute("x", Math.min(start, x));
    band.setAttribute("width", Math.abs(x - start));
  };
  svg.onpointerup = (event) => {
    if (start === null) return;
    const x = toView(event), from = dayAt(Math.min(start, x)), to = dayAt(Math.max(start, x));
    start = null;
    setFilters({ ...filters(), since: from, until: to });
  };
}

async function baseMap() {
  if (world === null) {
    const topo = await api("/static/vendor/countries-50m.json");
    world = topojson.feature(topo, topo.objects.countries);
  }
  return world;
}

const regions = new Map();

// the first-level boundaries of the countries the events are in (a file each, loaded once)
async function regionsOf(codes) {
  const known = codes.filter((c) => /^[A-Z]{3}$/.test(c)).slice(0, 12);
  return (await Promise.all(known.map(async (code) => {
    if (!regions.has(code)) {
      const response = await fetch(`/static/vendor/admin1/${code}.json`);
      const topo = response.ok ? await response.json() : null;
      regions.set(code, topo ? topojson.feature(topo, topo.objects.admin1).features : []);
    }
    return regions.get(code);
  }))).flat();
}

function drawMap(cells, countries, admin1) {
  const svg = document.getElementById("map");
  svg.replaceChildren();
  const width = 1000, height = 500;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  // fitted to the events (two degrees around them), or to the world when there are none
  const lons = cells.map((c) => c.lon), lats = cells.map((c) => c.lat);
  const extent = cells.length
    ? { type: "MultiPoint", coordinates: [[Math.min(...lons) - 2, Math.min(...lats) - 2],
                                          [Math.max(...lons) + 2, Math.max(...lats) + 2]] }
    : { type: "Sphere" };
  const projection = d3.geoMercator().fitExtent([[10, 10], [width - 10, height - 10]], extent);
  const path = d3.geoPath(projection);
  const land = svgNode("g", { class: "countries" });
  for (const f of countries.features) {
    const shape = svgNode("path", { d: path(f) || "", class: "country" });
    shape.appendChild(svgNode("title", {})).textContent = f.properties.name;
    land.appendChild(shape);
  }
  for (const f of admin1) {
    const shape = svgNode("path", { d: path(f) || "", class: "admin1" });
    shape.appendChild(svgNode("title", {})).textContent = f.properties.name;
    land.appendChild(shape);
  }
  svg.appendChild(land);
  const most = Math.max(1, ...cells.map((c) => c.dead));
  for (const c of [...cells].sort((a, b) => b.dead - a.dead)) {
    const [x, y] = projection([c.lon, c.lat]);
    const dot = svgNode("circle", { cx: x, cy: y, r: 7 + 18 * Math.sqrt(c.dead / most),
                                    fill: COLOURS[c.type] || "#555", "fill-opacity": 0.7, class: "cell",
                                    "data-type": c.type, "data-events": c.events });
    const kinds = Object.entries(c.types).map(([k, n]) => `${k} ${n}`).join(", ");
    dot.appendChild(svgNode("title", {})).textContent =
      `${c.lat.toFixed(2)}, ${c.lon.toFixed(2)}: ${c.events} events (${kinds}), ${c.dead} dead`;
    // a click keeps the events of this cell (its 0.5-degree square)
    const west = Math.floor(c.lon * 2) / 2, south = Math.floor(c.lat * 2) / 2;
    dot.addEventListener("click", () => setFilters({ ...filters(), bbox: `${west},${south},${west + 0.5},${south + 0.5}` }));
    svg.appendChild(dot);
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren(...Object.entries(COLOURS).map(([k, colour]) => {
    const item = text("span", k, "key");
    item.style.setProperty("--colour", colour);
    return item;
  }));
}

function deadRange(e) {
  if (e.dead_best === null || e.dead_best === undefined) return "";
  return e.dead_low === e.dead_high ? String(e.dead_best) : `${e.dead_best} (${e.dead_low}-${e.dead_high})`;
}

function addRows(items) {
  const body = document.querySelector("#events tbody");
  for (const e of items) {
    const row = document.createElement("tr");
    row.dataset.id = e.id;
    const loc = e.location || {};
    const sources = [...new Set((e.claims || []).map((c) => c.source).filter(Boolean))].join("; ");
    for (const v of [e.date, e.event, e.acled_event_type, loc.name || loc.text, deadRange(e), sources,
                     e.factuality]) row.appendChild(text("td", v));
    row.addEventListener("click", () => openCard(e.id));
    body.appendChild(row);
  }
}

function highlighted(sentence, trigger) {
  const p = document.createElement("p");
  const at = trigger ? sentence.indexOf(trigger) : -1;
  if (at < 0) { p.textContent = sentence; return p; }
  p.append(sentence.slice(0, at), text("mark", trigger), sentence.slice(at + trigger.length));
  return p;
}

// a document's text with the sentences of one report marked (their offsets from the API)
async function showDocument(docId, reportId) {
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  const spans = doc.evidence.filter((x) => x.report_id === reportId).sort((a, b) => a.start - b.start);
  const view = document.getElementById("document");
  view.replaceChildren(text("h3", doc.title || doc.id), text("p", [doc.source, doc.published, doc.url].filter(Boolean).join(" — "), "hint"));
  const body = document.createElement("div");
  body.className = "text";
  let at = 0;
  for (const x of spans) {
    if (x.start < at) continue;
    body.append(doc.text.slice(at, x.start), text("mark", doc.text.slice(x.start, x.end), "evidence"));
    at = x.end;
  }
  body.append(doc.text.slice(at));
  view.appendChild(body);
  view.hidden = false;
  const first = body.querySelector("mark.evidence");
  if (first) first.scrollIntoView({ block: "center" });
}

async function openCard(id) {
  const card = document.getElementById("card");
  const detail = await api(`/api/events/${encodeURIComponent(id)}`);
  const e = detail.event;
  card.replaceChildren(text("h2", `${e.event} ${e.date || ""} — ${(e.location || {}).name || "no place"}`));
  card.appendChild(text("p", `${e.factuality}; ${e.n_reports} reports from ${e.n_sources} sources; dead ${deadRange(e) || "none reported"}`));
  const badges = document.createElement("p");
  for (const [key, cls] of [["claimed_by", "claimed"], ["denied_by", "denied"], ["confirmed_by", "confirmed"]])
    for (const p of e[key] || []) badges.appendChild(text("span", `${cls} by ${p.name || p.text}`, `badge ${cls}`));
  card.appendChild(badges);
  for (const r of detail.reports) {
    const box = document.createElement("div");
    box.className = "report";
    const claim = (e.claims || []).find((c) => c.report_id === r.id) || {};
    box.appendChild(text("div", `${claim.source || r.doc_id}, ${claim.published || ""}: ${r.factuality}`));
    for (const ev of r.evidence) box.appendChild(highlighted(ev.text, ev.trigger));
    const open = text("a", "show in its document", "in-document");
    open.href = "#";
    open.addEventListener("click", (event) => { event.preventDefault(); showDocument(r.doc_id, r.id); });
    box.appendChild(open);
    card.appendChild(box);
  }
  const history = (detail.history || []).map((h) => `${h.action} ${h.happened_at || h.at || ""}`.trim());
  card.appendChild(text("p", `history: ${history.join(", ")}`, "hint"));
  card.hidden = false;
}

async function load() {
  const current = filters();
  for (const f of FIELDS) form.elements[f].value = current[f] || "";
  document.querySelector("#events tbody").replaceChildren();
  document.getElementById("card").hidden = true;
  document.getElementById("document").hidden = true;
  const [stats, page, alerts, countries] = await Promise.all([
    api(`/api/stats?${query({})}`),
    api(`/api/events?${query({ limit: 100 })}`),
    api("/api/alerts"),
    baseMap(),
  ]);
  drawTimeline(stats.by_day);
  drawMap(stats.by_cell, countries, await regionsOf(Object.keys(stats.by_country)));
  addRows(page.items);
  nextCursor = page.next_cursor;
  document.getElementById("more").hidden = !nextCursor;
  document.getElementById("count").textContent = `(${document.querySelectorAll("#events tbody tr").length}${nextCursor ? "+" : ""})`;
  const list = document.getElementById("alerts");
  list.replaceChildren(...alerts.items.map((a) => text("li", `${a.level} (${a.kind}): ${a.explanation}`)));
  const last = stats.by_day.filter((d) => d.date !== "unknown").map((d) => d.date).pop();
  document.getElementById("bulletin").href = `/api/bulletin?format=html&date=${current.until || last || ""}`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const values = {};
  for (const f of FIELDS) values[f] = form.elements[f].value.trim();
  setFilters(values);
});
document.getElementById("clear").addEventListener("click", () => setFilters({}));
document.getElementById("more").addEventListener("click", async () => {
  const page = await api(`/api/events?${query({ limit: 100, cursor: nextCursor })}`);
  addRows(page.items);
  nextCursor = page.next_cursor;
  document.getElementById("more").hidden = !nextCursor;
});
window.addEventListener("popstate", load);
load();
