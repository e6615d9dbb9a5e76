{#- leaflet-minimap over a coarse land outline (no tiles: works offline). -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }}_land = L.geoJSON({{ this.land|tojson }}, {
    style: {color: {{ this.edge|tojson }}, weight: 0.5, fillColor: {{ this.fill|tojson }},
            fillOpacity: 1}, interactive: false});
var {{ this.get_name() }} = new L.Control.MiniMap({{ this.get_name() }}_land, {
    position: "bottomright", width: 180, height: 110, zoomLevelFixed: 0,
    toggleDisplay: true, minimized: false, strings: {{ this.strings|tojson }},
    aimingRectOptions: {color: {{ this.lane|tojson }}, weight: 1.5, fillOpacity: 0.06},
    shadowRectOptions: {color: "#000", weight: 1, opacity: 0, fillOpacity: 0}});
// The minimap moves the main map only while the user works the minimap. A move of its own (a
// resize; its re-centring at its fixed zoom 0, on a grid of ≈ 1.4° pixels) would otherwise
// re-centre the main map on that coarse grid, a few pixels off the view the map was framed to.
(function (mini) {
    var userUntil = 0;
    var moved = mini._onMiniMapMoved;
    mini._onMiniMapMoved = function (e) {
        if (Date.now() > userUntil) { this._mainMapMoving = false; return; }
        return moved.call(this, e);
    };
    mini.addTo({{ this._parent.get_name() }});
    // the map's frame found a port under the minimap (a shared extent keeps its view)
    {{ this._parent.get_name() }}.on("lanecovers", function (e) {
        if (e.control === mini._container && !mini._minimized) { mini._minimize(); }
    });
    ["pointerdown", "touchstart", "wheel", "keydown"].forEach(function (type) {
        mini._container.addEventListener(type, function () { userUntil = Date.now() + 60000; }, true);
    });
    ["pointerup", "touchend", "mouseleave"].forEach(function (type) {
        mini._container.addEventListener(type, function () { userUntil = Date.now() + 1000; }, true);
    });
})({{ this.get_name() }});
{% endmacro %}
