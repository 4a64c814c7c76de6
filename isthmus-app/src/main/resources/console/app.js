// Isthmus console: reads the REST API once, then follows the server-sent event stream.
const MACHINES = ["conveyor", "filler", "capper", "labeler", "palletizer"];
const STATES = ["stopped", "running", "idle", "faulted", "maintenance"];
const FAULTS = {
  0: "", 101: "motor overload trip", 102: "emergency stop", 103: "bearing failure",
  104: "motor over temperature", 201: "bottle jam", 202: "low product level",
  203: "cap feed jam", 204: "label web break", 205: "pallet layer misaligned",
};
const TREND_POINTS = 60; // the last minute at one speed sample per second

const values = new Map(); // tag path -> sample
const trends = new Map(); // device -> speeds
let linePrefix = null;

function point(device, name) {
  for (const [path, sample] of values) {
    const parts = path.split("/");
    if (parts[5] === device && parts[6] === name) return sample;
  }
  return undefined;
}

function fmt(sample, digits = 1, unit = "") {
  if (!sample) return "–";
  const v = typeof sample.value === "number" ? sample.value.toFixed(digits) : String(sample.value);
  return unit ? `${v} ${unit}` : v;
}

function machineCard(device) {
  const li = document.createElement("li");
  li.className = "machine";
  li.tabIndex = 0;
  li.id = `machine-${device}`;
  li.innerHTML = `
    <h3><span>${device}</span><span class="badge badge-unknown" data-field="state">–</span></h3>
    <p class="cell" data-field="cell"></p>
    <dl>
      <dt>Speed</dt><dd data-field="speed">–</dd>
      <dt>Setpoint</dt><dd data-field="speedSetpoint">–</dd>
      <dt>Good / reject</dt><dd data-field="counts">–</dd>
      <dt>Motor current</dt><dd data-field="motorCurrent">–</dd>
      <dt>Temperature</dt><dd data-field="motorTemperature">–</dd>
      <dt>Vibration</dt><dd data-field="vibration">–</dd>
      <dt>Power</dt><dd data-field="power">–</dd>
    </dl>
    <p class="fault" data-field="fault"></p>
    <canvas class="trend" width="300" height="48" aria-label="${device} speed, last minute"></canvas>`;
  return li;
}

function set(card, field, text, bad = false) {
  const el = card.querySelector(`[data-field="${field}"]`);
  if (el.textContent !== text) el.textContent = text;
  el.classList.toggle("bad", bad);
}

function renderMachine(device) {
  const card = document.getElementById(`machine-${device}`);
  const state = point(device, "state");
  const badge = card.querySelector('[data-field="state"]');
  const name = state ? (STATES[state.value] ?? `state ${state.value}`) : "–";
  badge.textContent = state && state.quality !== "good" ? "no data" : name;
  badge.className = `badge badge-${state && state.quality === "good" ? name : "down"}`;
  const speed = point(device, "speed");
  set(card, "speed", fmt(speed, 0, "bottles/min"), speed && speed.quality !== "good");
  set(card, "speedSetpoint", fmt(point(device, "speedSetpoint"), 0, "bottles/min"));
  const good = point(device, "goodCount"), rej = point(device, "rejectCount");
  set(card, "counts", good && rej ? `${good.value} / ${rej.value}` : "–");
  set(card, "motorCurrent", fmt(point(device, "motorCurrent"), 2, "A"));
  set(card, "motorTemperature", fmt(point(device, "motorTemperature"), 1, "°C"));
  const vib = point(device, "vibration"), lim = point(device, "vibrationLimit");
  set(card, "vibration", fmt(vib, 2, "mm/s"), vib && lim && vib.value > 0.7 * lim.value);
  set(card, "power", fmt(point(device, "power"), 2, "kW"));
  const fault = point(device, "faultCode");
  set(card, "fault", fault && fault.value ? `Fault ${fault.value}: ${FAULTS[fault.value] ?? "unknown"}` : "");
  drawTrend(card.querySelector("canvas"), trends.get(device) ?? []);
}

function drawTrend(canvas, data) {
  const ctx = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  if (data.length < 2) return;
  const max = Math.max(720, ...data);
  ctx.strokeStyle = "#2b6cb0";
  ctx.lineWidth = 2;
  ctx.beginPath();
  data.forEach((v, i) => {
    const x = (i / (TREND_POINTS - 1)) * w;
    const y = h - 2 - (v / max) * (h - 4);
    i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
  });
  ctx.stroke();
}

function renderMeter() {
  const meter = document.getElementById("meter");
  const channels = ["incomer", ...MACHINES];
  if (!meter.childElementCount) {
    for (const ch of channels) {
      const div = document.createElement("div");
      div.className = "meter-card";
      div.id = `meter-${ch}`;
      div.innerHTML = `<div>${ch === "incomer" ? "Line incomer" : ch}</div>
        <div class="big" data-field="power">–</div><div data-field="energy">–</div>`;
      meter.appendChild(div);
    }
  }
  for (const ch of channels) {
    const card = document.getElementById(`meter-${ch}`);
    set(card, "power", fmt(point("meter", `${ch}Power`), 2, "kW"));
    set(card, "energy", fmt(point("meter", `${ch}Energy`), 1, "kWh"));
  }
}

function render() {
  MACHINES.forEach(renderMachine);
  renderMeter();
}

function accept(samples) {
  let latest = null;
  for (const s of samples) {
    values.set(s.path, s);
    const parts = s.path.split("/");
    if (!linePrefix) {
      linePrefix = parts.slice(0, 4).join("/");
      document.getElementById("line-name").textContent = linePrefix;
    }
    if (parts[6] === "speed" && MACHINES.includes(parts[5])) {
      const t = trends.get(parts[5]) ?? [];
      t.push(s.value);
      if (t.length > TREND_POINTS) t.shift();
      trends.set(parts[5], t);
    }
    if (!latest || s.ts > latest) latest = s.ts;
  }
  if (latest) document.getElementById("updated").textContent = `updated ${new Date(latest).toLocaleTimeString()}`;
}

async function loadHealth() {
  const h = await (await fetch("/api/health")).json();
  document.getElementById("sim-info").textContent = `scenario ${h.scenario} · simulated ${Math.round(h.elapsedSeconds)} s · ${h.speed}×`;
}

function follow() {
  const badge = document.getElementById("stream-state");
  const stream = new EventSource("/api/stream");
  stream.addEventListener("open", () => { badge.textContent = "live"; badge.className = "badge badge-live"; });
  stream.addEventListener("error", () => { badge.textContent = "reconnecting"; badge.className = "badge badge-down"; });
  stream.addEventListener("samples", (e) => { accept(JSON.parse(e.data)); scheduleRender(); });
}

// Trend of one tag, read from the historian through GET /api/tags/history, drawn as inline SVG.
const RANGES = { "15m": ["now-15m", "10s"], "1h": ["now-1h", "30s"], "6h": ["now-6h", "3m"], "1d": ["now-1d", "10m"] };
const SVG = "http://www.w3.org/2000/svg";

async function loadTrend() {
  const tag = document.getElementById("trend-tag").value;
  if (!tag) return;
  const [from, interval] = RANGES[document.getElementById("trend-range").value];
  const agg = document.getElementById("trend-agg").value;
  const q = new URLSearchParams({ path: tag, from, to: "now", interval, agg });
  const r = await fetch(`/api/tags/history?${q}`);
  const body = await r.json();
  const caption = document.getElementById("trend-caption");
  if (!r.ok) { caption.textContent = body.detail; return; }
  drawHistory(body.points);
  const n = body.points.filter((p) => p.v !== null).length;
  caption.textContent = `${tag} · ${agg} per ${interval} · ${n} of ${body.points.length} intervals with data`;
}

function drawHistory(points) {
  const svg = document.getElementById("trend-chart");
  svg.replaceChildren();
  const vs = points.map((p) => p.v).filter((v) => v !== null);
  if (!vs.length) return;
  let lo = Math.min(...vs), hi = Math.max(...vs);
  if (hi === lo) { hi += 1; lo -= 1; }
  const W = 800, H = 220, top = 10, bottom = 200;
  const y = (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const x = (i) => (i / Math.max(1, points.length - 1)) * W;
  let d = "", pen = false;
  points.forEach((p, i) => {
    if (p.v === null) { pen = false; return; }   // a gap (no usable value) stays a gap
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(p.v).toFixed(1)} `;
    pen = true;
  });
  const axis = document.createElementNS(SVG, "line");
  Object.entries({ x1: 0, x2: W, y1: bottom, y2: bottom, class: "axis" }).forEach(([k, v]) => axis.setAttribute(k, v));
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("class", "line");
  const label = (text, ty) => {
    const t = document.createElementNS(SVG, "text");
    t.setAttribute("x", 4); t.setAttribute("y", ty); t.textContent = text;
    return t;
  };
  svg.append(axis, path, label(hi.toFixed(2), 12), label(lo.toFixed(2), bottom - 4),
    label(new Date(points[0].t).toLocaleTimeString(), H - 4));
}

async function setupTrend(tags) {
  const select = document.getElementById("trend-tag");
  for (const t of tags) {
    const o = document.createElement("option");
    o.value = t.path;
    o.textContent = t.path.split("/").slice(4).join("/") + (t.unit ? ` (${t.unit})` : "");
    select.appendChild(o);
  }
  const preferred = tags.find((t) => t.path.endsWith("/filler/speed"));
  if (preferred) select.value = preferred.path;
  document.getElementById("trend-form").addEventListener("change", loadTrend);
  for (const m of MACHINES) {
    document.getElementById(`machine-${m}`).addEventListener("click", () => {
      const t = tags.find((x) => x.path.endsWith(`/${m}/speed`));
      if (t) { select.value = t.path; loadTrend(); }
    });
  }
  await loadTrend();
  setInterval(loadTrend, 5000);
}

async function loadEvents() {
  const r = await fetch("/api/events?limit=50");
  if (!r.ok) return;
  const list = document.getElementById("events");
  list.replaceChildren();
  for (const e of (await r.json()).items) {
    const li = document.createElement("li");
    li.className = `sev-${e.severity}`;
    li.textContent = `${new Date(e.time).toLocaleTimeString()} · ${e.edge} · ${e.kind} · ${e.title} — ${e.summary}`;
    list.appendChild(li);
  }
}

let pending = false;
function scheduleRender() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; render(); });
}

async function main() {
  const list = document.getElementById("machines");
  for (const m of MACHINES) list.appendChild(machineCard(m));
  const cells = await (await fetch("/api/tags")).json();
  for (const t of cells.items) {
    const [, , , , cell, device] = t.path.split("/");
    const card = document.getElementById(`machine-${device}`);
    if (card) set(card, "cell", `cell ${cell}`);
  }
  accept((await (await fetch("/api/tags/latest")).json()).items);
  render();
  follow();
  loadHealth();
  setInterval(loadHealth, 5000);
  loadEvents();
  setInterval(loadEvents, 5000);
  setupTrend(cells.items);
}

main();
