// One asset: identity, role with its evidence, protocols, peers and the alerts that name it.
import { h, time, facts } from "../dom.js";
import { get, failure, ApiError } from "../api.js";
import { eventItem } from "./overview.js";

export default async function asset(main, [id]) {
  main.append(h("p", { class: "crumbs" }, h("a", { href: "#/assets" }, "Assets"), " / ", id));
  let a;
  try {
    a = await get(`/api/assets/${encodeURIComponent(id)}`);
  } catch (e) {
    main.append(h("h2", {}, `Asset ${id}`),
      e instanceof ApiError && e.status === 404 ? h("div", { class: "notice error", role: "alert" }, `No asset ${id}: ${e.message}`) : failure(e, "Asset"));
    return;
  }
  const peers = Array.isArray(a.peers) ? a.peers : [];
  const alerts = Array.isArray(a.alerts) ? a.alerts : [];
  main.append(
    h("h2", {}, a.name || a.id),
    h("div", { class: "columns" },
      h("section", { "aria-labelledby": "id-h" }, h("h3", { id: "id-h" }, "Identity"),
        facts([
          ["Id", a.id], ["IP addresses", (a.ips ?? []).join(", ")], ["MAC", a.mac], ["Vendor", a.vendor],
          ["Model", a.model], ["Firmware", a.firmware], ["Serial", a.serial],
          ["Role", a.role], ["Purdue level", a.level === undefined ? "–" : `${a.level} (${a.levelConfidence ?? "?"} confidence)`],
          ["Zone", a.zone], ["Protocols", (a.protocols ?? []).join(", ")],
          ["First seen", time(a.firstSeen)], ["Last seen", time(a.lastSeen)],
        ]),
        (a.roleEvidence ?? []).length ? h("div", {}, h("h4", {}, "Why this role"), h("ul", {}, a.roleEvidence.map((r) => h("li", {}, typeof r === "string" ? r : JSON.stringify(r))))) : ""),
      h("section", { "aria-labelledby": "peers-h" }, h("h3", { id: "peers-h" }, `Peers (${peers.length})`),
        peers.length
          ? h("table", { class: "grid" },
              h("thead", {}, h("tr", {}, ["Peer", "Protocols", "Packets", "Bytes"].map((c) => h("th", { scope: "col" }, c)))),
              h("tbody", {}, peers.map((p) => h("tr", {},
                h("td", {}, h("a", { href: `#/assets/${encodeURIComponent(p.id)}` }, p.name || p.id)),
                h("td", {}, (p.protocols ?? []).join(", ")),
                h("td", { class: "num" }, String(p.packets ?? "–")),
                h("td", { class: "num" }, String(p.bytes ?? "–"))))))
          : h("p", {}, "No peers seen."))),
    h("section", { "aria-labelledby": "alerts-h" }, h("h3", { id: "alerts-h" }, `Alerts (${alerts.length})`),
      alerts.length ? h("ol", { class: "events" }, alerts.map(eventItem)) : h("p", {}, "No alerts name this asset.")));
}
