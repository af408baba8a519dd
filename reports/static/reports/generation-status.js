/* Follows a report generation on its staff page: asks the status endpoint every few
   seconds (less often the longer it takes, not at all while the tab is hidden) and
   reloads the page once when the generation has finished or failed. Without
   JavaScript the page offers a "Status vernieuwen" link instead. */
(function () {
  "use strict";

  var root = document.querySelector("[data-generation-status-url]");
  if (!root || root.getAttribute("data-generation-active") !== "true") {
    return;
  }
  var url = root.getAttribute("data-generation-status-url");
  var label = root.querySelector("[data-generation-status]");
  var delay = 2000;
  var maxDelay = 10000;

  function schedule() {
    window.setTimeout(poll, delay);
    delay = Math.min(Math.round(delay * 1.5), maxDelay);
  }

  function poll() {
    if (document.hidden) {
      document.addEventListener("visibilitychange", poll, { once: true });
      return;
    }
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (label && label.textContent !== data.status_label) {
          label.textContent = data.status_label;
        }
        if (data.is_active) {
          schedule();
        } else {
          window.location.reload();
        }
      })
      .catch(schedule);
  }

  schedule();
})();
