// The dashboard's plotly.js: the core (scatter, layout shapes, annotations, titles and subtitles,
// hover, the modebar) and the trace types dashboard/*figures*.py draw. A new trace type in a figure
// needs its line here (tests/app/test_chart_bundle.py checks the list against the figures).
"use strict";
var Plotly = require("plotly.js/lib/core");
Plotly.register([
    require("plotly.js/lib/bar"),
    require("plotly.js/lib/box"),
    require("plotly.js/lib/choropleth"),
]);
module.exports = Plotly;
