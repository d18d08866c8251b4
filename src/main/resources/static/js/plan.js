// Beleidsopvolging: draws the charts described in data-chart attributes (JSON) with ECharts.
// Every chart has a data table next to it; the chart itself is decoration for sighted users.
(function () {
  'use strict';
  var palette = ['#2a6b3c', '#1f4e79', '#b35c00', '#a4262c', '#5c2d91', '#6b6b6b', '#000000'];

  function draw(element) {
    if (!window.echarts || element.dataset.drawn) { return; }
    var spec;
    try { spec = JSON.parse(element.dataset.chart); } catch (e) { return; }
    element.dataset.drawn = 'true';
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    var stacked = spec.type === 'stacked';
    chart.setOption({
      color: palette,
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', name: spec.unit || '' },
      series: spec.series.map(function (s) {
        return {
          name: s.name,
          type: stacked ? 'bar' : 'line',
          stack: stacked ? 'total' : undefined,
          connectNulls: true,
          data: s.data
        };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll(root) {
    (root || document).querySelectorAll('[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawAll(); });
  } else {
    drawAll();
  }
  document.addEventListener('htmx:afterSettle', function (event) { drawAll(event.detail.elt); });
}());
