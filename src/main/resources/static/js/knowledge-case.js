// Knowledge bank, a case page (K1): its point on a small Leaflet map without a tile layer (the coordinates are
// also written under the map, for everyone who does not see it). Nothing here writes a style attribute (CSP).
(function () {
  'use strict';

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

  function draw(el) {
    var lat = parseFloat(el.getAttribute('data-lat'));
    var lon = parseFloat(el.getAttribute('data-lon'));
    if (isNaN(lat) || isNaN(lon)) { return; }
    loadLeafletCss();
    // no controls and no interactive marker: the map is a picture (role="img" with a label), so it holds nothing
    // focusable; the coordinates are written under it
    var map = window.L.map(el, { attributionControl: false, keyboard: false, zoomControl: false });
    map.setView([lat, lon], 14);
    window.L.circleMarker([lat, lon], { radius: 9, color: '#08519c', weight: 2, fillColor: '#3182bd', fillOpacity: 0.9, interactive: false })
      .addTo(map);
    el.setAttribute('data-drawn', 'true');
  }

  if (window.L) {
    document.querySelectorAll('.k1-map[data-lat]').forEach(draw);
  }
})();
