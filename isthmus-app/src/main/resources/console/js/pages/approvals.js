// Approvals (two-person rule): the requests waiting for a second person, with the tag's current
// and requested value and the time left; Approve / Reject (with an optional reason) for a second
// person, Withdraw for the requester; and the requests decided so far, with who decided, when, and
// a rejection's reason (from GET /gw/approvals, so the requester sees why without the audit log).
// Polls GET /gw/approvals every 3 s (the gateway has no event for approvals on the stream).
import { h, time } from "../dom.js";
import { Unavailable, failure } from "../api.js";
import { session, gw, explain, SessionExpired } from "../session.js";
import * as live from "../live.js";

function short(path) {
  return path.split("/").slice(4).join("/") || path;
}

function left(expires, now = Date.now()) {
  const s = Math.round((new Date(expires).getTime() - now) / 1000);
  if (Number.isNaN(s)) return "–";
  if (s <= 0) return "expired";
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function current(tag) {
  const s = live.values.get(tag);
  return s ? String(typeof s.value === "number" ? Math.round(s.value * 1000) / 1000 : s.value) : "–";
}

// A recipe (docs/access.md "Recipes") is one request holding several setpoints: the approver sees
// every item, with its current value, and approves or rejects them all at once.
function isRecipe(a) {
  return Array.isArray(a.items) && a.items.length > 0;
}

function what(a) {
  return isRecipe(a) ? `recipe ${a.recipe} (${a.items.length} setpoints)` : short(a.tag);
}

function recipeItems(a, withCurrent) {
  return h("ul", { class: "recipe-items", dataset: { recipe: a.recipe } }, a.items.map((i) => h("li", {},
    h("a", { href: `#/tags/${encodeURIComponent(i.tag)}` }, short(i.tag)), " → ", h("span", { class: "num" }, String(i.value)),
    withCurrent ? [" (now ", h("span", { class: "num", dataset: { current: i.tag } }, current(i.tag)), ")"] : [])));
}

export default async function approvals(main) {
  main.append(h("h2", {}, "Approvals"));
  const s = session();
  if (!s) {
    main.append(h("p", {}, "Approving changes needs a gateway session: ",
      h("a", { href: `#/signin?next=${encodeURIComponent("/approvals")}`, id: "approvals-signin" }, "sign in"), "."));
    return;
  }
  const message = h("p", { class: "message", id: "approval-message", role: "status", "aria-live": "polite" });
  const pendingBox = h("div", { id: "pending" });
  const decidedBox = h("div", { id: "decided" });
  main.append(h("p", { class: "muted" }, `Signed in as ${s.account}. A change in a protected zone is written only after a second person approves it before it expires; `,
    "you cannot approve or reject your own requests, but you can withdraw them while they wait."),
  h("label", { class: "field" }, h("span", {}, "Reason for a rejection (optional, shown to the requester and kept in the audit log)"),
    h("input", { id: "reject-reason", name: "reason", maxlength: 500, autocomplete: "off" })),
  message,
  h("section", { "aria-labelledby": "pending-h" }, h("h3", { id: "pending-h" }, "Waiting for approval"), pendingBox),
  h("section", { "aria-labelledby": "decided-h" }, h("h3", { id: "decided-h" }, "Decided"), decidedBox));

  const decided = new Map(); // id -> approval, as the gateway last described it
  let last = "";
  let items = [];

  const act = async (a, verb) => {
    main.querySelectorAll(`[data-for="${a.id}"]`).forEach((b) => { b.disabled = true; });
    message.className = "message";
    message.textContent = `${{ approve: "Approving", reject: "Rejecting", withdraw: "Withdrawing" }[verb]} ${a.id}…`;
    const reason = verb === "reject" ? main.querySelector("#reject-reason").value.trim() : "";
    try {
      const r = await gw.post(`/gw/approvals/${encodeURIComponent(a.id)}/${verb}`, reason ? { reason } : {});
      if (verb === "reject") main.querySelector("#reject-reason").value = "";
      decided.set(a.id, { ...a, ...r });
      message.className = "message good";
      message.textContent = `${a.id} ${r.state ?? verb + "d"}${verb === "approve"
        ? (isRecipe(a) ? `: ${what(a)} written` : `: ${short(a.tag)} set to ${a.value}`)
        : (isRecipe(a) ? `: ${what(a)}, nothing written` : `: ${short(a.tag)} stays as it is`)}.`;
    } catch (e) {
      message.className = "message bad";
      if (e instanceof Unavailable && verb !== "approve") {
        message.textContent = `${verb === "reject" ? "Reject" : "Withdraw"} is not available on this hub's gateway; ${a.id} is not executed unless approved and expires at ${time(a.expires)}.`;
      } else if (e instanceof SessionExpired) {
        location.hash = `#/signin?expired=1&next=${encodeURIComponent("/approvals")}`;
        return;
      } else {
        message.textContent = `${a.id}: ${explain(e)}`;
        if ([409, 410, 502].includes(e.status)) decided.set(a.id, { ...a, state: e.status === 410 ? "expired" : e.status === 502 ? "failed" : "decided", result: e.problem?.detail });
      }
    }
    await load(true);
  };

  const render = () => {
    const focused = document.activeElement?.id;
    const pending = items.filter((a) => a.state === "pending" && !decided.has(a.id));
    for (const a of items) if (a.state !== "pending") decided.set(a.id, a);
    pendingBox.replaceChildren(pending.length
      ? h("table", { class: "grid", id: "pending-table" },
          h("thead", {}, h("tr", {}, ["Request", "Tag", "Action", "Current", "Requested", "Requester", "Asked", "Expires in", ""].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, pending.map((a) => {
            const own = a.requester === s.account;
            return h("tr", { dataset: { approval: a.id } },
              h("td", {}, h("code", {}, a.id)),
              isRecipe(a)
                ? [h("td", {}, h("strong", {}, `Recipe ${a.recipe}`), a.description ? ` — ${a.description}` : "", recipeItems(a, true)),
                   h("td", {}, "recipe"), h("td", { class: "num" }, "see items"), h("td", { class: "num" }, `${a.items.length} setpoints`)]
                : [h("td", {}, h("a", { href: `#/tags/${encodeURIComponent(a.tag)}` }, short(a.tag))),
                   h("td", {}, a.action ?? "–"), h("td", { class: "num", dataset: { current: a.tag } }, current(a.tag)),
                   h("td", { class: "num" }, String(a.value))],
              h("td", {}, a.requester ?? "–"), h("td", {}, time(a.created)),
              h("td", { class: "num", dataset: { expires: a.expires } }, left(a.expires)),
              h("td", { class: "actions" }, own
                ? [h("span", { class: "muted" }, "your request: another person approves "),
                   h("button", { type: "button", id: `withdraw-${a.id}`, dataset: { for: a.id }, onclick: () => act(a, "withdraw"), "aria-label": `Withdraw your request ${a.id}` }, "Withdraw")]
                : [h("button", { type: "button", id: `approve-${a.id}`, dataset: { for: a.id }, onclick: () => act(a, "approve"), "aria-label": isRecipe(a) ? `Approve ${a.id}: all ${a.items.length} setpoints of recipe ${a.recipe}` : `Approve ${a.id}: ${short(a.tag)} to ${a.value}` }, "Approve"), " ",
                   h("button", { type: "button", id: `reject-${a.id}`, class: "danger", dataset: { for: a.id }, onclick: () => act(a, "reject"), "aria-label": `Reject ${a.id}` }, "Reject")]));
          })))
      : h("p", { id: "no-pending" }, "No requests are waiting for approval."));
    const done = [...decided.values()].sort((x, y) => String(y.created).localeCompare(String(x.created)));
    decidedBox.replaceChildren(done.length
      ? h("table", { class: "grid", id: "decided-table" },
          h("thead", {}, h("tr", {}, ["Request", "Tag", "Requested", "Requester", "Decided by", "When", "Result"].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, done.map((a) => h("tr", { dataset: { approval: a.id } },
            h("td", {}, h("code", {}, a.id)),
            isRecipe(a)
              ? [h("td", {}, `Recipe ${a.recipe}`, recipeItems(a, false)), h("td", { class: "num" }, `${a.items.length} setpoints`)]
              : [h("td", {}, short(a.tag)), h("td", { class: "num" }, String(a.value))],
            h("td", {}, a.requester ?? "–"), h("td", {}, a.decidedBy || a.approver || "–"),
            h("td", {}, a.decided ? time(a.decided) : "–"),
            h("td", { class: a.state === "executed" ? "good" : a.state === "withdrawn" ? "muted" : "bad", dataset: { state: a.state } }, a.state,
              a.reason ? ` — ${a.reason}` : "", a.result ? ` — ${a.result}` : "")))))
      : h("p", { class: "muted" }, "None yet."));
    if (focused) document.getElementById(focused)?.focus();
  };

  const load = async (force = false) => {
    try {
      const r = await gw.get("/gw/approvals");
      const text = JSON.stringify(r.items);
      items = r.items;
      if (force || text !== last) { last = text; render(); }
    } catch (e) {
      if (e instanceof SessionExpired) { location.hash = `#/signin?expired=1&next=${encodeURIComponent("/approvals")}`; return; }
      pendingBox.replaceChildren(e instanceof Unavailable ? failure(e, "Approvals") : h("div", { class: "notice error", role: "alert" }, explain(e)));
    }
  };
  await load(true);
  const poll = setInterval(load, 3000);
  const tick = setInterval(() => {
    main.querySelectorAll("[data-expires]").forEach((td) => { td.textContent = left(td.dataset.expires); });
    main.querySelectorAll("[data-current]").forEach((td) => { td.textContent = current(td.dataset.current); });
  }, 1000);
  return () => { clearInterval(poll); clearInterval(tick); };
}
