// Beleidsopvolging: draws the charts described in data-chart attributes (JSON) with ECharts.
// Every chart has a data table next to it; the chart itself is decoration for sighted users.
(function () {
  'use strict';
  var palette = ['#1f4e79', '#b35c00', '#2a6b3c', '#a4262c', '#5c2d91', '#6b6b6b', '#000000'];
  // In status order: niet gestart, op schema, vertraagd, probleem, afgerond, uitgesteld, stopgezet.
  var statusPalette = ['#8a8a8a', '#2a6b3c', '#d9822b', '#a4262c', '#1f4e79', '#c9c9c9', '#1a1a1a'];

  function draw(element) {
    if (!window.echarts || element.dataset.drawn) { return; }
    var spec;
    try { spec = JSON.parse(element.dataset.chart); } catch (e) { return; }
    element.dataset.drawn = 'true';
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    var stacked = spec.type === 'stacked';
    chart.setOption({
      color: spec.type === 'stacked' ? statusPalette : palette,
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll', itemGap: 18 },
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
