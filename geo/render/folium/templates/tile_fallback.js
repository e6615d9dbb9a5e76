{#- Online tiles that fail (no network): show the offline land layer instead, and say so. -#}
{% macro script(this, kwargs) %}
(function (map, tiles, land, maxZoom, message) {
{% include "note_fn.js" %}
    var loaded = 0, fellBack = false;
    tiles.on("tileload", function () { loaded += 1; });
    tiles.on("tileerror", function () {
        if (fellBack || loaded > 0) { return; }
        fellBack = true;
        map.removeLayer(tiles);
        land.addTo(map);
        land.bringToBack();
        map.setMaxZoom(maxZoom);
        var note = laneNote(map, "tile-fallback-note");
        note.setAttribute("role", "status");
        note.textContent = message;
        // LaneFrame refits with the offline limit (unless the user moved) and places the note
        map.fire("lanefallback", {maxZoom: maxZoom});
    });
})({{ this._parent.get_name() }}, {{ this.tiles.get_name() }}, {{ this.land.get_name() }},
   {{ this.max_zoom|tojson }}, {{ this.message|tojson }});
{% endmacro %}
