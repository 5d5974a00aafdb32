/* Start a session's deck: reveal.js with the speaker view (S) and pacing from each slide's
   minutes (data-timing, seconds). Kept in the package: no request leaves the site. */
(function () {
  "use strict";
  var root = document.querySelector(".reveal");
  var total = root ? parseInt(root.getAttribute("data-pk-total-seconds"), 10) : 0;
  Reveal.initialize({
    hash: true,
    plugins: [RevealNotes],
    totalTime: total > 0 ? total : undefined,
    width: 1280,
    height: 720,
    margin: 0.04,
    transition: "none",
    controlsTutorial: false
  });
}());
