// Browser notifications (Notification API) while a StatusBoard tab is open, for this browser's pinned services
// (js/pins.js) and its "tell me when it's back" watches. The server sends what changed (BrowserEvent); this module
// decides what concerns this browser, so nothing about pins or watches ever leaves it.
const pinsKey = "statusboard.pins";
const enabledKey = "statusboard.notify";
const watchesKey = "statusboard.watches";
let listener = null;

function permission() {
    return "Notification" in window ? Notification.permission : "unsupported";
}

function read(key, fallback) {
    try {
        return JSON.parse(localStorage.getItem(key) || "null") ?? fallback;
    } catch {
        return fallback;
    }
}

function watches() {
    const ids = read(watchesKey, []);
    return Array.isArray(ids) ? ids.filter(id => typeof id === "string") : [];
}

function saveWatches(ids) {
    localStorage.setItem(watchesKey, JSON.stringify(ids));
}

export function state() {
    return { permission: permission(), enabled: localStorage.getItem(enabledKey) === "on", watches: watches() };
}

// Tells the page whether this browser wants events at all, so an uninterested tab is sent nothing.
function changed() {
    const s = state();
    listener?.invokeMethodAsync("OnInterestChanged", s.permission === "granted" && (s.enabled || s.watches.length > 0));
    return s;
}

export function start(dotnet) {
    listener = dotnet;
    return changed();
}

export function stop() {
    listener = null;
}

async function ask() {
    if (permission() === "default") {
        await Notification.requestPermission();
    }
    return permission();
}

export async function enable() {
    if (await ask() === "granted") {
        localStorage.setItem(enabledKey, "on");
    }
    return changed();
}

export function disable() {
    localStorage.removeItem(enabledKey);
    return changed();
}

export async function watch(id) {
    if (await ask() === "granted" && !watches().includes(id)) {
        saveWatches([...watches(), id]);
    }
    return changed();
}

export function unwatch(id) {
    saveWatches(watches().filter(w => w !== id));
    return changed();
}

export function isWatched(id) {
    return watches().includes(id);
}

function show(title, body, tag) {
    // The tag makes two open tabs show one notification for the same event instead of two.
    new Notification(title, tag ? { body, tag } : { body });
}

// Several events at once become one notification, as a route groups them into one message.
function showGrouped(events, many) {
    if (events.length === 1) {
        show(events[0].title, events[0].body ?? "", events[0].tag);
    } else if (events.length > 1) {
        show(many(events.length), events.map(e => e.title).join("\n"));
    }
}

export function deliver(changes) {
    if (permission() !== "granted") {
        return;
    }
    const watched = watches();
    const back = changes.filter(c => c.operational && watched.includes(c.id));
    if (back.length > 0) {
        // One notification, then the watch ends by itself.
        saveWatches(watched.filter(id => !back.some(c => c.id === id)));
        showGrouped(back.map(c => ({ title: `${c.name} is operational again`, body: "You asked to be told when it is back.", tag: `statusboard-back-${c.id}` })),
            n => `${n} services are operational again`);
        changed();
    }
    if (localStorage.getItem(enabledKey) !== "on") {
        return;
    }
    const pins = new Set(read(pinsKey, []));
    const events = changes.filter(c => pins.has(c.id) && !back.includes(c));
    showGrouped(events.map(c => ({ title: c.text, body: c.detail, tag: `statusboard-${c.id}-${c.text}-${c.detail ?? ""}` })),
        n => `${n} pinned services changed`);
}
