// Area report (steekkaart): a small trend chart per key figure (ECharts) and a locator map of the area within
// the city (Leaflet, the wijken's GeoJSON, no tile layer). The tables on the page carry every number; these
// drawings are extra (aria-hidden). Strict CSP (style-src 'self'): nothing here writes a style attribute or
// inline styled HTML; ECharts' SVG text styles go through the CSSOM, as in stats.js.
(function () {
  'use strict';
  var ENGLISH = document.documentElement.lang === 'en';
  var LOCALE = ENGLISH ? 'en-GB' : 'nl-BE';
  var REDUCED_MOTION = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var COLOURS = ['#1f4e79', '#b35900'];
  var formats = {};

  // ECharts' SVG renderer writes each text's font with setAttribute('style'), which the CSP refuses; the same
  // declarations through the CSSOM are allowed (stats.js does the same when it is on the page).
  var proto = window.SVGElement && window.SVGElement.prototype;
  if (proto && !proto.obmiCssomStyle) {
    var setAttribute = proto.setAttribute;
    proto.setAttribute = function (name, value) {
      if (name === 'style') {
        this.style.cssText = value;
        return;
      }
      setAttribute.call(this, name, value);
    };
    proto.obmiCssomStyle = true;
  }

  function readJson(el, name) {
    try { return JSON.parse(el.getAttribute(name)); } catch (e) { return null; }
  }

  function number(value, min, max) {
    var key = min + '-' + max;
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: min, maximumFractionDigits: max });
    }
    return formats[key].format(value);
  }

  function withUnit(text, unit) {
    return /^(procent|percent|%)$/i.test(unit || '') ? text + (ENGLISH ? '%' : '\u00a0%') : text;
  }

  function present(value) {
    return value !== null && value !== undefined && value !== '-' && value !== '' && !isNaN(value);
  }

  /** The tooltip as DOM with CSS classes (ECharts' default HTML has inline styles). */
  function tooltip(decimals, unit) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      var box = document.createElement('div');
      box.className = 'chart-tooltip';
      var head = document.createElement('div');
      head.className = 'chart-tooltip-head';
      head.textContent = list.length ? list[0].axisValueLabel : '';
      box.appendChild(head);
      list.forEach(function (p) {
        if (!present(p.value)) { return; }
        var line = document.createElement('div');
        var marker = document.createElement('span');
        marker.className = 'chart-marker';
        marker.style.backgroundColor = typeof p.color === 'string' ? p.color : COLOURS[0];
        line.appendChild(marker);
        line.appendChild(document.createTextNode(p.seriesName + ': '));
        var strong = document.createElement('strong');
        strong.textContent = withUnit(number(Number(p.value), decimals, decimals), unit);
        line.appendChild(strong);
        box.appendChild(line);
      });
      return box;
    };
  }

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-report-chart]').forEach(function (el) {
      var data = readJson(el, 'data-report-chart');
      if (!data) { return; }
      var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
      var unit = el.getAttribute('data-unit');
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        animation: !REDUCED_MOTION,
        color: COLOURS,
        grid: { left: 4, right: 12, top: data.series.length > 1 ? 28 : 8, bottom: 4, containLabel: true },
        legend: { show: data.series.length > 1, top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
        tooltip: { trigger: 'axis', formatter: tooltip(decimals, unit) },
        xAxis: { type: 'category', data: data.periods, axisLabel: { fontSize: 10 } },
        yAxis: {
          type: 'value', scale: true, splitNumber: 3,
          axisLabel: { fontSize: 10, formatter: function (v) { return withUnit(number(v, 0, decimals), unit); } }
        },
        series: data.series.map(function (s) {
          return { name: s.name, type: 'line', data: s.values, connectNulls: false, symbolSize: 4 };
        })
      });
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  function loadLeafletCss() {
    if (document.querySelector('link[data-leaflet]')) { return; }
    var script = document.querySelector('script[src*="leaflet.js"]');
    if (!script) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = script.src.replace(/leaflet\.js.*$/, 'leaflet.css');
    link.setAttribute('data-leaflet', '');
    document.head.appendChild(link);
  }

  /** The city's wijken in grey, the area's own (or all, for the city) in the tenant's colour. */
  function drawLocator() {
    var el = document.querySelector('.locator-map[data-locator-geo]');
    if (!el || !window.L) { return; }
    loadLeafletCss();
    var highlight = el.getAttribute('data-highlight') || '';
    var accent = getComputedStyle(document.documentElement).getPropertyValue('--tenant-primary').trim() || COLOURS[0];
    fetch(el.getAttribute('data-locator-geo'), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var map = window.L.map(el, {
          attributionControl: false, zoomControl: false, keyboard: false, dragging: false, scrollWheelZoom: false,
          doubleClickZoom: false, boxZoom: false, touchZoom: false, zoomSnap: 0.25
        });
        var layer = window.L.geoJSON(geo, {
          interactive: false,
          style: function (feature) {
            var on = highlight === '*' || feature.properties.code === highlight;
            return { fillColor: on ? accent : '#d9d9d9', fillOpacity: on ? 0.8 : 0.6, color: '#333', weight: on ? 2 : 0.6 };
          }
        }).addTo(map);
        map.invalidateSize();
        if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { padding: [4, 4] }); }
        el.setAttribute('data-drawn', 'true');
      });
  }

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) { window.print(); }
  });
  drawCharts();
  drawLocator();
})();
