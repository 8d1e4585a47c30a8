// "Copy the address" on the calendar page. Without JavaScript the button stays hidden and the
// address is selected and copied from its field by hand.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector("[data-copy-status]");
  for (const button of document.querySelectorAll("[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.copied;
      } catch {
        field.select();
      }
    });
  }
});
