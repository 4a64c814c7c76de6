// Runbooks: every runbook of the incident desk with the ATT&CK for ICS technique or machine fault class
// it covers (its id says which), and one runbook rendered from Markdown safely (js/markdown.js: text
// nodes only, links only http(s)). Incident pages link here.
import { h } from "../dom.js";
import { get, failure, ApiError } from "../api.js";
import { markdown } from "../markdown.js";

const PAGE = 100;

/** What a runbook id covers: a technique (T0855), a fault class (fault-material) or the site's own. */
export function covers(id) {
  if (/^T\d{4}(\.\d{3})?$/.test(id)) return ["technique", `ATT&CK for ICS ${id}`];
  const fault = /^fault-(.+)$/.exec(id);
  if (fault) return ["fault", `machine fault: ${fault[1]}`];
  return ["site", "site runbook"];
}

async function all() {
  const items = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await get("/api/runbooks", { limit: PAGE, offset });
    items.push(...r.items);
    if (!r.items.length || items.length >= r.total) return items;
  }
}

function list(main) {
  main.append(h("h2", {}, "Runbooks"),
    h("p", {}, "What to do when an incident names an ATT&CK for ICS technique or a machine fault class. ",
      "Incidents link to the runbook that fits them."));
  return all().then((items) => {
    if (!items.length) {
      main.append(h("p", { class: "notice" }, "The incident desk has no runbooks."));
      return;
    }
    main.append(h("table", { class: "grid", id: "runbooks-table" },
      h("caption", {}, `${items.length} runbooks`),
      h("thead", {}, h("tr", {}, ["Covers", "Runbook"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, items.map((r) => {
        const [kind, text] = covers(r.id);
        return h("tr", { dataset: { runbook: r.id } },
          h("td", {}, h("span", { class: `badge covers-${kind}` }, text)),
          h("td", {}, h("a", { href: `#/runbooks/${encodeURIComponent(r.id)}` }, r.title || r.id)));
      }))));
  }).catch((e) => main.append(failure(e, "Runbooks")));
}

async function one(main, id) {
  main.append(h("p", { class: "crumbs" }, h("a", { href: "#/runbooks" }, "Runbooks"), " / ", id));
  try {
    const r = await get(`/api/runbooks/${encodeURIComponent(id)}`);
    main.append(h("h2", {}, r.title || r.id),
      h("p", {}, h("span", { class: `badge covers-${covers(r.id)[0]}` }, covers(r.id)[1]), " · ",
        h("a", { href: "#/incidents" }, "incidents")),
      h("section", { class: "runbook", id: "runbook-body", "aria-label": "Runbook" }, markdown(r.markdown)));
  } catch (e) {
    main.append(h("h2", {}, `Runbook ${id}`),
      e instanceof ApiError && e.status === 404
        ? h("div", { class: "notice error", role: "alert" }, `No runbook ${id}: ${e.message}`)
        : failure(e, "Runbook"));
  }
}

export default async function runbooks(main, [id]) {
  return id === undefined ? list(main) : one(main, id);
}
