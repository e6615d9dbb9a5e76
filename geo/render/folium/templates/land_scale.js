{#- The offline land (Natural Earth 1:110m) off the map while the view is closer than it can
    be drawn at (its shorter side under min_span_nm), with a note saying so; back on when the
    user zooms out. The slides leave it out at the same scale (geo.render.static.basemap). -#}
{% macro script(this, kwargs) %}
(function (map, land, minSpanNm, message) {
{% include "note_fn.js" %}
    var hidden = false, note = null;
    function shorterSideNm() {
        var b = map.getBounds();
        var midLat = (b.getNorth() + b.getSouth()) / 2 * Math.PI / 180;
        var ns = (b.getNorth() - b.getSouth()) * 60;
        var ew = (b.getEast() - b.getWest()) * 60 * Math.cos(midLat);
        return Math.min(ns, ew);
    }
    function check() {
        if (!hidden && !map.hasLayer(land)) { return; }  // not shown (online tiles): leave it
        var coarse = shorterSideNm() < minSpanNm;
        if (coarse === hidden) { return; }
        hidden = coarse;
        if (coarse) {
            map.removeLayer(land);
            note = laneNote(map, "land-scale-note");
            note.setAttribute("role", "status");
            note.textContent = message;
        } else {
            land.addTo(map);
            land.bringToBack();
            if (note) { note.parentNode.removeChild(note); note = null; }
        }
        map.fire("lanenote");  // LaneFrame places the notes again
    }
    map.on("zoomend moveend resize", check);
    map.whenReady(check);
})({{ this._parent.get_name() }}, {{ this.land.get_name() }}, {{ this.min_span_nm|tojson }},
   {{ this.message|tojson }});
{% endmacro %}
