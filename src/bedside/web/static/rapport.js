/* Rapport charts. No inline scripts (CSP): each canvas names the <script type="application/json">
   block holding its data. Tone trend: stacked bars of the tone mix per month. Person trend: the share
   of curt or hostile messages and mean politeness per month. Network: people on a circle, lines
   coloured by the share of curt or hostile messages (drawn on a plain canvas, no library). */
(function () {
  "use strict";
  window.bedsideCharts = window.bedsideCharts || {};
  var TONE_COLOURS = { respectful: "#1e6b35", neutral: "#8a96a6", curt: "#d97706", hostile: "#a4161a" };
  var ROLE_COLOURS = { physician: "#0b5cad", resident: "#5b8fd6", app: "#6a4c93", nurse: "#1e6b35",
    pharmacist: "#b5651d", technician: "#7a7a7a", administrator: "#444", other: "#999" };

  function readData(canvas, attribute) {
    var source = document.getElementById(canvas.getAttribute(attribute));
    return source ? JSON.parse(source.textContent) : null;
  }

  function percent(value) { return value === null ? null : Math.round(value * 1000) / 10; }

  function toneTrend(canvas, data) {
    var datasets = Object.keys(data.series).map(function (tone) {
      return { label: tone, data: data.series[tone].map(percent), backgroundColor: TONE_COLOURS[tone] || "#999" };
    });
    return new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.months, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, min: 0, max: 100, title: { display: true, text: "% of messages" } } }
      }
    });
  }

  function personTrend(canvas, data) {
    var months = data.months.map(function (m) { return m.month; });
    return new window.Chart(canvas, {
      type: "line",
      data: {
        labels: months,
        datasets: [
          { label: "curt or hostile (%)", data: data.months.map(function (m) { return percent(m.not_respectful.value); }),
            borderColor: TONE_COLOURS.curt, backgroundColor: TONE_COLOURS.curt, yAxisID: "y" },
          { label: "politeness", data: data.months.map(function (m) { return m.politeness.value; }),
            borderColor: "#0b5cad", backgroundColor: "#0b5cad", borderDash: [6, 4], yAxisID: "y1" }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          y: { min: 0, max: 100, position: "left", title: { display: true, text: "% curt or hostile" } },
          y1: { position: "right", min: 0, max: 1, grid: { drawOnChartArea: false }, title: { display: true, text: "politeness" } }
        }
      }
    });
  }

  // Calm connections stay faint and thin so the curt ones (drawn last, on top) stand out.
  function edgeStyle(share) {
    if (share < 0.1) { return { colour: "rgba(30, 107, 53, 0.22)", width: 1 }; }
    if (share < 0.25) { return { colour: "rgba(217, 119, 6, 0.8)", width: 2 }; }
    return { colour: "rgba(164, 22, 26, 0.95)", width: 3 };
  }

  function drawNetwork(canvas, data) {
    var ctx = canvas.getContext("2d");
    var w = canvas.width, h = canvas.height, cx = w / 2, cy = h / 2;
    var radius = Math.min(w, h) / 2 - 70;
    var nodes = data.nodes.slice().sort(function (a, b) {
      return a.role === b.role ? a.name.localeCompare(b.name) : a.role.localeCompare(b.role);
    });
    var position = {};
    nodes.forEach(function (node, i) {
      var angle = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
      position[node.id] = { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle: angle, node: node };
    });
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, w, h);
    var edges = data.edges.slice().sort(function (a, b) { return a.not_respectful - b.not_respectful; });
    edges.forEach(function (edge) {
      var a = position[edge.source], b = position[edge.target];
      if (!a || !b) { return; }
      var style = edgeStyle(edge.not_respectful);
      ctx.strokeStyle = style.colour;
      ctx.lineWidth = style.width;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      // Curve each direction to its own side so A->B and B->A stay apart.
      var mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.12, my = (a.y + b.y) / 2 - (b.x - a.x) * 0.12;
      ctx.quadraticCurveTo(mx, my, b.x, b.y);
      ctx.stroke();
      var angle = Math.atan2(b.y - my, b.x - mx), tipX = b.x - 8 * Math.cos(angle), tipY = b.y - 8 * Math.sin(angle);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.beginPath();
      ctx.moveTo(tipX, tipY);
      ctx.lineTo(tipX - 9 * Math.cos(angle - 0.4), tipY - 9 * Math.sin(angle - 0.4));
      ctx.lineTo(tipX - 9 * Math.cos(angle + 0.4), tipY - 9 * Math.sin(angle + 0.4));
      ctx.fill();
    });
    ctx.font = "12px system-ui, sans-serif";
    nodes.forEach(function (node) {
      var p = position[node.id];
      ctx.fillStyle = ROLE_COLOURS[node.role] || "#999";
      ctx.beginPath();
      ctx.arc(p.x, p.y, 7, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = "#1b2430";
      var right = Math.cos(p.angle) >= 0;
      ctx.textAlign = right ? "left" : "right";
      ctx.textBaseline = "middle";
      ctx.fillText(node.name, cx + (radius + 12) * Math.cos(p.angle), cy + (radius + 12) * Math.sin(p.angle));
    });
    // Legend of node colours (roles present), top left.
    var roles = [];
    nodes.forEach(function (node) { if (roles.indexOf(node.role) < 0) { roles.push(node.role); } });
    ctx.textAlign = "left";
    roles.forEach(function (role, i) {
      ctx.fillStyle = ROLE_COLOURS[role] || "#999";
      ctx.beginPath();
      ctx.arc(14, 16 + i * 18, 6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = "#1b2430";
      ctx.fillText(role, 26, 16 + i * 18);
    });
    return { nodes: nodes.length, edges: data.edges.length };
  }

  function draw() {
    document.querySelectorAll("canvas[data-rapport-chart]").forEach(function (canvas) {
      if (typeof window.Chart === "undefined") { return; }
      var data = readData(canvas, "data-rapport-source");
      if (!data) { return; }
      var kind = canvas.getAttribute("data-rapport-chart");
      if (kind === "tone-trend") { window.bedsideCharts[canvas.id] = toneTrend(canvas, data); }
      if (kind === "person-trend") { window.bedsideCharts[canvas.id] = personTrend(canvas, data); }
    });
    document.querySelectorAll("canvas[data-rapport-network]").forEach(function (canvas) {
      var data = readData(canvas, "data-rapport-network");
      if (data) { window.bedsideCharts[canvas.id] = drawNetwork(canvas, data); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
