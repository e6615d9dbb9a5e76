// Streamlit's own widget words ("Select all", "No results", "Press Enter to apply", …) in the
// page's language: Streamlit has no locale setting, so the words are replaced where they
// appear, in text and in the placeholder, aria-label and title attributes. Data only comes
// in through WORDS (JSON, from the gettext catalogue). Stops when the page no longer carries
// its marker element (the user switched back to English).
(function (words) {
    var MARK = "streamlit-words-marker";
    if (window.__streamlitWords) { window.__streamlitWords.words = words; return; }
    var state = window.__streamlitWords = {words: words};
    var ATTRS = ["placeholder", "aria-label", "title"];
    function reword(text) {
        var w = state.words, key = text.trim();
        if (!key) { return null; }
        if (Object.prototype.hasOwnProperty.call(w.exact, key)) {
            return text.replace(key, function () { return w.exact[key]; });
        }
        for (var i = 0; i < w.patterns.length; i++) {
            var m = new RegExp(w.patterns[i][0]).exec(key);
            if (m) {  // functions, not strings: a "$&" typed by the user stays as typed
                var out = w.patterns[i][1].replace("{n}", function () { return m[1]; });
                return text.replace(key, function () { return out; });
            }
        }
        return null;
    }
    function visit(node) {
        if (node.nodeType === 3) {
            var t = reword(node.nodeValue);
            if (t !== null && t !== node.nodeValue) { node.nodeValue = t; }
            return;
        }
        if (node.nodeType !== 1) { return; }
        ATTRS.forEach(function (a) {
            var v = node.getAttribute(a);
            var t = v === null ? null : reword(v);
            if (t !== null && t !== v) { node.setAttribute(a, t); }
        });
        for (var c = node.firstChild; c; c = c.nextSibling) { visit(c); }
    }
    var observer = new MutationObserver(function (records) {
        if (!document.getElementById(MARK)) {
            observer.disconnect();
            window.__streamlitWords = null;
            return;
        }
        records.forEach(function (r) {
            if (r.type === "childList") { r.addedNodes.forEach(visit); }
            else { visit(r.target); }
        });
    });
    observer.observe(document.body, {childList: true, subtree: true, characterData: true,
                                     attributes: true, attributeFilter: ATTRS});
    visit(document.body);
})(WORDS);
