// The query page: library picker with parameters, an editor (CodeMirror when the set-up installed it,
// else the plain text box), results as a table of labelled links or a bar chart. No external resources.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const prefixes = JSON.parse($("prefix-data").textContent);
  let library = [], lastData = null, view = "table";
  let editor = null;

  const getText = () => (editor ? editor.getValue() : $("query").value);
  const setText = (text) => (editor ? editor.setValue(text) : ($("query").value = text));

  function setStatus(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "meta";
  }

  function updateLinks() {
    const encoded = encodeURIComponent(getText());
    $("permalink").href = "/query?query=" + encoded;
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

  function cell(term, labels) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri" && isWebIri(term.value)) {
      const known = labels[term.value];
      const a = document.createElement("a");
      a.textContent = known ? known.label : term.value;
      a.title = term.value;
      a.href = known && known.page ? known.page : term.value;
      if (known && known.page) a.className = "entity";
      td.appendChild(a);
    } else {
      td.textContent = isNumber(term) ? Number(term.value).toLocaleString("ru-RU") : term.value;
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

  // A bar chart where the columns fit: the first column that is not a number as the bar's name, the
  // first numeric one as its length.
  function showChart(data, labels) {
    const figure = $("chart");
    figure.replaceChildren();
    if ("boolean" in data) return false;
    const rows = data.results.bindings, vars = data.head.vars;
    const valueVar = vars.find((v) => rows.length && rows.every((b) => !b[v] || isNumber(b[v])) && rows.some((b) => b[v]));
    const nameVar = vars.find((v) => v !== valueVar);
    if (!valueVar || !nameVar) return false;
    const shown = rows.slice(0, 50);
    const top = Math.max(...shown.map((b) => Number(b[valueVar] ? b[valueVar].value : 0)), 1);
    const caption = document.createElement("figcaption");
    caption.textContent = valueVar + " по " + nameVar + (rows.length > shown.length ? " (первые 50)" : "");
    figure.appendChild(caption);
    for (const binding of shown) {
      const value = Number(binding[valueVar] ? binding[valueVar].value : 0);
      const bar = document.createElement("div"); bar.className = "bar";
      const name = document.createElement("span"); name.className = "label";
      const term = binding[nameVar];
      name.textContent = term ? (labels[term.value] ? labels[term.value].label : term.value) : "";
      const fill = document.createElement("span"); fill.className = "fill"; fill.style.width = (100 * value / top) + "%";
      const number = document.createElement("span"); number.className = "value"; number.textContent = value.toLocaleString("ru-RU");
      bar.append(name, fill, number);
      figure.appendChild(bar);
    }
    return true;
  }

  async function show() {
    if (!lastData) return;
    const labels = lastData.labels;
    const chart = view === "chart" && showChart(lastData.data, labels);
    $("chart").hidden = !chart;
    $("results").hidden = Boolean(chart);
    if (!chart) showTable(lastData.data, labels);
    if (view === "chart" && !chart) setStatus("диаграмма: нужны столбец названий и числовой столбец", false);
  }

  async function runQuery() {
    const text = getText();
    updateLinks();
    history.replaceState(null, "", "/query?query=" + encodeURIComponent(text));
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

  function rowsWord(n) {
    const tens = n % 100, units = n % 10;
    if (tens >= 11 && tens <= 14) return "строк";
    if (units === 1) return "строка";
    if (units >= 2 && units <= 4) return "строки";
    return "строк";
  }

  const TYPE_LABELS = {iri: "IRI", literal: "текст", integer: "целое число", date: "дата"};

  function showParams(query) {
    const form = $("params");
    form.replaceChildren();
    $("question").textContent = query ? query.question : "";
    if (!query) return;
    for (const p of query.params) {
      const label = document.createElement("label");
      label.textContent = p.name + " (" + (TYPE_LABELS[p.type] || p.type) + ")";
      const input = document.createElement("input");
      input.name = p.name; input.value = p.default || ""; input.id = "param-" + p.name;
      if (p.type === "integer") input.type = "number";
      if (p.type === "date") input.type = "date";
      label.appendChild(input);
      form.appendChild(label);
    }
  }

  async function useLibraryQuery() {
    const name = $("library").value;
    if (!name) return;
    const params = new URLSearchParams({name});
    for (const input of $("params").querySelectorAll("input")) params.set("p." + input.name, input.value);
    const response = await fetch("/api/bind?" + params.toString());
    if (!response.ok) { setStatus(await response.text(), true); return; }
    setText(await response.text());
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
    $("use").addEventListener("click", useLibraryQuery);
    $("run").addEventListener("click", runQuery);
    for (const button of document.querySelectorAll("button.view")) {
      button.addEventListener("click", () => {
        view = button.dataset.view;
        for (const other of document.querySelectorAll("button.view")) other.classList.toggle("here", other === button);
        show();
      });
    }
    const given = new URLSearchParams(location.search);
    if (given.get("query")) { setText(given.get("query")); await runQuery(); }
    updateLinks();
  }

  init();
})();
