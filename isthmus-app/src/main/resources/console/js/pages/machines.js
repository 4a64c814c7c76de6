// The bottling line's machine cards, shared by the overview: state, speed, counters, motor values,
// fault text and a one-minute speed sparkline, updated from the live stream.
import { h } from "../dom.js";
import * as live from "../live.js";

export const MACHINES = ["conveyor", "filler", "capper", "labeler", "palletizer"];
export const STATES = ["stopped", "running", "idle", "faulted", "maintenance"];
export const FAULTS = {
  0: "", 101: "motor overload trip", 102: "emergency stop", 103: "bearing failure",
  104: "motor over temperature", 201: "bottle jam", 202: "low product level",
  203: "cap feed jam", 204: "label web break", 205: "pallet layer misaligned",
};
const TREND_POINTS = 60;
const trends = new Map(); // device -> last speeds, kept across page changes

live.on("samples", (samples) => {
  for (const s of samples) {
    const parts = s.path.split("/");
    if (parts[6] === "speed" && MACHINES.includes(parts[5])) {
      const t = trends.get(parts[5]) ?? [];
      t.push(s.value);
      if (t.length > TREND_POINTS) t.shift();
      trends.set(parts[5], t);
    }
  }
});

function fmt(sample, digits, unit) {
  if (!sample) return "–";
  const v = typeof sample.value === "number" ? sample.value.toFixed(digits) : String(sample.value);
  return `${v} ${unit}`;
}

function card(device) {
  const dd = (field) => h("dd", { dataset: { field } }, "–");
  return h("li", { class: "machine", id: `machine-${device}`, tabindex: 0, "aria-label": `${device}: details and trend` },
    h("h3", {}, h("span", {}, device), h("span", { class: "badge badge-unknown", dataset: { field: "state" } }, "–")),
    h("dl", {},
      h("dt", {}, "Speed"), dd("speed"),
      h("dt", {}, "Setpoint"), dd("speedSetpoint"),
      h("dt", {}, "Good / reject"), dd("counts"),
      h("dt", {}, "Motor current"), dd("motorCurrent"),
      h("dt", {}, "Temperature"), dd("motorTemperature"),
      h("dt", {}, "Vibration"), dd("vibration"),
      h("dt", {}, "Power"), dd("power")),
    h("p", { class: "fault", dataset: { field: "fault" } }),
    h("canvas", { class: "trend", width: 300, height: 40, role: "img", "aria-label": `${device} speed, last minute` }));
}

function set(el, field, text, bad = false) {
  const f = el.querySelector(`[data-field="${field}"]`);
  if (f.textContent !== text) f.textContent = text;
  f.classList.toggle("bad", bad);
}

function render(el, device) {
  const p = (n) => live.point(device, n);
  const state = p("state");
  const badge = el.querySelector('[data-field="state"]');
  const name = state ? (STATES[state.value] ?? `state ${state.value}`) : "–";
  badge.textContent = state && state.quality !== "good" ? "no data" : name;
  badge.className = `badge badge-${state && state.quality === "good" ? name : "down"}`;
  const speed = p("speed");
  set(el, "speed", fmt(speed, 0, "bottles/min"), speed && speed.quality !== "good");
  set(el, "speedSetpoint", fmt(p("speedSetpoint"), 0, "bottles/min"));
  const good = p("goodCount"), rej = p("rejectCount");
  set(el, "counts", good && rej ? `${good.value} / ${rej.value}` : "–");
  set(el, "motorCurrent", fmt(p("motorCurrent"), 2, "A"));
  set(el, "motorTemperature", fmt(p("motorTemperature"), 1, "°C"));
  const vib = p("vibration"), lim = p("vibrationLimit");
  set(el, "vibration", fmt(vib, 2, "mm/s"), vib && lim && vib.value > 0.7 * lim.value);
  set(el, "power", fmt(p("power"), 2, "kW"));
  const fault = p("faultCode");
  set(el, "fault", fault && fault.value ? `Fault ${fault.value}: ${FAULTS[fault.value] ?? "unknown"}` : "");
  spark(el.querySelector("canvas"), trends.get(device) ?? []);
}

function spark(canvas, data) {
  const ctx = canvas.getContext("2d");
  const w = canvas.width, ht = canvas.height;
  ctx.clearRect(0, 0, w, ht);
  if (data.length < 2) return;
  const max = Math.max(720, ...data);
  ctx.strokeStyle = "#2b6cb0";
  ctx.lineWidth = 2;
  ctx.beginPath();
  data.forEach((v, i) => {
    const x = (i / (TREND_POINTS - 1)) * w, y = ht - 2 - (v / max) * (ht - 4);
    i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y);
  });
  ctx.stroke();
}

/** The cards as an ordered list; returns [element, unsubscribe]. Clicking opens the machine's speed trend. */
export function machineCards() {
  const list = h("ol", { id: "machines", class: "machines", "aria-label": "Machines in flow order" });
  const cards = MACHINES.map((m) => {
    const c = card(m);
    const open = () => {
      const speed = [...live.values.keys()].find((p) => p.endsWith(`/${m}/speed`));
      if (speed) location.hash = `#/tags/${encodeURIComponent(speed)}`;
    };
    c.addEventListener("click", open);
    c.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    list.append(c);
    return [m, c];
  });
  let pending = false;
  const draw = () => { pending = false; cards.forEach(([m, c]) => render(c, m)); };
  draw();
  const off = live.on("samples", () => { if (!pending) { pending = true; requestAnimationFrame(draw); } });
  return [list, off];
}
