{#- Part of lane_frame.js (included inside its closure: map, container, o, GAP, fits, boxOf(),
    hits()).
    Notes (the user's label, the tile fallback's message) float where they hide nothing. -#}
    // ---- notes sit outside the controls' corners, so the fit never makes room for them:
    //      each goes to the first free place along the top or bottom edge, else the free
    //      place nearest the top right corner, clear of the lane, the ports, their names,
    //      the lane's label, the controls, an open popup and the notes placed before it;
    //      where no place is free, where it hides least
    var NOTE_STEP = 8;      // px between the places tried
    var LANE_STEP = 5;      // px between the points sampled along the lane
    function lanePoints() {  // along the lane's lines (o.keep), every few px, in map px
        // each point stands for the lane within the lines' simplification of it
        var slack = o.keepToleranceDeg * 256 * Math.pow(2, map.getZoom()) / 360;
        var half = o.weight / 2 + 2 + slack, out = [];
        o.keep.forEach(function (line) {
            var pts = line.map(function (ll) { return map.latLngToContainerPoint(ll); });
            for (var i = 0; i < pts.length; i++) {
                var a = pts[i], b = pts[i + 1] || pts[i];
                var steps = Math.max(1, Math.ceil(a.distanceTo(b) / LANE_STEP));
                for (var s = 0; s < steps; s++) {
                    out.push({x: a.x + (b.x - a.x) * s / steps, y: a.y + (b.y - a.y) * s / steps,
                              half: half});
                }
            }
        });
        return out;
    }
    function blockers() {  // ports, their names, the lane's label, controls, an open popup
        var els = [];
        o.ports.forEach(function (p) {
            if (p.marker && p.marker._map && p.marker._path) { els.push(p.marker._path); }
            var tip = p.label && p.label._map && p.label.getTooltip();
            if (tip && tip._container) { els.push(tip._container); }
        });
        if (o.laneLabel && o.laneLabel._map && o.laneLabel.getElement()) {
            els.push(o.laneLabel.getElement().firstElementChild || o.laneLabel.getElement());
        }
        Array.prototype.push.apply(els, container.querySelectorAll(
            ".leaflet-control, .leaflet-popup"));
        var boxes = [];
        els.forEach(function (el) {
            var b = boxOf(el);
            if (b.right - b.left > 0 && b.bottom - b.top > 0) {
                boxes.push({left: b.left - GAP, top: b.top - GAP,
                            right: b.right + GAP, bottom: b.bottom + GAP});
            }
        });
        return boxes;
    }
    function noteCost(r, points, boxes) {
        var cost = 0, i;
        for (i = 0; i < boxes.length; i++) {
            if (hits(r, boxes[i])) { cost += 100; }
        }
        for (i = 0; i < points.length; i++) {
            var p = points[i];
            if (p.x + p.half > r.left && p.x - p.half < r.right &&
                p.y + p.half > r.top && p.y - p.half < r.bottom) { cost += 1; }
        }
        return cost;
    }
    function placeNote(note, points, boxes, size) {
        var w = note.offsetWidth, h = note.offsetHeight;
        var at = function (x, y) { return {left: x, top: y, right: x + w, bottom: y + h}; };
        var maxX = size.x - GAP - w, maxY = size.y - GAP - h;
        if (maxX < GAP || maxY < GAP) { return at(Math.max(0, maxX), Math.max(0, maxY)); }
        if (note._laneAt && note._laneAt.x <= maxX && note._laneAt.y <= maxY) {
            var kept = at(note._laneAt.x, note._laneAt.y);  // stay put while it hides nothing
            if (noteCost(kept, points, boxes) === 0) { return kept; }
        }
        // along the top edge, then the bottom edge (a caption's places), from the right;
        // then anywhere, nearest the top right corner first
        var places = [], x, y;
        [GAP, maxY].forEach(function (edge) {
            for (x = maxX; x > GAP - NOTE_STEP; x -= NOTE_STEP) {
                places.push([Math.max(GAP, x), edge]);
            }
        });
        var inner = [];
        for (x = maxX; x > GAP - NOTE_STEP; x -= NOTE_STEP) {
            for (y = GAP + NOTE_STEP; y < maxY; y += NOTE_STEP) {
                inner.push([Math.max(GAP, x), y]);
            }
        }
        inner.sort(function (a, b) {
            var da = (maxX - a[0]) * (maxX - a[0]) + (a[1] - GAP) * (a[1] - GAP);
            var db = (maxX - b[0]) * (maxX - b[0]) + (b[1] - GAP) * (b[1] - GAP);
            return da - db;
        });
        places = places.concat(inner);
        var best = null;
        for (var i = 0; i < places.length; i++) {
            var r = at(places[i][0], places[i][1]);
            var cost = noteCost(r, points, boxes);
            if (!best || cost < best.cost) { best = {r: r, cost: cost}; }
            if (cost === 0) { break; }
        }
        return best.r;
    }
    function placeNotes() {
        if (!fits) { return; }  // the first fit places them
        var notes = container.querySelectorAll(".lane-notes > .map-note");
        if (!notes.length) { return; }
        var size = map.getSize(), points = lanePoints(), boxes = blockers();
        Array.prototype.forEach.call(notes, function (note) {
            var r = placeNote(note, points, boxes, size);
            note._laneAt = {x: r.left, y: r.top};
            note.style.left = r.left + "px";
            note.style.top = r.top + "px";
            note.classList.add("placed");
            boxes.push({left: r.left - GAP, top: r.top - GAP,
                        right: r.right + GAP, bottom: r.bottom + GAP});
        });
    }
