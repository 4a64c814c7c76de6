// Overview: site health, line state, open alerts and incidents, OEE, energy, motor health and the data flow
// (edge, one-way transfer incl. its gaps, network sensor), then the machine cards and latest events.
import { h, num, pct, clock } from "../dom.js";
import { get, Unavailable } from "../api.js";
import * as live from "../live.js";
import { machineCards } from "./machines.js";

function tile(id, title) {
  return h("section", { class: "tile", id: `tile-${id}`, "aria-labelledby": `tile-${id}-h` },
    h("h3", { id: `tile-${id}-h` }, title),
    h("div", { class: "tile-value", dataset: { field: "value" } }, "…"),
    h("div", { class: "tile-detail", dataset: { field: "detail" } }));
}

function fill(id, value, detail, cls = "") {
  const t = document.getElementById(`tile-${id}`);
  if (!t) return;
  const v = t.querySelector('[data-field="value"]');
  v.textContent = value;
  v.className = `tile-value ${cls}`;
  t.querySelector('[data-field="detail"]').replaceChildren(...[detail].flat().filter((x) => x !== undefined));
}

function unavailable(id, e) {
  if (e instanceof Unavailable) {
    fill(id, "n/a", `not available on this hub (${e.path})`, "muted");
    document.getElementById(`tile-${id}`).dataset.unavailable = e.path;
  } else fill(id, "error", e.message, "bad");
}

async function health() {
  try {
    const s = await get("/api/health");
    const edge = s.edge;
    fill("health", s.status === "ok" ? "OK" : s.status, [
      `historian: ${s.ingestBatches} batches, ${s.eventsReceived} events`,
      edge ? h("br") : undefined,
      edge ? `edge ${edge.siteId}: forwarder ${edge.forwarder}, ${edge.samplesJournaled} samples journaled` : undefined,
    ], s.status === "ok" ? "good" : "bad");
  } catch (e) { unavailable("health", e); }
}

async function incidents() {
  try {
    const [open, ack] = await Promise.all([
      get("/api/incidents", { status: "open", limit: 1 }),
      get("/api/incidents", { status: "acknowledged", limit: 1 })]);
    fill("incidents", String(open.total), `open · ${ack.total} acknowledged`, open.total ? "bad" : "good");
  } catch (e) { unavailable("incidents", e); }
}

async function alerts() {
  try {
    const ev = await get("/api/events", { limit: 200 });
    const net = ev.items.filter((e) => e.kind === "network_alert").length;
    const faults = ev.items.filter((e) => e.kind === "machine_fault").length;
    fill("alerts", String(net), `network alerts · ${faults} machine faults in the latest ${ev.items.length} events`, net ? "bad" : "good");
    const list = document.getElementById("overview-events");
    if (list) list.replaceChildren(...ev.items.slice(0, 8).map(eventItem));
  } catch (e) { unavailable("alerts", e); }
}

export function eventItem(e) {
  return h("li", { class: `sev-${e.severity}` },
    h("time", { datetime: e.time }, clock(e.time)), ` · ${e.edge} · ${e.kind} · `,
    h("strong", {}, e.title), e.summary ? ` — ${e.summary}` : "",
    (e.techniques ?? []).length ? h("span", { class: "tech" }, ` ${e.techniques.join(", ")}`) : "");
}

async function oee() {
  try {
    const r = await get("/api/oee", { by: "day" });
    const line = r.items.find((i) => i.scope === "line") ?? r.items[0];
    if (!line) { fill("oee", "–", "no production in this period yet", "muted"); return; }
    fill("oee", pct(line.oee), `A ${pct(line.availability)} · P ${pct(line.performance)} · Q ${pct(line.quality)}`);
  } catch (e) { unavailable("oee", e); }
}

async function energy() {
  try {
    const r = await get("/api/energy", { by: "day" });
    const line = r.items.find((i) => i.scope === "line") ?? r.items[0];
    if (!line) { fill("energy", "–", "no meter readings in this period yet", "muted"); return; }
    fill("energy", num(line.kwh, 1, "kWh"), `${num(line.kwhPerGoodUnit, 4, "kWh/good unit")} · ${num(line.co2eLocationKg, 1, "kg CO2e")} (location-based)`);
  } catch (e) {
    const meter = live.point("meter", "incomerPower");
    if (e instanceof Unavailable && meter) {
      fill("energy", num(meter.value, 1, "kW"), "line incomer now (energy report not available on this hub)");
    } else unavailable("energy", e);
  }
}

async function flow() {
  const parts = [];
  let gaps = 0;
  let any = false;
  // both requests at once; the tile reads them in order
  const transfer = get("/api/transfer");
  const sensor = get("/api/sensor");
  sensor.catch(() => {}); // read below; avoids an unhandled rejection while the transfer is awaited
  try {
    const t = await transfer;
    any = true;
    for (const r of t.receivers ?? []) {
      gaps += (r.lostRanges ?? []).length;
      parts.push(`transfer ${r.site}: through #${r.lastSequence}, ${(r.lostRanges ?? []).length} gaps`);
    }
    if (!(t.receivers ?? []).length) parts.push("no one-way transfer receiver");
  } catch (e) { parts.push(e instanceof Unavailable ? "one-way transfer: not available on this hub" : `transfer: ${e.message}`); }
  try {
    const s = await sensor;
    any = true;
    parts.push(`sensor: ${s.packets ?? "?"} packets, ${s.alerts ?? "?"} alerts, ${s.dropped ?? 0} dropped`);
  } catch (e) { parts.push(e instanceof Unavailable ? "network sensor: not available on this hub" : `sensor: ${e.message}`); }
  const lines = parts.flatMap((p, i) => (i ? [h("br"), p] : [p]));
  fill("flow", gaps ? `${gaps} gaps` : any ? "no gaps" : "HTTP", lines, gaps ? "bad" : "good");
}

async function motors() {
  try {
    const m = await get("/api/machines/health");
    const items = m.items ?? [];
    const count = (st) => items.filter((i) => i.status === st).length;
    const anomalies = count("anomaly");
    const lines = items.map((i) =>
      `${i.machine}: ${i.status}${typeof i.score === "number" ? ` (score ${i.score.toFixed(2)})` : ""}`);
    const value = anomalies ? `${anomalies} anomaly`
      : count("healthy") ? `${count("healthy")} healthy`
      : count("learning") ? "learning" : "no data";
    fill("motors", value,
      lines.flatMap((l, k) => (k ? [h("br"), l] : [l])), anomalies ? "bad" : count("healthy") ? "good" : "muted");
  } catch (e) { unavailable("motors", e); }
}

export default async function overview(main) {
  const [cards, offCards] = machineCards();
  main.append(
    h("h2", {}, "Overview"),
    h("div", { class: "tiles" },
      tile("health", "Site health"), tile("incidents", "Incidents"), tile("alerts", "Alerts"),
      tile("oee", "OEE today"), tile("energy", "Energy today"), tile("motors", "Motor health"),
      tile("flow", "Data flow")),
    h("section", { "aria-labelledby": "line-heading" }, h("h3", { id: "line-heading" }, "Bottling line"), cards),
    h("section", { "aria-labelledby": "ev-heading" },
      h("h3", { id: "ev-heading" }, "Latest events ", h("a", { href: "#/incidents", class: "more" }, "all alerts and incidents")),
      h("ol", { id: "overview-events", class: "events" })));
  const refresh = () => Promise.all([health(), incidents(), alerts(), oee(), energy(), motors(), flow()]);
  await Promise.all([refresh(), live.seeded]); // every tile answered and the machines show values
  const timer = setInterval(refresh, 5000);
  const offEvent = live.on("event", () => { alerts(); incidents(); });
  const offIncident = live.on("incident", () => incidents());
  if (window.isthmusOverviewReady === undefined) {
    window.isthmusOverviewReady = performance.now(); // read by the overview-ready benchmark
    document.body.dataset.overviewReady = "true";
  }
  return () => { clearInterval(timer); offCards(); offEvent(); offIncident(); };
}
