// Tags and trends: every tag with its live value, and the historian trend of the chosen one
// (GET /api/tags/history), drawn as inline SVG.
import { h, svg, clock, debounce } from "../dom.js";
import { get, failure } from "../api.js";
import * as live from "../live.js";
import { setpointForm } from "./setpoint.js";

const RANGES = { "15m": ["now-15m", "10s"], "1h": ["now-1h", "30s"], "6h": ["now-6h", "3m"], "1d": ["now-1d", "10m"] };

function short(path) {
  return path.split("/").slice(4).join("/");
}

function value(s) {
  if (!s) return "–";
  return typeof s.value === "number" ? String(Math.round(s.value * 1000) / 1000) : String(s.value);
}

export function drawHistory(chart, points) {
  const W = 800, H = 240, top = 10, bottom = 215, left = 56;
  chart.replaceChildren();
  const vs = points.map((p) => p.v).filter((v) => v !== null);
  if (!vs.length) {
    chart.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no data in this range"));
    return;
  }
  let lo = Math.min(...vs), hi = Math.max(...vs);
  if (hi === lo) { hi += 1; lo -= 1; }
  const y = (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const x = (i) => left + (i / Math.max(1, points.length - 1)) * (W - left - 4);
  let d = "", pen = false;
  points.forEach((p, i) => {
    if (p.v === null) { pen = false; return; } // a gap stays a gap
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(p.v).toFixed(1)} `;
    pen = true;
  });
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => lo + f * (hi - lo));
  for (const g of grid) {
    chart.append(svg("line", { class: "grid", x1: left, x2: W, y1: y(g), y2: y(g) }),
      svg("text", { x: left - 4, y: y(g) + 4, "text-anchor": "end" }, Math.abs(g) >= 100 ? g.toFixed(0) : g.toFixed(2)));
  }
  chart.append(svg("path", { d, class: "line" }),
    svg("text", { x: left, y: H - 4 }, clock(points[0].t)),
    svg("text", { x: W - 4, y: H - 4, "text-anchor": "end" }, clock(points[points.length - 1].t)));
}

export default async function tags(main, [selected]) {
  main.append(h("h2", {}, "Tags & trends"));
  let catalog;
  try {
    catalog = (await get("/api/tags")).items;
  } catch (e) {
    main.append(failure(e, "Tags"));
    return;
  }
  const current = selected ?? catalog.find((t) => t.path.endsWith("/filler/speed"))?.path ?? catalog[0]?.path;
  const units = new Map(catalog.map((t) => [t.path, t.unit]));
  const filter = h("input", { id: "tag-filter", type: "search", placeholder: "filter, e.g. conveyor or speed" });
  const rows = new Map();
  const body = h("tbody", {}, catalog.map((t) => {
    const cell = h("td", { class: "num", dataset: { tag: t.path } }, value(live.values.get(t.path)));
    const row = h("tr", { class: t.path === current ? "selected" : "" },
      h("td", {}, h("a", { href: `#/tags/${encodeURIComponent(t.path)}`, "aria-current": t.path === current ? "true" : null }, short(t.path))),
      cell, h("td", {}, t.unit ?? ""), h("td", { class: "muted", dataset: { ts: t.path } }, clock(live.values.get(t.path)?.ts)));
    rows.set(t.path, [row, cell]);
    return row;
  }));
  filter.addEventListener("input", debounce(() => {
    const f = filter.value.trim().toLowerCase();
    for (const [p, [row]] of rows) row.hidden = f && !p.toLowerCase().includes(f);
  }, 100));
  const chart = svg("svg", { id: "trend-chart", viewBox: "0 0 800 240", preserveAspectRatio: "none", role: "img", "aria-label": `trend of ${current}` });
  const caption = h("figcaption", { id: "trend-caption" }, "–");
  const range = h("select", { id: "trend-range" }, Object.keys(RANGES).map((r) => h("option", { value: r, selected: r === "15m" }, r)));
  const agg = h("select", { id: "trend-agg" }, ["avg", "twa", "min", "max", "last", "count"].map((a) => h("option", { value: a }, a)));
  main.append(h("div", { class: "split" },
    h("section", { "aria-labelledby": "live-h", class: "taglist" },
      h("h3", { id: "live-h" }, "Live values"), h("label", {}, "Filter ", filter),
      h("div", { class: "scroll" }, h("table", { class: "grid", id: "tag-table" },
        h("thead", {}, h("tr", {}, ["Tag", "Value", "Unit", "Time"].map((c) => h("th", { scope: "col" }, c)))), body))),
    h("section", { "aria-labelledby": "trend-h" },
      h("h3", { id: "trend-h" }, "Trend: ", current ? short(current) : "–", units.get(current) ? ` (${units.get(current)})` : ""),
      h("form", { class: "filters", onsubmit: (e) => e.preventDefault() }, h("label", {}, "Range ", range), h("label", {}, "Aggregate ", agg)),
      h("figure", { class: "trend-figure" }, chart, caption))));
  const [change, offChange] = current ? setpointForm(current, units.get(current)) : [null, () => {}];
  if (change) main.querySelector(".split > section:last-child").append(change);

  const load = async () => {
    if (!current) return;
    const [from, interval] = RANGES[range.value];
    try {
      const r = await get("/api/tags/history", { path: current, from, to: "now", interval, agg: agg.value });
      drawHistory(chart, r.points);
      const n = r.points.filter((p) => p.v !== null).length;
      caption.textContent = `${agg.value} per ${interval} · ${n} of ${r.points.length} intervals with data`;
    } catch (e) { caption.replaceChildren(failure(e, "Trend")); }
  };
  range.addEventListener("change", load);
  agg.addEventListener("change", load);
  await load();
  const timer = setInterval(load, 5000);
  const off = live.on("samples", (samples) => {
    for (const s of samples) {
      const r = rows.get(s.path);
      if (!r) continue;
      const text = value(s);
      if (r[1].textContent !== text) r[1].textContent = text;
      r[0].querySelector("[data-ts]").textContent = clock(s.ts);
    }
  });
  return () => { clearInterval(timer); off(); offChange(); };
}
