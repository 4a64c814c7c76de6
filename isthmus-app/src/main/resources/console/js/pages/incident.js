// One incident: what it joins (events with their evidence), its runbook rendered safely from
// Markdown, notes and history, and the operator's actions: acknowledge, resolve, assign, note.
import { h, time, facts } from "../dom.js";
import { get, post, failure, ApiError } from "../api.js";
import { markdown } from "../markdown.js";
import * as live from "../live.js";
import { eventItem } from "./overview.js";
import { severityBadge } from "./incidents.js";

function operator() {
  return localStorage.getItem("isthmus.operator") || "operator";
}

export default async function incident(main, [id]) {
  main.append(h("p", { class: "crumbs" }, h("a", { href: "#/incidents" }, "Alerts & incidents"), " / ", id));
  const body = h("div");
  const message = h("p", { role: "status", id: "incident-message", class: "message" });
  main.append(body);

  const act = async (action, payload) => {
    try {
      render(await post(`/api/incidents/${encodeURIComponent(id)}/${action}`, { by: operator(), ...payload }));
      message.textContent = `${action} done by ${operator()}`;
      message.className = "message good";
    } catch (e) {
      message.textContent = e instanceof ApiError ? `${action} refused: ${e.message}` : e.message;
      message.className = "message bad";
    }
  };

  const render = (i) => {
    const who = h("input", { id: "incident-by", value: operator(), size: 12, onchange: (e) => localStorage.setItem("isthmus.operator", e.target.value.trim()) });
    const note = h("textarea", { id: "incident-note", rows: 2, cols: 40 });
    const assignee = h("input", { id: "incident-assignee", value: i.assignee ?? "", size: 12 });
    body.replaceChildren(
      h("h2", {}, i.title || i.id, " ", severityBadge(i.severity), " ", h("span", { class: `badge status-${i.status}`, id: "incident-status" }, i.status)),
      h("div", { class: "toolbar", role: "toolbar", "aria-label": "Incident actions" },
        h("label", {}, "You ", who),
        h("button", { type: "button", id: "btn-acknowledge", disabled: i.status !== "open", onclick: () => act("acknowledge", {}) }, "Acknowledge"),
        h("button", { type: "button", id: "btn-resolve", disabled: i.status === "resolved", onclick: () => act("resolve", { note: note.value.trim() }) }, "Resolve"),
        h("label", {}, "Assign to ", assignee),
        h("button", { type: "button", onclick: () => act("assign", { assignee: assignee.value.trim() }) }, "Assign")),
      message,
      h("div", { class: "columns" },
        h("section", { "aria-labelledby": "sum-h" }, h("h3", { id: "sum-h" }, "Summary"),
          facts([["Status", i.status], ["Severity", i.severity], ["Assignee", i.assignee || "–"],
            ["Opened", time(i.opened)], ["Updated", time(i.updated)],
            ["Assets", (i.assets ?? []).map((a, k) => [k ? ", " : "", h("a", { href: `#/assets/${encodeURIComponent(a)}` }, a)])],
            ["ATT&CK for ICS", (i.techniques ?? []).join(", ") || "–"], ["Fault classes", (i.faultClasses ?? []).join(", ") || "–"]]),
          h("h3", {}, `Evidence: ${(i.events ?? []).length} events`),
          h("ol", { class: "events", id: "incident-events" }, (i.events ?? []).map((e) => {
            const li = eventItem(e);
            if (Object.keys(e.facts ?? {}).length) {
              li.append(h("dl", { class: "facts" }, Object.entries(e.facts).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])));
            }
            return li;
          })),
          h("h3", {}, "Notes"),
          h("ol", { class: "notes" }, (i.notes ?? []).map((n) => h("li", {}, h("time", { datetime: n.time }, time(n.time)), ` ${n.author}: `, n.text))),
          h("label", { for: "incident-note" }, "Note (also sent with Resolve)"), note, " ",
          h("button", { type: "button", onclick: () => act("notes", { text: note.value.trim() }) }, "Add note"),
          h("h3", {}, "History"),
          h("ol", { class: "notes" }, (i.history ?? []).map((t) => h("li", {}, `${time(t.time)} · ${t.by}: ${t.from ?? "–"} → ${t.to}`)))),
        h("section", { "aria-labelledby": "rb-h", class: "runbook" },
          h("h3", { id: "rb-h" }, "Runbook", i.runbook?.title ? `: ${i.runbook.title}` : ""),
          i.runbook ? markdown(i.runbook.markdown) : h("p", {}, "No runbook matches this incident."),
          h("p", {}, i.runbook
            ? h("a", { href: `#/runbooks/${encodeURIComponent(i.runbook.id)}`, id: "incident-runbook-link" }, `Open runbook ${i.runbook.id}`)
            : "", i.runbook ? " · " : "", h("a", { href: "#/runbooks" }, "all runbooks")))));
  };

  try {
    render(await get(`/api/incidents/${encodeURIComponent(id)}`));
  } catch (e) {
    body.replaceChildren(h("h2", {}, `Incident ${id}`),
      e instanceof ApiError && e.status === 404 ? h("div", { class: "notice error", role: "alert" }, `No incident ${id}: ${e.message}`) : failure(e, "Incident"));
    return;
  }
  return live.on("incident", async (changed) => {
    if (changed?.id === id && !document.activeElement?.matches?.("input, textarea")) {
      try { render(await get(`/api/incidents/${encodeURIComponent(id)}`)); } catch { /* keep what is shown */ }
    }
  });
}
