// Pinned services live in this browser only (localStorage), as a JSON array of service ids.
const key = "statusboard.pins";

export function load() {
    try {
        const ids = JSON.parse(localStorage.getItem(key) || "[]");
        return Array.isArray(ids) ? ids.filter(id => typeof id === "string") : [];
    } catch {
        return [];
    }
}

export function save(ids) {
    localStorage.setItem(key, JSON.stringify(ids));
}
