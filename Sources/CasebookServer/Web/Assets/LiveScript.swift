/// The small script that adds the live parts: presence and typing on a ticket, refreshed timelines and views.
/// Pages work without it; it only enhances elements the server already rendered.
enum LiveScript {
    static let js = #"""
    (function () {
      "use strict";
      var body = document.body;
      var kind = body.getAttribute("data-live");
      var csrf = body.getAttribute("data-csrf");
      var ticketID = body.getAttribute("data-ticket-id");

      // The call fields matter only when logging a call.
      var form = document.getElementById("ticket-form");
      if (form) {
        var callFields = form.querySelector(".call-fields");
        var syncMode = function () {
          var mode = form.querySelector("input[name=mode]:checked");
          if (callFields) callFields.hidden = !(mode && mode.value === "call");
        };
        form.addEventListener("change", syncMode);
        syncMode();
      }
      // The backorder board: drag a row, or press its ↑ ↓ buttons, to move a customer. The reason is asked for and
      // the row's own form (which works without this script) is sent.
      var board = document.getElementById("backorder-board");
      if (board) {
        var submitMove = function (row, to) {
          var moveForm = row.querySelector("form.queue-move");
          if (!moveForm) return;
          var reason = window.prompt("Why move this customer to position " + to + "?");
          if (!reason) return;
          moveForm.elements["to"].value = String(to);
          moveForm.elements["reason"].value = reason;
          moveForm.submit();
        };
        Array.prototype.forEach.call(board.querySelectorAll("button.move-up, button.move-down"), function (b) { b.hidden = false; });
        var dragged = null;
        board.addEventListener("dragstart", function (e) {
          dragged = e.target.closest(".queue-entry");
          if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
        });
        board.addEventListener("dragover", function (e) { if (dragged) e.preventDefault(); });
        board.addEventListener("drop", function (e) {
          e.preventDefault();
          var target = e.target.closest(".queue-entry");
          if (dragged && target && target !== dragged) submitMove(dragged, Number(target.getAttribute("data-position")));
          dragged = null;
        });
        board.addEventListener("click", function (e) {
          var button = e.target.closest("button.move-up, button.move-down");
          if (!button) return;
          var row = button.closest(".queue-entry");
          var to = Number(row.getAttribute("data-position")) + (button.classList.contains("move-up") ? -1 : 1);
          if (to >= 1 && to <= board.children.length) submitMove(row, to);
        });
      }
      if (!kind || !window.EventSource || !window.fetch) return;

      function swap(doc, selector) {
        var fresh = doc.querySelector(selector), old = document.querySelector(selector);
        if (fresh && old) old.replaceWith(fresh);
      }
      function refresh(selectors) {
        return fetch(location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
          .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
          .then(function (text) {
            var doc = new DOMParser().parseFromString(text, "text/html");
            selectors.forEach(function (s) { swap(doc, s); });
          });
      }

      // Presence: who else is here, and who is typing (a typing signal fades after a few seconds).
      var presence = document.getElementById("presence");
      var others = [];
      var typingUntil = {};
      function renderPresence() {
        if (!presence) return;
        var now = Date.now();
        presence.textContent = "";
        others.forEach(function (o) {
          var span = document.createElement("span");
          span.className = "viewer";
          span.setAttribute("data-user-id", o.id);
          span.textContent = (typingUntil[o.id] || 0) > now ? o.name + " is typing a reply…" : "Also viewing: " + o.name;
          presence.appendChild(span);
        });
      }
      setInterval(renderPresence, 1000);

      var url = "/agent/live" + (ticketID ? "?ticket=" + encodeURIComponent(ticketID) : "");
      var source = new EventSource(url);
      source.addEventListener("presence", function (e) {
        var data = JSON.parse(e.data);
        others = data.others;
        others.forEach(function (o) { if (o.typing) typingUntil[o.id] = Date.now() + 6000; });
        renderPresence();
      });

      var pending = null;
      source.addEventListener("ticket", function (e) {
        var data = JSON.parse(e.data);
        if (kind === "ticket") {
          refresh(["#timeline", "#ticket-summary"]).then(function () {
            var notice = document.getElementById("live-notice");
            if (notice) { notice.textContent = "This ticket was updated by " + data.by + "."; notice.hidden = false; }
          });
        } else if (!pending) {
          // Views: many changes can arrive at once; refresh at most every second.
          pending = setTimeout(function () {
            pending = null;
            refresh(["#views", "#ticket-list", ".pager", "#result-count"]);
          }, 1000);
        }
      });

      var textarea = document.getElementById("body");
      var lastTyping = 0;
      if (kind === "ticket" && textarea) {
        textarea.addEventListener("input", function () {
          var now = Date.now();
          if (now - lastTyping < 2500) return;
          lastTyping = now;
          fetch("/agent/tickets/" + encodeURIComponent(ticketID) + "/typing",
                { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrf } });
        });
      }
    })();
    """#
}
