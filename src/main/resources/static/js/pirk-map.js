/*
 * PIRK's map (module pirk): the objects of the overview's filter from kaart.geojson, clustered
 * (Leaflet.markercluster), coloured by vacancy class, with a layer per class and per register; the list's
 * "show on map" buttons pan to an object and open its popup. Also the small map of an object's card.
 * No inline script or style (CSP): everything comes from data-* attributes.
 */
(function () {
  'use strict';

  var CLASS_COLOURS = {
    NONE: '#595959', SUSPECTED: '#8a4600', ADMINISTRATIVE: '#a4262c', VERIFIED: '#6d1a1f',
    PARTLY_VACANT: '#005a9e', DISMISSED: '#2a6b3c'
  };

  function text(template, values) {
    return (template || '').replace(/\{(\d)\}/g, function (all, i) { return values[i] !== undefined ? values[i] : ''; });
  }

  function wijken(map, url) {
    if (!url) { return Promise.resolve(null); }
    return fetch(url, { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (geo) {
        if (!geo || !geo.features || !geo.features.length) { return null; }
        return window.L.geoJSON(geo, {
          interactive: false,
          style: function () { return { className: 'pirk-wijk', color: '#6b6b6b', weight: 1, fillOpacity: 0.15 }; }
        }).addTo(map);
      })
      .catch(function () { return null; });
  }

  function icon(feature, label) {
    var L = window.L;
    var el = document.createElement('span');
    el.className = 'pirk-marker-dot';
    el.setAttribute('aria-hidden', 'true');
    return L.divIcon({ className: 'pirk-marker pirk-class-' + feature.properties.c, html: el, iconSize: [16, 16] });
  }

  function popup(feature, el) {
    var box = document.createElement('div');
    var a = document.createElement('a');
    a.href = el.getAttribute('data-card-base') + feature.id;
    a.textContent = feature.properties.l;
    box.appendChild(a);
    var facts = document.createElement('p');
    var legend = document.querySelector('#pirk-legend li[data-class="' + feature.properties.c + '"]');
    var parts = [legend ? legend.getAttribute('data-label') : feature.properties.c];
    if (feature.properties.m !== null && feature.properties.m !== undefined) {
      parts.push(text(el.getAttribute('data-months-text'), [feature.properties.m]));
    }
    facts.textContent = parts.join(' · ');
    box.appendChild(facts);
    return box;
  }

  function drawOverview(el) {
    var L = window.L;
    if (!L || !L.markerClusterGroup || el.getAttribute('data-drawn')) { return; }
    el.setAttribute('data-drawn', 'pending');
    var map = L.map(el, { attributionControl: false, minZoom: 8, maxZoom: 19 });
    map.setView([51.03, 4.48], 12);
    var cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50,
      iconCreateFunction: function (c) {
        var span = document.createElement('span');
        span.textContent = String(c.getChildCount());
        return L.divIcon({ className: 'pirk-cluster', html: span, iconSize: [36, 36] });
      }
    }).addTo(map);
    var classNames = {};
    document.querySelectorAll('#pirk-legend li').forEach(function (li) {
      classNames[li.getAttribute('data-class')] = li.getAttribute('data-label');
    });
    var registerNames = {};
    document.querySelectorAll('#pirk-register-names li').forEach(function (li) {
      registerNames[li.getAttribute('data-register')] = li.textContent;
    });
    var active = { classes: {}, registers: {}, none: true };
    var markers = [];
    var byId = {};
    var total = 0;
    var count = document.getElementById('map-count');
    function refresh() {
      var shown = markers.filter(function (m) {
        var f = m.feature;
        if (!active.classes[f.properties.c]) { return false; }
        if (!f.properties.r.length) { return active.none; }
        return f.properties.r.some(function (r) { return active.registers[r]; });
      });
      cluster.clearLayers();
      cluster.addLayers(shown);
      if (count) {
        count.textContent = text(el.getAttribute('data-count-text'), [shown.length, total, total - markers.length]);
        count.setAttribute('data-shown', String(shown.length));
        count.setAttribute('data-total', String(total));
      }
    }
    var overlays = {};
    Object.keys(classNames).forEach(function (c) {
      active.classes[c] = true;
      var group = L.layerGroup().addTo(map);
      group.pirkToggle = function (on) { active.classes[c] = on; };
      overlays[classNames[c]] = group;
    });
    Object.keys(registerNames).forEach(function (r) {
      active.registers[r] = true;
      var group = L.layerGroup().addTo(map);
      group.pirkToggle = function (on) { active.registers[r] = on; };
      overlays[registerNames[r]] = group;
    });
    var none = L.layerGroup().addTo(map);
    none.pirkToggle = function (on) { active.none = on; };
    overlays[el.getAttribute('data-no-register-text')] = none;
    L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    map.on('overlayadd', function (e) { if (e.layer.pirkToggle) { e.layer.pirkToggle(true); refresh(); } });
    map.on('overlayremove', function (e) { if (e.layer.pirkToggle) { e.layer.pirkToggle(false); refresh(); } });
    Promise.all([
      wijken(map, el.getAttribute('data-wijken')),
      fetch(el.getAttribute('data-features'), { credentials: 'same-origin' }).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var background = results[0];
      var data = results[1];
      total = data.features.length;
      data.features.forEach(function (f) {
        if (!f.geometry) { return; }
        var c = f.geometry.coordinates;
        var marker = L.marker([c[1], c[0]], { icon: icon(f), title: f.properties.l, keyboard: true });
        marker.feature = f;
        marker.bindPopup(function () { return popup(f, el); });
        markers.push(marker);
        byId[f.id] = marker;
      });
      refresh();
      if (markers.length) {
        map.fitBounds(L.latLngBounds(markers.map(function (m) { return m.getLatLng(); })).pad(0.1), { maxZoom: 16 });
      } else if (background) {
        map.fitBounds(background.getBounds());
      }
      document.querySelectorAll('.pirk-show').forEach(function (button) {
        button.addEventListener('click', function () {
          var marker = byId[button.getAttribute('data-id')];
          if (!marker) { return; }
          cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
          el.scrollIntoView({ block: 'nearest' });
        });
      });
      el.setAttribute('data-drawn', 'true');
    }).catch(function () {
      el.setAttribute('data-drawn', 'failed');
    });
  }

  function drawCard(el) {
    var L = window.L;
    if (!L || el.getAttribute('data-drawn')) { return; }
    el.setAttribute('data-drawn', 'pending');
    var map = L.map(el, { attributionControl: false, maxZoom: 19 });
    var geometry = JSON.parse(el.getAttribute('data-geometry'));
    var shape = L.geoJSON(geometry, {
      style: function () { return { className: 'pirk-shape', color: '#6d2077', weight: 2 }; },
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 8, className: 'pirk-shape', color: '#6d2077', interactive: false });
      }
    });
    wijken(map, el.getAttribute('data-wijken')).then(function () {
      shape.addTo(map);
      var bounds = shape.getBounds();
      map.fitBounds(bounds.pad(0.5), { maxZoom: 17 });
      el.setAttribute('data-drawn', 'true');
    });
  }

  function start() {
    var overview = document.getElementById('pirk-map');
    if (overview) { drawOverview(overview); }
    var card = document.getElementById('pirk-card-map');
    if (card) { drawCard(card); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  document.addEventListener('htmx:afterSettle', start);
}());
