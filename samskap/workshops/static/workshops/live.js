/* Samskap live workshops: keeps a phone, projector or console up to date over a WebSocket, with a plain-HTTP
   fallback. The page works without this script (forms post and redirect); with it:
   - the server pushes {"kind": "refresh", "version": n} and the screen fetches its part again (once, however
     many refreshes arrive while it fetches), keeping what the person was typing and where the focus was;
   - votes and dots go over the WebSocket (or POST when there is none) and stay in an outbox until answered,
     so a dropped connection loses nothing (the server counts a repeated vote once);
   - tallies and the number of people update in place; timers count down and are announced politely.
*/
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root) { return; }
  var part = document.getElementById("live-part");
  var announcer = root.querySelector("[data-live-announce]");
  var statusText = root.querySelector("[data-live-status]");
  var csrf = (root.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var version = parseInt(root.dataset.version || "0", 10);
  var isPhone = root.dataset.view === "phone";
  var ws = null, attempts = 0, everOpen = false, polling = null, offset = 0;
  var fetching = false, again = false, refreshTimer = null;
  var outbox = new Map();
  var sources = new Map();  // message id -> the form and button that sent it
  var announced = {};
  var lastTally = null;

  function say(text) {
    if (!announcer || !text) { return; }
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function setStatus(kind) {
    if (statusText) { statusText.textContent = root.dataset["status" + kind] || ""; }
    root.dataset.connection = kind.toLowerCase();
  }

  /* Fetching the part again, keeping typed text, drafts and focus. */
  function keepState() {
    var state = {values: {}, focus: null, start: null, end: null};
    part.querySelectorAll("input[id], textarea[id], select[id]").forEach(function (field) {
      var dirty = field.type === "checkbox" || field.type === "radio" ? field.checked !== field.defaultChecked
        : field.tagName === "SELECT" ? field.selectedIndex !== Math.max(0, Array.prototype.findIndex.call(field.options, function (o) { return o.defaultSelected; }))
        : field.value !== field.defaultValue;
      if (dirty) { state.values[field.id] = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value; }
    });
    var active = document.activeElement;
    if (active && part.contains(active)) {
      state.focus = active.id || active.dataset.focusKey || null;
      if (typeof active.selectionStart === "number") { state.start = active.selectionStart; state.end = active.selectionEnd; }
    }
    return state;
  }

  function restoreState(state) {
    Object.keys(state.values).forEach(function (id) {
      var field = document.getElementById(id);
      if (!field || !part.contains(field)) { return; }
      if (field.type === "checkbox" || field.type === "radio") { field.checked = state.values[id]; } else { field.value = state.values[id]; }
    });
    restoreDrafts();
    if (state.focus) {
      var target = document.getElementById(state.focus) || part.querySelector('[data-focus-key="' + state.focus + '"]');
      if (target) {
        target.focus({preventScroll: true});
        if (state.start !== null && typeof target.setSelectionRange === "function") {
          try { target.setSelectionRange(state.start, state.end); } catch (e) { /* not a text field */ }
        }
      }
    }
  }

  function restoreDrafts() {
    part.querySelectorAll("textarea[data-draft], input[data-draft]").forEach(function (field) {
      var saved = window.localStorage && localStorage.getItem("samskap-draft:" + field.dataset.draft);
      if (saved && !field.value) { field.value = saved; }
    });
  }

  function refresh(delay) {
    if (refreshTimer) { return; }
    refreshTimer = window.setTimeout(doRefresh, delay || 0);
  }

  function doRefresh() {
    refreshTimer = null;
    if (fetching) { again = true; return; }
    fetching = true;
    fetch(root.dataset.part, {headers: {"X-Live": "1"}, credentials: "same-origin", cache: "no-store"})
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var state = keepState();
        part.innerHTML = html;
        var fresh = part.querySelector("[data-part-version]");
        if (fresh) { version = Math.max(version, parseInt(fresh.dataset.partVersion, 10)); }
        restoreState(state);
        tick();
      })
      .catch(function () { again = true; })
      .then(function () {
        fetching = false;
        if (again) { again = false; refresh(1000); }
      });
  }

  function newer(seen) {
    if (seen > version) {
      // 300 phones must not all ask at the same moment: spread them over 0.6 s. Screens go at once.
      refresh(isPhone ? Math.random() * 600 : 0);
    }
  }

  /* Tallies and people, in place. */
  function showTally(message) {
    Object.keys(message.counts || {}).forEach(function (id) {
      var counts = message.counts[id];
      Object.keys(counts).forEach(function (kind) {
        root.querySelectorAll('[data-count="' + id + ":" + kind + '"]').forEach(function (element) {
          if (element.tagName === "METER" || element.tagName === "PROGRESS") { element.value = counts[kind]; } else { element.textContent = counts[kind]; }
        });
      });
    });
    if (typeof message.voters === "number") {
      root.querySelectorAll("[data-voters]").forEach(function (element) { element.textContent = message.voters; });
      root.querySelectorAll("meter[data-count], progress[data-count]").forEach(function (element) {
        element.max = Math.max(message.max || message.voters, 1);
      });
    }
    root.dispatchEvent(new CustomEvent("live:tally", {detail: message}));
  }

  function handle(message) {
    if (message.kind === "hello") {
      offset = message.now - Date.now();
      // A projector or console fetches its part once connected: a vote that came between the page's rendering
      // and the socket joining changed no version, and its tally would otherwise wait for the next vote.
      if (isPhone) { newer(message.version); } else { refresh(0); }
    } else if (message.kind === "refresh") {
      newer(message.version);
    } else if (message.kind === "tally") {
      showTally(message);
    } else if (message.kind === "people") {
      root.querySelectorAll("[data-people]").forEach(function (element) { element.textContent = message.count; });
    } else if (message.kind === "ack") {
      answered(message);
    }
  }

  /* Votes and dots: over the WebSocket, or POST when it is not open; kept until answered. */
  function send(message, source) {
    message.id = message.id || (Date.now().toString(36) + Math.random().toString(36).slice(2));
    outbox.set(message.id, message);
    if (source) { sources.set(message.id, source); }
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(message));
      window.setTimeout(function () { if (outbox.has(message.id)) { post(message); } }, 5000);
    } else {
      post(message);
    }
  }

  function post(message) {
    fetch(root.dataset.act, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf, "X-Live": "1"},
      body: JSON.stringify(message)
    }).then(function (response) { return response.json(); })
      .then(function (answer) { answer.id = message.id; answered(answer); })
      .catch(function () { /* still in the outbox: sent again when the connection is back */ });
  }

  /* A vote answered: within [data-live-local="one"] the pressed button is the only one pressed (one vote for
     the best); with "each" only within its own form (keep or out). No fetch: 300 phones voting must not
     also load their pages again. Anything else fetches the part. */
  function markPressed(source) {
    var group = source.form.closest("[data-live-local]");
    if (!group || !source.submitter) { return false; }
    var scope = group.dataset.liveLocal === "each" ? source.form : group;
    scope.querySelectorAll("button[aria-pressed]").forEach(function (button) {
      button.setAttribute("aria-pressed", "false");
      button.dataset.variant = "secondary";
    });
    source.submitter.setAttribute("aria-pressed", "true");
    source.submitter.dataset.variant = "primary";
    return true;
  }

  function answered(answer) {
    if (!outbox.has(answer.id)) { return; }
    outbox.delete(answer.id);
    var source = sources.get(answer.id);
    sources.delete(answer.id);
    say(answer.message);
    var box = root.querySelector("[data-live-message]");
    if (box) {
      box.textContent = answer.message || "";
      box.dataset.color = answer.ok ? "success" : "danger";
      box.hidden = !answer.message;
    }
    if (!(answer.ok && source && markPressed(source))) { refresh(0); }
  }

  function flush() {
    outbox.forEach(function (message) { ws.send(JSON.stringify(message)); });
  }

  /* The WebSocket, reconnecting with a growing pause; after three failures, polling over HTTP as well. */
  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    try {
      ws = new WebSocket(scheme + location.host + root.dataset.ws);
    } catch (e) {
      startPolling();
      return;
    }
    ws.onopen = function () {
      attempts = 0; everOpen = true;
      stopPolling();
      setStatus("Live");
      flush();
    };
    ws.onmessage = function (event) {
      try { handle(JSON.parse(event.data)); } catch (e) { /* not ours */ }
    };
    ws.onclose = function () {
      ws = null;
      attempts += 1;
      setStatus(attempts >= 3 || !everOpen && attempts >= 2 ? "Polling" : "Reconnecting");
      if (attempts >= 2) { startPolling(); }
      window.setTimeout(connect, Math.min(500 * Math.pow(2, attempts - 1), attempts >= 3 ? 15000 : 5000));
    };
  }

  function poll() {
    fetch(root.dataset.versionUrl, {credentials: "same-origin", cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!isPhone && lastTally !== null && data.tally !== lastTally) { refresh(0); }
        lastTally = data.tally;
        newer(data.version);
        outbox.forEach(post);
      })
      .catch(function () { /* offline: try again */ });
  }

  function startPolling() {
    if (!polling) { polling = window.setInterval(poll, 3000); poll(); }
  }

  function stopPolling() {
    if (polling) { window.clearInterval(polling); polling = null; }
  }

  /* Timers: counted down from the server's end time; announced at 5, 2 and 1 minutes and at the end. */
  function tick() {
    root.querySelectorAll("[data-ends]").forEach(function (clock) {
      var ends = parseFloat(clock.dataset.ends) * 1000;
      var left = Math.max(0, Math.round((ends - (Date.now() + offset)) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      clock.dataset.over = left === 0 ? "true" : "false";
      if (!clock.hasAttribute("data-announce")) { return; }
      var key = clock.dataset.ends;
      announced[key] = announced[key] || {};
      [[300, root.dataset.tMinutes, 5], [120, root.dataset.tMinutes, 2], [60, root.dataset.tMinute, 1], [0, root.dataset.tUp, 0]]
        .forEach(function (mark) {
          if (left <= mark[0] && left > mark[0] - 10 && !announced[key][mark[0]]) {
            announced[key][mark[0]] = true;
            say((mark[1] || "").replace("%(minutes)s", mark[2]));
          } else if (left <= mark[0] - 10) {
            announced[key][mark[0]] = true;  // joined later: no late announcement
          }
        });
    });
  }

  /* Forms. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!root.contains(form)) { return; }
    if (form.dataset.liveAction) {
      event.preventDefault();
      var message = {action: form.dataset.liveAction};
      new FormData(form).forEach(function (value, name) { if (name !== "csrfmiddlewaretoken") { message[name] = value; } });
      if (event.submitter && event.submitter.name) { message[event.submitter.name] = event.submitter.value; }
      send(message, {form: form, submitter: event.submitter});
    } else if (form.method.toLowerCase() === "post" && form.hasAttribute("data-live-form")) {
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
      fetch(form.action, {method: "POST", body: data, credentials: "same-origin", headers: {"X-Live": "1", "X-CSRFToken": csrf}})
        .then(function (response) {
          if (response.status === 204) {
            form.querySelectorAll("[data-draft]").forEach(function (field) {
              if (window.localStorage) { localStorage.removeItem("samskap-draft:" + field.dataset.draft); }
            });
            if (form.hasAttribute("data-reset")) { form.reset(); }
            refresh(0);
            return null;
          }
          if (response.status === 422) { return response.json().then(function (answer) { say(answer.message); showMessage(answer); }); }
          if (response.redirected) { window.location.href = response.url; return null; }
          window.location.reload();
          return null;
        })
        .catch(function () { say(root.dataset.statusPolling); });
    }
  });

  function showMessage(answer) {
    var box = root.querySelector("[data-live-message]");
    if (box) { box.textContent = answer.message; box.dataset.color = answer.ok ? "success" : "danger"; box.hidden = false; }
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.dataset && field.dataset.draft && window.localStorage && root.contains(field)) {
      localStorage.setItem("samskap-draft:" + field.dataset.draft, field.value);
    }
  });

  restoreDrafts();
  tick();
  window.setInterval(tick, 500);
  if ("WebSocket" in window && root.dataset.ws) { connect(); } else { setStatus("Polling"); startPolling(); }
  window.samskapLive = {send: send, refresh: refresh, version: function () { return version; }};
}());
