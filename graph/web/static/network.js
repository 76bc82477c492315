// The partner map: draws the view the server lays out (/api/network), keeps the filters in the URL,
// opens a card on click, expands nodes, finds paths and exports PNG, SVG, GEXF and GraphML.
// Every name from the data goes into the page as text (textContent), never as HTML.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const KINDS = ["ORG", "PER", "LOC"];
  const KIND_NAMES = {PER: "персона", ORG: "организация", LOC: "место"};
  // the side the server says a node is on (graph.network.analytics.side)
  const SIDE_NAMES = {smolensk: "Смоленская сторона", russian: "российский участник", foreign: "зарубежный партнёр",
                      interstate: "орган нескольких государств", unsaid: "государство не указано"};
  const SHAPES = {PER: "ellipse", ORG: "round-rectangle", LOC: "triangle"};
  const number = (n) => Number(n).toLocaleString("ru-RU");
  const params = new URLSearchParams(location.search);
  const state = {
    kinds: params.has("kinds") ? params.get("kinds").split(",").filter((k) => KINDS.includes(k)) : ["ORG", "PER"],
    smolensk: params.get("smolensk") !== "0",
    country: params.get("country") || "", sphere: params.get("sphere") || "", type: params.get("type") || "",
    direction: params.get("direction") || "", since: params.get("since") || "", until: params.get("until") || "",
    max: params.get("max") || "150", size: params.get("size") || "events", colour: params.get("colour") || "state",
    focus: params.get("focus") || "", depth: params.get("depth") || "1",
    expand: params.getAll("expand"), add: params.getAll("add"),
  };
  let view = null, selected = null, pathFrom = null, pathNodes = [];
  // a map written to a file (`ties network --format html`) carries its view and has no server to ask
  const embedded = $("net-data");
  const on = (id, event, handler) => { const element = $(id); if (element) element[event] = handler; };

  // ---------------------------------------------------------------- the URL of a view

  function query(extra) {
    const q = new URLSearchParams();
    q.set("kinds", state.kinds.join(","));
    if (!state.smolensk) q.set("smolensk", "0");
    for (const key of ["country", "sphere", "type", "direction", "since", "until", "focus"]) {
      if (state[key]) q.set(key, state[key]);
    }
    if (state.focus && state.depth === "2") q.set("depth", "2");
    if (state.max !== "150") q.set("max", state.max);
    for (const node of state.expand) q.append("expand", node);
    for (const node of state.add) q.append("add", node);
    for (const [key, value] of Object.entries(extra || {})) q.set(key, value);
    return q;
  }

  function remember() {
    if (embedded) return;
    const q = query();
    if (state.size !== "events") q.set("size", state.size);
    if (state.colour !== "state") q.set("colour", state.colour);
    history.replaceState(null, "", "/network?" + q.toString());
    $("net-gexf").href = "/network.gexf?" + query().toString();
    $("net-graphml").href = "/network.graphml?" + query().toString();
  }

  // ---------------------------------------------------------------- drawing

  const MIN_FONT = 7;  // no smaller label is drawn
  const cy = cytoscape({
    container: $("net-graph"), wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4,
    style: [
      {selector: "node", style: {
        "shape": "data(shape)", "background-color": "data(fill)", "width": "data(size)", "height": "data(size)",
        "border-width": 0.6, "border-color": "#555555", "label": "data(label)", "font-size": "data(font)",
        "min-zoomed-font-size": MIN_FONT, "text-wrap": "wrap", "text-max-width": "150px", "text-valign": "bottom",
        "text-margin-y": 2, "color": "#1d2733", "text-background-color": "#ffffff", "text-background-opacity": 0.75,
        "text-background-padding": "1px", "z-index": "data(z)"}},
      {selector: "node[?smolensk]", style: {"shape": "diamond", "border-color": "#000000", "border-width": 2}},
      {selector: "node[?added]", style: {"border-color": "#1f5fa8", "border-width": 2, "border-style": "dashed"}},
      {selector: "node.focus", style: {"border-color": "#c0392b", "border-width": 4}},
      {selector: "node:selected", style: {"border-color": "#c0392b", "border-width": 4}},
      {selector: "edge", style: {"curve-style": "haystack", "line-color": "#8c99a6", "opacity": 0.45,
                                 "width": "mapData(weight, 1, 8, 0.6, 6)"}},
      {selector: ".path", style: {"line-color": "#c0392b", "opacity": 1, "width": 5, "border-color": "#c0392b",
                                  "border-width": 4, "z-index": 10}},
      {selector: ".faded", style: {"opacity": 0.12}},
      {selector: "node.unlabelled", style: {"text-opacity": 0, "text-background-opacity": 0}},
    ],
  });
  window.tiesNetwork = cy;  // for the browser tests and for the curious analyst's console

  // the server works the sizes out (graph/network/spacing.py), and spaces the nodes so that none covers another
  function sizeOf(node) {
    return node.sizes[state.size] || node.sizes.events;
  }

  function decorate() {
    if (!view) return;
    const ranked = [...view.nodes].sort((a, b) => b.events - a.events || a.label.localeCompare(b.label, "ru"));
    const rank = new Map(ranked.map((n, i) => [n.id, i]));
    cy.batch(() => cy.nodes().forEach((element) => {
      const n = element.data("raw"), place = rank.get(n.id);
      element.data({
        fill: state.colour === "community" ? n.community_colour : n.colour, size: sizeOf(n),
        font: place < 12 ? 22 : place < 40 ? 14 : 9,
        z: ranked.length - place,  // the busier drawn over the rest, their names too
      });
    }));
    legend();
    declutter();
  }

  // names that would cover a busier node's name, or a busier node itself, wait until a zoom gives them room
  // (each shows on hover too): the busiest are named first; a name too small to be drawn at this zoom takes no
  // room (Cytoscape draws a label whose size at the zoom's power of two is at least "min-zoomed-font-size",
  // MIN_FONT)
  function declutter() {
    const scale = 2 ** Math.ceil(Math.log2(cy.zoom() * (window.devicePixelRatio || 1)));
    const ranked = cy.nodes().toArray().sort((a, b) => b.data("raw").events - a.data("raw").events
      || a.data("label").localeCompare(b.data("label"), "ru"));
    const overlaps = (box, o) => box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2;
    const written = [], quiet = [], busier = [];
    for (const node of ranked) {
      const body = node.renderedBoundingBox({includeNodes: true, includeEdges: false, includeLabels: false});
      if (node.data("font") * scale >= MIN_FONT) {
        const box = node.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
        const covers = written.some((o) => overlaps(box, o)) || busier.some((o) => overlaps(box, o));
        (covers ? quiet : written).push(covers ? node : box);
      }
      busier.push(body);
    }
    cy.batch(() => { cy.nodes().removeClass("unlabelled"); quiet.forEach((node) => node.addClass("unlabelled")); });
  }
  let decluttering = null;
  cy.on("viewport dragfree", () => { clearTimeout(decluttering); decluttering = setTimeout(declutter, 80); });

  function draw(fit) {
    const known = new Map(cy.nodes().map((n) => [n.id(), n.position()]));
    cy.batch(() => {
      cy.elements().remove();
      cy.add(view.nodes.map((n) => ({group: "nodes", position: {x: n.x, y: n.y}, data: {
        id: n.id, label: n.label, shape: SHAPES[n.kind] || "ellipse", smolensk: n.smolensk, added: n.added,
        raw: n, fill: n.colour, size: 20, font: 8, z: 0}})));
      cy.add(view.edges.map((e) => ({group: "edges", data: {id: e.id, source: e.source, target: e.target,
                                                             weight: e.weight}})));
      if (view.focus) cy.getElementById(view.focus).addClass("focus");
    });
    // nodes already on the canvas stay where the analyst left them
    if (!fit) known.forEach((position, id) => { const node = cy.getElementById(id); if (node.nonempty()) node.position(position); });
    decorate();
    highlightPath();
    if (fit) cy.fit(undefined, 30);
    declutter();
    status();
    names();
    document.body.dataset.nodes = String(cy.nodes().length);
    document.body.dataset.edges = String(cy.edges().length);
    document.body.dataset.ready = "1";
  }

  function status() {
    const shown = view.shown, total = view.total;
    let text = `Показано ${number(shown)} ${plural(shown, "участник", "участника", "участников")} из ${number(total)}`;
    if (view.left_out > 0) text += ` (самые активные; не показано ${number(view.left_out)})`;
    text += `; ${number(view.edges.length)} ${plural(view.edges.length, "связь", "связи", "связей")}; `
      + `${number(view.events)} ${plural(view.events, "мероприятие", "мероприятия", "мероприятий")} в фильтре.`;
    if (view.missing.length) text += ` Нет в сети при этих фильтрах: ${view.missing.length}.`;
    $("net-status").textContent = text;
    const focus = $("net-focus");
    focus.hidden = !view.focus;
    if (view.focus) {
      const label = cy.getElementById(view.focus).data("label");
      focus.textContent = `В центре: ${label} (${state.depth === "2" ? "два шага" : "один шаг"}). `;
      const depth = document.createElement("button");
      depth.type = "button";
      depth.textContent = state.depth === "2" ? "один шаг" : "два шага";
      depth.onclick = () => { state.depth = state.depth === "2" ? "1" : "2"; reload(true); };
      const all = document.createElement("button");
      all.type = "button";
      all.textContent = "вся сеть";
      all.onclick = () => { state.focus = ""; state.expand = []; state.add = []; reload(true); };
      focus.append(depth, " ", all);
    }
  }

  function names() {
    const list = $("net-names");
    list.replaceChildren(...view.nodes.map((n) => { const o = document.createElement("option"); o.value = n.label; return o; }));
  }

  function swatch(colour, shape) {
    const span = document.createElement("span");
    span.className = "swatch" + (shape ? " " + shape : "");
    span.style.background = colour;
    return span;
  }

  function legend() {
    const box = $("net-legend");
    const rows = [];
    if (state.colour === "community") {
      for (const group of view.communities.slice(0, 15)) {
        const row = document.createElement("div");
        row.append(swatch(group.colour), `${group.name} — ${number(group.size)}`);
        rows.push(row);
      }
      if (view.communities.length > 15) {
        const more = document.createElement("div");
        more.className = "meta";
        more.textContent = `и ещё ${view.communities.length - 15} небольших`;
        rows.push(more);
      }
    } else {
      for (const entry of view.states) {
        const row = document.createElement("div");
        row.append(swatch(entry.colour, entry.code === "smolensk" ? "diamond" : ""),
                   `${entry.name} — ${number(entry.nodes)}`);
        rows.push(row);
      }
    }
    box.replaceChildren(...rows);
  }

  // ---------------------------------------------------------------- loading

  let loading = null;
  function reload(fit) {
    if (embedded) { view = JSON.parse(embedded.textContent); draw(fit); return Promise.resolve(); }
    remember();
    $("net-status").textContent = "Сеть обновляется…";
    if (loading) loading.abort();
    loading = new AbortController();
    return fetch("/api/network?" + query().toString(), {signal: loading.signal})
      .then((r) => r.ok ? r.json() : r.text().then((t) => { throw new Error(t); }))
      .then((body) => { view = body; draw(fit); })
      .catch((error) => { if (error.name !== "AbortError") $("net-status").textContent = "Не удалось: " + error.message; });
  }

  // ---------------------------------------------------------------- the card

  function fact(list, term, value, href) {
    const dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = term;
    if (href) { const a = document.createElement("a"); a.href = href; a.textContent = value; dd.append(a); }
    else dd.textContent = value;
    list.append(dt, dd);
  }

  function card(node) {
    selected = node;
    const n = node.data("raw");
    const title = $("card-title");
    title.replaceChildren();
    if (n.page) { const a = document.createElement("a"); a.href = n.page; a.textContent = n.label; title.append(a); }
    else title.textContent = n.label;
    $("card-kind").textContent = `${KIND_NAMES[n.kind] || ""}, ${SIDE_NAMES[n.side]}`;
    const facts = $("card-facts");
    facts.replaceChildren();
    if (n.country && !n.smolensk) fact(facts, "Государство", view.state_names[n.country] || n.country,
                                       embedded ? null : "/country/" + n.country);
    fact(facts, "Мероприятий", number(n.events));
    fact(facts, "Впервые", quarterName(n.first));
    fact(facts, "Последний раз", quarterName(n.last));
    fact(facts, "Связей на карте", `${number(node.degree())} (общих мероприятий: ${number(n.strength)})`);
    fact(facts, "Посредничество", n.betweenness.toLocaleString("ru-RU", {maximumFractionDigits: 3}));
    fact(facts, "Связывает смоленских и зарубежных", `${number(n.brokerage)} ${plural(n.brokerage, "пару", "пары", "пар")}`);
    const group = view.communities.find((c) => c.id === n.community);
    if (group) fact(facts, "Сообщество", group.name);
    if (n.page) fact(facts, "Страница", "открыть", n.page);
    if ($("card-to")) $("card-to").disabled = !pathFrom || pathFrom === n.id;
    if ($("card-path")) $("card-path").textContent = pathFrom && pathFrom !== n.id ? "Путь от: " + cy.getElementById(pathFrom).data("label") : "";
    $("net-card").hidden = false;
  }

  function quarterName(period) {
    const match = /^(\d{4})-Q([1-4])$/.exec(period || "");
    return match ? `${["I", "II", "III", "IV"][match[2] - 1]} кв. ${match[1]}` : "";
  }

  cy.on("tap", "node", (event) => card(event.target));
  cy.on("tap", (event) => { if (event.target === cy) { $("net-card").hidden = true; selected = null; } });
  cy.on("mouseover", "node", (event) => {
    const hover = $("net-hover"), n = event.target.data("raw");
    hover.textContent = `${n.label} — ${number(n.events)} ${plural(n.events, "мероприятие", "мероприятия", "мероприятий")}`;
    hover.hidden = false;
  });
  cy.on("mouseout", "node", () => { $("net-hover").hidden = true; });

  on("net-card-close", "onclick", () => { $("net-card").hidden = true; });
  on("card-expand", "onclick", () => {
    if (!selected) return;
    const id = selected.id();
    if (!state.expand.includes(id)) state.expand.push(id);
    reload(false).then(() => { const node = cy.getElementById(id); if (node.nonempty()) { node.select(); card(node); cy.animate({fit: {eles: node.closedNeighborhood(), padding: 60}}, {duration: 300}); } });
  });
  on("card-focus", "onclick", () => {
    if (!selected) return;
    state.focus = selected.id(); state.expand = []; state.add = []; pathNodes = [];
    reload(true);
  });
  on("card-from", "onclick", () => {
    if (!selected) return;
    pathFrom = selected.id();
    $("card-path").textContent = "Выберите второй узел и нажмите «…сюда».";
  });
  on("card-to", "onclick", () => {
    if (!selected || !pathFrom) return;
    const to = selected.id();
    fetch("/api/network/path?" + query({from: pathFrom, to: to}).toString())
      .then((r) => r.json())
      .then((body) => {
        if (!body.path.length) { $("card-path").textContent = "Эти двое не связаны общими мероприятиями при этих фильтрах."; return; }
        pathNodes = body.path;
        for (const node of body.path) if (!state.add.includes(node) && cy.getElementById(node).empty()) state.add.push(node);
        return reload(false).then(() => {
          $("card-path").textContent = `Путь (${body.path.length - 1} ${plural(body.path.length - 1, "шаг", "шага", "шагов")}): ` + body.labels.join(" → ");
          cy.animate({fit: {eles: cy.elements(".path"), padding: 80}}, {duration: 300});
        });
      });
  });

  function highlightPath() {
    cy.elements().removeClass("path");
    for (let i = 0; i < pathNodes.length; i++) {
      const node = cy.getElementById(pathNodes[i]);
      node.addClass("path");
      if (i > 0) node.edgesWith(cy.getElementById(pathNodes[i - 1])).addClass("path");
    }
  }

  // ---------------------------------------------------------------- controls

  for (const box of document.querySelectorAll('input[name="kind"]')) {
    box.checked = state.kinds.includes(box.value);
    box.onchange = () => {
      state.kinds = [...document.querySelectorAll('input[name="kind"]:checked')].map((b) => b.value);
      reload(true);
    };
  }
  if ($("net-smolensk")) $("net-smolensk").checked = state.smolensk;
  on("net-smolensk", "onchange", () => { state.smolensk = $("net-smolensk").checked; reload(true); });
  for (const key of ["country", "sphere", "type", "direction", "since", "until", "max"]) {
    const select = $("net-" + key);
    if (!select) continue;
    select.value = state[key];
    select.onchange = () => { state[key] = select.value; reload(true); };
  }
  for (const key of ["size", "colour"]) {
    const select = $("net-" + key);
    select.value = state[key];
    select.onchange = () => { state[key] = select.value; remember(); decorate(); };
  }
  on("net-fit", "onclick", () => cy.fit(undefined, 30));
  on("net-reset", "onclick", () => { location.href = "/network"; });
  on("net-find", "onchange", () => {
    const wanted = $("net-find").value.trim().toLowerCase();
    const node = cy.nodes().filter((n) => n.data("label").toLowerCase() === wanted).first();
    if (node.nonempty()) { cy.nodes().unselect(); node.select(); card(node); cy.animate({center: {eles: node}, zoom: 1.5}, {duration: 300}); }
  });

  // ---------------------------------------------------------------- exports

  function download(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  $("net-png").onclick = () => download(cy.png({output: "blob", full: true, scale: 2, bg: "#ffffff"}), "сеть-партнёров.png");

  function svg() {
    // the view as drawn: positions, sizes, colours; labels of the most active nodes, every name as a <title>
    const box = cy.elements().boundingBox(), pad = 20;
    const NS = "http://www.w3.org/2000/svg";
    const doc = document.implementation.createDocument(NS, "svg", null);
    const root = doc.documentElement;
    root.setAttribute("viewBox", `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`);
    root.setAttribute("width", String(Math.round(box.w + 2 * pad)));
    root.setAttribute("height", String(Math.round(box.h + 2 * pad)));
    root.setAttribute("font-family", "sans-serif");
    const make = (name, attributes, parent) => {
      const element = doc.createElementNS(NS, name);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
      (parent || root).append(element);
      return element;
    };
    make("rect", {x: box.x1 - pad, y: box.y1 - pad, width: box.w + 2 * pad, height: box.h + 2 * pad, fill: "#ffffff"});
    const edges = make("g", {stroke: "#8c99a6", "stroke-opacity": 0.45});
    cy.edges().forEach((e) => {
      const a = e.source().position(), b = e.target().position();
      make("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": e.numericStyle("width")}, edges);
    });
    cy.nodes().forEach((n) => {
      const p = n.position(), r = n.data("size") / 2, d = n.data();
      let shape;
      if (d.smolensk) shape = make("polygon", {points: `${p.x},${p.y - r} ${p.x + r},${p.y} ${p.x},${p.y + r} ${p.x - r},${p.y}`});
      else if (d.shape === "round-rectangle") shape = make("rect", {x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r, rx: r / 4});
      else if (d.shape === "triangle") shape = make("polygon", {points: `${p.x},${p.y - r} ${p.x + r},${p.y + r} ${p.x - r},${p.y + r}`});
      else shape = make("circle", {cx: p.x, cy: p.y, r: r});
      shape.setAttribute("fill", d.fill);
      shape.setAttribute("stroke", d.smolensk ? "#000000" : "#555555");
      make("title", {}, shape).textContent = d.label;
      if (d.font >= 14) {
        const text = make("text", {x: p.x, y: p.y + r + d.font, "font-size": d.font, "text-anchor": "middle", fill: "#1d2733"});
        text.textContent = d.label;
      }
    });
    return new XMLSerializer().serializeToString(doc);
  }
  $("net-svg").onclick = () => download(new Blob([svg()], {type: "image/svg+xml"}), "сеть-партнёров.svg");
  window.tiesNetworkSvg = svg;

  reload(true);
})();
