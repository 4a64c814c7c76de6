// One server-sent event stream for the whole console: "samples" (tag values), "event" (an event
// the hub received) and "incident" (an incident opened or changed). Pages subscribe while shown.
const listeners = { samples: new Set(), event: new Set(), incident: new Set(), state: new Set() };

/** Latest sample per tag path. */
export const values = new Map();
export let streamState = "connecting";

export function on(kind, fn) {
  listeners[kind].add(fn);
  return () => listeners[kind].delete(fn);
}

function emit(kind, data) {
  for (const fn of listeners[kind]) {
    try { fn(data); } catch (e) { console.error(e); }
  }
}

export function accept(samples) {
  for (const s of samples) values.set(s.path, s);
  emit("samples", samples);
}

/** The sample of `point` on `device` (segments 6 and 7 of the ISA-95 path). */
export function point(device, name) {
  for (const [path, sample] of values) {
    const parts = path.split("/");
    if (parts[5] === device && parts[6] === name) return sample;
  }
  return undefined;
}

/** Resolves once the latest values are in (seed()); pages that must show values first can await it. */
export let seeded = Promise.resolve();

/** Loads every tag's latest value once, before the stream's updates. */
export function seed() {
  seeded = fetch("/api/tags/latest")
    .then((r) => r.json())
    .then((b) => accept(b.items))
    .catch((e) => console.error(e));
  return seeded;
}

export function connect() {
  const stream = new EventSource("/api/stream");
  const state = (s) => { streamState = s; emit("state", s); };
  stream.addEventListener("open", () => state("live"));
  stream.addEventListener("error", () => state("reconnecting"));
  stream.addEventListener("samples", (e) => accept(JSON.parse(e.data)));
  stream.addEventListener("event", (e) => emit("event", JSON.parse(e.data)));
  stream.addEventListener("incident", (e) => emit("incident", JSON.parse(e.data)));
  // Close the stream when the page goes away: otherwise the browser may keep its connection open for
  // a while, and after a few reloads the per-host connection limit (6) stalls the next page's fetches.
  window.addEventListener("pagehide", () => stream.close());
  return stream;
}
