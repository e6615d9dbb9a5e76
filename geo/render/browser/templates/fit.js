{#- After folium's own fit: frame the view, then mark the page ready. With an extent (the
    user's view) that extent is shown; otherwise the lane, its ports and their labels are fitted
    inside the map (zooming out a step at a time until they fit, then centred), never closer
    than the model's least frame (a short hop: at least 40 nm each way). Only JSON comes in. -#}
(function (map, extent, least, maxZoom, unit) {
  var root = document.documentElement;
  function frame() { return new Promise(function (ok) { requestAnimationFrame(function () {
    requestAnimationFrame(ok); }); }); }
  function laneBounds() {
    var b = L.latLngBounds([]);
    map.eachLayer(function (layer) {
      var cls = layer.options && layer.options.className;
      if (cls === "lane-route" && layer.getBounds) { b.extend(layer.getBounds()); }
    });
    return b;
  }
  // Ports near the lane keep their marker and label; the others (corridor ports on a
  // Shanghai → Singapore slide) are hidden: not part of this lane, cut by the map's edge.
  function portElements(lane) {
    var dLat = Math.max(1.5, 0.05 * (lane.getNorth() - lane.getSouth()));
    var dLon = Math.max(1.5, 0.05 * (lane.getEast() - lane.getWest()));
    var near = L.latLngBounds([lane.getSouth() - dLat, lane.getWest() - dLon],
                              [lane.getNorth() + dLat, lane.getEast() + dLon]);
    var kept = [];
    map.eachLayer(function (layer) {
      if (!layer.getLatLng || !layer.options) { return; }
      var tip = layer.getTooltip ? layer.getTooltip() : null;
      var isLabel = tip && tip.options.permanent &&
        String(tip.options.className || "").indexOf("port-label") >= 0;
      var isMarker = layer.options.className === "port-marker";
      if (!isLabel && !isMarker) { return; }
      var els = [];
      if (isMarker && layer.getElement && layer.getElement()) { els.push(layer.getElement()); }
      if (isLabel && tip.getElement()) { els.push(tip.getElement()); }
      // where the port is, not where the frame spread its marker (Yangshan, moved 2.5° off
      // Shanghai at a 1280×720 slide's zoom, was hidden and left its leader line alone)
      var show = near.contains(layer.laneHome || layer.getLatLng());
      els.forEach(function (el) {
        if (show) { kept.push(el); } else { el.style.display = "none"; }
      });
    });
    return kept;
  }
  function union(elements) {
    var r = null;
    elements.forEach(function (el) {
      var q = el.getBoundingClientRect();
      if (q.width === 0 && q.height === 0) { return; }
      if (!r) { r = {left: q.left, top: q.top, right: q.right, bottom: q.bottom}; return; }
      r.left = Math.min(r.left, q.left); r.top = Math.min(r.top, q.top);
      r.right = Math.max(r.right, q.right); r.bottom = Math.max(r.bottom, q.bottom);
    });
    return r;
  }
  function shrinkToFit(el, minRatio) {
    if (!el) { return; }
    var size = parseFloat(getComputedStyle(el).fontSize), floor = size * minRatio;
    while (el.scrollWidth > el.clientWidth + 1 && size > floor) {
      size = Math.max(floor, size * 0.95);
      el.style.fontSize = size + "px";
    }
  }
  async function settle() {
    shrinkToFit(document.getElementById("snap-title"), 0.6);
    shrinkToFit(document.getElementById("snap-subtitle"), 0.75);
    document.querySelectorAll("#snap-metrics .v").forEach(function (el) {
      shrinkToFit(el, 0.6);
    });
    // a long legend or source list: shrink the panel's blocks and the sources until they fit
    var panel = document.getElementById("snap-panel");
    for (var zoom = 1.0; panel && panel.scrollHeight > panel.clientHeight + 1 && zoom > 0.62;) {
      zoom *= 0.94;
      Array.prototype.forEach.call(panel.children, function (el) { el.style.zoom = zoom; });
    }
    var sources = document.getElementById("snap-sources");
    for (var s = 1.0; sources && sources.scrollHeight > sources.clientHeight + 1 && s > 0.7;) {
      s *= 0.94;
      sources.style.zoom = s;
    }
    map.options.zoomSnap = 0.1;  // finer steps than the live map: fill the slide
    map.invalidateSize(false);
    if (extent) {
      map.fitBounds(extent, {animate: false});
    } else {
      var bounds = laneBounds();
      var lanes = Array.from(document.querySelectorAll(".leaflet-overlay-pane path.lane-route"));
      var ports = bounds.isValid() ? portElements(bounds) : [];
      var pad = 40 * unit;
      if (bounds.isValid()) {
        var framed = L.latLngBounds(bounds.getSouthWest(), bounds.getNorthEast());
        if (least) { framed.extend(L.latLngBounds(least)); }
        map.fitBounds(framed, {animate: false, maxZoom: maxZoom, padding: [pad, pad]});
      }
      for (var i = 0; i < 24; i++) {
        await frame();
        var m = map.getContainer().getBoundingClientRect();
        var area = {left: m.left + pad, top: m.top + pad, right: m.right - pad,
                    bottom: m.bottom - pad};
        var content = union(lanes.concat(ports));
        if (!content) { break; }
        var w = content.right - content.left, h = content.bottom - content.top;
        if (w > area.right - area.left + 0.5 || h > area.bottom - area.top + 0.5) {
          map.setZoom(map.getZoom() - map.options.zoomSnap, {animate: false});
          continue;
        }
        var dx = (content.left + content.right) / 2 - (area.left + area.right) / 2;
        var dy = (content.top + content.bottom) / 2 - (area.top + area.bottom) / 2;
        if (Math.abs(dx) < 1 && Math.abs(dy) < 1) { break; }
        map.panBy([dx, dy], {animate: false});
      }
    }
    await frame();
    if (document.fonts && document.fonts.ready) { await document.fonts.ready; }
    await frame();
    root.dataset.snapshotReady = "1";
  }
  function start() { setTimeout(function () { settle().catch(function (e) {
    root.dataset.snapshotError = String(e); }); }, 200); }
  if (document.readyState === "complete") { start(); }
  else { window.addEventListener("load", start); }
})(window[{{ map_name|tojson }}], {{ extent|tojson }}, {{ least|tojson }},
   {{ max_zoom|tojson }}, {{ unit|tojson }});
