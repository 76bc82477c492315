// Every data table of a page: sorted by a click on its heading, paged when long, exported as CSV
// (optionally with a BOM for Excel) or JSON with what it holds, every row, not only the page shown.
"use strict";
(function () {
  const PAGE = 25;

  const text = (cell) => cell.textContent.replace(/\s+/g, " ").trim();
  const sortKey = (cell) => (cell.dataset.sort !== undefined ? cell.dataset.sort : text(cell));
  const numeric = (value) => value !== "" && !isNaN(Number(value.replace(/\s/g, "").replace(",", ".")));
  const asNumber = (value) => Number(value.replace(/\s/g, "").replace(",", "."));

  function download(name, type, content) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([content], {type}));
    a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  function csvField(value) { return /[";\n,]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value; }

  function setUp(table, index) {
    const body = table.tBodies[0];
    if (!body) return;
    const heads = [...table.tHead.rows[0].cells];
    const rows = () => [...body.rows];
    let page = 0, order = null;
    const name = (table.dataset.name || "таблица-" + (index + 1)).replace(/[\\/:*?"<>|]+/g, "-");

    const bar = document.createElement("div"); bar.className = "table-tools";
    const pager = document.createElement("span"); pager.className = "pager";
    const prev = document.createElement("button"); prev.type = "button"; prev.textContent = "←";
    const next = document.createElement("button"); next.type = "button"; next.textContent = "→";
    const where = document.createElement("span"); where.className = "meta";
    pager.append(prev, where, next);
    const csv = document.createElement("button"); csv.type = "button"; csv.textContent = "CSV"; csv.className = "export-csv";
    const excel = document.createElement("button"); excel.type = "button"; excel.textContent = "CSV для Excel"; excel.className = "export-excel";
    const json = document.createElement("button"); json.type = "button"; json.textContent = "JSON"; json.className = "export-json";
    bar.append(pager, csv, excel, json);
    table.after(bar);

    function show() {
      const all = rows(), pages = Math.max(1, Math.ceil(all.length / PAGE));
      page = Math.min(page, pages - 1);
      all.forEach((row, i) => { row.hidden = all.length > PAGE && Math.floor(i / PAGE) !== page; });
      pager.hidden = all.length <= PAGE;
      where.textContent = " " + (page * PAGE + 1) + "–" + Math.min(all.length, (page + 1) * PAGE) + " из " + all.length + " ";
      prev.disabled = page === 0; next.disabled = page >= pages - 1;
    }
    prev.addEventListener("click", () => { page--; show(); });
    next.addEventListener("click", () => { page++; show(); });

    heads.forEach((head, column) => {
      head.classList.add("sortable"); head.tabIndex = 0; head.title = "Упорядочить";
      const sort = () => {
        const descending = order && order.column === column && !order.descending;
        order = {column, descending};
        const sorted = rows().sort((a, b) => {
          const x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
          const result = numeric(x) && numeric(y) ? asNumber(x) - asNumber(y) : x.localeCompare(y, "ru");
          return descending ? -result : result;
        });
        body.append(...sorted);
        heads.forEach((h) => h.removeAttribute("aria-sort"));
        head.setAttribute("aria-sort", descending ? "descending" : "ascending");
        page = 0; show();
      };
      head.addEventListener("click", sort);
      head.addEventListener("keydown", (event) => { if (event.key === "Enter") sort(); });
    });

    const header = () => heads.map(text);
    // a cell marked "no-report" (a quarter the graph has no report of) holds no value: empty in CSV, null in JSON
    const values = () => rows().map((row) => [...row.cells].map((cell) => (cell.classList.contains("no-report") ? null : text(cell))));
    const asCsv = (bom) => (bom ? "\ufeff" : "") + [header(), ...values()].map((r) => r.map((v) => csvField(v ?? "")).join(bom ? ";" : ",")).join("\r\n") + "\r\n";
    csv.addEventListener("click", () => download(name + ".csv", "text/csv;charset=utf-8", asCsv(false)));
    excel.addEventListener("click", () => download(name + ".csv", "text/csv;charset=utf-8", asCsv(true)));
    json.addEventListener("click", () => {
      const keys = header();
      const records = values().map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] !== null && numeric(r[i]) ? asNumber(r[i]) : r[i]])));
      download(name + ".json", "application/json", JSON.stringify(records, null, 1));
    });
    // a link to a row (/report/2025-Q2#row-5) opens the page of the table that holds it
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const at = target ? rows().indexOf(target) : -1;
    if (at >= 0) { page = Math.floor(at / PAGE); target.classList.add("target"); }
    show();
    if (at >= 0) target.scrollIntoView({block: "center"});
  }

  document.querySelectorAll("table.data").forEach(setUp);
})();
