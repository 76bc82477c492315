// The query page: library picker with parameters, an editor (CodeMirror when the set-up installed it,
// else the plain text box), results as a table of labelled links or a bar chart. No external resources.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const prefixes = JSON.parse($("prefix-data").textContent);
  let library = [], lastData = null, view = "table";
  let editor = null;
  // the library query last bound, while the editor holds its text: the page's address names it and its
  // parameters (/query?name=…&p.…=…), which reopens it chosen in the list with its fields filled
  let bound = null;

  const getText = () => (editor ? editor.getValue() : $("query").value);
  const setText = (text) => (editor ? editor.setValue(text) : ($("query").value = text));

  function setStatus(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "meta";
  }

  const address = () => (bound && bound.text === getText() ? "/query?" + bound.params
                                                           : "/query?query=" + encodeURIComponent(getText()));

  function updateLinks() {
    const encoded = encodeURIComponent(getText());
    $("permalink").href = address();
    $("csv").href = "/sparql?format=csv&download=1&query=" + encoded;
    $("excel").href = "/sparql?format=csv&bom=1&download=1&query=" + encoded;
    $("json").href = "/sparql?format=records&download=1&query=" + encoded;
  }

  // Only an http(s) IRI becomes a link; any other scheme (javascript:, data:, file:) stays text.
  function isWebIri(value) {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch (error) {
      return false;
    }
  }

  const NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger)$/;
  const isNumber = (term) => term && term.type === "literal" && NUMERIC.test(term.datatype || "");

  // A value as a Russian reader writes it: a report's period "2025-Q2" as «II кв. 2025» (a list of them
  // too), a date as 30.06.2025, a number with its digits grouped; an IRI by its label. The value itself
  // stays in the cell's title, in the downloads and in the query.
  const PERIODS = /^\d{4}-Q[1-4](, \d{4}-Q[1-4])*$/;  // one, or a list (repeat-partners' quarters)
  const DAY = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
  function asWritten(term, labels) {
    if (!term) return "";
    if (term.type === "uri") return labels[term.value] ? labels[term.value].label : term.value;
    if (isNumber(term)) return Number(term.value).toLocaleString("ru-RU");
    const plain = !term["xml:lang"] && (!term.datatype || /#string$/.test(term.datatype));
    if (plain && PERIODS.test(term.value)) {
      // no-break spaces: a list wraps between its quarters, not inside one
      return term.value.replace(/(\d{4})-Q([1-4])/g, (_, year, quarter) => ROMAN[quarter - 1] + "\u00a0кв.\u00a0" + year);
    }
    const day = /#date$/.test(term.datatype || "") ? DAY.exec(term.value) : null;
    return day ? day[3] + "." + day[2] + "." + day[1] : term.value;
  }

  function cell(term, labels) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri" && isWebIri(term.value)) {
      const known = labels[term.value];
      const a = document.createElement("a");
      a.textContent = asWritten(term, labels);
      a.title = term.value;
      a.href = known && known.page ? known.page : term.value;
      if (known && known.page) a.className = "entity";
      td.appendChild(a);
    } else {
      td.textContent = term.type === "uri" ? term.value : asWritten(term, labels);
      if (td.textContent !== term.value) td.title = term.value;
      if (isNumber(term)) td.className = "num";
    }
    return td;
  }

  async function labelsOf(data) {
    const iris = new Set();
    for (const binding of data.results.bindings) {
      for (const term of Object.values(binding)) if (term.type === "uri") iris.add(term.value);
    }
    if (!iris.size) return {};
    const response = await fetch("/api/labels", {method: "POST", headers: {"Content-Type": "application/json"},
                                                 body: JSON.stringify([...iris].slice(0, 500))});
    return response.ok ? response.json() : {};
  }

  function showTable(data, labels) {
    const head = $("results").tHead, body = $("results").tBodies[0];
    head.replaceChildren(); body.replaceChildren();
    const tr = document.createElement("tr");
    if ("boolean" in data) {
      const th = document.createElement("th"); th.textContent = "ответ"; tr.appendChild(th); head.appendChild(tr);
      const row = document.createElement("tr");
      row.appendChild(cell({type: "literal", value: data.boolean ? "да" : "нет"}, {}));
      body.appendChild(row);
      return;
    }
    const vars = data.head.vars;
    for (const v of vars) { const th = document.createElement("th"); th.textContent = v; tr.appendChild(th); }
    head.appendChild(tr);
    for (const binding of data.results.bindings) {
      const row = document.createElement("tr");
      for (const v of vars) row.appendChild(cell(binding[v], labels));
      body.appendChild(row);
    }
  }

  // A bar chart where the columns fit: the first numeric column as the bar's length, its name the other
  // columns' values, as many of them (in order) as it takes to tell the bars apart: activity's rows are
  // named by quarter, sphere and type, not by a quarter repeated bar after bar. A column that only
  // repeats what the name says already (an entity's IRI beside its label) is left out.
  function showChart(data, labels) {
    const figure = $("chart");
    figure.replaceChildren();
    figure.classList.remove("wide", "compound");
    if ("boolean" in data) return false;
    const rows = data.results.bindings, vars = data.head.vars;
    const valueVar = vars.find((v) => rows.length && rows.every((b) => !b[v] || isNumber(b[v])) && rows.some((b) => b[v]));
    if (!valueVar) return false;
    const shown = rows.slice(0, 50);
    const names = shown.map(() => []);
    const nameVars = [];
    const apart = () => new Set(names.map((parts) => parts.join("\u0000"))).size === shown.length;
    for (const v of vars) {
      if (nameVars.length && apart()) break;
      if (v === valueVar) continue;
      const values = shown.map((b) => asWritten(b[v], labels));
      if (values.every((value, i) => value === "" || names[i].includes(value))) continue;
      nameVars.push(v);
      values.forEach((value, i) => { if (value !== "") names[i].push(value); });
    }
    if (!nameVars.length) return false;
    figure.classList.toggle("compound", nameVars.length > 1);  // a wider column for names of several parts
    const top = Math.max(...shown.map((b) => Number(b[valueVar] ? b[valueVar].value : 0)), 1);
    const caption = document.createElement("figcaption");
    caption.textContent = valueVar + " по " + nameVars.join(", ") + (rows.length > shown.length ? " (первые 50)" : "");
    figure.appendChild(caption);
    shown.forEach((binding, i) => {
      const value = Number(binding[valueVar] ? binding[valueVar].value : 0);
      const bar = document.createElement("div"); bar.className = "bar";
      const name = document.createElement("span"); name.className = "label";
      name.textContent = names[i].join(" · ");
      name.title = name.textContent;
      const fill = document.createElement("span"); fill.className = "fill"; fill.style.width = (100 * value / top) + "%";
      const number = document.createElement("span"); number.className = "value"; number.textContent = value.toLocaleString("ru-RU");
      bar.append(name, fill, number);
      figure.appendChild(bar);
    });
    return true;
  }

  const DATE = /#(date|dateTime)$/;
  const ROMAN = ["I", "II", "III", "IV"];

  // A timeline where a column holds dates: rows per quarter, in order, gaps shown as empty quarters.
  function showTimeline(data) {
    const figure = $("chart");
    figure.replaceChildren();
    figure.classList.remove("wide", "compound");
    if ("boolean" in data) return false;
    const rows = data.results.bindings, vars = data.head.vars;
    const dateVar = vars.find((v) => rows.some((b) => b[v] && DATE.test(b[v].datatype || "")));
    if (!dateVar) return false;
    const counts = new Map();
    for (const binding of rows) {
      const term = binding[dateVar];
      if (!term || !DATE.test(term.datatype || "")) continue;
      const [year, month] = term.value.split("-").map(Number);
      const key = year * 4 + Math.floor((month - 1) / 3);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const keys = [...counts.keys()].sort((a, b) => a - b);
    const top = Math.max(...counts.values());
    const caption = document.createElement("figcaption");
    caption.textContent = "Строк по кварталам (" + dateVar + ")";
    figure.appendChild(caption);
    for (let key = keys[0]; key <= keys[keys.length - 1]; key++) {
      const value = counts.get(key) || 0;
      const bar = document.createElement("div"); bar.className = "bar";
      const name = document.createElement("span"); name.className = "label";
      name.textContent = ROMAN[key % 4] + " кв. " + Math.floor(key / 4);
      const fill = document.createElement("span"); fill.className = "fill"; fill.style.width = (100 * value / top) + "%";
      const number = document.createElement("span"); number.className = "value"; number.textContent = String(value);
      bar.append(name, fill, number);
      figure.appendChild(bar);
    }
    return true;
  }

  // A graph where two columns hold IRIs (WDQS's ?item ?linkedItem): nodes placed by a short force
  // layout, drawn in SVG; a click on a node opens its page.
  function showGraph(data, labels) {
    const figure = $("chart");
    figure.replaceChildren();
    if ("boolean" in data) return false;
    const rows = data.results.bindings, vars = data.head.vars;
    const iriVars = vars.filter((v) => rows.length && rows.every((b) => !b[v] || b[v].type === "uri") && rows.some((b) => b[v]));
    if (iriVars.length < 2) return false;
    const [from, to] = vars.includes("item") && vars.includes("linkedItem") ? ["item", "linkedItem"] : iriVars;
    const nodes = new Map(), edges = [];
    let seed = 42;  // a seeded start, so that the same results are drawn the same way every time
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const node = (term) => {
      if (!nodes.has(term.value)) nodes.set(term.value, {id: term.value, x: random() * 600, y: random() * 400, dx: 0, dy: 0});
      return nodes.get(term.value);
    };
    for (const binding of rows.slice(0, 500)) {
      if (binding[from] && binding[to]) edges.push([node(binding[from]), node(binding[to])]);
    }
    const all = [...nodes.values()];
    if (all.length > 300) return false;
    // repulsion between near nodes, attraction along edges, a pull to the middle that keeps the
    // unconnected pieces together
    for (let step = 0; step < 300; step++) {
      for (const a of all) { a.dx = (300 - a.x) * 0.01; a.dy = (200 - a.y) * 0.01; }
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
        const a = all[i], b = all[j], dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 25);
        if (d2 > 40000) continue;
        const f = 80 / d2; a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
      for (const [a, b] of edges) {
        const dx = b.x - a.x, dy = b.y - a.y; a.dx += dx * 0.02; a.dy += dy * 0.02; b.dx -= dx * 0.02; b.dy -= dy * 0.02;
      }
      for (const a of all) { a.x += Math.max(-10, Math.min(10, a.dx)); a.y += Math.max(-10, Math.min(10, a.dy)); }
    }
    const xs = all.map((n) => n.x), ys = all.map((n) => n.y);
    const minX = Math.min(...xs) - 60, minY = Math.min(...ys) - 20, width = Math.max(...xs) - minX + 60, height = Math.max(...ys) - minY + 20;
    const svgNS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("viewBox", minX + " " + minY + " " + width + " " + height);
    svg.setAttribute("class", "graph");
    for (const [a, b] of edges) {
      const line = document.createElementNS(svgNS, "line");
      line.setAttribute("x1", a.x); line.setAttribute("y1", a.y); line.setAttribute("x2", b.x); line.setAttribute("y2", b.y);
      svg.appendChild(line);
    }
    for (const n of all) {
      const known = labels[n.id];
      const group = document.createElementNS(svgNS, "a");
      if (known && known.page) group.setAttribute("href", known.page);
      const circle = document.createElementNS(svgNS, "circle");
      circle.setAttribute("cx", n.x); circle.setAttribute("cy", n.y); circle.setAttribute("r", 5);
      const text = document.createElementNS(svgNS, "text");
      text.setAttribute("x", n.x + 7); text.setAttribute("y", n.y + 4);
      text.textContent = known ? known.label : n.id.replace(/^.*[/#]/, "");
      const title = document.createElementNS(svgNS, "title"); title.textContent = n.id;
      group.append(circle, text, title);
      svg.appendChild(group);
    }
    const caption = document.createElement("figcaption");
    caption.textContent = "Граф: " + from + " → " + to + " (" + all.length + " узлов, " + edges.length + " связей)";
    figure.append(caption, svg);
    figure.classList.remove("compound");
    figure.classList.add("wide");
    return true;
  }

  const VIEWS = {chart: [showChart, "диаграмма: нужны столбец названий и числовой столбец"],
                 timeline: [showTimeline, "хронология: нужен столбец с датами"],
                 graph: [showGraph, "граф: нужны два столбца с IRI (как ?item ?linkedItem), не больше 300 узлов"]};

  async function show() {
    if (!lastData) return;
    const labels = lastData.labels;
    const drawn = view in VIEWS && VIEWS[view][0](lastData.data, labels);
    $("chart").hidden = !drawn;
    $("results").hidden = Boolean(drawn);
    if (!drawn) showTable(lastData.data, labels);
    if (view in VIEWS && !drawn) setStatus(VIEWS[view][1], false);
  }

  async function runQuery() {
    const text = getText();
    updateLinks();
    history.replaceState(null, "", address());
    setStatus("выполняется…");
    try {
      const started = performance.now();
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        body: text,
      });
      if (!response.ok) { setStatus(await response.text(), true); return; }
      const type = response.headers.get("Content-Type") || "";
      if (!type.includes("json")) { setStatus("результат CONSTRUCT: скачайте его по ссылкам выше", false); return; }
      const data = await response.json();
      lastData = {data, labels: "boolean" in data ? {} : await labelsOf(data)};
      await show();
      const count = "boolean" in data ? 1 : data.results.bindings.length;
      setStatus(("boolean" in data ? "ответ получен" : count.toLocaleString("ru-RU") + " " + rowsWord(count)) +
                " за " + Math.round(performance.now() - started) + " мс");
    } catch (error) {
      setStatus(String(error), true);
    }
  }

  const rowsWord = (n) => window.plural(n, "строка", "строки", "строк");

  const TYPE_LABELS = {iri: "IRI или org/…", literal: "текст", integer: "целое число", date: "дата",
                       country: "код или название государства", period: "квартал, 2025-Q2"};

  // `given`: the page's address, whose p.<name> values fill the fields (else each parameter's default)
  function showParams(query, given) {
    const form = $("params");
    form.replaceChildren();
    $("question").textContent = query ? query.question : "";
    if (!query) return;
    for (const p of query.params) {
      const label = document.createElement("label");
      label.textContent = p.name + " (" + (TYPE_LABELS[p.type] || p.type) + ")";
      const input = document.createElement("input");
      input.name = p.name; input.id = "param-" + p.name;
      input.value = (given && given.get("p." + p.name)) ?? p.default ?? "";
      if (p.type === "integer") input.type = "number";
      if (p.type === "date") input.type = "date";
      label.appendChild(input);
      form.appendChild(label);
    }
  }

  // the chosen library query with its fields, bound by the server (which refuses an unknown query or
  // parameter, or a value of the wrong kind, in words) and run; `params`: those of the page's address instead
  async function useLibraryQuery(params) {
    if (!params) {
      if (!$("library").value) return;
      params = new URLSearchParams({name: $("library").value});
      for (const input of $("params").querySelectorAll("input")) params.set("p." + input.name, input.value);
    }
    const response = await fetch("/api/bind?" + params.toString());
    if (!response.ok) { setStatus(await response.text(), true); return; }
    const text = await response.text();
    bound = {text, params: params.toString()};
    setText(text);
    await runQuery();
  }

  function prefixHint(cm) {
    const cursor = cm.getCursor(), line = cm.getLine(cursor.line);
    let start = cursor.ch;
    while (start > 0 && /[\w-]/.test(line.charAt(start - 1))) start--;
    const word = line.slice(start, cursor.ch);
    const list = Object.keys(prefixes).filter((p) => p.startsWith(word)).map((p) => p + ":");
    return {list, from: CodeMirror.Pos(cursor.line, start), to: CodeMirror.Pos(cursor.line, cursor.ch)};
  }

  async function init() {
    if (window.CodeMirror) {
      editor = CodeMirror.fromTextArea($("query"), {
        mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, viewportMargin: Infinity,
        extraKeys: {"Ctrl-Enter": runQuery, "Cmd-Enter": runQuery, "Ctrl-Space": (cm) => cm.showHint({hint: prefixHint})},
      });
      editor.on("change", updateLinks);
      editor.on("inputRead", (cm, change) => {
        if (/^[a-z]$/.test(change.text[0]) && cm.getTokenAt(cm.getCursor()).type === null) {
          cm.showHint({hint: prefixHint, completeSingle: false});
        }
      });
    } else {
      $("query").addEventListener("keydown", (event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); runQuery(); }
      });
      $("query").addEventListener("input", updateLinks);
    }
    library = await (await fetch("/api/queries")).json();
    for (const q of library) {
      const option = document.createElement("option");
      option.value = q.name; option.textContent = q.title;
      $("library").appendChild(option);
    }
    $("library").addEventListener("change", () => showParams(library.find((q) => q.name === $("library").value)));
    $("use").addEventListener("click", () => useLibraryQuery());
    $("run").addEventListener("click", runQuery);
    for (const button of document.querySelectorAll("button.view")) {
      button.addEventListener("click", () => {
        view = button.dataset.view;
        for (const other of document.querySelectorAll("button.view")) other.classList.toggle("here", other === button);
        show();
      });
    }
    const given = new URLSearchParams(location.search);
    if (given.get("name")) {  // a library query by its name, as the entity page links to it and the permalink keeps it
      const query = library.find((q) => q.name === given.get("name"));
      if (query) { $("library").value = query.name; showParams(query, given); }
      await useLibraryQuery(new URLSearchParams([...given].filter(([key]) => key === "name" || key.startsWith("p."))));
    } else if (given.get("query")) { setText(given.get("query")); await runQuery(); }
    updateLinks();
  }

  init();
})();
