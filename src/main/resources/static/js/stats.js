// Stad in cijfers: trend and bar charts (ECharts, each exportable as PNG, SVG and CSV) and the choropleth of
// wijken (Leaflet; a tile layer only when obmi.stats.map.tile-url is set, which the CSP then allows).
// Every chart and map on the page has a data table next to it for screen readers; these drawings are extra.
// Numbers read the way the page's language writes them (Intl.NumberFormat, nl-BE or English) with the
// indicator's decimals, as the server writes the tables (StatsFormat). The page has a strict CSP (style-src
// 'self'): nothing here writes a style attribute or inline styled HTML.
(function () {
  'use strict';
  // ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, readable in grey print
  var PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
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
  // the drawn charts by element id, for the export buttons
  var charts = {};
  var OWN = '#b35806';
  var BAR = '#1f4e79';
  var PERIOD_COLOURS = ['#9ecae1', '#1f4e79'];

  /** A horizontal bar chart needs room for every label: about 1.6 lines of text per bar. */
  function fitHeight(el, bars) {
    var needed = Math.max(bars * 26 + 60, 200);
    if (needed > el.clientHeight) { el.style.height = needed + 'px'; }
  }

  function barOption(data, decimals, unit, axisLabel) {
    var highlight = data.highlight || [];
    var values = data.values.map(function (v, i) {
      return highlight[i] ? { value: v, itemStyle: { color: OWN } } : v;
    });
    var series = { type: 'bar', data: values, itemStyle: { color: BAR } };
    if (data.reference && present(data.reference.value)) {
      series.markLine = {
        silent: true, symbol: 'none', data: [{ xAxis: data.reference.value }],
        lineStyle: { color: '#333', type: 'dashed', width: 2 },
        label: { formatter: data.reference.name + ': ' + figure(data.reference.value, decimals, unit), position: 'start' }
      };
    }
    return {
      grid: { left: 8, right: 24, top: data.reference ? 30 : 10, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: axisLabel },
      yAxis: {
        type: 'category', data: data.labels, inverse: true,
        axisLabel: {
          // the own city also in bold (and named "(uw stad)" by the server): not by colour only
          formatter: function (value, index) { return highlight[index] ? '{own|' + value + '}' : value; },
          rich: { own: { fontWeight: 'bold', color: '#000' } }
        }
      },
      series: [series],
      tooltip: { trigger: 'item', formatter: tooltip(decimals, unit) }
    };
  }

  function barsOption(data, decimals, unit, axisLabel) {
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      xAxis: { type: 'value', axisLabel: axisLabel },
      yAxis: { type: 'category', data: data.labels, inverse: true },
      series: data.series.map(function (s, i) {
        return { name: s.name, type: 'bar', data: s.values, itemStyle: { color: PERIOD_COLOURS[i % 2] } };
      }),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(decimals, unit) }
    };
  }

  function lineOption(data, decimals, unit, axisLabel) {
    return {
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

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = readJson(el, 'data-chart');
      if (!data) { return; }
      var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
      var unit = el.getAttribute('data-unit');
      var type = el.getAttribute('data-chart-type');
      var axisLabel = { formatter: function (value) { return tick(value, decimals, unit); } };
      var option;
      if (type === 'bar') {
        fitHeight(el, data.labels.length);
        option = barOption(data, decimals, unit, axisLabel);
      } else if (type === 'bars') {
        fitHeight(el, data.labels.length * 1.6);
        option = barsOption(data, decimals, unit, axisLabel);
      } else {
        option = lineOption(data, decimals, unit, axisLabel);
      }
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      option.animation = !REDUCED_MOTION;
      chart.setOption(option);
      el.setAttribute('data-drawn', 'true');
      charts[el.id] = { el: el, chart: chart, option: option, data: data, type: type };
      var buttons = document.querySelector('[data-export-for="' + el.id + '"]');
      if (buttons) { buttons.hidden = false; }
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

  // Export: the chart as PNG (drawn once more on a canvas, off screen) or SVG (the drawing itself), and the
  // data behind it as the site's CSV (';', a decimal comma, no grouping, as the server's CSV download).
  function save(url, name, el, kind) {
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.className = 'visually-hidden';
    document.body.appendChild(link);
    link.click();
    link.remove();
    el.setAttribute('data-exported-' + kind, url.slice(0, 40));
  }

  function png(entry) {
    var box = document.createElement('div');
    box.className = 'chart-offscreen';
    document.body.appendChild(box);
    var width = Math.max(entry.el.clientWidth, 600);
    var height = Math.max(entry.el.clientHeight, 300);
    var copy = window.echarts.init(box, null, { renderer: 'canvas', width: width, height: height });
    var option = Object.assign({}, entry.option, { animation: false, tooltip: { show: false } });
    copy.setOption(option);
    var url = copy.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    copy.dispose();
    box.remove();
    return url;
  }

  function csvText(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[;"\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvNumber(value) {
    return present(value) ? String(Number(value)).replace('.', ',') : '';
  }

  function csv(entry) {
    var d = entry.data;
    var rows;
    if (entry.type === 'bar') {
      rows = [['gebied', 'waarde']].concat(d.labels.map(function (l, i) { return [csvText(l), csvNumber(d.values[i])]; }));
    } else {
      var labels = entry.type === 'bars' ? d.labels : d.periods;
      rows = [[entry.type === 'bars' ? 'gebied' : 'periode'].concat(d.series.map(function (s) { return csvText(s.name); }))];
      labels.forEach(function (l, i) {
        rows.push([csvText(l)].concat(d.series.map(function (s) { return csvNumber(s.values[i]); })));
      });
    }
    var text = '\ufeff' + rows.map(function (r) { return r.join(';'); }).join('\r\n') + '\r\n';
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-export]');
    var group = button && button.closest('[data-export-for]');
    var entry = group && charts[group.getAttribute('data-export-for')];
    if (!entry) { return; }
    var kind = button.getAttribute('data-export');
    var name = (entry.el.getAttribute('data-export-name') || entry.el.id).replace(/[^\w.-]+/g, '_') + '.' + kind;
    if (kind === 'png') {
      save(png(entry), name, entry.el, kind);
    } else if (kind === 'svg') {
      save(entry.chart.getDataURL({ type: 'svg' }), name, entry.el, kind);
    } else {
      var url = csv(entry);
      save(url, name, entry.el, kind);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }
  });

  function loadLeafletCss() {
    if (document.querySelector('link[data-leaflet]')) { return; }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = (document.querySelector('script[src*="leaflet.js"]') || {}).src.replace(/leaflet\.js.*$/, 'leaflet.css');
    link.setAttribute('data-leaflet', '');
    document.head.appendChild(link);
  }

  /** Quantile class breaks (at most PALETTE.length classes; equal breaks merged). */
  function classes(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var i = 1; i < PALETTE.length; i++) {
      var b = sorted[Math.floor(i * sorted.length / PALETTE.length)];
      if (b !== undefined && b > sorted[0] && breaks.indexOf(b) < 0) { breaks.push(b); }
    }
    return breaks;
  }

  function classOf(value, breaks) {
    var i = 0;
    while (i < breaks.length && value >= breaks[i]) { i++; }
    return i;
  }

  var NO_VALUE = '#bdbdbd';
  var HATCH = 'url(#map-hatch)';

  /** A diagonal hatch in the map's SVG for suppressed areas (grey is for areas without a figure). */
  function addHatch(svg) {
    if (!svg || svg.querySelector('#map-hatch')) { return; }
    var ns = 'http://www.w3.org/2000/svg';
    var defs = document.createElementNS(ns, 'defs');
    var pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', 'map-hatch');
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '8');
    pattern.setAttribute('height', '8');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    var back = document.createElementNS(ns, 'rect');
    back.setAttribute('width', '8');
    back.setAttribute('height', '8');
    back.setAttribute('fill', '#ffffff');
    var line = document.createElementNS(ns, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    line.setAttribute('x2', '0');
    line.setAttribute('y2', '8');
    line.setAttribute('stroke', '#555555');
    line.setAttribute('stroke-width', '3');
    pattern.appendChild(back);
    pattern.appendChild(line);
    defs.appendChild(pattern);
    svg.insertBefore(defs, svg.firstChild);
  }

  function legendItem(list, swatchClass, colour, text) {
    var item = document.createElement('li');
    var swatch = document.createElement('span');
    swatch.className = swatchClass;
    if (colour) { swatch.style.background = colour; }
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(text));
    list.appendChild(item);
  }

  function legend(el, numbers, breaks, decimals, unit, statuses) {
    var box = document.createElement('div');
    box.className = 'map-legend-box';
    var title = document.createElement('p');
    title.className = 'map-legend-title';
    title.textContent = el.getAttribute('data-legend-title') || '';
    box.appendChild(title);
    var list = document.createElement('ul');
    list.className = 'map-legend';
    var bounds = [Math.min.apply(null, numbers)].concat(breaks).concat([Math.max.apply(null, numbers)]);
    for (var i = 0; i < breaks.length + 1 && numbers.length; i++) {
      legendItem(list, 'swatch', PALETTE[i], figure(bounds[i], decimals, unit) + ' – ' + figure(bounds[i + 1], decimals, unit));
    }
    if (statuses.suppressed) { legendItem(list, 'swatch hatched', null, el.getAttribute('data-suppressed')); }
    if (statuses.missing) { legendItem(list, 'swatch', NO_VALUE, el.getAttribute('data-no-value')); }
    box.appendChild(list);
    el.parentNode.insertBefore(box, el.nextSibling);
  }

  function drawMaps() {
    if (!window.L) { return; }
    document.querySelectorAll('.map[data-geo]').forEach(function (el) {
      loadLeafletCss();
      var areas = readJson(el, 'data-areas') || {};
      var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
      var unit = el.getAttribute('data-unit');
      var ranked = el.getAttribute('data-ranked') || '0';
      var rankText = el.getAttribute('data-rank-text') || '{0}/{1}';
      var areaUrl = el.getAttribute('data-area-url');
      var tiles = el.getAttribute('data-tile-url');
      var numbers = [];
      var statuses = {};
      Object.keys(areas).forEach(function (k) {
        if (present(areas[k].v)) { numbers.push(areas[k].v); }
      });
      var breaks = classes(numbers);
      var fill = function (area) {
        if (area && present(area.v)) { return PALETTE[classOf(area.v, breaks)]; }
        var status = area && area.s === 'suppressed' ? 'suppressed' : 'missing';
        statuses[status] = true;
        return status === 'suppressed' ? HATCH : NO_VALUE;
      };
      var describe = function (feature, area) {
        var name = feature.properties.naam || feature.properties.code;
        if (area && present(area.v)) {
          return name + ': ' + figure(area.v, decimals, unit) + ' – '
            + rankText.replace('{0}', area.r).replace('{1}', ranked);
        }
        return name + ': ' + (area && area.s === 'suppressed' ? el.getAttribute('data-suppressed') : el.getAttribute('data-no-value'));
      };
      var open = function (code) { window.location.assign(areaUrl.replace('AREA', encodeURIComponent(code))); };
      fetch(el.getAttribute('data-geo'), { credentials: 'same-origin' })
        .then(function (response) { return response.json(); })
        .then(function (geo) {
          var map = window.L.map(el, { attributionControl: !!tiles, keyboard: false, zoomSnap: 0.25 });
          if (tiles) {
            map.attributionControl.setPrefix(false);
            window.L.tileLayer(tiles, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
          }
          var shapes = [];
          var layer = window.L.geoJSON(geo, {
            style: function (feature) {
              return { fillColor: fill(areas[feature.properties.code]), fillOpacity: tiles ? 0.75 : 0.9, color: '#333', weight: 1 };
            },
            onEachFeature: function (feature, shape) {
              var text = describe(feature, areas[feature.properties.code]);
              // a text node, not HTML: the names come from the reference data
              var label = document.createElement('span');
              label.textContent = text;
              shape.bindTooltip(label, { sticky: true });
              shape.on('click', function () { open(feature.properties.code); });
              shapes.push({ shape: shape, code: feature.properties.code, text: text });
            }
          }).addTo(map);
          var fit = function () {
            map.invalidateSize();
            if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); }
          };
          // Leaflet creates the paths once the map has a view
          fit();
          addHatch(el.querySelector('svg'));
          // every area a link for the keyboard: Tab reaches it, focus shows the same tooltip, Enter opens its report
          shapes.forEach(function (s) {
            var path = s.shape.getElement();
            if (!path) { return; }
            path.setAttribute('tabindex', '0');
            path.setAttribute('role', 'link');
            path.setAttribute('aria-label', s.text + ' – ' + (el.getAttribute('data-area-label') || ''));
            path.setAttribute('data-area', s.code);
            path.addEventListener('focus', function () { s.shape.openTooltip(s.shape.getCenter()); });
            path.addEventListener('blur', function () { s.shape.closeTooltip(); });
            path.addEventListener('keydown', function (event) {
              if (event.key === 'Enter') { event.preventDefault(); open(s.code); }
            });
          });
          legend(el, numbers, breaks, decimals, unit, statuses);
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
