// Keeps a wall display alive for days: the circuit reconnects on its own, keeps retrying while the server is
// down (never giving up after a fixed number of tries), and reloads the page when the server no longer knows
// the circuit (e.g. after a restart), which starts a fresh one.
(function () {
    const banner = document.getElementById("components-reconnect-modal");
    let retryTimer = null;

    function show(text) {
        banner.querySelector("[data-reconnect-text]").textContent = text;
        banner.hidden = false;
        document.documentElement.classList.add("circuit-down");
    }

    function hide() {
        banner.hidden = true;
        document.documentElement.classList.remove("circuit-down");
        clearTimeout(retryTimer);
    }

    async function retry() {
        try {
            // true: reconnected; false: the server answered but does not know this circuit; throws: unreachable.
            if (await Blazor.reconnect()) {
                hide();
                return;
            }
            if (!(await Blazor.resumeCircuit())) {
                location.reload();
            }
        } catch {
            show("Connection to StatusBoard lost. Retrying… statuses on screen may be out of date.");
            retryTimer = setTimeout(retry, 5000);
        }
    }

    banner.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "show" || state === "retrying") {
            show("Connection to StatusBoard lost. Reconnecting… statuses on screen may be out of date.");
        } else if (state === "hide") {
            hide();
        } else if (state === "failed" || state === "resume-failed") {
            show("Connection to StatusBoard lost. Retrying… statuses on screen may be out of date.");
            clearTimeout(retryTimer);
            retryTimer = setTimeout(retry, 5000);
        } else if (state === "rejected") {
            location.reload();
        }
    });

    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: 60,
                retryIntervalMilliseconds: attempt => Math.min(1000 * (attempt + 1), 5000),
            },
        },
    });
})();
