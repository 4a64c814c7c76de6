// Alerts and incidents: incidents by status (open first), then every event the hub received.
import { h, time } from "../dom.js";
import { get, failure } from "../api.js";
import * as live from "../live.js";
import { eventItem } from "./overview.js";

export function severityBadge(s) {
  return h("span", { class: `badge sev-badge sev-${s}` }, s ?? "–");
}

export default async function incidents(main, _params, query) {
  const status = query.get("status") ?? "open";
  main.append(h("h2", {}, "Alerts & incidents"));
  const tabs = h("div", { class: "tabs", role: "group", "aria-label": "Incident status" },
    ["open", "acknowledged", "resolved"].map((s) =>
      h("a", { href: `#/incidents?status=${s}`, "aria-current": s === status ? "true" : null }, s)));
  const incidentBox = h("section", { "aria-labelledby": "inc-h", id: "incident-list" }, h("h3", { id: "inc-h" }, "Incidents"), tabs);
  const eventsBox = h("section", { "aria-labelledby": "evt-h" },
    h("h3", { id: "evt-h" }, "Events"),
    h("label", {}, "Kind ", h("select", { id: "event-kind" },
      ["", "network_alert", "machine_fault", "access_decision", "data_loss", "system"].map((k) => h("option", { value: k }, k || "all")))),
    h("ol", { class: "events", id: "event-list" }));
  main.append(incidentBox, eventsBox);

  const table = h("div");
  incidentBox.append(table);
  const loadIncidents = async () => {
    try {
      const r = await get("/api/incidents", { status });
      table.replaceChildren(r.items.length
        ? h("table", { class: "grid", id: "incident-table" },
            h("thead", {}, h("tr", {}, ["Incident", "Severity", "Status", "Assets", "Techniques", "Fault classes", "Events", "Opened", "Updated", "Assignee"].map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", {}, r.items.map((i) => h("tr", {},
              h("td", {}, h("a", { href: `#/incidents/${encodeURIComponent(i.id)}` }, i.title || i.id)),
              h("td", {}, severityBadge(i.severity)), h("td", {}, i.status),
              h("td", {}, (i.assets ?? []).join(", ")), h("td", {}, (i.techniques ?? []).join(", ")),
              h("td", {}, (i.faultClasses ?? []).join(", ")), h("td", { class: "num" }, String(i.eventCount ?? "–")),
              h("td", {}, time(i.opened)), h("td", {}, time(i.updated)), h("td", {}, i.assignee || "–")))))
        : h("p", {}, `No ${status} incidents.`));
    } catch (e) { table.replaceChildren(failure(e, "Incidents")); }
  };
  const kind = eventsBox.querySelector("#event-kind");
  const loadEvents = async () => {
    try {
      const r = await get("/api/events", { limit: 200 });
      const items = kind.value ? r.items.filter((e) => e.kind === kind.value) : r.items;
      eventsBox.querySelector("#event-list").replaceChildren(...items.map((e) => {
        const li = eventItem(e);
        if (Object.keys(e.facts ?? {}).length) {
          li.append(h("details", {}, h("summary", {}, "evidence"),
            h("dl", { class: "facts" }, Object.entries(e.facts).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))));
        }
        if ((e.assets ?? []).length) li.append(h("div", { class: "muted" }, "assets: ", e.assets.map((a, i) => [i ? ", " : "", h("a", { href: `#/assets/${encodeURIComponent(a)}` }, a)])));
        return li;
      }));
    } catch (e) { eventsBox.querySelector("#event-list").replaceChildren(h("li", {}, failure(e, "Events"))); }
  };
  kind.addEventListener("change", loadEvents);
  await Promise.all([loadIncidents(), loadEvents()]);
  const offE = live.on("event", () => { loadEvents(); loadIncidents(); });
  const offI = live.on("incident", loadIncidents);
  const timer = setInterval(() => { loadIncidents(); loadEvents(); }, 10000);
  return () => { offE(); offI(); clearInterval(timer); };
}

