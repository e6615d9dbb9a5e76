{#- The ports' badges (measures.BadgeFrame): each beside its port's marker where the map put
    it (LaneFrame spreads stacked ports), on the first side where the badge covers no port
    marker, no port name or lane label, no other badge and no stretch of the lane (drawn above the badges),
    inside the map and clear of its controls (its preferred side first).
    Placed again after every fit (``data-lane-ready`` changes) and every zoom, once the
    frame has spread the markers and placed the names. Takes only JSON and layer names. -#}
{% macro script(this, kwargs) %}
(function (map, size, gap, laneLines, badges) {
    var container = map.getContainer();
    var SIDES = {right: [1, 0], left: [-1, 0], top: [0, -1], bottom: [0, 1],
                 bottomright: [0.75, 0.75], bottomleft: [-0.75, 0.75],
                 topright: [0.75, -0.75], topleft: [-0.75, -0.75]};
    function boxOf(el) {  // an element's box in the map's pixels
        var q = el.getBoundingClientRect(), m = container.getBoundingClientRect();
        return {left: q.left - m.left, top: q.top - m.top,
                right: q.right - m.left, bottom: q.bottom - m.top};
    }
    function hits(a, b, margin) {
        return a.left < b.right + margin && a.right > b.left - margin &&
            a.top < b.bottom + margin && a.bottom > b.top - margin;
    }
    function obstacles() {
        var out = {markers: [], names: [], controls: []};
        container.querySelectorAll(".leaflet-control").forEach(function (el) {
            var b = boxOf(el);
            if (b.right > b.left) { out.controls.push(b); }
        });
        container.querySelectorAll("path.port-marker").forEach(function (el) {
            out.markers.push(boxOf(el));
        });
        container.querySelectorAll("path.port-leader").forEach(function (el) {
            var b = boxOf(el);  // the small dot at a spread port's true place, not its line
            if (b.right - b.left < 8 && b.bottom - b.top < 8) { out.markers.push(b); }
        });
        container.querySelectorAll(".leaflet-tooltip.port-label, .lane-trade-label")
            .forEach(function (el) {
                if (getComputedStyle(el).visibility !== "hidden") { out.names.push(boxOf(el)); }
            });
        out.lane = [];  // the lane's drawn paths, a point every 4 px with half its width
        var m = container.getBoundingClientRect();
        (laneLines ? container.querySelectorAll(laneLines) : []).forEach(function (el) {
            var ctm = el.getScreenCTM(), len = el.getTotalLength();
            var half = parseFloat(getComputedStyle(el).strokeWidth || "4") / 2;
            for (var s = 0; ctm && s <= len; s += 4) {
                var p = el.getPointAtLength(s);
                var x = ctm.a * p.x + ctm.c * p.y + ctm.e - m.left;
                var y = ctm.b * p.x + ctm.d * p.y + ctm.f - m.top;
                out.lane.push({left: x - half, right: x + half, top: y - half, bottom: y + half});
            }
        });
        return out;
    }
    function place() {
        var mapSize = map.getSize(), seen = obstacles(), placed = [], half = size / 2;
        badges.forEach(function (b) {
            if (!b.badge._map || !b.marker._map) { return; }
            var at = b.marker.getLatLng(), centre = map.latLngToContainerPoint(at);
            var best = null;
            [b.side, "bottom", "top", "right", "left",
             "bottomright", "topright", "bottomleft", "topleft"].forEach(function (side, n, all) {
                if ((best && best.cost === 0) || all.indexOf(side) !== n) { return; }
                var reach = b.marker.getRadius() + gap + half;
                var dx = Math.round(SIDES[side][0] * reach), dy = Math.round(SIDES[side][1] * reach);
                var box = {left: centre.x + dx - half, top: centre.y + dy - half,
                           right: centre.x + dx + half, bottom: centre.y + dy + half};
                var cost = 0;
                if (box.left < 0 || box.top < 0 || box.right > mapSize.x || box.bottom > mapSize.y) {
                    cost += 8;
                }
                seen.controls.forEach(function (o) { if (hits(box, o, 1)) { cost += 8; } });
                seen.markers.forEach(function (o) { if (hits(box, o, 1)) { cost += 4; } });
                seen.names.forEach(function (o) { if (hits(box, o, 1)) { cost += 2; } });
                placed.forEach(function (o) { if (hits(box, o, 1)) { cost += 2; } });
                if (seen.lane.some(function (o) { return hits(box, o, 0); })) { cost += 1; }
                if (!best || cost < best.cost) { best = {cost: cost, dx: dx, dy: dy, box: box}; }
            });
            placed.push(best.box);
            var icon = b.badge.options.icon, anchor = [half - best.dx, half - best.dy];
            var old = L.point(icon.options.iconAnchor || [0, 0]);
            if (old.x !== anchor[0] || old.y !== anchor[1]) {
                b.badge.setIcon(L.divIcon(L.extend({}, icon.options, {iconAnchor: anchor})));
            }
            if (!b.badge.getLatLng().equals(at)) { b.badge.setLatLng(at); }
        });
    }
    badges.forEach(function (b) {  // where the map's fit keeps room for it (lane_frame.js)
        // {at: the port's own place (not where the frame spread its marker at this zoom: the
        //  fit would chase it), box: px around it}
        var home = b.badge.getLatLng();
        b.badge.laneBadge = function () {
            var half = size / 2, reach = b.marker.getRadius() + gap + half;
            var dx = SIDES[b.side][0] * reach, dy = SIDES[b.side][1] * reach;
            return {at: home,
                    box: {left: dx - half, top: dy - half, right: dx + half, bottom: dy + half}};
        };
    });
    function later() { setTimeout(place, 0); }  // after the frame's own handlers
    map.on("zoomend overlayadd", later);
    if (window.MutationObserver) {
        new MutationObserver(later).observe(document.documentElement,
            {attributes: true, attributeFilter: ["data-lane-ready"]});
    }
    later();
})({{ this._parent.get_name() }}, {{ this.size|tojson }}, {{ this.gap|tojson }},
   {{ this.lane|tojson }}, [
{%- for badge, mark, side in this.badges %}
    {badge: {{ badge.get_name() }}, marker: {{ mark.marker.get_name() }},
     side: {{ side|tojson }}}{{ "," if not loop.last }}
{%- endfor %}
]);
{% endmacro %}
