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
    //      would stick out of the map, go under a control, cover another name or another
    //      port's marker: then on the first place where it does none of these (else the one
    //      where it does least).
    //      The places: right, left, above and below (centred, or flush with the marker's
    //      right or left edge, for two ports side by side near the map's edge). A name over
    //      another name is the worst (neither reads), then a name cut by the edge or under a
    //      control (a shared extent is not framed around the controls).
    var SIDES = {right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1]};
    var PLACES = ["right", "left", "top", "bottom",
                  "top end", "bottom end", "top start", "bottom start"];
    var COST = {edge: 4, name: 6, marker: 1};
    function placeNames() {
        var size = map.getSize();
        var dots = [];
        o.ports.forEach(function (p) {
            if (p.marker && p.marker._map && p.marker._path) {
                dots.push({port: p, box: boxOf(p.marker._path)});
            }
        });
        var controls = [];
        Array.prototype.forEach.call(container.querySelectorAll(".leaflet-control"),
            function (el) { var b = boxOf(el); if (b.right > b.left) { controls.push(b); } });
        function setPlace(p, tip, place, r) {
            var parts = place.split(" "), side = parts[0];
            var offset = place === p.homeSide ? p.homeOffset
                                              : L.point(SIDES[side][0] * r, SIDES[side][1] * r);
            tip.options.direction = side;
            tip.options.offset = offset;
            tip.update();
            if (parts[1]) {  // flush with one edge of the marker instead of centred
                var half = tip._container.offsetWidth / 2 - (p.radius || 4);
                tip.options.offset = offset.add(L.point(parts[1] === "end" ? -half : half, 0));
                tip.update();
            }
        }
        function choose(p, others) {
            var tip = p.tip, r = (p.radius || 4) + 2, best = null;
            [p.homeSide].concat(PLACES).forEach(function (place, n, all) {
                if ((best && best.cost === 0) || all.indexOf(place) !== n) { return; }
                setPlace(p, tip, place, r);
                var box = boxOf(tip._container), cost = 0;
                if (box.left < 0 || box.top < 0 || box.right > size.x || box.bottom > size.y) {
                    cost += COST.edge;
                }
                controls.forEach(function (c) { if (hits(box, c)) { cost += COST.edge; } });
                others.forEach(function (other) { if (hits(box, other)) { cost += COST.name; } });
                dots.forEach(function (d) {
                    if (d.port !== p && hits(box, d.box)) { cost += COST.marker; }
                });
                if (!best || cost < best.cost) { best = {place: place, cost: cost, box: box}; }
            });
            setPlace(p, tip, best.place, r);
            return best;
        }
        var named = [];
        o.ports.forEach(function (p) {
            var tip = p.label && p.label._map && p.label.getTooltip();
            if (!tip || !tip._map || !tip._container) { return; }
            if (!p.homeSide) {
                p.homeSide = tip.options.direction;
                p.homeOffset = L.point(tip.options.offset);
            }
            p.tip = tip;
            named.push(p);
        });
        // first each name against the names before it, then once more each name still
        // over something against all the others (an earlier name may have taken its place)
        named.forEach(function (p, i) {
            p.placed = choose(p, named.slice(0, i).map(function (q) { return q.placed.box; }));
        });
        named.forEach(function (p) {
            if (p.placed.cost === 0) { return; }
            p.placed = choose(p, named.filter(function (q) { return q !== p; })
                                      .map(function (q) { return q.placed.box; }));
        });
        placeLaneLabel(controls, dots, named.map(function (q) { return q.placed.box; }));
    }

    // ---- the lane's label (its trade value, or its length): lifted above the line as the
    //      map builder turned it; where it would cover a port's marker or name (a short hop,
    //      a few pixels long at the fitted zoom), further out, then below the line; hidden
    //      where every place covers a port (the figure is in the legend and on the page).
    //      Else the place that sticks out of the map or under a control least.
    var LIFTS = [1, 2, 3];
    function placeLaneLabel(controls, dots, names) {
        var icon = o.laneLabel && o.laneLabel._map && o.laneLabel.getElement();
        var text = icon && icon.firstElementChild;
        if (!text) { return; }
        if (!text.dataset.turn) {  // "rotate(Adeg) translate(-50%, -Lpx) translateY(-100%)"
            var given = text.style.transform;
            text.dataset.turn = (given.match(/rotate\([^)]*\)/) || ["rotate(0deg)"])[0];
            text.dataset.lift = (given.match(/translate\(-50%, -([0-9.]+)px\)/) || [0, "20"])[1];
        }
        var turn = text.dataset.turn, lift = parseFloat(text.dataset.lift), size = map.getSize();
        var ports = dots.map(function (d) { return d.box; }).concat(names);
        var best = null;
        text.style.visibility = "";
        LIFTS.forEach(function (k) {
            [true, false].forEach(function (above) {
                if (best && best.cost === 0) { return; }
                var form = above ? turn + " translate(-50%, -" + (k * lift) + "px) translateY(-100%)"
                                 : turn + " translate(-50%, " + (k * lift) + "px)";
                text.style.transform = form;
                var box = boxOf(text), cost = 0;
                if (ports.some(function (b) { return hits(box, b); })) { cost += 100; }
                if (box.left < 0 || box.top < 0 || box.right > size.x || box.bottom > size.y) {
                    cost += 2;
                }
                controls.forEach(function (c) { if (hits(box, c)) { cost += 2; } });
                if (!best || cost < best.cost) { best = {cost: cost, form: form}; }
            });
        });
        text.style.transform = best.form;
        if (best.cost >= 100) { text.style.visibility = "hidden"; }
    }

    // ---- markers closer than their radii: spread apart, with a leader line to the true place
    var leaders = L.layerGroup();
    o.ports.forEach(function (p) { p.home = L.latLng((p.marker || p.label).getLatLng()); });
    function place(p, latlng) {  // laneHome: where the port is (fit.js of a slide asks)
        if (p.marker) { p.marker.laneHome = p.home; p.marker.setLatLng(latlng); }
        if (p.label) { p.label.laneHome = p.home; p.label.setLatLng(latlng); }
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
