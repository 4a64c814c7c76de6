// Network map: assets in Purdue-level lanes at the x/y the hub's layout gave them (no layout engine
// in the browser), conduits as lines (policy violations in red), pan with drag or arrow keys, zoom
// with the wheel or +/-; clicking or pressing Enter on an asset opens its page.
import { h, svg } from "../dom.js";
import { get, failure } from "../api.js";

const NODE_W = 150, NODE_H = 44, LANE_TITLE = 120;

function lanesOf(map, nodes) {
  if (Array.isArray(map.lanes) && map.lanes.length) {
    return map.lanes.map((l) => ({ level: l.level, title: l.title ?? l.name ?? l.level, start: l.start, size: l.size }));
  }
  const names = new Map((map.levels ?? []).map((l) => [String(l.level), l.name ?? String(l.level)]));
  const spans = new Map();
  for (const n of nodes) {
    const k = String(n.level ?? "none");
    const s = spans.get(k) ?? [Infinity, -Infinity];
    s[0] = Math.min(s[0], n.y); s[1] = Math.max(s[1], n.y + n.h);
    spans.set(k, s);
  }
  const ordered = [...spans.entries()].sort((a, b) => a[1][0] - b[1][0]);
  return ordered.map(([level, [lo, hi]], i) => {
    const top = i === 0 ? lo - 20 : (ordered[i - 1][1][1] + lo) / 2;
    const bottom = i + 1 < ordered.length ? (hi + ordered[i + 1][1][0]) / 2 : hi + 20;
    return { level, title: names.get(level) ?? level, start: top, size: bottom - top };
  });
}

export default async function mapPage(main) {
  main.append(h("h2", {}, "Network map"));
  let map;
  try {
    map = await get("/api/map");
  } catch (e) {
    main.append(failure(e, "Network map"));
    return;
  }
  const nodes = (map.nodes ?? []).map((n) => ({ ...n, w: n.width ?? NODE_W, h: n.height ?? NODE_H }));
  if (!nodes.length) {
    main.append(h("p", { class: "notice" }, "No assets seen yet: the map fills in as the sensor sees traffic."));
    return;
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lanes = lanesOf(map, nodes);
  const minX = Math.min(...nodes.map((n) => n.x)) - LANE_TITLE;
  const maxX = Math.max(...nodes.map((n) => n.x + n.w)) + 40;
  const minY = Math.min(...lanes.map((l) => l.start), ...nodes.map((n) => n.y)) - 10;
  const maxY = Math.max(...lanes.map((l) => l.start + l.size), ...nodes.map((n) => n.y + n.h)) + 10;
  const W = maxX - minX, H = maxY - minY;

  const view = svg("g", { class: "viewport" });
  for (const [i, l] of lanes.entries()) {
    view.append(svg("rect", { class: `lane lane-${i % 2}`, x: minX, y: l.start, width: W, height: l.size }),
      svg("text", { class: "lane-title", x: minX + 8, y: l.start + 18 }, l.title));
  }
  for (const e of map.edges ?? []) {
    const a = byId.get(e.source), b = byId.get(e.target);
    if (!a || !b) continue;
    const pts = Array.isArray(e.points) && e.points.length >= 2
      ? e.points.map((p) => `${p.x},${p.y}`).join(" ")
      : `${a.x + a.w / 2},${a.y + a.h / 2} ${b.x + b.w / 2},${b.y + b.h / 2}`;
    const proto = e.protocol ?? (e.protocols ?? []).join(", ");
    view.append(svg("polyline", { class: `edge${e.violation ? " violation" : ""}`, points: pts },
      svg("title", {}, `${a.label ?? a.id} → ${b.label ?? b.id}: ${proto}${(e.access ?? []).length ? ` (${e.access.join(", ")})` : ""}${e.violation ? " — policy violation" : ""}`)));
  }
  for (const n of nodes) {
    const label = n.label ?? n.id;
    view.append(svg("a", { href: `#/assets/${encodeURIComponent(n.id)}`, class: `node role-${String(n.role ?? "unknown").toLowerCase()}`,
        "aria-label": `${label}, ${n.role ?? "unknown role"}, level ${n.level ?? "unknown"}` },
      svg("rect", { x: n.x, y: n.y, width: n.w, height: n.h, rx: 6 }),
      svg("text", { x: n.x + 8, y: n.y + 18, class: "node-label" }, label.length > 22 ? `${label.slice(0, 21)}…` : label),
      svg("text", { x: n.x + 8, y: n.y + 34, class: "node-detail" }, String(n.role ?? "").toLowerCase())));
  }
  const canvas = svg("svg", { id: "map-svg", viewBox: `${minX} ${minY} ${W} ${H}`, role: "group", tabindex: 0,
    "aria-label": `Network map: ${nodes.length} assets in ${lanes.length} Purdue levels. Arrow keys pan, plus and minus zoom; Tab moves through assets.` }, view);

  let k = 1, tx = 0, ty = 0;
  const apply = () => view.setAttribute("transform", `translate(${tx} ${ty}) scale(${k})`);
  const zoom = (f, cx = minX + W / 2, cy = minY + H / 2) => {
    const nk = Math.min(8, Math.max(0.25, k * f));
    tx = cx - ((cx - tx) * nk) / k; ty = cy - ((cy - ty) * nk) / k; k = nk; apply();
  };
  const reset = () => { k = 1; tx = 0; ty = 0; apply(); };
  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, minX + ((e.clientX - r.left) / r.width) * W, minY + ((e.clientY - r.top) / r.height) * H);
  }, { passive: false });
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => { if (!e.target.closest("a")) { drag = [e.clientX, e.clientY, tx, ty]; canvas.setPointerCapture(e.pointerId); } });
  canvas.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const r = canvas.getBoundingClientRect();
    tx = drag[2] + ((e.clientX - drag[0]) / r.width) * W; ty = drag[3] + ((e.clientY - drag[1]) / r.height) * H; apply();
  });
  canvas.addEventListener("pointerup", () => { drag = null; });
  canvas.addEventListener("keydown", (e) => {
    const step = W / 20;
    const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key] && e.target === canvas) { tx += moves[e.key][0]; ty += moves[e.key][1]; apply(); e.preventDefault(); }
    else if (e.key === "+" || e.key === "=") { zoom(1.2); e.preventDefault(); }
    else if (e.key === "-") { zoom(1 / 1.2); e.preventDefault(); }
    else if (e.key === "0") { reset(); e.preventDefault(); }
  });

  const violations = (map.edges ?? []).filter((e) => e.violation).length;
  main.append(
    h("div", { class: "toolbar", role: "toolbar", "aria-label": "Map view" },
      h("button", { type: "button", onclick: () => zoom(1.2), "aria-label": "Zoom in" }, "+"),
      h("button", { type: "button", onclick: () => zoom(1 / 1.2), "aria-label": "Zoom out" }, "−"),
      h("button", { type: "button", onclick: reset }, "Reset view"),
      h("span", {}, ` ${nodes.length} assets · ${(map.edges ?? []).length} conduits · `,
        h("span", { class: violations ? "bad" : "" }, `${violations} policy violations`),
        map.omittedAssets ? ` · ${map.omittedAssets} assets left off` : "",
        " · ", h("a", { href: "/api/map.svg" }, "SVG"))),
    h("figure", { class: "map-figure" }, canvas));
}
