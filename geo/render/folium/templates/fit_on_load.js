{#- Fit the bounds once the map has its real size (st_folium sizes its iframe late). -#}
{% macro script(this, kwargs) %}
(function (map, bounds) {
    // refit while the iframe settles to its final size, then leave the view to the user
    var started = Date.now();
    function fit() {
        map.invalidateSize();
        var small = map.getSize().x < 600;
        map.fitBounds(bounds, {paddingTopLeft: [small ? 60 : 110, 28],
                               paddingBottomRight: [small ? 60 : 110, small ? 60 : 200]});
    }
    setTimeout(fit, 60);
    window.addEventListener("resize", function () {
        if (Date.now() - started < 5000) { fit(); }
    });
})({{ this._parent.get_name() }}, {{ this.bounds|tojson }});
{% endmacro %}
