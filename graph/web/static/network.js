// Filters and time window of the partner map: redraws by hiding nodes and edges outside them.
(function () {
  "use strict";
  const all = nodes.get(), allEdges = edges.get();
  const byId = new Map(all.map((n) => [n.id, n]));
  const $ = (id) => document.getElementById(id);
  const to = $("ties-to");
  to.selectedIndex = to.options.length - 1;
  const names = $("ties-names");
  for (const n of all) { const o = document.createElement("option"); o.value = n.label; names.appendChild(o); }

  function visible(n) {
    const type = $("ties-type").value, country = $("ties-country").value, sphere = $("ties-sphere").value;
    const from = $("ties-from").value, until = $("ties-to").value;
    if (type && n.type !== type && !n.smolensk) return false;
    if (country && n.country !== country && !n.smolensk) return false;
    if (sphere && !(n.spheres || []).includes(sphere)) return false;
    return (n.periods || []).some((p) => p >= from && p <= until);
  }

  function redraw() {
    const shown = new Set(all.filter(visible).map((n) => n.id));
    nodes.update(all.map((n) => ({id: n.id, hidden: !shown.has(n.id)})));
    const from = $("ties-from").value, until = $("ties-to").value;
    edges.update(allEdges.map((e) => ({id: e.id, hidden: !(shown.has(e.from) && shown.has(e.to) &&
      (e.periods || []).some((p) => p >= from && p <= until))})));
    $("ties-count").textContent = "показано: " + shown.size;
    document.body.dataset.visibleNodes = String(shown.size);
  }

  for (const id of ["ties-type", "ties-country", "ties-sphere", "ties-from", "ties-to"]) {
    $(id).addEventListener("change", redraw);
  }
  $("ties-search").addEventListener("change", () => {
    const hit = all.find((n) => n.label === $("ties-search").value);
    if (hit) { network.selectNodes([hit.id]); network.focus(hit.id, {scale: 1.4, animation: true}); }
  });
  network.once("stabilizationIterationsDone", () => network.setOptions({physics: false}));
  redraw();
  document.body.dataset.ready = "1";
})();
