// Light view: keeps the static board current from /api/status/stream (EventSource reconnects by itself).
// Upstream text only ever goes through textContent, never innerHTML.
(() => {
  const glyph = { operational: "✓", degraded: "▲", partial_outage: "◆", major_outage: "✖", maintenance: "⚙", unknown: "?" };
  const label = { operational: "Operational", degraded: "Degraded", partial_outage: "Partial outage",
    major_outage: "Major outage", maintenance: "Maintenance", unknown: "Unknown" };
  const rank = { major_outage: 0, partial_outage: 1, degraded: 2, maintenance: 3, unknown: 4, operational: 5 };
  const grid = document.getElementById("light-grid");
  const count = document.getElementById("light-count");

  function tile(s) {
    const el = document.createElement("article");
    el.className = "light-tile level-" + s.status;
    el.dataset.id = s.id;
    for (const [cls, text] of [["light-name", s.name], ["light-level", glyph[s.status] + " " + label[s.status]], ["light-category", s.category]]) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      el.appendChild(span);
    }
    return el;
  }

  function render(snapshot) {
    const services = snapshot.services.slice().sort((a, b) =>
      (rank[a.status] - rank[b.status]) || a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
    grid.replaceChildren(...services.map(tile));
    grid.dataset.version = snapshot.version;
    const problems = services.filter(s => s.status !== "operational").length;
    count.textContent = `${problems} of ${services.length} services with problems`;
    document.title = problems > 0 ? `(${problems}) StatusBoard` : "StatusBoard";
  }

  const source = new EventSource("/api/status/stream");
  source.addEventListener("snapshot", e => render(JSON.parse(e.data)));
})();
