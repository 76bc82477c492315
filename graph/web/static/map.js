// The partner map: states shaded by events with their partners (outlines from world-atlas, bundled),
// districts of Smolensk oblast and its neighbours shaded where the graph names them (OpenStreetMap outlines,
// bundled), other places with coordinates as circles sized by events and named as many as fit; the filters ask
// /api/map again and redraw.
// Names from the data reach the page as text only (textContent), never as HTML.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const number = (n) => Number(n).toLocaleString("ru-RU");
  const SHADES = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];  // sequential blues: colour-blind safe
  const OURS = "#e69f00", FOREIGN = "#0072b2";
  const box = $("map");
  const map = L.map(box, {zoomSnap: 0.25, worldCopyJump: true, attributionControl: true}).setView([54, 30], 4);
  if (box.dataset.tiles) L.tileLayer(box.dataset.tiles, {maxZoom: 12, attribution: "© OpenStreetMap"}).addTo(map);
  map.attributionControl.setPrefix("Leaflet · контуры: Natural Earth (world-atlas), районы © участники OpenStreetMap");
  window.tiesMap = map;
  const nameAll = window.tiesPlaceNames(map);  // the circles' names, as many as fit (place-names.js)
  let outlines = null, states = null, places = null, data = null, districtOutlines = null, districts = null;

  function shade(events, top) {
    if (!events) return null;
    const step = Math.min(SHADES.length - 1, Math.floor(SHADES.length * Math.log(events + 1) / Math.log(top + 2)));
    return SHADES[step];
  }

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function statePopup(state) {
    const div = document.createElement("div");
    div.append(state.page ? link(state.page, state.name) : state.name);
    const p = document.createElement("p");
    p.textContent = `${number(state.events)} ${plural(state.events, "мероприятие", "мероприятия", "мероприятий")}, `
      + `${number(state.partners)} ${plural(state.partners, "партнёр", "партнёра", "партнёров")}`;
    div.append(p);
    return div;
  }

  function placePopup(place) {
    const div = document.createElement("div");
    const title = document.createElement("strong");
    title.append(place.page ? link(place.page, place.label) : place.label);
    div.append(title);
    const p = document.createElement("p");
    p.textContent = `${number(place.events)} ${plural(place.events, "мероприятие", "мероприятия", "мероприятий")}`
      + (place.smolensk ? " · Смоленская область" : "");
    div.append(p);
    if (place.partners.length) {
      const list = document.createElement("ul");
      for (const partner of place.partners) {
        const item = document.createElement("li");
        item.append(partner.page ? link(partner.page, partner.label) : partner.label, ` — ${number(partner.events)}`);
        list.append(item);
      }
      div.append(list);
      if (place.partner_count > place.partners.length) {
        const more = document.createElement("p");
        more.className = "meta";
        more.textContent = `и ещё ${number(place.partner_count - place.partners.length)}`;
        div.append(more);
      }
    }
    return div;
  }

  // a ring that crosses the antimeridian (Chukotka, Fiji) would be drawn as a line across the world:
  // its western longitudes are moved east of 180°
  function unwrap(geometry) {
    const rings = geometry.type === "Polygon" ? geometry.coordinates
      : geometry.type === "MultiPolygon" ? geometry.coordinates.flat() : [];
    for (const ring of rings) {
      const lons = ring.map((point) => point[0]);
      if (Math.max(...lons) - Math.min(...lons) > 180) for (const point of ring) if (point[0] < 0) point[0] += 360;
    }
  }

  // whether a point lies inside a (multi)polygon's outer rings: ray casting
  function inside(lat, lon, geometry) {
    for (const polygon of geometry.coordinates) {
      const ring = polygon[0];
      let hit = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) hit = !hit;
      }
      if (hit) return true;
    }
    return false;
  }

  // each district place of the data whose point lies in an outline: that outline, shaded; its circle is not drawn
  function drawDistricts(top) {
    if (districts) districts.remove();
    const shown = new Set();
    if (!districtOutlines) return shown;
    const named = data.places.filter((p) => p.kind === "district");
    districts = L.geoJSON(districtOutlines, {
      style: (feature) => {
        const place = named.find((p) => inside(p.lat, p.lon, feature.geometry));
        feature.properties.place = place || null;
        if (place) shown.add(place.iri);
        const fill = place ? (place.smolensk ? OURS : shade(place.events, top)) : null;
        const strength = place ? 0.35 + 0.45 * Math.log(place.events + 1) / Math.log(top + 1) : 0;
        return {color: place && place.smolensk ? "#8a5a00" : "#9aa6b2", weight: place ? 1.2 : 0.4,
                fillColor: fill || "#ffffff", fillOpacity: strength};
      },
      onEachFeature: (feature, layer) => {
        const place = feature.properties.place;
        if (!place) return;
        layer.bindTooltip(`${place.label}: ${number(place.events)}`, {sticky: true});
        layer.bindPopup(() => placePopup(place));
        layer.options.ties = place.iri;
      },
    }).addTo(map);
    document.body.dataset.districts = String(shown.size);
    return shown;
  }

  let fitted = false;
  function draw() {
    const byNumeric = new Map(data.states.filter((s) => s.numeric).map((s) => [s.numeric, s]));
    for (const s of data.states) s.page = "/country/" + s.code;
    const top = Math.max(1, ...data.states.map((s) => s.events));
    if (states) states.remove();
    states = L.geoJSON(outlines, {
      style: (feature) => {
        const state = byNumeric.get(String(feature.id));
        const fill = state ? shade(state.events, top) : null;
        return {color: "#8c99a6", weight: 0.6, fillColor: fill || "#f4f4f4", fillOpacity: fill ? 0.85 : 0.6};
      },
      onEachFeature: (feature, layer) => {
        const state = byNumeric.get(String(feature.id));
        if (!state) return;
        layer.bindTooltip(`${state.name}: ${number(state.events)}`, {sticky: true});
        layer.bindPopup(() => statePopup(state));
        layer.options.ties = state.code;
      },
    }).addTo(map);
    const outlined = drawDistricts(Math.max(1, ...data.places.map((p) => p.events)));
    if (places) places.remove();
    const named = data.places.filter((place) => !outlined.has(place.iri)).map((place) => {
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 3 + 2.2 * Math.sqrt(place.events), color: place.smolensk ? "#1d2733" : "#ffffff", weight: place.smolensk ? 2 : 1.5,
        fillColor: place.smolensk ? OURS : FOREIGN, fillOpacity: 0.8, className: "ties-place"});
      marker.bindPopup(() => placePopup(place));
      marker.options.ties = place.iri;
      return {marker, text: `${place.label}: ${number(place.events)}`, weight: place.events};
    });
    places = L.layerGroup(named.map((item) => item.marker)).addTo(map);
    legend(top);
    if (!fitted && data.places.length) {
      // the busiest places (most events first) rather than all: one far-off partner would zoom out to the world;
      // set at once, not animated: the map is ready when drawn (a screenshot caught it mid-zoom)
      const busiest = data.places.slice(0, 15);
      map.fitBounds(L.latLngBounds(busiest.map((p) => [p.lat, p.lon])).pad(0.4), {animate: false});
      fitted = true;
    }
    nameAll(named);
    const status = $("map-status");
    status.textContent = `${number(data.events)} ${plural(data.events, "мероприятие", "мероприятия", "мероприятий")} в фильтре; `
      + `${number(data.states.length)} ${plural(data.states.length, "государство", "государства", "государств")}, `
      + `${number(data.places.length)} ${plural(data.places.length, "место", "места", "мест")} на карте.`;
    if (data.unplaced) {  // the places left off for want of a point, and where an analyst gives them one
      const review = document.createElement("a");
      review.href = "/review#no-point";
      review.textContent = "поставить на карту";
      status.append(` Без координат — ${number(data.unplaced)} ${plural(data.unplaced, "место", "места", "мест")} (`,
                    review, ").");
    }
    document.body.dataset.unplaced = String(data.unplaced);
    document.body.dataset.places = String(data.places.length);
    document.body.dataset.states = String(data.states.length);
    document.body.dataset.ready = "1";
  }

  function legend(top) {
    const rows = [];
    const swatch = (colour, text, round) => {
      const row = document.createElement("div"), span = document.createElement("span");
      span.className = "swatch";
      span.style.background = colour;
      if (!round) span.style.borderRadius = "0";
      row.append(span, text);
      return row;
    };
    rows.push(swatch(OURS, "места Смоленской области", true), swatch(FOREIGN, "места партнёров", true));
    const bounds = SHADES.map((_, i) => Math.round(Math.exp(Math.log(top + 2) * i / SHADES.length) - 1));
    SHADES.forEach((colour, i) => {
      const upper = i + 1 < SHADES.length ? bounds[i + 1] - 1 : top;
      if (upper >= Math.max(1, bounds[i])) rows.push(swatch(colour, `${number(Math.max(1, bounds[i]))}–${number(upper)} мероприятий`));
    });
    $("map-legend").replaceChildren(...rows);
  }

  function query() {
    const q = new URLSearchParams();
    for (const select of document.querySelectorAll("#map-filters [data-filter]")) if (select.value) q.set(select.name, select.value);
    return q;
  }

  function reload() {
    const q = query();
    history.replaceState(null, "", "/map" + (q.toString() ? "?" + q : ""));
    $("map-status").textContent = "Карта обновляется…";
    return fetch("/api/map?" + q).then((r) => r.json()).then((body) => { data = body; draw(); });
  }

  for (const select of document.querySelectorAll("#map-filters [data-filter]")) select.onchange = reload;
  Promise.all([
    fetch("/vendor/world-atlas/countries-50m.json").then((r) => r.json()),
    fetch("/static/districts.geojson").then((r) => r.ok ? r.json() : null).catch(() => null),
  ]).then(([atlas, found]) => {
    outlines = topojson.feature(atlas, atlas.objects.countries);
    for (const feature of outlines.features) if (feature.geometry) unwrap(feature.geometry);
    districtOutlines = found;
    return reload();
  });
})();
