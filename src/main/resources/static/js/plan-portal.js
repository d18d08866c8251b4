// Public plan portal: an action's indicator charts (ECharts, SVG, no tooltip: the table next to each chart
// has the figures) and the map of published actions (Leaflet, no tile layer: only the wijken's outlines from
// Stad in cijfers' GeoJSON). An action with coordinates is drawn there; one with only a wijk at the centre of
// that wijk's outline. The table under the map lists the same actions (the map is extra, for sighted mouse
// users; the list is the accessible alternative). The page has a strict CSP (style-src 'self'): nothing here
// writes a style attribute or inline styled HTML; tooltips are text nodes.
(function () {
  'use strict';

  function readJson(el, name) {
    try { return JSON.parse(el.getAttribute(name)); } catch (e) { return null; }
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

  /** The centre of each wijk's outline, by name (plan items name their wijk as Stad in cijfers does). */
  function centres(layer) {
    var byName = {};
    layer.eachLayer(function (shape) {
      var props = shape.feature && shape.feature.properties;
      if (props && props.naam) { byName[props.naam] = shape.getBounds().getCenter(); }
    });
    return byName;
  }

  function label(point) {
    var text = document.createElement('span');
    text.textContent = point.code + ' ' + point.title + (point.wijk ? ' (' + point.wijk + ')' : '') + ': ' + point.status;
    return text;
  }

  function drawMap(el) {
    loadLeafletCss();
    var points = readJson(el, 'data-points') || [];
    var base = el.getAttribute('data-action-base');
    fetch(el.getAttribute('data-geo'), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var map = window.L.map(el, { attributionControl: false, keyboard: false, zoomSnap: 0.25 });
        var outlines = window.L.geoJSON(geo, {
          style: function () { return { fillColor: '#deebf7', fillOpacity: 0.6, color: '#555', weight: 1 }; },
          interactive: false
        }).addTo(map);
        var byName = centres(outlines);
        var located = [];
        points.forEach(function (point) {
          var at = point.lat != null && point.lon != null ? window.L.latLng(point.lat, point.lon) : byName[point.wijk];
          if (at) { located.push({ point: point, at: at }); }
        });
        // the view first: circle markers are projected when added, which needs it
        var bounds = outlines.getLayers().length ? outlines.getBounds() : null;
        located.forEach(function (l) { bounds = bounds ? bounds.extend(l.at) : window.L.latLngBounds(l.at, l.at); });
        if (bounds) {
          map.fitBounds(bounds.pad(0.05));
        } else {
          map.setView([51, 4.4], 8);
        }
        located.forEach(function (l) {
          var marker = window.L.circleMarker(l.at, { radius: 7, color: '#08519c', weight: 2, fillColor: '#3182bd', fillOpacity: 0.9 });
          marker.bindTooltip(label(l.point));
          marker.on('click', function () { window.location.href = base + l.point.id; });
          marker.addTo(map);
        });
        el.setAttribute('data-drawn', String(located.length));
      });
  }

  // ECharts' SVG renderer writes some styles with setAttribute('style'), which the CSP refuses; the same
  // declarations through the CSSOM are allowed (as in stats.js).
  function allowSvgStyles() {
    var setAttribute = window.SVGElement && window.SVGElement.prototype.setAttribute;
    if (!setAttribute || window.SVGElement.prototype.setAttribute.obmiCssom) { return; }
    var patched = function (name, value) {
      if (name === 'style') {
        this.style.cssText = value;
        return;
      }
      setAttribute.call(this, name, value);
    };
    patched.obmiCssom = true;
    window.SVGElement.prototype.setAttribute = patched;
  }

  var NUMBER = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-BE', { maximumFractionDigits: 2 });

  function drawChart(el) {
    var spec = readJson(el, 'data-chart');
    if (!spec) { return; }
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { show: false },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', name: spec.unit || '', axisLabel: { formatter: function (v) { return NUMBER.format(v); } } },
      series: spec.series.map(function (s, i) {
        return { name: s.name, type: 'line', data: s.data, connectNulls: true, lineStyle: i === 1 ? { type: 'dashed' } : {} };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'true');
  }

  if (window.echarts) {
    allowSvgStyles();
    document.querySelectorAll('.portal-chart[data-chart]').forEach(drawChart);
  }
  if (window.L) {
    document.querySelectorAll('.plan-map[data-geo]').forEach(drawMap);
  }
})();
