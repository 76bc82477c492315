// The query page: library picker, editor, results table with entity links. No external resources.
"use strict";
const ENTITY_BASE = "https://w3id.org/smolensk-ties/";
const $ = (id) => document.getElementById(id);
let library = [];

function setStatus(text, isError) {
  $("status").textContent = text;
  $("status").className = isError ? "error" : "meta";
}

function updateLinks() {
  const text = $("query").value;
  const encoded = encodeURIComponent(text);
  $("permalink").href = "/?query=" + encoded;
  $("csv").href = "/sparql?format=csv&download=1&query=" + encoded;
  $("json").href = "/sparql?format=json&download=1&query=" + encoded;
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

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri" && isWebIri(term.value)) {
    const a = document.createElement("a");
    a.textContent = term.value;
    a.href = term.value.startsWith(ENTITY_BASE) ? "/entity?iri=" + encodeURIComponent(term.value) : term.value;
    if (term.value.startsWith(ENTITY_BASE)) a.className = "entity";
    td.appendChild(a);
  } else {
    td.textContent = term.value;
  }
  return td;
}

function showResults(data) {
  const head = $("results").tHead, body = $("results").tBodies[0];
  head.replaceChildren(); body.replaceChildren();
  const tr = document.createElement("tr");
  if ("boolean" in data) {
    const th = document.createElement("th"); th.textContent = "result"; tr.appendChild(th); head.appendChild(tr);
    const row = document.createElement("tr"); row.appendChild(cell({type: "literal", value: String(data.boolean)}));
    body.appendChild(row);
    setStatus("ASK: " + data.boolean);
    return;
  }
  const vars = data.head.vars;
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; tr.appendChild(th); }
  head.appendChild(tr);
  for (const binding of data.results.bindings) {
    const row = document.createElement("tr");
    for (const v of vars) row.appendChild(cell(binding[v]));
    body.appendChild(row);
  }
  setStatus(data.results.bindings.length + " rows");
}

async function runQuery() {
  const text = $("query").value;
  updateLinks();
  history.replaceState(null, "", "/?query=" + encodeURIComponent(text));
  setStatus("running…");
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
      body: text,
    });
    if (!response.ok) { setStatus(response.status + ": " + (await response.text()), true); return; }
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("json")) { setStatus("CONSTRUCT result: use the download links", false); return; }
    showResults(await response.json());
  } catch (error) {
    setStatus(String(error), true);
  }
}

function showParams(query) {
  const form = $("params");
  form.replaceChildren();
  $("question").textContent = query ? query.question : "";
  if (!query) return;
  for (const p of query.params) {
    const label = document.createElement("label");
    label.textContent = p.name + " (" + p.type + ")";
    const input = document.createElement("input");
    input.name = p.name; input.value = p.default || ""; input.id = "param-" + p.name;
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
  $("query").value = await response.text();
  await runQuery();
}

async function init() {
  library = await (await fetch("/api/queries")).json();
  for (const q of library) {
    const option = document.createElement("option");
    option.value = q.name; option.textContent = q.name + " — " + q.title;
    $("library").appendChild(option);
  }
  $("library").addEventListener("change", () => showParams(library.find((q) => q.name === $("library").value)));
  $("use").addEventListener("click", useLibraryQuery);
  $("run").addEventListener("click", runQuery);
  $("query").addEventListener("input", updateLinks);
  const given = new URLSearchParams(location.search);
  if (given.get("query")) { $("query").value = given.get("query"); await runQuery(); }
  updateLinks();
}

init();
