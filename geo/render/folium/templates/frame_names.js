{#- Part of lane_frame.js (included inside its closure: map, container, o, GAP, SPREAD_GAP).
    Port names and markers: spread stacked markers, put each name where it overlaps nothing. -#}
    // ---- port names: re-place them once the CSS is in (their width was measured without it)
    function refreshLabels() {
        o.ports.forEach(function (p) {
            var tip = p.label && p.label.getTooltip();
            if (tip && tip._map) { tip.update(); }
        });
    }

    function boxOf(el) {  // an element's box in the map's pixels
        var q = el.getBoundingClientRect(), m = container.getBoundingClientRect();
        return {left: q.left - m.left, top: q.top - m.top,
                right: q.right - m.left, bottom: q.bottom - m.top};
    }
    function hits(a, b) {
        return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
    }

    // ---- each name beside its marker, on the side chosen by the map builder unless there it
    //      would stick out of the map, cover another name or another port's marker: then on
    //      the first side where it does none of these (else the one where it does least)
    var SIDES = {right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1]};
    function placeNames() {
        var size = map.getSize();
        var dots = [];
        o.ports.forEach(function (p) {
            if (p.marker && p.marker._map && p.marker._path) {
                dots.push({port: p, box: boxOf(p.marker._path)});
            }
        });
        var placed = [];
        o.ports.forEach(function (p) {
            var tip = p.label && p.label._map && p.label.getTooltip();
            if (!tip || !tip._map || !tip._container) { return; }
            if (!p.homeSide) {
                p.homeSide = tip.options.direction;
                p.homeOffset = L.point(tip.options.offset);
            }
            var r = (p.radius || 4) + 2;
            var best = null;
            [p.homeSide, "right", "left", "top", "bottom"].forEach(function (side, n, all) {
                if ((best && best.cost === 0) || all.indexOf(side) !== n) { return; }
                var offset = side === p.homeSide ? p.homeOffset
                                                  : L.point(SIDES[side][0] * r, SIDES[side][1] * r);
                tip.options.direction = side;
                tip.options.offset = offset;
                tip.update();
                var box = boxOf(tip._container), cost = 0;
                if (box.left < 0 || box.top < 0 || box.right > size.x || box.bottom > size.y) {
                    cost += 4;
                }
                placed.forEach(function (other) { if (hits(box, other)) { cost += 2; } });
                dots.forEach(function (d) { if (d.port !== p && hits(box, d.box)) { cost += 1; } });
                if (!best || cost < best.cost) {
                    best = {side: side, offset: offset, cost: cost, box: box};
                }
            });
            if (tip.options.direction !== best.side) {
                tip.options.direction = best.side;
                tip.options.offset = best.offset;
                tip.update();
            }
            placed.push(best.box);
        });
    }

    // ---- markers closer than their radii: spread apart, with a leader line to the true place
    var leaders = L.layerGroup();
    o.ports.forEach(function (p) { p.home = L.latLng((p.marker || p.label).getLatLng()); });
    function place(p, latlng) {
        if (p.marker) { p.marker.setLatLng(latlng); }
        if (p.label) { p.label.setLatLng(latlng); }
    }
    function declutter() {
        leaders.clearLayers();
        var shown = o.ports.filter(function (p) {
            return (p.marker && p.marker._map) || (p.label && p.label._map);
        });
        var pts = shown.map(function (p) { return map.latLngToLayerPoint(p.home); });
        var group = shown.map(function (_, i) { return i; });
        function find(i) { while (group[i] !== i) { i = group[i]; } return i; }
        for (var i = 0; i < shown.length; i++) {
            for (var j = i + 1; j < shown.length; j++) {
                var need = shown[i].radius + shown[j].radius + SPREAD_GAP;
                if (pts[i].distanceTo(pts[j]) < need) { group[find(j)] = find(i); }
            }
        }
        var clusters = {};
        shown.forEach(function (_, k) { (clusters[find(k)] = clusters[find(k)] || []).push(k); });
        o.ports.forEach(function (p) { place(p, p.home); });
        Object.keys(clusters).forEach(function (key) {
            var members = clusters[key];
            if (members.length < 2) { return; }
            var a = pts[members[0]], b = pts[members[members.length - 1]];
            var axis = b.subtract(a);
            var len = Math.sqrt(axis.x * axis.x + axis.y * axis.y);
            axis = len < 1 ? L.point(1, 0) : axis.divideBy(len);
            members.sort(function (m, n) {
                return (pts[m].x * axis.x + pts[m].y * axis.y) - (pts[n].x * axis.x + pts[n].y * axis.y);
            });
            var centre = L.point(0, 0);
            members.forEach(function (m) { centre = centre.add(pts[m]); });
            centre = centre.divideBy(members.length);
            var total = 0;
            members.forEach(function (m) { total += 2 * shown[m].radius + SPREAD_GAP; });
            var along = -total / 2;
            members.forEach(function (m) {
                var p = shown[m];
                along += p.radius + SPREAD_GAP / 2;
                var where = centre.add(axis.multiplyBy(along));
                along += p.radius + SPREAD_GAP / 2;
                if (where.distanceTo(pts[m]) < 1) { return; }
                var latlng = map.layerPointToLatLng(where);
                place(p, latlng);
                L.polyline([p.home, latlng], {className: "port-leader", weight: 1, opacity: 0.8,
                                              color: "#555", interactive: false}).addTo(leaders);
                L.circleMarker(p.home, {className: "port-leader", radius: 2, weight: 0,
                                        fillOpacity: 0.9, fillColor: "#555",
                                        interactive: false}).addTo(leaders);
            });
        });
        if (!leaders._map) { leaders.addTo(map); }
        refreshLabels();
    }
