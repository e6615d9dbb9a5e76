{#- Frame the lane clear of the controls, spread stacked ports and keep their names apart,
    keep popups and notes clear of the controls and the lane (frame_*.js, included here), keep
    the wheel for the page.
    Takes only numbers, JSON and folium layer names (see elements.LaneFrame). -#}
{% macro script(this, kwargs) %}
(function (map, o) {
    var container = map.getContainer();
    var root = document.documentElement;
    var GAP = 8;          // px between the lane (or a name) and a control or the map's edge
    var SPREAD_GAP = 6;   // px between two markers spread apart
    var LEAST_ZOOM = 0;   // the fit goes no further out: the whole world in 256 px
    var userMoved = false;
    var fits = 0;

    // folium gives min/max zoom to a tile layer only; this map may have none
    map.setMinZoom(1);
    map.setMaxZoom(o.maxZoom);

    // ---- a shared extent: framed at the zoom that fits it exactly, not snapped down to a
    //      step, so the view reported back (the extent widened to the map's shape) reopens as
    //      itself; framed at once too, so the map's first report of its view is already it
    function fitExact(bounds) {
        var snap = map.options.zoomSnap;
        map.options.zoomSnap = 0;
        map.fitBounds(bounds, {animate: false, maxZoom: o.maxZoom, padding: [0, 0]});
        map.options.zoomSnap = snap;
    }
    // ---- ... widened just enough (the extent stays whole in view) that every port in it, its
    //      marker and its name, and the lane's label are inside the map and clear of the
    //      controls: a port at the link's edge (its box made from the lane's own box puts both
    //      ends on it), or a short map whose controls reach over the extent. Each pass pads the
    //      side an item is cut or covered on by what it lacks, and fits again (at most 4).
    function roomFor(bounds) {
        var pad = {left: 0, top: 0, right: 0, bottom: 0};
        for (var step = 0; step < 4; step++) {
            var size = map.getSize(), boxes = corners(), need = {left: 0, top: 0, right: 0, bottom: 0};
            var want = function (side, px) { need[side] = Math.max(need[side], px); };
            inView().forEach(function (b) {
                want("left", GAP - b.left);
                want("top", GAP - b.top);
                want("right", b.right - (size.x - GAP));
                want("bottom", b.bottom - (size.y - GAP));
                boxes.forEach(function (c) {
                    if (!hits(b, c)) { return; }
                    var west = c.pos.indexOf("left") >= 0, north = c.pos.indexOf("top") >= 0;
                    var across = west ? c.right - b.left : b.right - c.left;
                    var down = north ? c.bottom - b.top : b.bottom - c.top;
                    if (across <= down) { want(west ? "left" : "right", across); }
                    else { want(north ? "top" : "bottom", down); }
                });
            });
            if (Math.max(need.left, need.top, need.right, need.bottom) <= 0.5) { return; }
            Object.keys(pad).forEach(function (side) { pad[side] += Math.max(0, need[side]); });
            if (pad.left + pad.right > size.x / 2 || pad.top + pad.bottom > size.y / 2) { return; }
            var snap = map.options.zoomSnap;
            map.options.zoomSnap = 0;
            map.fitBounds(bounds, {animate: false, maxZoom: o.maxZoom,
                                   paddingTopLeft: [pad.left, pad.top],
                                   paddingBottomRight: [pad.right, pad.bottom]});
            map.options.zoomSnap = snap;
            declutter();
            placeNames();
        }
    }
    // the boxes (map pixels) of the ports in view, marker and name, and of the lane's label
    function inView() {
        var size = map.getSize(), out = [];
        o.ports.forEach(function (p) {
            if (!p.marker || !p.marker._map) { return; }
            var at = map.latLngToContainerPoint(p.marker.getLatLng()), r = p.radius + 2;
            if (at.x < -r || at.y < -r || at.x > size.x + r || at.y > size.y + r) { return; }
            out.push({left: at.x - r, top: at.y - r, right: at.x + r, bottom: at.y + r});
            var tip = p.label && p.label._map && p.label.getTooltip();
            if (tip && tip._container && tip._container.offsetWidth) {
                out.push(boxOf(tip._container));
            }
        });
        var lane = o.laneLabel && o.laneLabel._map && o.laneLabel.getElement();
        if (lane && lane.firstElementChild) {
            var at = map.latLngToContainerPoint(o.laneLabel.getLatLng());
            if (at.x >= 0 && at.y >= 0 && at.x <= size.x && at.y <= size.y) {
                var box = boxOf(lane.firstElementChild);
                if (box.right > box.left) { out.push(box); }
            }
        }
        return out;
    }
    if (o.exact) { fitExact(L.latLngBounds(o.bounds)); }

    // ---- the wheel zooms only once the user has clicked into the map (no scroll trap)
    map.scrollWheelZoom.disable();
    function wheelOn() { map.scrollWheelZoom.enable(); }
    function wheelOff() { map.scrollWheelZoom.disable(); }
    L.DomEvent.on(container, "click", wheelOn);
    L.DomEvent.on(container, "focus", wheelOn);
    L.DomEvent.on(container, "mouseleave", wheelOff);
    L.DomEvent.on(container, "blur", wheelOff);
    // any press in the map, controls included (they stop propagation: listen while capturing)
    // (marked on the root element too: the page's frame reports it with the view)
    function moved() { userMoved = true; root.dataset.laneMoved = "1"; }
    ["pointerdown", "touchstart", "keydown"].forEach(function (type) {
        container.addEventListener(type, moved, true);
    });
    L.DomEvent.on(container, "wheel", function () {
        if (map.scrollWheelZoom.enabled()) { moved(); }
    });
    // Leaflet focuses the map on a press, for its keys; in a page that scrolls (the map in an
    // iframe below the fold) that scrolls the page under the pointer, and the click lands
    // beside the marker it was aimed at: focus without scrolling
    if (map.keyboard && map.keyboard.enabled()) {
        map.keyboard.disable();
        map.keyboard._onMouseDown = function () {
            if (!this._focused) { container.focus({preventScroll: true}); }
        };
        map.keyboard.enable();
    }

{% include "frame_names.js" %}

    // ---- what must stay clear of the controls: the lane, the ports, their names and badges
    function relBox(el, anchorLatLng) {
        if (!el) { return null; }
        var q = el.getBoundingClientRect();
        if (!q.width || !q.height) { return null; }
        var m = container.getBoundingClientRect();
        var at = map.latLngToContainerPoint(anchorLatLng);
        return {left: q.left - m.left - at.x, top: q.top - m.top - at.y,
                right: q.right - m.left - at.x, bottom: q.bottom - m.top - at.y};
    }
    function items() {
        var half = o.weight / 2 + 2;
        var out = [];
        o.keep.forEach(function (line) {
            line.forEach(function (ll) {
                out.push({at: L.latLng(ll),
                          box: {left: -half, top: -half, right: half, bottom: half}});
            });
        });
        o.ports.forEach(function (p) {
            var r = p.radius + 2;
            var box = {left: -r, top: -r, right: r, bottom: r};
            var tip = p.label && p.label._map && p.label.getTooltip();
            var name = tip ? relBox(tip.getElement(), p.label.getLatLng()) : null;
            if (name) {
                box = {left: Math.min(box.left, name.left), top: Math.min(box.top, name.top),
                       right: Math.max(box.right, name.right),
                       bottom: Math.max(box.bottom, name.bottom)};
            }
            out.push({at: p.home, box: box});
        });
        map.eachLayer(function (layer) {  // a port's ✓ badge on its preferred side (fixed:
            // where it last went depends on the view, and the fit must not chase it)
            if (layer.laneBadge && layer._map) { out.push(layer.laneBadge()); }
        });
        if (o.laneLabel && o.laneLabel._map && o.laneLabel.getElement()) {
            var text = o.laneLabel.getElement().firstElementChild;
            var box = relBox(text, o.laneLabel.getLatLng());
            if (box) { out.push({at: o.laneLabel.getLatLng(), box: box}); }
        }
        return out;
    }
    function corners() {
        var m = container.getBoundingClientRect();
        var out = [];
        ["topleft", "topright", "bottomleft", "bottomright"].forEach(function (pos) {
            var corner = map._controlCorners && map._controlCorners[pos];
            if (!corner) { return; }
            var r = null;
            Array.prototype.forEach.call(corner.children, function (el) {
                var q = el.getBoundingClientRect();
                if (!q.width || !q.height) { return; }
                r = r ? {left: Math.min(r.left, q.left), top: Math.min(r.top, q.top),
                         right: Math.max(r.right, q.right), bottom: Math.max(r.bottom, q.bottom)}
                      : {left: q.left, top: q.top, right: q.right, bottom: q.bottom};
            });
            if (!r) { return; }
            out.push({pos: pos, left: r.left - m.left - GAP, top: r.top - m.top - GAP,
                      right: r.right - m.left + GAP, bottom: r.bottom - m.top + GAP});
        });
        return out;
    }
    function clear(list, boxes, size, zoom, origin) {
        for (var i = 0; i < list.length; i++) {
            var pt = map.project(list[i].at, zoom).subtract(origin), b = list[i].box;
            var l = pt.x + b.left, t = pt.y + b.top, r = pt.x + b.right, btm = pt.y + b.bottom;
            if (l < GAP || t < GAP || r > size.x - GAP || btm > size.y - GAP) { return false; }
            for (var k = 0; k < boxes.length; k++) {
                var c = boxes[k];
                if (l < c.right && r > c.left && t < c.bottom && btm > c.top) { return false; }
            }
        }
        return true;
    }
    // Each corner's controls are avoided by padding that side horizontally or vertically, or
    // not at all when the lane does not come near that corner; the framing with the largest
    // zoom that keeps everything clear wins.
    function bestView(bounds) {
        var size = map.getSize(), boxes = corners(), list = items();
        var snap = map.options.zoomSnap || 1;
        var best = null;
        var combos = Math.pow(3, boxes.length);
        for (var n = 0; n < combos; n++) {
            var pad = {left: GAP, top: GAP, right: GAP, bottom: GAP}, code = n;
            boxes.forEach(function (c) {
                var mode = code % 3;
                code = (code - mode) / 3;
                var west = c.pos.indexOf("left") >= 0, north = c.pos.indexOf("top") >= 0;
                if (mode === 1 && west) { pad.left = Math.max(pad.left, c.right); }
                if (mode === 1 && !west) { pad.right = Math.max(pad.right, size.x - c.left); }
                if (mode === 2 && north) { pad.top = Math.max(pad.top, c.bottom); }
                if (mode === 2 && !north) { pad.bottom = Math.max(pad.bottom, size.y - c.top); }
            });
            if (pad.left + pad.right > size.x - 60 || pad.top + pad.bottom > size.y - 60) {
                continue;
            }
            var zoom = Math.min(o.maxZoom, map.getBoundsZoom(
                bounds, false, L.point(pad.left + pad.right, pad.top + pad.bottom)));
            for (var step = 0; step < 12 && zoom >= LEAST_ZOOM; step++, zoom -= snap) {
                if (best && zoom <= best.zoom) { break; }
                var sw = map.project(bounds.getSouthWest(), zoom);
                var ne = map.project(bounds.getNorthEast(), zoom);
                var centre = sw.add(ne).divideBy(2).add(
                    L.point(pad.right - pad.left, pad.bottom - pad.top).divideBy(2));
                var origin = centre.subtract(size.divideBy(2));
                if (clear(list, boxes, size, zoom, origin)) {
                    best = {zoom: zoom, centre: map.unproject(centre, zoom)};
                    break;
                }
            }
        }
        return best;
    }

{% include "frame_popups.js" %}

{% include "frame_notes.js" %}

{% include "frame_uncover.js" %}

    // ---- a short map (a laptop's window, the frame fitted below the figures): the legend,
    //      open, would reach the controls of the other corners; it folds to its title until
    //      the user opens it again (a press in the map: no fit folds it after that). Still
    //      reaching them folded (a map of ≈ 250 px), the scale bar makes room ("lane-short";
    //      the measure tool still gives distances), until the map is taller again.
    function foldLongLegend() {
        var legend = container.querySelector(".lane-legend");
        if (!legend) { return; }
        var corner = legend.parentElement.classList;
        var pos = (corner.contains("leaflet-top") ? "top" : "bottom") +
                  (corner.contains("leaflet-left") ? "left" : "right");
        function reaches() {
            var box = boxOf(legend);
            return corners().some(function (c) { return c.pos !== pos && hits(box, c); });
        }
        container.classList.remove("lane-short");
        var details = legend.querySelector("details[open]");
        if (details && !userMoved && reaches()) { details.removeAttribute("open"); }
        if (!legend.querySelector("details[open]") && reaches()) {
            container.classList.add("lane-short");
        }
    }

    function fit() {
        map.invalidateSize(false);
        foldLongLegend();
        refreshLabels();
        var bounds = L.latLngBounds(o.bounds);
        var best = o.exact ? null : bestView(bounds);
        if (best) {
            // a world-wide lane on a phone may need a zoom below the usual least one: allow
            // it, or Leaflet would raise the zoom and keep the off-centre view's centre
            if (best.zoom < map.getMinZoom()) { map.setMinZoom(best.zoom); }
            map.setView(best.centre, best.zoom, {animate: false});
        } else if (o.exact) {
            fitExact(bounds);
            declutter();
            placeNames();
            uncover();          // the legend folds, the minimap minimises, over a port
            roomFor(bounds);    // what still is cut or covered: the view widens for it
        } else {
            map.fitBounds(bounds, {animate: false, maxZoom: o.maxZoom, padding: [GAP, GAP]});
        }
        declutter();
        placeNames();
        limitPopups();
        rememberView();  // a refit (the frame resized) is the view a closed popup returns to
        fits += 1;
        placeNotes();
        root.dataset.laneReady = String(fits);
    }

    function stylesReady() {
        var links = document.querySelectorAll('link[rel="stylesheet"]');
        for (var i = 0; i < links.length; i++) {
            if (!links[i].sheet) { return false; }
        }
        return getComputedStyle(container).overflow === "hidden";  // leaflet.css applied
    }
    // a control that changes size after the fit (a font arriving late, the legend folding)
    // refits, until the user has moved the map
    function watchControls() {
        if (!window.ResizeObserver) { return; }
        var pending = null;
        var seen = false;
        var observer = new ResizeObserver(function () {
            if (!seen) { seen = true; return; }  // the first report is the current size
            if (userMoved) { return; }
            clearTimeout(pending);
            pending = setTimeout(fit, 80);
        });
        Array.prototype.forEach.call(container.querySelectorAll(".leaflet-control"),
            function (el) { observer.observe(el); });
    }
    var tries = 0;
    function whenStyled() {
        tries += 1;
        if (stylesReady() || tries > 100) { fit(); watchControls(); }
        else { setTimeout(whenStyled, 50); }
    }
    // not before the rest of the map's script has run: controls added after this one (the
    // layer switcher, a standalone page's figures) are framed around too
    setTimeout(whenStyled, 0);
    window.addEventListener("resize", function () { if (!userMoved) { fit(); } });
    map.on("enterFullscreen exitFullscreen", function () { setTimeout(fit, 120); });
    map.on("zoomend", function () { declutter(); placeNames(); });
    map.on("moveend resize", placeNotes);  // after a pan or zoom, or a popup's pan
    map.on("lanenote", placeNotes);        // a note added after the first fit
    // online tiles that failed: the offline land layer's zoom limit, and the offline fit
    map.on("lanefallback", function (e) {
        o.maxZoom = e.maxZoom;
        if (!fits) { return; }  // the first fit is still to come
        if (userMoved) { placeNotes(); } else { fit(); }
    });
{% if this.wait_fonts %}
    // the Chinese web font arrives after the first fit: measure the names again with it
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(function () {
            if (userMoved) { refreshLabels(); declutter(); placeNames(); placeNotes(); }
            else { fit(); }
        });
    }
{% endif %}
})({{ this._parent.get_name() }}, {
    bounds: {{ this.bounds|tojson }},
    exact: {{ this.exact|tojson }},
    keep: {{ this.keep_clear|tojson }},
    keepToleranceDeg: {{ this.keep_tolerance_deg|tojson }},
    weight: {{ this.lane_weight_px|tojson }},
    maxZoom: {{ this.max_zoom|tojson }},
    laneLabel: {{ this.lane_label.get_name() if this.lane_label else "null" }},
    ports: [{% for p in this.ports %}
        {marker: {{ p.marker.get_name() if p.marker else "null" }},
         label: {{ p.label.get_name() if p.label else "null" }},
         radius: {{ p.radius_px|tojson }}}{{ "," if not loop.last }}{% endfor %}
    ]
});
{% endmacro %}
