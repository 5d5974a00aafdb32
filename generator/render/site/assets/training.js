/* partnerkit: self-paced training in the browser. Knowledge checks answered with radio
   buttons or checkboxes and a Check button, "Mark as done" on modules, progress per path,
   and the completion summary (print, download as text or JSON, reset).

   Progress is kept in this browser only (localStorage, one key per site, named by the
   site's id and given by the page in data-pk-training); nothing is sent anywhere. When
   localStorage is unavailable (some browsers from file://, private modes), progress lives
   in the page until it closes, and the page says so. Every word written here comes from the page (strings.py).
   Inside a SCORM package launched by an LMS, the package's launch page is this page's
   parent and offers `partnerkitLms` (render/packages/assets/scorm.js, which found the LMS's
   SCORM API): progress is then kept there and reported to the LMS, and localStorage is
   neither read nor written, so two learners sharing a computer never mix their records.
   Without this script the pages stay complete: choices open their feedback in <details>. */
(function () {
  "use strict";

  var root = document.querySelector("[data-pk-training]");
  if (!root) { return; }
  var config;
  try { config = JSON.parse(root.getAttribute("data-pk-training")); } catch (e) { return; }
  var S = config.strings;
  var memory = null;
  var lms = findLms();
  var storage = lms ? null : openStorage();
  migrate();

  function each(selector, fn, scope) {
    Array.prototype.forEach.call((scope || document).querySelectorAll(selector), fn);
  }

  /* A template of the page's strings with its {placeholders} filled in; numbers are written
     the page's language's way (1,200 in English, 1 200 in French). */
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      if (!Object.prototype.hasOwnProperty.call(values, key)) { return match; }
      var value = values[key];
      return typeof value === "number" ? localNumber(value) : String(value);
    });
  }

  function localNumber(n) {
    try { return n.toLocaleString(config.lang); } catch (e) { return String(n); }
  }

  /* "Name: value", as the page's language writes it ("Nom : valeur" in French). */
  function labelled(label, value) { return fmt(S.label_value, { label: label, value: value }); }

  function words(value) { return (value || "").split(" ").filter(Boolean); }

  /* Storage ------------------------------------------------------------------------- */

  /* The LMS side of a SCORM package: the launch page this page is framed in. */
  function findLms() {
    try {
      var parent = window.parent;
      if (parent !== window && parent.partnerkitLms && parent.partnerkitLms.connected === true) {
        return parent.partnerkitLms;
      }
    } catch (e) { /* a frame of another site */ }
    return null;
  }

  function openStorage() {
    try {
      var store = window.localStorage;
      var probe = config.store + ":probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (e) {
      return null;
    }
  }

  function emptyState() { return { version: 1, modules: {} }; }

  function load() {
    if (lms) { return lms.load(); }
    if (!storage) { return memory || (memory = emptyState()); }
    try {
      var state = JSON.parse(storage.getItem(config.store) || "null");
      if (state && typeof state === "object" && state.modules && typeof state.modules === "object") {
        return state;
      }
    } catch (e) { /* unreadable: start again */ }
    return emptyState();
  }

  function save(state) {
    if (lms) {
      if (!lms.save(state)) { showStorageOff(); }
      return;
    }
    if (storage) {
      try { storage.setItem(config.store, JSON.stringify(state)); return; } catch (e) { storage = null; }
    }
    memory = state;
    showStorageOff();
  }

  /* Earlier versions kept progress under a key named by the site's title (config.legacy);
     it now lives under one named by the site's stable id (config.store). Read the old key
     once, merge it into the new one (what the new key holds wins), write the new key, then
     remove the old one. When the new key cannot be written, the old one stays. */
  function migrate() {
    if (!storage || !config.legacy || config.legacy === config.store) { return; }
    var old = null;
    try {
      var raw = storage.getItem(config.legacy);
      if (raw === null) { return; }
      old = JSON.parse(raw);
    } catch (e) { old = null; /* unreadable: nothing to move */ }
    if (old && typeof old === "object" && old.modules && typeof old.modules === "object") {
      var state = load();
      Object.keys(old.modules).forEach(function (id) {
        if (!Object.prototype.hasOwnProperty.call(state.modules, id)) { state.modules[id] = old.modules[id]; }
      });
      try { storage.setItem(config.store, JSON.stringify(state)); } catch (e) { return; }
    }
    try { storage.removeItem(config.legacy); } catch (e) { /* removed next time */ }
  }

  function moduleState(state, id) {
    var m = state.modules[id];
    if (!m || typeof m !== "object") { m = state.modules[id] = { done: null, checks: {} }; }
    if (!m.checks || typeof m.checks !== "object") { m.checks = {}; }
    return m;
  }

  function showStorageOff() {
    each("[data-pk-storage-off]", function (el) { el.hidden = false; });
  }

  /* Dates ---------------------------------------------------------------------------- */

  function longDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return ""; }
    try {
      return date.toLocaleDateString(config.lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      return isoDate(date);
    }
  }

  function isoDate(date) {
    var d = date instanceof Date ? date : new Date(date);
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* Knowledge checks ----------------------------------------------------------------- */

  function paragraph(className, strongText, text) {
    var p = document.createElement("p");
    p.className = className;
    if (strongText) {
      var strong = document.createElement("strong");
      strong.textContent = strongText;
      p.appendChild(strong);
    }
    if (text) { p.appendChild(document.createTextNode((strongText ? " " : "") + text)); }
    return p;
  }

  function record(moduleId, checkId, right) {
    if (!moduleId) { return; }
    var state = load();
    var checks = moduleState(state, moduleId).checks;
    var c = checks[checkId];
    if (!c || typeof c !== "object") { c = checks[checkId] = { first: right, tries: 0 }; }
    c.latest = right;
    c.tries = (c.tries || 0) + 1;
    c.at = new Date().toISOString();
    save(state);
    renderAll();
  }

  function setupCheck(check, moduleId) {
    var form = check.querySelector("[data-pk-quiz]");
    var list = check.querySelector(".pk-choices");
    if (!form || !list) { return; }
    var sources = list.querySelectorAll(":scope > li");
    var fieldset = form.querySelector("fieldset");
    var inputs = form.querySelectorAll("input");
    var submit = form.querySelector("[data-pk-submit]");
    var retry = form.querySelector("[data-pk-retry]");
    var feedback = form.querySelector("[data-pk-feedback]");
    var single = check.getAttribute("data-pk-kind") === "single";
    var hint = check.querySelector("[data-pk-hint]");
    if (hint) { hint.textContent = hint.getAttribute("data-pk-hint"); }
    list.hidden = true;
    form.hidden = false;

    function isRight(i) { return sources[i].getAttribute("data-pk-correct") === "true"; }

    function choiceText(i) {
      var label = form.querySelector('label[for="' + inputs[i].id + '"]');
      return label ? label.textContent : "";
    }

    function explain(i, withVerdict) {
      var item = document.createElement("div");
      item.className = "pk-quiz__item pk-quiz__item--" + (isRight(i) ? "right" : "wrong");
      var verdict = withVerdict ? (isRight(i) ? S.correct : S.not_quite) : "";
      item.appendChild(paragraph("pk-quiz__chosen", verdict, fmt(S.you_chose, { answer: choiceText(i) })));
      var text = sources[i].querySelector(".pk-feedback-text");
      if (text) { item.appendChild(text.cloneNode(true)); }
      return item;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = [];
      Array.prototype.forEach.call(inputs, function (input, i) { if (input.checked) { chosen.push(i); } });
      feedback.textContent = "";
      if (!chosen.length) {
        feedback.appendChild(paragraph("pk-quiz__verdict", "", S.choose_first));
        return;
      }
      var wrong = chosen.filter(function (i) { return !isRight(i); }).length;
      var missing = 0;
      Array.prototype.forEach.call(sources, function (li, i) {
        if (isRight(i) && chosen.indexOf(i) === -1) { missing += 1; }
      });
      var right = wrong === 0 && missing === 0;
      feedback.className = "pk-quiz__feedback pk-quiz__feedback--" + (right ? "right" : "wrong");
      if (single) {
        feedback.appendChild(explain(chosen[0], true));
      } else {
        var summary = right ? S.all_right : (wrong ? S.some_wrong : S.some_missing);
        feedback.appendChild(paragraph("pk-quiz__verdict", summary, ""));
        chosen.forEach(function (i) { feedback.appendChild(explain(i, true)); });
      }
      fieldset.disabled = true;
      submit.hidden = true;
      retry.hidden = false;
      retry.focus();
      record(moduleId, check.getAttribute("data-pk-check"), right);
    });

    retry.addEventListener("click", function () {
      Array.prototype.forEach.call(inputs, function (input) { input.checked = false; });
      fieldset.disabled = false;
      feedback.textContent = "";
      feedback.className = "pk-quiz__feedback";
      retry.hidden = true;
      submit.hidden = false;
      if (inputs.length) { inputs[0].focus(); }
    });
  }

  /* Progress ------------------------------------------------------------------------- */

  function setupModule(box) {
    box.hidden = false;
    var button = box.querySelector("[data-pk-mark-done]");
    button.addEventListener("click", function () {
      var state = load();
      var m = moduleState(state, box.getAttribute("data-pk-module"));
      m.done = m.done ? null : new Date().toISOString();
      save(state);
      renderAll();
    });
  }

  function renderModule(box, state) {
    var id = box.getAttribute("data-pk-module");
    var m = state.modules[id];
    var done = m && m.done;
    var status = done ? fmt(S.done_on, { date: longDate(done) }) : S.not_done;
    box.classList.toggle("pk-done--done", Boolean(done));
    box.querySelector("[data-pk-module-status]").textContent = status;
    box.querySelector("[data-pk-mark-done]").textContent = done ? S.mark_not_done : S.mark_done;
    each("[data-pk-status-of]", function (el) {
      if (el.getAttribute("data-pk-status-of") !== id) { return; }
      el.textContent = status;
      var jump = el.nextElementSibling;
      if (jump) { jump.hidden = Boolean(done); }
    });
  }

  function pathProgress(el, state) {
    var ids = words(el.getAttribute("data-pk-modules"));
    var minutes = words(el.getAttribute("data-pk-minutes")).map(Number);
    var out = { id: el.getAttribute("data-pk-path"), title: el.getAttribute("data-pk-title"),
                modules_done: 0, modules_total: ids.length, minutes_done: 0, minutes_total: 0, next: null };
    ids.forEach(function (id, i) {
      var m = state.modules[id];
      out.minutes_total += minutes[i] || 0;
      if (m && m.done) {
        out.modules_done += 1;
        out.minutes_done += minutes[i] || 0;
      } else if (out.next === null) {
        out.next = id;
      }
    });
    out.text = fmt(S.progress_text, { done: out.modules_done, total: out.modules_total,
                                      minutes_done: out.minutes_done, minutes_total: out.minutes_total });
    if (out.modules_done === out.modules_total) { out.text += " " + S.path_complete; }
    return out;
  }

  function renderProgress(el, state) {
    var p = pathProgress(el, state);
    el.querySelector("progress").value = p.modules_done;
    el.querySelector("[data-pk-progress-text]").textContent = p.text;
    each("[data-pk-next]", function (link) { link.hidden = link.getAttribute("data-pk-next") !== p.next; }, el);
    el.hidden = false;
  }

  function scores(m, checkIds) {
    if (!checkIds.length) { return null; }
    var out = { first: 0, latest: 0, answered: 0, total: checkIds.length };
    checkIds.forEach(function (id) {
      var c = m && m.checks && m.checks[id];
      if (!c) { return; }
      out.answered += 1;
      if (c.first === true) { out.first += 1; }
      if (c.latest === true) { out.latest += 1; }
    });
    return out;
  }

  function scoreText(s, key) {
    if (!s) { return S.no_checks; }
    var text = fmt(S.score, { right: s[key], total: s.total });
    return s.answered < s.total ? text + " (" + fmt(S.answered, { n: s.answered }) + ")" : text;
  }

  function modulesText(n) { return n === 1 ? S.modules_one : fmt(S.modules_count, { n: n }); }

  function summaryRows(state) {
    var rows = [];
    each("[data-pk-row]", function (tr) {
      var id = tr.getAttribute("data-pk-row");
      var m = state.modules[id];
      var active = Boolean(m && (m.done || (m.checks && Object.keys(m.checks).length)));
      tr.hidden = !active;
      if (!active) { return; }
      var s = scores(m, words(tr.getAttribute("data-pk-checks")));
      var heading = tr.querySelector("th");
      rows.push({ tr: tr, id: id, title: heading ? heading.textContent.trim() : id, done: m.done || null,
                  minutes: Number(tr.getAttribute("data-pk-minutes")) || 0, scores: s });
    });
    return rows;
  }

  function renderSummary(state) {
    var box = document.querySelector("[data-pk-summary]");
    if (!box) { return; }
    box.hidden = false;
    var rows = summaryRows(state);
    var doneModules = 0, doneMinutes = 0;
    rows.forEach(function (row) {
      row.tr.querySelector('[data-pk-cell="done"]').textContent = row.done ? longDate(row.done) : S.not_done_yet;
      row.tr.querySelector('[data-pk-cell="first"]').textContent = scoreText(row.scores, "first");
      row.tr.querySelector('[data-pk-cell="latest"]').textContent = scoreText(row.scores, "latest");
      if (row.done) { doneModules += 1; doneMinutes += row.minutes; }
    });
    box.querySelector("[data-pk-made-on]").textContent = fmt(S.made_on, { date: longDate(new Date().toISOString()) });
    box.querySelector("[data-pk-summary-empty]").hidden = rows.length > 0;
    box.querySelector("[data-pk-summary-table]").hidden = rows.length === 0;
    box.querySelector("[data-pk-summary-total]").textContent =
      fmt(S.total_done, { modules: modulesText(doneModules), minutes: doneMinutes });
  }

  function renderAll() {
    var state = load();
    each("[data-pk-module]", function (box) { renderModule(box, state); });
    each("[data-pk-path]", function (el) { renderProgress(el, state); });
    each("[data-pk-step]", function (li) {
      var m = state.modules[li.getAttribute("data-pk-step")];
      var badge = li.querySelector(".pk-step-done");
      if (badge) { badge.hidden = !(m && m.done); }
    });
    renderSummary(state);
  }

  /* Summary: export, print, reset ---------------------------------------------------- */

  function summaryData() {
    var state = load();
    var name = document.querySelector("[data-pk-learner]");
    var paths = [];
    each("[data-pk-summary] [data-pk-path]", function (el) {
      var p = pathProgress(el, state);
      paths.push({ id: p.id, title: p.title, modules_done: p.modules_done, modules_total: p.modules_total,
                   minutes_done: p.minutes_done, minutes_total: p.minutes_total, text: p.text });
    });
    var modules = summaryRows(state).map(function (row) {
      var s = row.scores;
      return { id: row.id, title: row.title, done: row.done ? isoDate(row.done) : null, minutes: row.minutes,
               checks: s ? s.total : 0, answered: s ? s.answered : 0,
               first_try: s ? s.first : null, latest: s ? s.latest : null };
    });
    return { site: config.site, summary: S.summary, made: isoDate(new Date()),
             name: name && name.value.trim() ? name.value.trim() : null, paths: paths, modules: modules };
  }

  function summaryText(data) {
    var lines = [data.site + " — " + data.summary, fmt(S.made_on, { date: data.made })];
    if (data.name) { lines.push(labelled(S.name, data.name)); }
    lines.push("", S.learning_paths);
    data.paths.forEach(function (p) { lines.push("- " + labelled(p.title, p.text)); });
    lines.push("", S.modules_done);
    if (!data.modules.length) { lines.push("-"); }
    var doneModules = 0, doneMinutes = 0;
    data.modules.forEach(function (m) {
      var parts = [m.title, labelled(S.duration, fmt(S.minutes, { n: m.minutes })),
                   (m.done ? fmt(S.done_on, { date: m.done }) : S.not_done_yet)];
      if (m.checks) {
        var s = { first: m.first_try, latest: m.latest, answered: m.answered, total: m.checks };
        parts.push(labelled(S.first_try, scoreText(s, "first")));
        parts.push(labelled(S.latest, scoreText(s, "latest")));
      } else {
        parts.push(labelled(S.checks_short, S.no_checks));
      }
      if (m.done) { doneModules += 1; doneMinutes += m.minutes; }
      lines.push("- " + parts.join(" — "));
    });
    lines.push("", fmt(S.total_done, { modules: modulesText(doneModules), minutes: doneMinutes }));
    return lines.join("\n") + "\n";
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function setupSummary() {
    var status = document.querySelector("[data-pk-summary-status]");
    var learner = document.querySelector("[data-pk-learner]");
    var namePrint = document.querySelector("[data-pk-name-print]");
    if (learner && namePrint) {
      var showName = function () {
        var name = learner.value.trim();
        namePrint.textContent = name ? labelled(S.name, name) : "";
        namePrint.hidden = !name;
      };
      learner.addEventListener("input", showName);
      showName();
    }
    each("[data-pk-print]", function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    each("[data-pk-download]", function (button) {
      button.addEventListener("click", function () {
        var data = summaryData();
        var stem = S.summary_file + "-" + data.made;
        if (button.getAttribute("data-pk-download") === "json") {
          download(stem + ".json", "application/json", JSON.stringify(data, null, 2) + "\n");
        } else {
          download(stem + ".txt", "text/plain;charset=utf-8", summaryText(data));
        }
      });
    });
    each("[data-pk-reset]", function (button) {
      button.addEventListener("click", function () {
        if (!window.confirm(S.reset_confirm)) { return; }
        if (lms) { lms.save(emptyState()); }
        if (storage) {
          try { storage.removeItem(config.store); } catch (e) { /* nothing kept anyway */ }
        }
        memory = null;
        renderAll();
        if (status) { status.textContent = S.reset_done; }
      });
    });
  }

  /* Start ---------------------------------------------------------------------------- */

  function init() {
    each("[data-pk-nojs]", function (el) { el.hidden = true; });
    each("[data-pk-js]", function (el) { el.hidden = false; });
    if (lms) {
      each("[data-pk-private]", function (el) { el.textContent = S.progress_lms; });
    } else if (!storage) {
      showStorageOff();
    }
    var box = document.querySelector("[data-pk-module]");
    if (box) { setupModule(box); }
    var moduleId = box ? box.getAttribute("data-pk-module") : null;
    each("[data-pk-check]", function (check) { setupCheck(check, moduleId); });
    setupSummary();
    renderAll();
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key === config.store) { renderAll(); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
