// Place names written on a map beside their circles, as many as fit: the outlines carry no names and no tile
// server draws any, so without them a circle says nothing until hovered. The busiest place is named first; a
// name that would cover one already written, or run off the map, is held back until a zoom or a move gives it
// room, and shows while its circle is hovered. Nor may a name cover the circle of a place as busy or busier. Names
// are set as text content.
(function () {
  "use strict";
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const SIDES = ["right", "left"];

  // a name beside its circle (of `radius` pixels), not over it
  function place(tip, side, radius) {
    if (tip.options.direction === side) return;
    tip.options.direction = side;
    tip.options.offset = [side === "right" ? radius : -radius, 0];
    tip.update();
  }

  // `map`: a Leaflet map. Returns show(items), which names these circles instead of the last ones; each item is
  // {marker, text, weight}, the weight deciding who is named first.
  window.tiesPlaceNames = function (map) {
    let named = [];

    function layout() {
      const frame = map.getContainer().getBoundingClientRect();
      // every circle, with its place's weight: a name keeps off those of places as busy as its own, or busier,
      // whether named before it or after
      const circles = named.map(({marker, weight}) => ({marker, weight, box: marker.getElement()
        && marker.getElement().getBoundingClientRect()})).filter((c) => c.box);
      const written = [];
      for (const {marker, weight} of named) {
        const tip = marker.getTooltip();
        const element = tip && tip.getElement();
        if (!element || !element.isConnected || !marker.getElement()) continue;
        const fits = (box) => box.left >= frame.left && box.right <= frame.right && box.top >= frame.top
          && box.bottom <= frame.bottom && !written.some((other) => overlap(box, other))
          && !circles.some((c) => c.marker !== marker && c.weight >= weight && overlap(box, c.box));
        // right of its circle, else left of it
        let box = null;
        for (const side of SIDES) {
          place(tip, side, marker.getRadius());
          const tried = element.getBoundingClientRect();
          if (fits(tried)) { box = tried; break; }
        }
        if (!box) place(tip, SIDES[0], marker.getRadius());
        element.classList.toggle("crowded", !box);
        if (box) written.push(box);
      }
    }

    map.on("zoomend moveend resize", layout);
    return function show(items) {
      named = items.slice().sort((a, b) => b.weight - a.weight);
      for (const {marker, text} of named) {
        const label = document.createElement("span");
        label.textContent = text;
        marker.bindTooltip(label, {permanent: true, direction: SIDES[0], className: "place-name",
          offset: [marker.getRadius(), 0]});
        marker.on("mouseover", () => marker.getTooltip().getElement().classList.remove("crowded"));
        marker.on("mouseout", layout);
      }
      layout();
    };
  };
})();
