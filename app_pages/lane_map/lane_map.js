// The page's map frame: a folium map (script, header and asset URLs built by
// app_pages/map_component.map_args) driven through Streamlit's component protocol, version 1
// (postMessage: componentReady, render, setFrameHeight, setComponentValue). No framework: the
// frame's only scripts are this one and the map's own bundle, so the lane is drawn as soon as
// the bundle has run.
//
// The map reports its view (the `returned_objects` of bounds, zoom, center, and moved: whether
// the user has pressed, dragged or zoomed in the map, from lane_frame.js) once it has
// framed the lane (lane_frame.js sets data-lane-ready on the root element after each fit),
// then after each move, 250 ms after the last one: the page never sees the unframed view.
(function () {
  "use strict";
  var root = document.documentElement;
  var args = null;        // the latest render's arguments
  var started = false;
  var drawn = false;      // the map's script has run
  var shown = {featureGroup: null, layerControl: null, height: null};
  var lastReport = null;  // JSON of the last report sent
  var pending = null;

  function send(type, data) {
    var msg = {isStreamlitMessage: true, type: type};
    Object.keys(data).forEach(function (k) { msg[k] = data[k]; });
    window.parent.postMessage(msg, "*");
  }

  function run(code) {  // in the frame's global scope, as folium's scripts expect
    var el = document.createElement("script");
    el.text = code;
    document.body.appendChild(el);
  }

  function loadScripts(urls) {  // fetched together, run in order
    return Promise.all(urls.map(function (url) {
      return new Promise(function (resolve, reject) {
        var el = document.createElement("script");
        el.src = url;
        el.async = false;
        el.onload = resolve;
        el.onerror = function () { reject(new Error("could not load " + url)); };
        document.head.appendChild(el);
      });
    }));
  }

  function report() {
    pending = null;
    var map = window.map;
    if (!map || !root.dataset.laneReady || !args) { return; }
    var all = {bounds: map.getBounds(), zoom: map.getZoom(), center: map.getCenter(),
               moved: root.dataset.laneMoved === "1"};  // the user has pressed in the map
    var value = {};
    (args.returned_objects || []).forEach(function (k) { if (k in all) { value[k] = all[k]; } });
    if (!Object.keys(value).length) { return; }
    var json = JSON.stringify(value);
    if (json === lastReport) { return; }
    lastReport = json;
    send("streamlit:setComponentValue", {value: JSON.parse(json), dataType: "json"});
  }

  function reportSoon() {
    clearTimeout(pending);
    pending = setTimeout(report, 250);
  }

  // The frame's height: the page's (args.height) at most, and no taller than the window below
  // the frame's top, so that the whole map, and the lane in it, is above the fold (at
  // 1280×800 the map starts ≈ 400 px down, ≈ 425 px in Chinese, ≈ 500 px under a warning; a
  // 1024×700 window leaves ≈ 265 px), but not under MIN_HEIGHT (the controls need it: with
  // less room it ends a few pixels past the fold). A frame that starts with less than
  // MIN_ROOM of the window below it (a phone, where the figures stack above the map) keeps
  // the page's height: it is below the fold whatever its height.
  var MIN_HEIGHT = 240, MIN_ROOM = 120, MARGIN = 16;
  function fitted(height) {
    var el = window.frameElement, view = window.parent;
    if (!el || !view) { return height; }
    var top = el.getBoundingClientRect().top + view.scrollY;
    for (var box = el.parentElement; box; box = box.parentElement) {
      top += box.scrollTop;  // Streamlit scrolls a container, not the window: unscrolled top
    }
    var room = Math.floor(view.innerHeight - top - MARGIN);
    if (room + MARGIN < MIN_ROOM) { return height; }
    return Math.min(height, Math.max(MIN_HEIGHT, room));
  }

  function setHeight(wanted) {
    var height = fitted(wanted);
    if (height === shown.height) { return; }
    shown.height = height;
    document.getElementById("map_div").style.height = height + "px";
    send("streamlit:setFrameHeight", {height: height});
    if (window.map) { window.map.invalidateSize(false); }
  }

  // the layers that change without redrawing the map (the segments, at a new speed) and the
  // layer switcher that lists them
  function update() {
    setHeight(args.height);
    var group = args.feature_group || "", control = args.layer_control || "";
    if (group === shown.featureGroup && control === shown.layerControl) { return; }
    var map = window.map;
    (window.feature_group || []).forEach(function (layer) { map.removeLayer(layer); });
    window.feature_group = [];
    if (window.layer_control) { map.removeControl(window.layer_control); }
    shown.featureGroup = group;
    shown.layerControl = control;
    run(group + "\n" + control);
  }

  function mark(name) { if (window.performance && performance.mark) { performance.mark(name); } }

  function start() {
    mark("lane-map:render");  // the first arguments arrived (benchmarks read these marks)
    setHeight(args.height);
    (args.css_links || []).forEach(function (href) {
      var el = document.createElement("link");
      el.rel = "stylesheet";
      el.href = href;
      document.head.appendChild(el);
    });
    document.head.insertAdjacentHTML("beforeend", args.header || "");
    if (args.html) { document.body.insertAdjacentHTML("beforeend", args.html); }
    loadScripts(args.js_links || []).then(function () {
      mark("lane-map:scripts");
      run(args.script + "\nwindow.map = map_div;");
      mark("lane-map:drawn");
      drawn = true;
      window.map.on("moveend", reportSoon);
      new MutationObserver(reportSoon).observe(
        root, {attributeFilter: ["data-lane-ready", "data-lane-moved"]});
      update();
    }).catch(function (err) {
      document.getElementById("map_div").textContent = String(err.message || err);
    });
  }

  // the window resized, or the page above the frame changed (a web font arrived, a warning
  // appeared): the frame's height again (the map refits to it)
  function again() { if (args) { setHeight(args.height); } }
  try {
    window.parent.addEventListener("resize", again);
    var page = window.parent.document;
    if (window.parent.ResizeObserver) {  // the page's main column grows or shrinks
      new window.parent.ResizeObserver(again).observe(
        page.querySelector('[data-testid="stMainBlockContainer"]') || page.body);
    }
  } catch (e) { /* another origin: the page's height */ }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.type !== "streamlit:render") { return; }
    args = data.args || {};
    if (!started) { started = true; start(); }
    else if (drawn) { update(); }
  });
  send("streamlit:componentReady", {apiVersion: 1});
})();
