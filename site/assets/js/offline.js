// Registers the service worker (/sw.js, written by the build) that keeps the site usable offline.
// updateViaCache "none": the browser always asks the server for sw.js, so a deploy is noticed at once.
if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
    // No worker (e.g. the development server, which has no sw.js): the site works online as before.
  });
}
