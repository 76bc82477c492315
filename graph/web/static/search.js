// The search box on every page: suggestions as one types, grouped by kind, with state and events;
// arrows and Enter choose one, Enter alone opens the full results. No external resources.
"use strict";
(function () {
  const box = document.getElementById("search-box"), list = document.getElementById("suggestions");
  if (!box || !list) return;
  let timer = null, asked = 0, active = -1;

  const links = () => [...list.querySelectorAll("a")];

  function close() { list.hidden = true; list.replaceChildren(); active = -1; box.setAttribute("aria-expanded", "false"); }

  function mark(index) {
    const all = links();
    all.forEach((a, i) => a.classList.toggle("active", i === index));
    active = index;
  }

  const eventsWord = (n) => window.plural(n, "мероприятие", "мероприятия", "мероприятий");

  async function suggest() {
    const query = box.value.trim();
    if (!query) { close(); return; }
    const mine = ++asked;
    const response = await fetch("/api/suggest?q=" + encodeURIComponent(query));
    if (!response.ok || mine !== asked) return;
    const groups = await response.json();
    list.replaceChildren();
    for (const group of groups) {
      const heading = document.createElement("div"); heading.className = "group"; heading.textContent = group.label;
      list.appendChild(heading);
      for (const hit of group.hits) {
        const a = document.createElement("a"); a.href = hit.page; a.setAttribute("role", "option");
        const name = document.createElement("span"); name.className = "name"; name.textContent = hit.label;
        const meta = document.createElement("span"); meta.className = "meta";
        const side = hit.smolensk ? "Смоленская сторона" : hit.country || (hit.interstate ? "орган нескольких государств" : "");
        meta.textContent = [side, hit.events + " " + eventsWord(hit.events),
                            hit.name !== hit.label ? "«" + hit.name + "»" : ""].filter(Boolean).join(" · ");
        a.append(name, meta);
        list.appendChild(a);
      }
    }
    const all = document.createElement("a"); all.href = "/search?q=" + encodeURIComponent(query); all.className = "all";
    all.textContent = groups.length ? "Все результаты →" : "Ничего не найдено; искать подробнее →";
    list.appendChild(all);
    list.hidden = false; active = -1; box.setAttribute("aria-expanded", "true");
  }

  box.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  box.addEventListener("keydown", (event) => {
    const all = links();
    if (event.key === "ArrowDown" && all.length) { event.preventDefault(); mark((active + 1) % all.length); }
    else if (event.key === "ArrowUp" && all.length) { event.preventDefault(); mark((active - 1 + all.length) % all.length); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); location.href = all[active].href; }
    else if (event.key === "Escape") close();
  });
  document.addEventListener("click", (event) => { if (!list.contains(event.target) && event.target !== box) close(); });
})();
