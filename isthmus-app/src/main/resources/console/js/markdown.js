// A small, safe Markdown renderer for runbooks: headings, paragraphs, ordered and unordered lists,
// fenced code, block quotes, and inline code, bold, emphasis and links. It builds DOM nodes with text
// nodes only (never innerHTML), so raw HTML in a runbook shows as text, and links keep only http(s),
// mailto and in-page targets.
import { h } from "./dom.js";

export function markdown(source) {
  const root = h("div", { class: "markdown" });
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    let m;
    if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      const level = Math.min(6, m[1].length + 2); // runbook headings sit under the page's own h2
      root.append(h(`h${level}`, {}, inline(m[2])));
      i++;
    } else if (/^```/.test(line)) {
      const body = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i])) body.push(lines[i++]);
      i++;
      root.append(h("pre", {}, h("code", {}, body.join("\n"))));
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const list = h(ordered ? "ol" : "ul");
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
        let text = lines[i++].replace(/^\s*([-*+]|\d+[.)])\s+/, "");
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
          text += " " + lines[i++].trim();
        }
        list.append(h("li", {}, inline(text)));
      }
      root.append(list);
    } else if (/^>\s?/.test(line)) {
      const body = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) body.push(lines[i++].replace(/^>\s?/, ""));
      root.append(h("blockquote", {}, inline(body.join(" "))));
    } else {
      const body = [];
      while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s+)/.test(lines[i])) {
        body.push(lines[i++].trim());
      }
      root.append(h("p", {}, inline(body.join(" "))));
    }
  }
  return root;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/;

/** Inline spans as nodes; anything unrecognised stays literal text. */
export function inline(text) {
  const out = [];
  let rest = text;
  let m;
  while ((m = INLINE.exec(rest))) {
    if (m.index) out.push(rest.slice(0, m.index));
    const t = m[0];
    if (m[1]) out.push(h("code", {}, t.slice(1, -1)));
    else if (m[2]) out.push(h("strong", {}, inline(t.slice(2, -2))));
    else if (m[3]) out.push(h("em", {}, inline(t.slice(1, -1))));
    else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(t);
      out.push(safeHref(href) ? h("a", { href, rel: "noopener noreferrer" }, label) : `${label} (${href})`);
    }
    rest = rest.slice(m.index + t.length);
  }
  if (rest) out.push(rest);
  return out;
}

function safeHref(href) {
  return /^(https?:|mailto:|#|\/)/i.test(href) && !/^\/\//.test(href);
}
