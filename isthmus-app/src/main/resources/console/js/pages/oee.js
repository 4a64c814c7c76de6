// OEE (ISO 22400-2) per line and machine for each shift or day, with the losses by fault code.
import { h, pct } from "../dom.js";
import { get, failure } from "../api.js";
import { bars } from "./bars.js";

export default async function oee(main, _params, query) {
  const by = query.get("by") === "day" ? "day" : "shift";
  main.append(h("h2", {}, "OEE"),
    h("div", { class: "tabs", role: "group", "aria-label": "Period" },
      ["shift", "day"].map((b) => h("a", { href: `#/oee?by=${b}`, "aria-current": b === by ? "true" : null }, `per ${b}`))));
  let r;
  try {
    r = await get("/api/oee", { by });
  } catch (e) {
    main.append(failure(e, "OEE"));
    return;
  }
  if (!r.items.length) {
    main.append(h("p", { class: "notice" }, "No production in this period yet."));
    return;
  }
  const period = (p) => `${p?.shift ? `${p.shift} ` : ""}${p?.from ? new Date(p.from).toLocaleString() : ""}`;
  const latest = r.items.filter((i) => i.scope === "machine");
  main.append(
    h("section", { "aria-labelledby": "oee-chart-h" }, h("h3", { id: "oee-chart-h" }, "OEE by machine"),
      bars(latest.map((i) => [`${i.id} · ${period(i.period)}`, i.oee]), { max: 1, format: pct, label: "OEE per machine" })),
    h("table", { class: "grid", id: "oee-table" },
      h("thead", {}, h("tr", {}, ["Scope", "Period", "OEE", "Availability", "Performance", "Quality", "Produced", "Good", "Top loss"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, r.items.map((i) => {
        const loss = [...(i.losses ?? [])].sort((a, b) => b.seconds - a.seconds)[0];
        return h("tr", { class: i.scope === "line" ? "total" : "" },
          h("td", {}, `${i.scope} ${i.id}`), h("td", {}, period(i.period)),
          h("td", { class: "num" }, pct(i.oee)), h("td", { class: "num" }, pct(i.availability)),
          h("td", { class: "num" }, pct(i.performance)), h("td", { class: "num" }, pct(i.quality)),
          h("td", { class: "num" }, String(i.produced ?? "–")), h("td", { class: "num" }, String(i.good ?? "–")),
          h("td", {}, loss ? `${loss.faultCode ?? ""} ${loss.description ?? loss.faultClass ?? ""}: ${Math.round(loss.seconds)} s (${loss.count}×)` : "–"));
      }))));
}
