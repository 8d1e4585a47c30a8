// The directory map: Leaflet on top of the server-rendered list, which stays the full content.
// Data comes from the JSON block #map-data (no inline script: the CSP forbids it).
document.addEventListener("DOMContentLoaded", () => {
  const container = document.getElementById("map");
  const source = document.getElementById("map-data");
  if (!container || !source || typeof window.L === "undefined") return;
  const data = JSON.parse(source.textContent);
  const status = document.getElementById("map-status");

  container.replaceChildren();
  container.classList.add("org-map--ready");
  const map = L.map(container, {
    // The map is not a keyboard stop of its own and markers are not either: the list below
    // holds every organisation with its link, so Tab moves straight on to it.
    keyboard: false,
    scrollWheelZoom: false,
    center: [62, 15],
    zoom: 4,
  });
  const tiles = L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 18 }).addTo(map);
  let told = false;
  tiles.on("tileerror", () => {
    if (told || !status) return;
    told = true;
    status.textContent = data.labels.tilesFailed;
  });

  // One marker per location; its popup lists every organisation there.
  const byLocation = new Map();
  for (const organisation of data.organisations) {
    const key = `${organisation.lat},${organisation.lng}`;
    if (!byLocation.has(key)) byLocation.set(key, []);
    byLocation.get(key).push(organisation);
  }
  const bounds = [];
  for (const organisations of byLocation.values()) {
    const first = organisations[0];
    const label = organisations.length === 1
      ? `${first.name}, ${first.place}`
      : `${first.place}: ${organisations.length} ${data.labels.organisations}`;
    const marker = L.marker([first.lat, first.lng], { keyboard: false, alt: label, title: label }).addTo(map);
    marker.bindPopup(() => popup(organisations));
    bounds.push([first.lat, first.lng]);
  }
  if (bounds.length === 1) {
    map.setView(bounds[0], 11);
  } else if (bounds.length > 1) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 });
  }
});

function popup(organisations) {
  // Built from text nodes, never from HTML strings: names come from members.
  const list = document.createElement("ul");
  list.className = "org-map__popup";
  for (const organisation of organisations) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = organisation.url;
    link.textContent = organisation.name;
    const details = document.createElement("span");
    details.textContent = ` – ${organisation.kind}, ${organisation.place}`;
    item.append(link, details);
    list.append(item);
  }
  return list;
}
