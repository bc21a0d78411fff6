// Light view: keeps the static board current from /api/status/stream?mode=delta (EventSource reconnects by itself):
// a full snapshot on connect, then only the services that changed. When the server refuses the stream (503: too many
// streams), it polls /api/status/summary with its ETag instead, and tries the stream again now and then.
// Upstream text only ever goes through textContent, never innerHTML.
(() => {
  const glyph = { operational: "✓", degraded: "▲", partial_outage: "◆", major_outage: "✖", maintenance: "⚙", unknown: "?" };
  const label = { operational: "Operational", degraded: "Degraded", partial_outage: "Partial outage",
    major_outage: "Major outage", maintenance: "Maintenance", unknown: "Unknown" };
  const rank = { major_outage: 0, partial_outage: 1, degraded: 2, maintenance: 3, unknown: 4, operational: 5 };
  const pollMs = 15000, retryStreamMs = 300000;
  const grid = document.getElementById("light-grid");
  const count = document.getElementById("light-count");
  let services = new Map(), version = 0, source = null, poller = null, etag = null;

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

  function render() {
    const list = [...services.values()].sort((a, b) =>
      (rank[a.status] - rank[b.status]) || a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
    grid.replaceChildren(...list.map(tile));
    grid.dataset.version = version;
    const problems = list.filter(s => s.status !== "operational").length;
    count.textContent = `${problems} of ${list.length} services with problems`;
    document.title = problems > 0 ? `(${problems}) StatusBoard` : "StatusBoard";
  }

  // A whole document: the snapshot event or the summary (both have version and services).
  function replace(doc) {
    services = new Map(doc.services.map(s => [s.id, s]));
    version = doc.version;
    render();
  }

  function apply(delta) {
    if (delta.previous !== version) {
      connect(); // not the version we hold (cannot happen with one stream; a fresh one starts with a snapshot)
      return;
    }
    for (const s of delta.services) services.set(s.id, s);
    for (const id of delta.removed) services.delete(id);
    version = delta.version;
    render();
  }

  function connect() {
    if (source) source.close();
    source = new EventSource("/api/status/stream?mode=delta");
    source.addEventListener("snapshot", e => replace(JSON.parse(e.data)));
    source.addEventListener("delta", e => apply(JSON.parse(e.data)));
    source.onopen = () => {
      clearInterval(poller);
      poller = null;
      grid.dataset.mode = "stream";
    };
    // A refused stream (503) closes for good; a dropped one is CONNECTING and retried by the browser.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && !poller) {
        grid.dataset.mode = "polling";
        poll();
        poller = setInterval(poll, pollMs);
        setTimeout(connect, retryStreamMs);
      }
    };
  }

  async function poll() {
    try {
      const response = await fetch("/api/status/summary", { headers: etag ? { "If-None-Match": etag } : {} });
      if (response.status === 200) {
        etag = response.headers.get("ETag");
        replace(await response.json());
      }
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  }

  connect();
})();
