/* partnerkit: the launch page of a SCORM 1.2 package, between the LMS and the site.

   The LMS opens this page (the package's one SCO, a learning path). It finds the LMS's
   SCORM API (window.API in this window's parents, then its opener's), starts the session
   (LMSInitialize), and opens the site in the frame below, on the page where the learner
   left off when the LMS resumes an attempt (cmi.core.lesson_location), else on the path's
   page. The site's training script (assets/training.js) finds this page as its parent and
   keeps progress here instead of in localStorage: `window.partnerkitLms`.

   Progress of the path's modules goes to cmi.suspend_data as compact JSON (the format and
   its longest length: generator/checks/packages.py), never over SCORM 1.2's 4,096
   characters. From the same progress it reports cmi.core.lesson_status (incomplete;
   completed once every module of the path is marked done; passed instead when the LMS
   gives a mastery score and the first-try score reaches it), cmi.core.score.raw (the
   share of the path's knowledge checks answered right at the first try, 0-100),
   cmi.core.session_time and cmi.core.exit; each change is committed (LMSCommit). The
   session ends (LMSFinish) when the page goes away. With no LMS, or one that refuses to
   start, the site opens as it does anywhere else, keeping progress in the browser. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("pk-scorm").textContent);
  var frame = document.getElementById("pk-content");
  var started = Date.now();
  var api = findApi();
  var finished = false;
  var state = { version: 1, modules: {} };

  /* The API search of the SCORM 1.2 run-time environment: up the parents (at most 7),
     then from the opener. A frame of another origin throws; it is skipped. */
  function search(win) {
    for (var tries = 0; win && tries < 8; tries += 1) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") { return win.API; } } catch (e) { /* other origin */ }
      if (!win.parent || win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var found = search(window.parent === window ? null : window.parent);
    if (!found && window.opener) { found = search(window.opener); }
    return found;
  }

  function get(element) { return String(api.LMSGetValue(element) || ""); }

  function set(element, value) {
    if (String(api.LMSSetValue(element, String(value))) !== "true") {
      warn("LMSSetValue " + element);
      return false;
    }
    return true;
  }

  function warn(what) {
    var code = api ? api.LMSGetLastError() : "";
    var text = api && code ? api.LMSGetErrorString(code) : "";
    if (window.console) { window.console.warn("partnerkit SCORM: " + what + " failed (" + code + " " + text + ")"); }
  }

  /* suspend_data <-> progress --------------------------------------------------------- */

  function encode(progress) {
    var out = {};
    config.modules.forEach(function (module) {
      var m = progress.modules[module.id];
      if (!m || typeof m !== "object") { return; }
      var item = {};
      if (m.done) { item.d = String(m.done).slice(0, 10); }
      var checks = {};
      var answered = false;
      module.checks.forEach(function (id) {
        var c = m.checks && m.checks[id];
        if (!c || typeof c !== "object") { return; }
        checks[id] = (c.first === true ? "1" : "0") + (c.latest === true ? "1" : "0");
        answered = true;
      });
      if (answered) { item.c = checks; }
      if (item.d || item.c) { out[module.id] = item; }
    });
    return JSON.stringify({ v: config.version, m: out });
  }

  function decode(text) {
    var progress = { version: 1, modules: {} };
    var data;
    try { data = JSON.parse(text); } catch (e) { return progress; }
    if (!data || data.v !== config.version || !data.m || typeof data.m !== "object") { return progress; }
    config.modules.forEach(function (module) {
      var item = data.m[module.id];
      if (!item || typeof item !== "object") { return; }
      // A day, read as local noon so that it shows as that day in every time zone.
      var m = { done: /^\d{4}-\d{2}-\d{2}$/.test(item.d || "") ? item.d + "T12:00:00" : null, checks: {} };
      module.checks.forEach(function (id) {
        var code = item.c && item.c[id];
        if (/^[01][01]$/.test(code || "")) { m.checks[id] = { first: code[0] === "1", latest: code[1] === "1" }; }
      });
      progress.modules[module.id] = m;
    });
    return progress;
  }

  /* What the LMS is told ---------------------------------------------------------------- */

  function firstTryScore(progress) {
    var total = 0, right = 0, answered = 0;
    config.modules.forEach(function (module) {
      var m = progress.modules[module.id];
      module.checks.forEach(function (id) {
        total += 1;
        var c = m && m.checks && m.checks[id];
        if (c) { answered += 1; if (c.first === true) { right += 1; } }
      });
    });
    return total && answered ? Math.round((100 * right) / total) : null;
  }

  function allDone(progress) {
    return config.modules.every(function (module) {
      var m = progress.modules[module.id];
      return Boolean(m && m.done);
    });
  }

  function lessonStatus(progress, score) {
    if (!allDone(progress)) { return "incomplete"; }
    var mastery = parseFloat(get("cmi.student_data.mastery_score"));
    return !isNaN(mastery) && score !== null && score >= mastery ? "passed" : "completed";
  }

  /* CMITimespan, HHHH:MM:SS.SS */
  function timespan(ms) {
    var seconds = Math.max(0, ms) / 1000;
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var whole = Math.floor(s), cents = Math.floor((s - whole) * 100);
    return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + Math.min(h, 9999) + ":" + two(m) + ":" +
      two(whole) + "." + two(cents);
  }

  function report(progress) {
    var score = firstTryScore(progress);
    if (score !== null) {
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(score));
    }
    var status = lessonStatus(progress, score);
    set("cmi.core.lesson_status", status);
    // Suspended while the path is unfinished, so the LMS resumes this attempt next time.
    set("cmi.core.exit", status === "incomplete" ? "suspend" : "");
    set("cmi.core.session_time", timespan(Date.now() - started));
  }

  function commit() {
    if (String(api.LMSCommit("")) !== "true") { warn("LMSCommit"); }
  }

  /* What the training script calls (see assets/training.js) ---------------------------- */

  var lms = {
    connected: true,
    /* The progress of this session: the path's modules from suspend_data, and what the
       learner did elsewhere in the site since the launch. */
    load: function () { return JSON.parse(JSON.stringify(state)); },
    /* Keep `progress`; false when it cannot be kept in the LMS (it would not fit). */
    save: function (progress) {
      var data = encode(progress);
      if (data.length > config.limit) {
        if (window.console) {
          window.console.warn("partnerkit SCORM: progress of " + data.length + " characters does not fit in " +
                              "cmi.suspend_data (" + config.limit + "); it is not sent to the LMS");
        }
        return false;
      }
      state = JSON.parse(JSON.stringify(progress));
      if (!set("cmi.suspend_data", data)) { return false; }
      report(state);
      commit();
      return true;
    }
  };

  /* The page the learner is on, for resuming there: a page of the site, nothing else. */
  function bookmark() {
    var base = new URL(config.site, window.location.href).href;
    var here;
    try { here = frame.contentWindow.location.href; } catch (e) { return; }
    if (here.indexOf(base) !== 0) { return; }
    var page = here.slice(base.length).split("?")[0];
    if (SAFE_PAGE.test(page) && page.length <= 255) {
      set("cmi.core.lesson_location", page);
      commit();
    }
  }

  var SAFE_PAGE = /^(?!.*\.\.)[A-Za-z0-9_\-./]*\.html(#[A-Za-z0-9_\-.:]*)?$/;

  function start() {
    var page = config.start;
    if (api && String(api.LMSInitialize("")) === "true") {
      window.partnerkitLms = lms;
      // Some LMSs resume with an empty cmi.core.entry: what suspend_data holds is read anyway.
      var saved = get("cmi.suspend_data");
      if (saved) { state = decode(saved); }
      var location = get("cmi.core.lesson_location");
      if (get("cmi.core.entry") === "resume" && SAFE_PAGE.test(location)) { page = location; }
      report(state);  // "not attempted" becomes "incomplete" (or what the resumed progress says)
      commit();
      frame.addEventListener("load", bookmark);
      window.addEventListener("pagehide", finish);
      window.addEventListener("beforeunload", finish);
    } else if (api) {
      warn("LMSInitialize");
      api = null;
    }
    frame.src = config.site + page;
  }

  function finish() {
    if (finished || !api) { return; }
    finished = true;
    report(state);
    commit();
    if (String(api.LMSFinish("")) !== "true") { warn("LMSFinish"); }
  }

  start();
})();
