// tocsin's dashboard: filters in the URL, a timeline, a map of cells, a table, an event card and
// the alerts, all from this server's API. No library and no request beyond this server.
"use strict";

const FIELDS = ["since", "until", "type", "country", "actor", "q"];
const form = document.getElementById("filters");
let nextCursor = null;

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
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  const step = width / dated.length;
  dated.forEach((d, i) => {
    const h = (d.events / max) * (height - 10);
    const bar = svgNode("rect", { x: i * step, y: height - h, width: Math.max(step - 1, 1), height: h,
                                  fill: "#4a6fa5", "data-date": d.date, class: "day" });
    bar.appendChild(svgNode("title", {})).textContent = `${d.date}: ${d.events} events, ${d.dead} dead`;
    bar.addEventListener("click", () => setFilters({ ...filters(), since: d.date, until: d.date }));
    svg.appendChild(bar);
  });
}

function drawMap(cells) {
  const svg = document.getElementById("map");
  svg.replaceChildren();
  if (!cells.length) return;
  const lons = cells.map((c) => c.lon), lats = cells.map((c) => c.lat);
  const west = Math.min(...lons) - 1, east = Math.max(...lons) + 1;
  const south = Math.min(...lats) - 1, north = Math.max(...lats) + 1;
  const width = 1000, height = 500, max = Math.max(...cells.map((c) => c.events));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  for (const c of cells) {
    const x = ((c.lon - west) / (east - west)) * width;
    const y = ((north - c.lat) / (north - south)) * height;
    const dot = svgNode("circle", { cx: x, cy: y, r: 4 + 16 * Math.sqrt(c.events / max), fill: "#c0392b",
                                    "fill-opacity": 0.6, class: "cell" });
    dot.appendChild(svgNode("title", {})).textContent =
      `${c.lat.toFixed(2)}, ${c.lon.toFixed(2)}: ${c.events} events, ${c.dead} dead`;
    svg.appendChild(dot);
  }
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
  const range = new URLSearchParams();
  for (const f of ["since", "until", "type", "country"]) if (current[f]) range.set(f, current[f]);
  const [stats, page, alerts] = await Promise.all([
    api(`/api/stats?${range}`),
    api(`/api/events?${query({ limit: 100 })}`),
    api("/api/alerts"),
  ]);
  drawTimeline(stats.by_day);
  drawMap(stats.by_cell);
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
