/* partnerkit: search in a language other than English finds the other forms of a word.
   Material's search makes every word of a query a prefix ("préparent" -> "préparent*"),
   and lunr runs no stemmer on a prefix, so "préparent" would not find "préparer". This
   cuts each such word to its stem with the language's own Snowball stemmer (lunr.fr,
   lunr.de, ...) first: "prépar*" finds préparer, préparation, préparent. The plugin
   appends it to Material's lunr.stemmer.support.min.js, which the search worker loads
   before the language's file, for every language but English; the stemmer is looked up
   when a query is made. */
(function (root) {
  "use strict";
  var lunr = root.lunr;
  if (!lunr || !lunr.Query || lunr.Query.prototype.partnerkitStems) { return; }

  function languageStemmer() {
    var found = null;
    for (var name in lunr) {
      var language = lunr[name];
      if (/^[a-z]{2}$/.test(name) && typeof language === "function" && typeof language.stemmer === "function") {
        if (found) { return null; } // several languages in one index: leave the words as they are
        found = language.stemmer;
      }
    }
    return found;
  }

  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    var stem = spec && typeof spec.term === "string" && /^[^*]{3,}\*$/.test(spec.term) ? languageStemmer() : null;
    if (stem) {
      var word = spec.term.slice(0, -1);
      var cut = String(stem(new lunr.Token(word, {})));
      if (cut.length >= 2 && cut !== word) { spec.term = cut + "*"; }
    }
    return clause.call(this, spec);
  };
  lunr.Query.prototype.partnerkitStems = true;
})(typeof self !== "undefined" ? self : this);
