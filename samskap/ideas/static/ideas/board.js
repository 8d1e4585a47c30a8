// The facilitators' board: focus back on the moved card after a move, and dragging cards between columns.
// Everything works without this file: each move is a form with a button (the keyboard way), and dragging
// submits the card's own "move to another stage" form, so the server does the same thing either way.
(() => {
  const focusMoved = () => {
    const card = document.querySelector("#board [data-moved]");
    if (card && document.activeElement !== card) card.focus();
  };
  document.addEventListener("DOMContentLoaded", focusMoved);
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.target && event.target.id === "board") focusMoved();
  });
  // htmx swaps "#board" away; if the request failed, at least say so in the live region.
  document.addEventListener("htmx:responseError", () => {
    const status = document.getElementById("board-status");
    if (status) status.textContent = status.dataset.failed || "";
  });

  let dragged = null;
  const column = (target) => target instanceof Element ? target.closest(".board-column") : null;
  document.addEventListener("dragstart", (event) => {
    const card = event.target instanceof Element ? event.target.closest(".board-card") : null;
    if (!card) return;
    dragged = card;
    card.classList.add("board-card--dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.idea);
  });
  document.addEventListener("dragend", () => {
    if (dragged) dragged.classList.remove("board-card--dragging");
    document.querySelectorAll(".board-column--drop").forEach((c) => c.classList.remove("board-column--drop"));
    dragged = null;
  });
  document.addEventListener("dragover", (event) => {
    const target = column(event.target);
    if (!dragged || !target) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    document.querySelectorAll(".board-column--drop").forEach((c) => { if (c !== target) c.classList.remove("board-column--drop"); });
    target.classList.add("board-column--drop");
  });
  document.addEventListener("drop", (event) => {
    const target = column(event.target);
    if (!dragged || !target) return;
    event.preventDefault();
    const form = dragged.querySelector("[data-drop-form]");
    const select = form && form.querySelector("select[name=stage]");
    if (!select || select.value === target.dataset.stage) return;
    select.value = target.dataset.stage;
    form.requestSubmit();
  });
})();
