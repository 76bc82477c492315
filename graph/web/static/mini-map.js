// A page's small map: its places as circles sized by events over the bundled outlines; a click opens
// the place's page. The names arrive as text (tooltips are set as text content).
(function () {
  "use strict";
  const boxes = document.querySelectorAll(".mini-map");
  if (!boxes.length || !window.L) return;
  fetch("/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((atlas) => {
    const outlines = topojson.feature(atlas, atlas.objects.countries);
    for (const box of boxes) {
      const points = JSON.parse(box.dataset.points);
      const map = L.map(box, {scrollWheelZoom: false, attributionControl: false, zoomSnap: 0.25});
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])).pad(0.5), {maxZoom: 6});  // a view before layers
      L.geoJSON(outlines, {style: {color: "#8c99a6", weight: 0.6, fillColor: "#f4f4f4", fillOpacity: 0.6}, interactive: false}).addTo(map);
      const top = Math.max(1, ...points.map((p) => p.events));
      for (const point of points) {
        const marker = L.circleMarker([point.lat, point.lon], {radius: 4 + 10 * Math.sqrt(point.events / top),
          color: "#ffffff", weight: 1.5, fillColor: point.own ? "#e69f00" : "#0072b2", fillOpacity: 0.85,
          className: "ties-place"}).addTo(map);
        const tip = document.createElement("span");
        tip.textContent = `${point.label}: ${point.events}`;
        marker.bindTooltip(tip);
        if (point.page) marker.on("click", () => { location.href = point.page; });
      }
      box.dataset.ready = "1";
    }
  });
})();
