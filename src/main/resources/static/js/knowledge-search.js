// Knowledge bank search (/kennis/zoeken, /kennis/collecties/{code}): a Leaflet map kept in step with the result list
// (htmx replaces the list and facets; the map stays and redraws its markers), hovering or focusing a list item
// highlights its marker and the other way round, "search in this map area" sets the bbox filter, and type-ahead
// suggestions fill the search box's datalist. Strict CSP: no inline script or style attribute; tooltips are text nodes.
(function () {
  'use strict';

  var NORMAL = { radius: 7, color: '#08519c', weight: 2, fillColor: '#3182bd', fillOpacity: 0.9 };
  var ACTIVE = { radius: 10, color: '#7a0177', weight: 3, fillColor: '#f768a1', fillOpacity: 1 };

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

  function readHits() {
    var list = document.getElementById('ks-hits');
    if (!list) { return []; }
    try { return JSON.parse(list.getAttribute('data-hits')) || []; } catch (e) { return []; }
  }

  function setupMap(el, form) {
    loadLeafletCss();
    var tiles = el.getAttribute('data-tile-url');
    var map = window.L.map(el, { attributionControl: !!tiles, keyboard: false, zoomSnap: 0.25 });
    if (tiles) {
      map.attributionControl.setPrefix(false);
      window.L.tileLayer(tiles, { attribution: el.getAttribute('data-tile-attribution') || '' }).addTo(map);
    }
    map.setView([51.0, 4.4], 8, { animate: false });
    var layer = window.L.layerGroup().addTo(map);
    var markers = {};
    var areaButton = document.getElementById('ks-map-area');
    var bbox = document.getElementById('ks-bbox');
    var drawing = false;

    function item(id) { return document.getElementById(id); }

    function highlight(id, on) {
      var marker = markers[id];
      if (marker) {
        marker.setStyle(on ? ACTIVE : NORMAL);
        if (on) { marker.bringToFront(); }
      }
      var li = item(id);
      if (li) { li.classList.toggle('ks-active', on); }
    }

    function draw() {
      drawing = true;
      layer.clearLayers();
      markers = {};
      var hits = readHits();
      var bounds = null;
      hits.forEach(function (hit) {
        var at = window.L.latLng(hit.lat, hit.lon);
        var marker = window.L.circleMarker(at, NORMAL);
        var label = document.createElement('span');
        label.textContent = hit.title;
        marker.bindTooltip(label);
        marker.on('mouseover', function () { highlight(hit.id, true); });
        marker.on('mouseout', function () { highlight(hit.id, false); });
        marker.on('click', function () { window.location.assign(hit.path); });
        marker.addTo(layer);
        markers[hit.id] = marker;
        bounds = bounds ? bounds.extend(at) : window.L.latLngBounds(at, at);
        var li = item(hit.id);
        if (li) {
          li.addEventListener('mouseenter', function () { highlight(hit.id, true); });
          li.addEventListener('mouseleave', function () { highlight(hit.id, false); });
          li.addEventListener('focusin', function () { highlight(hit.id, true); });
          li.addEventListener('focusout', function () { highlight(hit.id, false); });
        }
      });
      if (bounds && !(bbox && bbox.value)) {
        map.fitBounds(bounds.pad(0.2), { maxZoom: 14, animate: false });
      }
      el.setAttribute('data-markers', String(hits.length));
      drawing = false;
    }

    map.on('moveend', function () {
      if (!drawing && areaButton) { areaButton.hidden = false; }
    });
    if (areaButton && bbox) {
      areaButton.addEventListener('click', function () {
        bbox.value = map.getBounds().toBBoxString();
        areaButton.hidden = true;
        form.requestSubmit();
      });
    }
    document.addEventListener('htmx:afterSettle', function (event) {
      if (event.detail.target && event.detail.target.id === 'ks-body') { draw(); }
    });
    draw();
  }

  function setupSuggestions(form) {
    var input = document.getElementById('ks-q');
    var list = document.getElementById('ks-suggestions');
    var url = form.getAttribute('data-suggest-url');
    if (!input || !list || !url) { return; }
    var timer = null;
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { return; }
      timer = window.setTimeout(function () {
        fetch(url + '?q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (suggestions) {
            list.textContent = '';
            suggestions.forEach(function (s) {
              var option = document.createElement('option');
              option.value = s.title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* type-ahead is optional */ });
      }, 250);
    });
  }

  var form = document.getElementById('ks-form');
  if (!form) { return; }
  setupSuggestions(form);
  var el = document.getElementById('ks-map');
  if (el && window.L) { setupMap(el, form); }
}());
