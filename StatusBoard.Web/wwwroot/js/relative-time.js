// One timer per page keeps every <time data-relative> label current ("12 s ago") without a server round trip.
(function () {
    function format(seconds) {
        if (seconds < 0) seconds = 0;
        if (seconds < 60) return Math.floor(seconds) + " s ago";
        if (seconds < 3600) return Math.floor(seconds / 60) + " min ago";
        if (seconds < 86400) return Math.floor(seconds / 3600) + " h ago";
        return Math.floor(seconds / 86400) + " d ago";
    }
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
    }
    setInterval(tick, 1000);
})();
