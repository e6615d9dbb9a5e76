{#- Keep a group's vectors above layers added later (st_folium adds the segments last). -#}
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.on("layeradd", function (e) {
    // only when another vector arrives: never during a popup or tooltip opening
    if (!(e.layer instanceof L.Path) || {{ this.group.get_name() }}.hasLayer(e.layer)) {
        return;
    }
    {{ this.group.get_name() }}.eachLayer(function (layer) {
        if (layer.bringToFront && layer._map) { layer.bringToFront(); }
    });
});
{% endmacro %}
