/* Bedside page behaviour. No inline scripts anywhere (CSP): charts read their data from
   <script type="application/json"> blocks named by the canvas's data-chart-source attribute. */
(function () {
  "use strict";
  window.bedsideCharts = {};

  function drawCharts() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-chart-source]").forEach(function (canvas) {
      var source = document.getElementById(canvas.getAttribute("data-chart-source"));
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      window.bedsideCharts[canvas.id] = new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: data.labels,
          datasets: [{ label: data.title, data: data.values, backgroundColor: "#0b5cad" }]
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }

  // A form that HTMX submitted successfully is emptied, ready for the next entry (unless it asks to
  // keep its values, like the draft checker).
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail && event.detail.elt;
    if (event.detail.successful && form && form.tagName === "FORM" && !form.hasAttribute("data-keep-values")) {
      form.reset();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawCharts);
  } else {
    drawCharts();
  }
})();
