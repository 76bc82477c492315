// A page's small map: its places as circles sized by events over the bundled outlines, named as many as fit
// (place-names.js); a click opens the place's page. The names arrive as text (set as text content).
(function () {
  "use strict";
  const boxes = document.querySelectorAll(".mini-map");
  if (!boxes.length || !window.L || !window.tiesPlaceNames) return;
  window.tiesMiniMaps = [];  // for the browser tests, as window.tiesMap
  fetch("/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((atlas) => {
    const outlines = topojson.feature(atlas, atlas.objects.countries);
    for (const box of boxes) {
      const points = JSON.parse(box.dataset.points);
      const map = L.map(box, {scrollWheelZoom: false, attributionControl: false, zoomSnap: 0.25});
      // a view before layers; one place alone is shown with the land around it (its state and neighbours)
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])).pad(0.5), {maxZoom: points.length > 1 ? 6 : 4});
      // a state's page shades the state itself
      const own = (feature) => box.dataset.state && feature.id === box.dataset.state;
      L.geoJSON(outlines, {style: (feature) => ({color: "#8c99a6", weight: own(feature) ? 1.2 : 0.6,
        fillColor: own(feature) ? "#c6dbef" : "#f4f4f4", fillOpacity: 0.6, className: own(feature) ? "own-state" : ""}),
        interactive: false}).addTo(map);
      const top = Math.max(1, ...points.map((p) => p.events));
      const named = points.map((point) => {
        const marker = L.circleMarker([point.lat, point.lon], {radius: 4 + 10 * Math.sqrt(point.events / top),
          color: "#ffffff", weight: 1.5, fillColor: point.own ? "#e69f00" : "#0072b2", fillOpacity: 0.85,
          className: "ties-place"}).addTo(map);
        if (point.page) marker.on("click", () => { location.href = point.page; });
        return {marker, text: `${point.label}: ${point.events}`, weight: point.events};
      });
      window.tiesPlaceNames(map)(named);
      window.tiesMiniMaps.push(map);
      box.dataset.ready = "1";
    }
  });
})();
