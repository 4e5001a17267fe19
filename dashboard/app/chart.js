// A Plotly chart that changes in place. Streamlit (components v2) calls this module's default export
// when the chart first mounts and again, on the same parent element, whenever its data or the theme
// changes; a keyed component keeps that element across reruns. The first call makes one chart <div>,
// every call hands the figure to Plotly.react, which diffs it against what is drawn.
//
// data = {spec: the figure as plotly.io.to_json gave it, config: Plotly's config, alt: the
//         chart's accessible name, plotly: where plotly.js is served (relative to the page)}

const STATE = Symbol.for("dashboard.chart");

// plotly.js: one <script> per page, however many charts ask for it.
function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  const url = new URL(src, document.baseURI).href;
  const loads = (window.__dashboardPlotlyLoads ??= new Map());
  if (!loads.has(url)) {
    loads.set(url, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        loads.delete(url);
        reject(new Error(`plotly.js did not load from ${url}`));
      };
      document.head.appendChild(script);
    }));
  }
  return loads.get(url);
}

// Streamlit's own palette (frontend theme), for what st.plotly_chart's theme="streamlit" derives from
// the background: grey text, grid lines and legend text differ between the light and the dark theme.
const GREYS = {
  light: { text: "#808495", grid: "#e6eaf1", legend: "#262730", up: "#29b09d", down: "#ff2b2b", total: "#0068c9" },
  dark: { text: "#e6eaf1", grid: "#31333F", legend: "#fafafa", up: "#7defa1", down: "#ffabab", total: "#83c9ff" },
};

let canvas;
function rgb(colour) {
  canvas ??= document.createElement("canvas").getContext("2d");
  canvas.fillStyle = "#000";
  canvas.fillStyle = colour;
  const hex = canvas.fillStyle; // normalised: '#rrggbb' or 'rgba(r, g, b, a)'
  if (hex.startsWith("#")) return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return hex.match(/[\d.]+/g).slice(0, 3).map(Number);
}

function luminance(colour) {
  const lin = rgb(colour).map((c) => (c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

// The theme as the component gets it: CSS custom properties (--st-*) on an ancestor of parentElement.
function readTheme(element) {
  const style = getComputedStyle(element);
  const get = (name, fallback) => style.getPropertyValue(`--st-${name}`).trim() || fallback;
  const background = get("background-color", "#ffffff");
  const list = (name) => get(name, "").split(",").map((c) => c.trim()).filter(Boolean);
  return {
    background,
    text: get("text-color", "#31333f"),
    heading: get("heading-color", get("text-color", "#31333f")),
    font: get("font", "sans-serif"),
    headingFont: get("heading-font", get("font", "sans-serif")),
    border: get("border-color", "rgba(49,51,63,0.2)"),
    categorical: list("chart-categorical-colors"),
    sequential: list("chart-sequential-colors"),
    diverging: list("chart-diverging-colors"),
    ...GREYS[luminance(background) > 0.5 ? "light" : "dark"],
  };
}

// Streamlit's Python template (streamlit/elements/lib/streamlit_plotly_theme.py) writes placeholder
// colours #000001..#000040 into every figure; its frontend swaps them for the theme's. So do we.
function swapPlaceholders(json, t) {
  const slot = (n) => `#0000${String(n).padStart(2, "0")}`;
  const swaps = {};
  [t.categorical, t.sequential, t.diverging].forEach((colours, group) =>
    colours.slice(0, 10).forEach((c, i) => (swaps[slot(group * 10 + i + 1)] = c)));
  Object.assign(swaps, {
    [slot(32)]: t.up, [slot(33)]: t.down, [slot(34)]: t.total, [slot(36)]: t.text, [slot(37)]: t.legend,
    [slot(38)]: t.background, [slot(39)]: t.border, [slot(40)]: t.grid,
  });
  return json.replace(/#0000[0-4][0-9]/gi, (m) => swaps[m.toLowerCase()] ?? m);
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function merge(target, source) {
  for (const [k, v] of Object.entries(source)) {
    target[k] = isObject(v) && isObject(target[k]) ? merge(target[k], v) : v;
  }
  return target;
}

// What st.plotly_chart(theme="streamlit") lays under a figure (its CustomTheme.tsx, 1.67), except
// the backgrounds, which are transparent here so a chart also sits right inside a bordered container.
function themeLayout(t) {
  const axis = (standoff) => ({
    zerolinecolor: t.grid, gridcolor: t.grid, tickcolor: t.grid, automargin: true,
    tickfont: { color: t.text, size: 12 }, title: { font: { color: t.text, size: 14 }, standoff },
    minor: { gridcolor: t.grid },
  });
  return {
    font: { color: t.text, family: t.font, size: 12 },
    title: { font: { family: t.headingFont, size: 16, color: t.heading }, subtitle: { font: { color: t.text } },
             pad: { l: 4 }, xanchor: "left", x: 0 },
    legend: { title: { font: { size: 12, color: t.text }, side: "top" }, valign: "top", borderwidth: 0,
              bordercolor: "rgba(0,0,0,0)", font: { size: 12, color: t.legend } },
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    xaxis: { ...axis(20), showgrid: false, zeroline: false },
    yaxis: { ...axis(24), ticklabelposition: "outside" },
    margin: { pad: 8, r: 0, l: 0 },
    hoverlabel: { bgcolor: t.background, bordercolor: t.border,
                  font: { color: t.text, family: t.font, size: 12 } },
    coloraxis: { colorbar: { outlinecolor: "rgba(0,0,0,0)", tickfont: { color: t.text, size: 12 },
                             title: { font: { color: t.text, size: 14 } } } },
  };
}

function themedFigure(spec, t, width) {
  const figure = JSON.parse(swapPlaceholders(spec, t));
  const layout = (figure.layout ??= {});
  const template = (layout.template ??= {});
  template.layout = merge(template.layout ?? {}, themeLayout(t));
  if (layout.title != null) {  // st.plotly_chart draws the title bold
    const title = typeof layout.title === "string" ? { text: layout.title } : layout.title;
    layout.title = { ...title, text: `<b>${title.text ?? ""}</b>` };
  }
  layout.height = layout.height >= 10 ? layout.height : 450;
  layout.width = width;
  return figure;
}

const BASE_CONFIG = {
  displaylogo: false,
  showSendToCloud: false,
  modeBarButtonsToRemove: ["lasso2d", "select2d", "sendChartToCloud"],
};

export default function chart({ parentElement, data }) {
  // As st.plotly_chart's DOM: a holder (test id, role, accessible name) around Plotly's own div.
  let box = parentElement.querySelector(":scope > .dashboard-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "dashboard-chart stPlotlyChart";
    // The test id st.plotly_chart's holder had: page tests and benchmarks/pages.py wait on it.
    box.dataset.testid = "stPlotlyChart";
    box.appendChild(document.createElement("div")).className = "dashboard-chart-plot";
    parentElement.appendChild(box);
  }
  const plot = box.firstElementChild;
  const state = (box[STATE] ??= { calls: 0, drawn: 0, width: 0, observer: null });
  const call = ++state.calls;
  const alt = (data?.alt ?? "").trim();
  if (alt) {
    box.setAttribute("role", "figure");
    box.setAttribute("aria-label", alt);
  } else {
    box.removeAttribute("role");
    box.removeAttribute("aria-label");
  }
  const spec = data?.spec ?? '{"data":[],"layout":{}}';
  const config = { ...BASE_CONFIG, ...(data?.config ?? {}) };
  if (!state.drawn) {  // hold the chart's height until plotly.js has drawn, so the page does not jump
    const height = JSON.parse(spec).layout?.height;
    box.style.minHeight = `${height >= 10 ? height : 450}px`;
  }

  const draw = (Plotly) => {
    if (call !== state.calls) return undefined;  // a newer figure has arrived: draw that one
    state.width = box.clientWidth;
    const figure = themedFigure(spec, readTheme(parentElement), state.width || undefined);
    return Plotly.react(plot, figure.data ?? [], figure.layout, config).then(() => {
      state.drawn = call;
      box.dataset.drawn = String(call);  // for tests: how many figures this node has been sent
      box.style.minHeight = "";
    });
  };
  loadPlotly(data?.plotly ?? "app/static/vendor/plotly.min.js")
    .then(draw)
    .catch((err) => {
      plot.textContent = `The chart could not be drawn: ${err.message}`;
    });

  if (!state.observer) {  // a narrower or wider column (the sidebar, a phone's rotation): resize
    state.observer = new ResizeObserver(() => {
      const width = box.clientWidth;
      if (!window.Plotly || !state.drawn || !width || width === state.width) return;
      state.width = width;
      window.Plotly.relayout(plot, { width });
    });
    state.observer.observe(box);
  }
  // Streamlit runs the cleanup of the latest call on unmount, and also at once for a call it had
  // already superseded; so only tear down a chart whose node has really left the page.
  return () => setTimeout(() => {
    if (box.isConnected) return;
    state.observer?.disconnect();
    window.Plotly?.purge(plot);
  }, 0);
}
