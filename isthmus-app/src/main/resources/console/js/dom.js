// Building DOM without innerHTML: every text goes in through text nodes, so data from the API
// (asset names, event summaries, runbooks) can never inject markup.

/** h("a", {href: "#/x", class: "c"}, "text", child) -> element. `on*` attributes take functions. */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function svg(tag, attrs = {}, ...children) {
  return h(`svg:${tag}`, attrs, ...children);
}

/** A number with `digits` decimals and a unit, or an en dash when absent. */
export function num(v, digits = 1, unit = "") {
  if (v === undefined || v === null || Number.isNaN(v)) return "–";
  const s = typeof v === "number" ? v.toFixed(digits) : String(v);
  return unit ? `${s} ${unit}` : s;
}

export function pct(v) {
  return v === undefined || v === null ? "–" : `${(v * 100).toFixed(1)} %`;
}

export function time(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

export function clock(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleTimeString();
}

/** A definition list from [label, value] pairs; values may be nodes. */
export function facts(pairs) {
  return h("dl", { class: "facts" }, pairs.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v ?? "–")]));
}

export function debounce(fn, ms) {
  let t;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
