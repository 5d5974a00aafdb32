/* partnerkit: a local stand-in for the "iframe-worker" shim Material's offline plugin
   would fetch from a CDN. Browsers refuse Web Workers on file:// pages, so there the
   search worker runs inside a hidden iframe instead, and loads the search languages'
   stemmers itself. Served from the site: no request leaves it. On http(s) this script
   does nothing. */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") { return; }

  function IframeWorker(url) {
    var worker = this;
    this.onmessage = null;
    this.onerror = null;
    this._events = document.createElement("span");
    this._queue = [];
    this._ready = false;
    var iframe = document.createElement("iframe");
    iframe.setAttribute("aria-hidden", "true");
    iframe.setAttribute("tabindex", "-1");
    iframe.title = "search";
    iframe.style.display = "none";
    (document.body || document.documentElement).appendChild(iframe);
    this._iframe = iframe;
    var scope = iframe.contentWindow;
    scope.postMessage = function (data) {
      var event = new MessageEvent("message", { data: data });
      worker._events.dispatchEvent(event);
      if (typeof worker.onmessage === "function") { worker.onmessage(event); }
    };
    var script = scope.document.createElement("script");
    script.src = new URL(url, document.baseURI).href;
    // Material's search worker awaits importScripts for the languages' stemmers (lunr.fr,
    // ...): load them in turn, as scripts of the iframe, relative to the worker's script.
    scope.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (previous, src) {
        return previous.then(function () {
          return new Promise(function (resolve, reject) {
            var extra = scope.document.createElement("script");
            extra.src = new URL(src, script.src).href;
            extra.onload = function () { resolve(); };
            extra.onerror = function () { reject(new Error("could not load " + src)); };
            (scope.document.head || scope.document.documentElement).appendChild(extra);
          });
        });
      }, Promise.resolve());
    };
    script.onload = function () {
      worker._ready = true;
      worker._queue.splice(0).forEach(function (data) { worker.postMessage(data); });
    };
    script.onerror = function () {
      var event = new ErrorEvent("error", { message: "could not load " + url });
      worker._events.dispatchEvent(event);
      if (typeof worker.onerror === "function") { worker.onerror(event); }
    };
    (scope.document.head || scope.document.documentElement).appendChild(script);
  }

  IframeWorker.prototype.postMessage = function (data) {
    if (!this._ready) { this._queue.push(data); return; }
    var scope = this._iframe.contentWindow;
    scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
  };
  IframeWorker.prototype.addEventListener = function (type, listener, options) {
    this._events.addEventListener(type, listener, options);
  };
  IframeWorker.prototype.removeEventListener = function (type, listener, options) {
    this._events.removeEventListener(type, listener, options);
  };
  IframeWorker.prototype.terminate = function () {
    if (this._iframe.parentNode) { this._iframe.parentNode.removeChild(this._iframe); }
  };

  window.Worker = IframeWorker;
  window.IFrameWorker = IframeWorker;  // Material's worker looks for it to find its lunr/ folder
})();
