// One timer per page keeps every <time data-relative> label current ("12 s ago") and every [data-clock]
// showing the time of day, without a server round trip and without a timer per tile.
// The viewer's IANA time zone, so the details can show the viewer's calendar days.
window.statusBoard = Object.assign(window.statusBoard || {}, {
    timeZone: function () { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; },
});
(function () {
    function format(seconds) {
        if (seconds < 0) seconds = 0;
        if (seconds < 60) return Math.floor(seconds) + " s ago";
        if (seconds < 3600) return Math.floor(seconds / 60) + " min ago";
        if (seconds < 86400) return Math.floor(seconds / 3600) + " h ago";
        return Math.floor(seconds / 86400) + " d ago";
    }
    function pad(n) { return n < 10 ? "0" + n : "" + n; }
    function tick() {
        var now = Date.now();
        var labels = document.querySelectorAll("time[data-relative]");
        for (var i = 0; i < labels.length; i++) {
            var at = Date.parse(labels[i].getAttribute("datetime"));
            if (!isNaN(at)) {
                var text = format((now - at) / 1000);
                if (labels[i].textContent !== text) labels[i].textContent = text;
            }
        }
        var clocks = document.querySelectorAll("[data-clock]");
        if (clocks.length > 0) {
            var d = new Date(now);
            var time = pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
            for (var j = 0; j < clocks.length; j++) {
                if (clocks[j].textContent !== time) clocks[j].textContent = time;
            }
        }
    }
    setInterval(tick, 1000);
    document.addEventListener("DOMContentLoaded", function () {
        tick();
        // Labels the live dashboard patches in carry an absolute time (so a tile's markup does not change as time
        // passes); make them relative in the same frame, not up to a second later.
        var pending = false;
        new MutationObserver(function () {
            if (!pending) {
                pending = true;
                requestAnimationFrame(function () { pending = false; tick(); });
            }
        }).observe(document.body, { childList: true, subtree: true });
    });
})();
