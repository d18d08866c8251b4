// Beleidsopvolging: draws the charts described in data-chart attributes (JSON) with ECharts, and the map of the
// located actions (Leaflet, no tile layer). Every chart and map has a table next to it; the drawings are extra for
// sighted users. The pages have a strict CSP (style-src 'self'): nothing here writes a style attribute or inline
// styled HTML, as in stats.js.
(function () {
  'use strict';
  var palette = ['#1f4e79', '#b35c00', '#2a6b3c', '#a4262c', '#5c2d91', '#6b6b6b', '#000000'];
  // In status order: niet gestart, op schema, vertraagd, probleem, afgerond, uitgesteld, stopgezet.
  var statusPalette = ['#8a8a8a', '#2a6b3c', '#d9822b', '#a4262c', '#1f4e79', '#c9c9c9', '#1a1a1a'];
  var ENGLISH = document.documentElement.lang === 'en';
  var LOCALE = ENGLISH ? 'en-GB' : 'nl-BE';
  var REDUCED_MOTION = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Markers closer than this many pixels are grouped into one numbered marker.
  var CLUSTER_CELL = 56;
  var ICONS = { red: '\u2715', amber: '!', green: '\u2713', grey: '\u2013' };

  // ECharts' SVG renderer writes each text's font (and the root's position) with setAttribute('style'), which
  // the CSP refuses; the same declarations through the CSSOM are allowed (see stats.js).
  var setAttribute = window.SVGElement && window.SVGElement.prototype.setAttribute;
  if (setAttribute && !window.SVGElement.prototype.setAttribute.obmiCssom) {
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

  function readJson(el, name) {
    try { return JSON.parse(el.getAttribute(name)); } catch (e) { return null; }
  }

  function number(value) {
    return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(value);
  }

  /**
   * The tooltip as DOM (ECharts' default HTML carries inline styles that the CSP refuses): a header and a line
   * per series with its colour marker, set through the CSSOM.
   */
  function tooltip(unit) {
    return function (params) {
      var list = Array.isArray(params) ? params : [params];
      var box = document.createElement('div');
      box.className = 'chart-tooltip';
      if (list.length) {
        var head = document.createElement('div');
        head.className = 'chart-tooltip-head';
        head.textContent = list[0].axisValueLabel || list[0].name;
        box.appendChild(head);
      }
      list.forEach(function (p) {
        if (p.value === null || p.value === undefined || p.value === '-') { return; }
        var line = document.createElement('div');
        var marker = document.createElement('span');
        marker.className = 'chart-marker';
        marker.style.backgroundColor = typeof p.color === 'string' ? p.color : '#1f4e79';
        line.appendChild(marker);
        line.appendChild(document.createTextNode(p.seriesName + ': '));
        var strong = document.createElement('strong');
        strong.textContent = number(p.value) + (unit === '%' ? (ENGLISH ? '%' : '\u00a0%') : '');
        line.appendChild(strong);
        box.appendChild(line);
      });
      return box;
    };
  }

  function draw(element) {
    if (!window.echarts || element.dataset.drawn) { return; }
    var spec;
    try { spec = JSON.parse(element.dataset.chart); } catch (e) { return; }
    element.dataset.drawn = 'true';
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    var stacked = spec.type === 'stacked';
    chart.setOption({
      color: stacked ? statusPalette : palette,
      animation: !REDUCED_MOTION,
      aria: { enabled: true },
      tooltip: { trigger: 'axis', formatter: tooltip(spec.unit) },
      legend: { top: 0, type: 'scroll', itemGap: 18 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
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
    (root || document).querySelectorAll('.plan-map[data-points]').forEach(drawMap);
  }

  // ---- the map of located actions ----

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

  /** A wijk's name for matching: lower case, without the municipality in brackets ("Centrum (Mechelen)"). */
  function key(name) {
    return String(name || '').toLowerCase().replace(/\s*\([^)]*\)\s*$/, '').trim();
  }

  /** The centre of each wijk's bounding box, by code, by full name and by name without municipality. */
  function centres(layer) {
    var out = {};
    layer.eachLayer(function (shape) {
      var props = shape.feature.properties || {};
      var centre = shape.getBounds().getCenter();
      [props.code, props.naam].forEach(function (k) { if (k) { out[String(k).toLowerCase()] = centre; } });
      if (props.naam) { out[key(props.naam)] = centre; }
    });
    return out;
  }

  function icon(className, text, size) {
    var inner = document.createElement('span');
    inner.textContent = text;
    inner.setAttribute('aria-hidden', 'true');
    return window.L.divIcon({ className: className, html: inner, iconSize: [size, size] });
  }

  function link(base, point) {
    var a = document.createElement('a');
    a.href = base + point.id;
    a.textContent = point.code + ' ' + point.title + ' (' + point.status + ')';
    return a;
  }

  /**
   * What a marker does when chosen, by mouse and from the keyboard (Enter or space on the focused marker; the
   * default is prevented, so the browser sends no keypress that Leaflet would turn into a second click).
   */
  function activate(marker, action) {
    marker.on('click', action);
    var el = marker.getElement();
    if (el) {
      el.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          action();
        }
      });
    }
  }

  function drawMap(el) {
    if (!window.L || el.getAttribute('data-drawn')) { return; }
    el.setAttribute('data-drawn', 'pending');
    loadLeafletCss();
    var L = window.L;
    var points = readJson(el, 'data-points') || [];
    var base = el.getAttribute('data-item-base');
    var clusterLabel = el.getAttribute('data-cluster-label') || '{0}';
    fetch(el.getAttribute('data-geo'), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : { type: 'FeatureCollection', features: [] }; })
      .then(function (geo) {
        var map = L.map(el, { attributionControl: false, zoomSnap: 0.25, minZoom: 6, maxZoom: 18 });
        var wijken = L.geoJSON(geo, {
          interactive: false,
          style: function () { return { className: 'wijk', color: '#6b6b6b', weight: 1, fillOpacity: 0.7 }; }
        }).addTo(map);
        var byWijk = centres(wijken);
        var placed = [];
        var unplaced = [];
        points.forEach(function (p) {
          var at = p.lat !== null && p.lng !== null ? L.latLng(p.lat, p.lng)
            : (byWijk[String(p.wijk || '').toLowerCase()] || byWijk[key(p.wijk)]);
          if (at) { placed.push({ point: p, at: at }); } else { unplaced.push(p); }
        });
        var markers = L.layerGroup().addTo(map);
        var redraw = function () {
          markers.clearLayers();
          var cells = {};
          placed.forEach(function (m) {
            var px = map.project(m.at, map.getZoom());
            var cell = Math.floor(px.x / CLUSTER_CELL) + ':' + Math.floor(px.y / CLUSTER_CELL);
            (cells[cell] = cells[cell] || []).push(m);
          });
          Object.keys(cells).forEach(function (cell) {
            var group = cells[cell];
            if (group.length === 1) {
              var p = group[0].point;
              var single = L.marker(group[0].at, {
                icon: icon('map-marker rag-' + p.rag, ICONS[p.rag] || ICONS.grey, 24),
                title: p.code + ' ' + p.title + ' (' + p.status + ')',
                keyboard: true
              }).addTo(markers);
              activate(single, function () { window.location.href = base + p.id; });
              return;
            }
            var bounds = L.latLngBounds(group.map(function (m) { return m.at; }));
            var centre = bounds.getCenter();
            var cluster = L.marker(centre, {
              icon: icon('map-marker map-cluster', String(group.length), 32),
              title: clusterLabel.replace('{0}', group.length),
              keyboard: true
            }).addTo(markers);
            activate(cluster, function () {
              var spread = map.project(bounds.getNorthEast(), map.getMaxZoom())
                .distanceTo(map.project(bounds.getSouthWest(), map.getMaxZoom()));
              if (spread > CLUSTER_CELL && map.getZoom() < map.getMaxZoom()) {
                map.fitBounds(bounds.pad(0.3));
                return;
              }
              // they share one place (a wijk's centre): list them
              var list = document.createElement('ul');
              list.className = 'map-popup-list';
              group.forEach(function (m) {
                var item = document.createElement('li');
                item.appendChild(link(base, m.point));
                list.appendChild(item);
              });
              L.popup().setLatLng(centre).setContent(list).openOn(map);
              list.querySelector('a').focus();
            });
          });
        };
        map.on('zoomend', redraw);
        var extent = placed.length ? L.latLngBounds(placed.map(function (m) { return m.at; }))
          : (wijken.getLayers().length ? wijken.getBounds() : null);
        if (wijken.getLayers().length) {
          map.fitBounds(wijken.getBounds());
        } else if (extent) {
          map.fitBounds(extent.pad(0.5));
        } else {
          map.setView([51.0, 4.4], 9);
        }
        redraw();
        if (unplaced.length) {
          var note = document.getElementById('map-unplaced');
          if (note) {
            note.textContent = (el.getAttribute('data-unplaced') || '{0}')
              .replace('{0}', unplaced.map(function (p) { return p.code; }).join(', '));
            note.hidden = false;
          }
        }
        el.setAttribute('data-drawn', 'true');
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { drawAll(); });
  } else {
    drawAll();
  }
  document.addEventListener('htmx:afterSettle', function (event) { drawAll(event.detail.elt); });
}());
