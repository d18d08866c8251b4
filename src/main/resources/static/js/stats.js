// Stad in cijfers: trend and bar charts (ECharts) and the choropleth of wijken (Leaflet, no tile layer).
// Every chart and map on the page has a data table next to it for screen readers; these drawings are extra.
(function () {
  'use strict';
  var PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

  function readJson(el, name) {
    try { return JSON.parse(el.getAttribute(name)); } catch (e) { return null; }
  }

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = readJson(el, 'data-chart');
      if (!data) { return; }
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      var option;
      if (el.getAttribute('data-chart-type') === 'bar') {
        option = {
          grid: { left: 120, right: 20, top: 10, bottom: 30 },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: data.labels, inverse: true },
          series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f4e79' } }],
          tooltip: {}
        };
      } else {
        option = {
          grid: { left: 60, right: 20, top: 40, bottom: 30 },
          legend: { top: 0, type: 'scroll' },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: data.periods },
          yAxis: { type: 'value', scale: true },
          series: data.series.map(function (s) {
            return { name: s.name, type: 'line', data: s.values, connectNulls: false };
          })
        };
      }
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function loadLeafletCss() {
    if (document.querySelector('link[data-leaflet]')) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = (document.querySelector('script[src*="leaflet.js"]') || {}).src.replace(/leaflet\.js.*$/, 'leaflet.css');
    link.setAttribute('data-leaflet', '');
    document.head.appendChild(link);
  }

  function classes(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var i = 1; i < PALETTE.length; i++) {
      breaks.push(sorted[Math.floor(i * sorted.length / PALETTE.length)]);
    }
    return breaks;
  }

  function colour(value, breaks) {
    if (value === undefined || value === null) { return '#bdbdbd'; }
    var i = 0;
    while (i < breaks.length && value >= breaks[i]) { i++; }
    return PALETTE[i];
  }

  function format(value, decimals) {
    return Number(value).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-BE',
      { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }

  function drawMaps() {
    if (!window.L) { return; }
    document.querySelectorAll('.map[data-geo]').forEach(function (el) {
      loadLeafletCss();
      var values = readJson(el, 'data-values') || {};
      var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
      var numbers = Object.keys(values).map(function (k) { return values[k]; });
      var breaks = classes(numbers);
      fetch(el.getAttribute('data-geo'), { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (geo) {
          var map = window.L.map(el, { attributionControl: false, keyboard: false, zoomSnap: 0.25 });
          var layer = window.L.geoJSON(geo, {
            interactive: false,
            style: function (feature) {
              return { fillColor: colour(values[feature.properties.code], breaks), fillOpacity: 0.85, color: '#333', weight: 1 };
            }
          }).addTo(map);
          if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); }
          var legend = document.createElement('ul');
          legend.className = 'map-legend';
          legend.setAttribute('aria-hidden', 'true');
          var bounds = [Math.min.apply(null, numbers)].concat(breaks).concat([Math.max.apply(null, numbers)]);
          for (var i = 0; i < PALETTE.length && numbers.length; i++) {
            var item = document.createElement('li');
            var swatch = document.createElement('span');
            swatch.className = 'swatch';
            swatch.style.background = PALETTE[i];
            item.appendChild(swatch);
            item.appendChild(document.createTextNode(format(bounds[i], decimals) + ' – ' + format(bounds[i + 1], decimals)));
            legend.appendChild(item);
          }
          el.parentNode.insertBefore(legend, el.nextSibling);
          el.setAttribute('data-drawn', 'true');
        });
    });
  }

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) { window.print(); }
  });
  drawCharts();
  drawMaps();
})();
