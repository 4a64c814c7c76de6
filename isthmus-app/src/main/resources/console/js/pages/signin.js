// Sign-in to the access gateway: name, password and the TOTP code of an authenticator app
// (POST /gw/login). Failures, lockouts and expiries are said plainly from the problem document.
import { h } from "../dom.js";
import { Unavailable, failure } from "../api.js";
import { session, signIn, signOut, me, explain } from "../session.js";

function signedIn(main, s, next) {
  main.append(h("section", { id: "signed-in", "aria-labelledby": "who-h" },
    h("h3", { id: "who-h" }, "Signed in"),
    h("p", {}, "You are signed in to the access gateway as ", h("strong", { id: "who" }, s.account),
      ` (${(s.roles ?? []).join(", ") || "no roles"}).`),
    h("p", {}, next ? h("a", { href: `#${next}`, id: "continue" }, "Continue") : null,
      next ? " · " : null, h("a", { href: "#/approvals" }, "Approvals"), " · ", h("a", { href: "#/tags" }, "Tags (change a setpoint)"),
      " · ", h("a", { href: "#/audit" }, "Audit log")),
    h("button", { type: "button", id: "btn-signout", onclick: async () => { await signOut(); location.hash = "#/signin?signedout=1"; } }, "Sign out")));
}

export default async function signin(main, _params, query) {
  const next = query.get("next");
  main.append(h("h2", {}, "Sign in"));
  if (query.get("signedout")) {
    main.append(h("p", { class: "message good", role: "status", id: "signed-out" },
      "Signed out: the gateway has ended your session."));
  }
  if (query.get("expired")) {
    main.append(h("div", { class: "notice error", role: "alert", id: "signin-expired" },
      "Your gateway session has expired or is no longer valid: sign in again."));
  }
  if (session()) {
    try {
      const s = await me();
      if (s) { signedIn(main, s, next); return; }
    } catch (e) {
      main.append(h("div", { class: "notice error", role: "alert" }, explain(e)));
    }
  }
  const message = h("p", { class: "message", id: "signin-message", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", id: "signin-submit" }, "Sign in");
  const field = (label, attrs) => h("label", { class: "field" }, h("span", {}, label), h("input", attrs));
  const form = h("form", { id: "signin-form", class: "stack", "aria-describedby": "signin-help" },
    field("Name", { id: "signin-user", name: "user", autocomplete: "username", required: true, maxlength: 64 }),
    field("Password", { id: "signin-password", name: "password", type: "password", autocomplete: "current-password", required: true, maxlength: 1024 }),
    field("Code (authenticator app)", { id: "signin-totp", name: "totp", inputmode: "numeric", autocomplete: "one-time-code", pattern: "[0-9]{6}", maxlength: 6, required: true }),
    submit, message);
  main.append(h("p", { id: "signin-help", class: "muted" },
    "Changes to the plant go through the access gateway: every request is authenticated with a password and a ",
    "six-digit code, decided by the access rules and written to the audit log. Reading the console needs no sign-in."), form);
  form.querySelector("input").focus();
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    submit.disabled = true;
    message.className = "message";
    message.textContent = "Signing in…";
    const v = (n) => form.elements[n].value;
    try {
      const s = await signIn(v("user").trim(), v("password"), v("totp").trim());
      main.replaceChildren(h("h2", {}, "Sign in"));
      signedIn(main, s, next);
      main.querySelector(next ? "#continue" : "#btn-signout").focus();
    } catch (err) {
      form.elements.password.value = "";
      form.elements.totp.value = "";
      if (err instanceof Unavailable) {
        message.replaceChildren(failure(err, "Sign-in"));
      } else {
        message.className = "message bad";
        message.textContent = explain(err);
      }
      submit.disabled = false;
      form.elements[err?.status === 429 ? "user" : "password"].focus();
    }
  });
}
