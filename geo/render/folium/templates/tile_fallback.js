{#- Online tiles that fail (no network): show the offline land layer instead, and say so. -#}
{% macro script(this, kwargs) %}
(function (map, tiles, land, maxZoom, message) {
    var loaded = 0, fellBack = false;
    tiles.on("tileload", function () { loaded += 1; });
    tiles.on("tileerror", function () {
        if (fellBack || loaded > 0) { return; }
        fellBack = true;
        map.removeLayer(tiles);
        land.addTo(map);
        land.bringToBack();
        map.setMaxZoom(maxZoom);
        var note = L.control({position: "topright"});
        note.onAdd = function () {
            var div = L.DomUtil.create("div", "tile-fallback-note");
            div.setAttribute("role", "status");
            div.textContent = message;
            return div;
        };
        note.addTo(map);
    });
})({{ this._parent.get_name() }}, {{ this.tiles.get_name() }}, {{ this.land.get_name() }},
   {{ this.max_zoom|tojson }}, {{ this.message|tojson }});
{% endmacro %}
