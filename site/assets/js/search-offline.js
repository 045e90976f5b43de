// "Search without a network" on /search/: asks the service worker whether the whole search index is
// on this device; when it is too large to have been saved on the first visit, offers to save it,
// saying how much it weighs and showing progress.
import { formatBytes } from "./offlineSize.js";

const section = /** @type {HTMLElement | null} */ (document.querySelector("[data-offline-search]"));

/** @param {ServiceWorker} worker @param {object} message @param {(reply: any) => void} onReply */
function ask(worker, message, onReply) {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => onReply(event.data);
  worker.postMessage(message, [channel.port2]);
}

if (section && "serviceWorker" in navigator) {
  const status = /** @type {HTMLElement} */ (section.querySelector("[data-offline-search-status]"));
  const button = /** @type {HTMLButtonElement} */ (section.querySelector("[data-offline-search-button]"));
  const progress = /** @type {HTMLProgressElement} */ (section.querySelector("[data-offline-search-progress]"));
  const saved = () => {
    status.textContent = "Search works on this device without a network: the whole index of analyses and assessments is saved.";
    button.hidden = true;
    progress.hidden = true;
  };

  navigator.serviceWorker.ready.then((registration) => {
    const worker = registration.active;
    if (!worker) return;
    ask(worker, { type: "offline-search-status" }, (reply) => {
      if (reply.type !== "status") return;
      section.hidden = false;
      if (reply.complete) return saved();
      if (reply.automatic) {
        status.textContent = "The search index is being saved on this device so that search works without a network.";
        return;
      }
      const size = formatBytes(reply.bytes);
      status.textContent = `To search without a network, save the search index on this device (${size}, ${reply.files} files). Nothing is downloaded until you choose to.`;
      button.textContent = `Make search available offline (${size})`;
      button.hidden = false;
      button.addEventListener("click", () => {
        button.disabled = true;
        progress.hidden = false;
        status.textContent = "Saving the search index…";
        ask(worker, { type: "offline-search-download" }, (update) => {
          if (update.type === "progress") {
            progress.max = update.total;
            progress.value = update.done;
            status.textContent = `Saving the search index: ${update.done} of ${update.total} files.`;
          } else if (update.type === "done") saved();
          else if (update.type === "error") {
            status.textContent = `The search index could not be saved (${update.message}). Try again when the connection is better.`;
            button.disabled = false;
          }
        });
      });
    });
  });
}
