// Horizontal bar chart as inline SVG: [label, value] rows, the value text beside each bar.
import { svg } from "../dom.js";

export function bars(rows, { max, format, label }) {
  const rowH = 26, left = 170, W = 640;
  const top = Math.max(max ?? 0, ...rows.map(([, v]) => v ?? 0), 1e-9);
  const chart = svg("svg", { class: "bars", viewBox: `0 0 ${W} ${rows.length * rowH + 4}`, role: "img", "aria-label": label });
  rows.forEach(([name, v], i) => {
    const y = i * rowH + 2, w = ((v ?? 0) / top) * (W - left - 90);
    chart.append(svg("text", { x: left - 6, y: y + 17, "text-anchor": "end" }, name),
      svg("rect", { x: left, y: y + 3, width: Math.max(0, w), height: rowH - 8, rx: 3 }),
      svg("text", { x: left + Math.max(0, w) + 6, y: y + 17 }, format(v)));
  });
  return chart;
}
