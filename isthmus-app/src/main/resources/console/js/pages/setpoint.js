// "Change" on the tag page: a request to write a new value through the access gateway
// (POST /gw/writes). The gateway decides (allowed and executed, pending a second person's approval,
// or denied with its reason); the console only shows that decision, it never writes to a PLC.
import { h, time } from "../dom.js";
import { Unavailable, failure } from "../api.js";
import { session, onChange, gw, explain, SessionExpired } from "../session.js";

/** "120", "-3.5" → number; "on"/"true"/"off"/"false" → boolean (coils); anything else → undefined. */
export function parseValue(text) {
  const t = text.trim().toLowerCase();
  if (t === "on" || t === "true") return true;
  if (t === "off" || t === "false") return false;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function decision(item) {
  switch (item.status) {
    case "executed":
      return h("li", { class: "good", dataset: { status: "executed" } }, h("strong", {}, "Allowed and written. "), `${item.tag} now has the new value.`);
    case "pending":
      return h("li", { dataset: { status: "pending", approval: item.approval } }, h("strong", {}, "Pending approval: "),
        "a second person must approve request ", h("a", { href: "#/approvals", class: "approval-id" }, item.approval),
        ` before ${time(item.expires)}; it is written once approved.`);
    case "denied":
      return h("li", { class: "bad", dataset: { status: "denied" } }, h("strong", {}, "Denied: "),
        `${item.reason ?? "denied"}${item.detail ? ` — ${item.detail}` : ""}`);
    case "failed":
      return h("li", { class: "bad", dataset: { status: "failed" } }, h("strong", {}, "Failed at the device: "), item.detail ?? "no confirmation");
    default:
      return h("li", {}, `${item.tag}: ${item.status}`);
  }
}

/** The "Change" section for `tag`; returns [element, cleanup]. */
export function setpointForm(tag, unit) {
  const box = h("section", { id: "setpoint", "aria-labelledby": "setpoint-h" }, h("h3", { id: "setpoint-h" }, "Change"));
  const draw = () => {
    box.replaceChildren(box.firstChild);
    const s = session();
    if (!s) {
      box.append(h("p", {}, h("a", { href: `#/signin?next=${encodeURIComponent(`/tags/${encodeURIComponent(tag)}`)}`, id: "setpoint-signin" }, "Sign in"),
        " to request a new value for this tag through the access gateway."));
      return;
    }
    const input = h("input", { id: "setpoint-value", name: "value", required: true, size: 10, "aria-describedby": "setpoint-help" });
    const submit = h("button", { type: "submit", id: "setpoint-submit" }, "Request change");
    const result = h("div", { id: "setpoint-result", role: "status", "aria-live": "polite" });
    const form = h("form", { id: "setpoint-form", class: "filters" },
      h("label", {}, `New value${unit ? ` (${unit})` : ""} `, input), submit);
    box.append(h("p", { id: "setpoint-help", class: "muted" },
      `As ${s.account}: a number for a setpoint register, on/off for a coil. The gateway decides; changes in protected zones wait for an approver.`),
      form, result);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const value = parseValue(input.value);
      if (value === undefined) {
        result.replaceChildren(h("p", { class: "bad" }, `"${input.value}" is not a number or on/off.`));
        input.focus();
        return;
      }
      submit.disabled = true;
      result.replaceChildren(h("p", {}, "Asking the gateway…"));
      try {
        const r = await gw.post("/gw/writes", { items: [{ tag, value }] });
        result.replaceChildren(h("ul", { class: "decisions" }, r.items.map(decision)));
      } catch (err) {
        if (err instanceof SessionExpired) { // onChange has redrawn the box with the sign-in link
          box.append(h("p", { class: "bad", role: "alert", id: "setpoint-expired" }, explain(err)));
          return;
        }
        result.replaceChildren(err instanceof Unavailable ? failure(err, "Setpoint changes") : h("p", { class: "bad", role: "alert" }, explain(err)));
      } finally {
        submit.disabled = false;
      }
    });
  };
  draw();
  const off = onChange(draw);
  return [box, off];
}
