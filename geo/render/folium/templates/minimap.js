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
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
