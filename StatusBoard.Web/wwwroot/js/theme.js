// The theme choice ("dark" / "light") is remembered in localStorage; no entry means "follow the system".
const key = "statusboard.theme";

export function load() {
    const value = localStorage.getItem(key);
    return value === "dark" || value === "light" ? value : null;
}

export function save(value) {
    if (value === "dark" || value === "light") localStorage.setItem(key, value);
    else localStorage.removeItem(key);
}

export function systemPrefersDark() {
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
}
