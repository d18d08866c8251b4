// Stad in cijfers: trend and bar charts (ECharts) and the choropleth of wijken (Leaflet, no tile layer).
// Every chart and map on the page has a data table next to it for screen readers; these drawings are extra.
// Numbers read the way the page's language writes them (Intl.NumberFormat, nl-BE or English) with the
// indicator's decimals, as the server writes the tables (StatsFormat). The page has a strict CSP (style-src
// 'self'): nothing here writes a style attribute or inline styled HTML.
(function () {
  'use strict';
  var PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
  var ENGLISH = document.documentElement.lang === 'en';
  var LOCALE = ENGLISH ? 'en-GB' : 'nl-BE';
  // about the width of A4 portrait less the page margins and main's padding (see @media print)
  var PRINT_WIDTH = 640;
  var formats = {};
  var REDUCED_MOTION = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // ECharts' SVG renderer writes each text's font (and the root's position) with setAttribute('style'),
  // which the CSP refuses: the text then falls back to the page font, wider than ECharts measured, and
  // axis labels are clipped (88.500 read as 38.500). The same declarations through the CSSOM are allowed.
  var setAttribute = window.SVGElement && window.SVGElement.prototype.setAttribute;
  if (setAttribute) {
    window.SVGElement.prototype.setAttribute = function (name, value) {
      if (name === 'style') {
        this.style.cssText = value;
        return;
      }
      setAttribute.call(this, name, value);
    };
  }

  function readJson(el, name) {
    try { return JSON.parse(el.getAttribute(name)); } catch (e) { return null; }
  }

  /** A number with between min and max decimals in the page's language (88.500 and 20,1 in Dutch). */
  function number(value, min, max) {
    var key = min + '-' + max;
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: min, maximumFractionDigits: max });
    }
    return formats[key].format(value);
  }

  function isPercent(unit) {
    return /^(procent|percent|%)$/i.test(unit || '');
  }

  /** The figure as the tables show it (exactly the indicator's decimals), with % for a percentage. */
  function figure(value, decimals, unit) {
    var text = number(value, decimals, decimals);
    return isPercent(unit) ? text + (ENGLISH ? '%' : '\u00a0%') : text;
  }

  /** An axis label: at most the indicator's decimals (ticks are round numbers), with % for a percentage. */
  function tick(value, decimals, unit) {
    var text = number(value, 0, decimals);
    return isPercent(unit) ? text + (ENGLISH ? '%' : '\u00a0%') : text;
  }

  function present(value) {
    return value !== null && value !== undefined && value !== '-' && value !== '' && !isNaN(value);
  }

  /**
   * The tooltip as DOM (ECharts' default HTML carries inline styles that the CSP refuses): a header and a
   * line per series with its colour marker, set through the CSSOM.
   */
  function tooltip(decimals, unit) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      var box = document.createElement('div');
      box.className = 'chart-tooltip';
      if (Array.isArray(params) && list.length) {
        var head = document.createElement('div');
        head.className = 'chart-tooltip-head';
        head.textContent = list[0].axisValueLabel;
        box.appendChild(head);
      }
      list.forEach(function (p) {
        var value = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
        if (!present(value)) { return; }
        var line = document.createElement('div');
        var marker = document.createElement('span');
        marker.className = 'chart-marker';
        marker.style.backgroundColor = typeof p.color === 'string' ? p.color : '#1f4e79';
        line.appendChild(marker);
        line.appendChild(document.createTextNode((Array.isArray(params) ? p.seriesName : p.name) + ': '));
        var strong = document.createElement('strong');
        strong.textContent = figure(Number(value), decimals, unit);
        line.appendChild(strong);
        box.appendChild(line);
      });
      return box;
    };
  }

  var drawn = [];

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = readJson(el, 'data-chart');
      if (!data) { return; }
      var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
      var unit = el.getAttribute('data-unit');
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      var axisLabel = { formatter: function (value) { return tick(value, decimals, unit); } };
      var option;
      if (el.getAttribute('data-chart-type') === 'bar') {
        option = {
          grid: { left: 8, right: 24, top: 10, bottom: 8, containLabel: true },
          xAxis: { type: 'value', axisLabel: axisLabel },
          yAxis: { type: 'category', data: data.labels, inverse: true },
          series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f4e79' } }],
          tooltip: { trigger: 'item', formatter: tooltip(decimals, unit) }
        };
      } else {
        option = {
          grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
          legend: { top: 0, type: 'scroll' },
          tooltip: { trigger: 'axis', formatter: tooltip(decimals, unit) },
          xAxis: { type: 'category', data: data.periods },
          yAxis: { type: 'value', scale: true, axisLabel: axisLabel },
          series: data.series.map(function (s) {
            return { name: s.name, type: 'line', data: s.values, connectNulls: false };
          })
        };
      }
      option.animation = !REDUCED_MOTION;
      chart.setOption(option);
      el.setAttribute('data-drawn', 'true');
      drawn.push({
        el: el,
        resize: function () {
          // drawn at once, without animation: the print snapshot does not wait for the next frame
          chart.resize({ animation: { duration: 0 } });
          var zr = chart.getZr && chart.getZr();
          if (zr && zr.refreshImmediately) { zr.refreshImmediately(); }
        }
      });
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

  function drawMaps() {
    if (!window.L) { return; }
    document.querySelectorAll('.map[data-geo]').forEach(function (el) {
      loadLeafletCss();
      var values = readJson(el, 'data-values') || {};
      var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
      var unit = el.getAttribute('data-unit');
      var noValue = el.getAttribute('data-no-value') || '—';
      var numbers = Object.keys(values).map(function (k) { return values[k]; });
      var breaks = classes(numbers);
      fetch(el.getAttribute('data-geo'), { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (geo) {
          var map = window.L.map(el, { attributionControl: false, keyboard: false, zoomSnap: 0.25 });
          var layer = window.L.geoJSON(geo, {
            style: function (feature) {
              return { fillColor: colour(values[feature.properties.code], breaks), fillOpacity: 0.85, color: '#333', weight: 1 };
            },
            onEachFeature: function (feature, shape) {
              // a text node, not HTML: the names come from the reference data
              var label = document.createElement('span');
              var value = values[feature.properties.code];
              label.textContent = (feature.properties.naam || feature.properties.code) + ': '
                + (present(value) ? figure(value, decimals, unit) : noValue);
              shape.bindTooltip(label, { sticky: true });
            }
          }).addTo(map);
          var fit = function () {
            map.invalidateSize();
            if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); }
          };
          fit();
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
            item.appendChild(document.createTextNode(figure(bounds[i], decimals, unit) + ' – ' + figure(bounds[i + 1], decimals, unit)));
            legend.appendChild(item);
          }
          el.parentNode.insertBefore(legend, el.nextSibling);
          drawn.push({ el: el, resize: fit });
          el.setAttribute('data-drawn', 'true');
        });
    });
  }

  // Printing: charts and maps are drawn for the page width, wider than paper; draw them for the paper and
  // back (the print stylesheet hides the navigation and lets the tables fit).
  function printSize(printing) {
    drawn.forEach(function (d) {
      d.el.style.width = printing ? PRINT_WIDTH + 'px' : '';
      d.resize();
    });
  }
  window.addEventListener('beforeprint', function () { printSize(true); });
  window.addEventListener('afterprint', function () { printSize(false); });

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) { window.print(); }
  });
  drawCharts();
  drawMaps();
})();
