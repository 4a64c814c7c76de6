// Energy and Scope 2 CO2e per line and machine for each shift or day, with the factors used.
import { h, num } from "../dom.js";
import { get, failure } from "../api.js";
import * as live from "../live.js";
import { bars } from "./bars.js";
import { MACHINES } from "./machines.js";

export default async function energy(main, _params, query) {
  const by = query.get("by") === "day" ? "day" : "shift";
  main.append(h("h2", {}, "Energy"));
  const meter = h("div", { class: "meter", id: "meter" });
  main.append(h("section", { "aria-labelledby": "now-h" }, h("h3", { id: "now-h" }, "Power now"), meter));
  const drawMeter = () => meter.replaceChildren(...["incomer", ...MACHINES].map((ch) => h("div", { class: "meter-card" },
    h("div", {}, ch === "incomer" ? "Line incomer" : ch),
    h("div", { class: "big" }, num(live.point("meter", `${ch}Power`)?.value, 2, "kW")),
    h("div", {}, num(live.point("meter", `${ch}Energy`)?.value, 1, "kWh")))));
  drawMeter();
  const off = live.on("samples", drawMeter);
  const report = h("section", { "aria-labelledby": "rep-h" }, h("h3", { id: "rep-h" }, "Energy and CO2e"),
    h("div", { class: "tabs", role: "group", "aria-label": "Period" },
      ["shift", "day"].map((b) => h("a", { href: `#/energy?by=${b}`, "aria-current": b === by ? "true" : null }, `per ${b}`))));
  main.append(report);
  try {
    const r = await get("/api/energy", { by });
    const period = (p) => `${p?.shift ? `${p.shift} ` : ""}${p?.from ? new Date(p.from).toLocaleString() : ""}`;
    const f = r.factors;
    report.append(
      bars(r.items.filter((i) => i.scope !== "line").map((i) => [`${i.id} · ${period(i.period)}`, i.kwh]), { format: (v) => num(v, 1, "kWh"), label: "kWh per machine" }),
      h("table", { class: "grid", id: "energy-table" },
        h("thead", {}, h("tr", {}, ["Scope", "Period", "kWh", "Good units", "kWh / good unit", "CO2e location (kg)", "CO2e market (kg)"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, r.items.map((i) => h("tr", { class: i.scope === "line" ? "total" : "" },
          h("td", {}, `${i.scope} ${i.id}`), h("td", {}, period(i.period)), h("td", { class: "num" }, num(i.kwh, 2)),
          h("td", { class: "num" }, String(i.goodUnits ?? "–")), h("td", { class: "num" }, num(i.kwhPerGoodUnit, 4)),
          h("td", { class: "num" }, num(i.co2eLocationKg, 2)), h("td", { class: "num" }, num(i.co2eMarketKg, 2)))))),
      f ? h("p", { class: "muted" }, `Emission factors ${f.year}: ${f.locationKgPerKwh} kg/kWh location-based, ${f.marketKgPerKwh} kg/kWh market-based (${f.source}).`) : "");
  } catch (e) {
    report.append(failure(e, "Energy report"));
  }
  return off;
}
