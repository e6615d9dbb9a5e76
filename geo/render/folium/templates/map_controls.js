{#- Leaflet's own controls in the map's language, through their documented options:
    the zoom buttons (zoomInTitle / zoomOutTitle) and the scale bar (metric only in Chinese,
    its units named by ``this.units``). The layers control has no option for its title:
    an init hook names the toggle of every layers control added to this page later. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
    L.control.zoom({
        position: "topleft",
        zoomInTitle: {{ this.zoom_in|tojson }}, zoomOutTitle: {{ this.zoom_out|tojson }}
    }).addTo(map);
    var scale = L.control.scale({metric: true, imperial: {{ this.imperial|tojson }}});
    var units = {{ this.units|tojson }};  {#- Chinese names of km and m; {} in English #}
    if (units.km || units.m) {
        scale._updateScale = function (bar, text, ratio) {
            var shown = String(text).replace(/ (km|m)$/, function (all, unit) {
                return " " + (units[unit] || unit);
            });
            return L.Control.Scale.prototype._updateScale.call(this, bar, shown, ratio);
        };
    }
    scale.addTo(map);
    var layersTitle = {{ this.layers_title|tojson }};
    if (layersTitle !== "Layers") {
        L.Control.Layers.addInitHook(function () {
            var layout = this._initLayout;
            this._initLayout = function () {
                var out = layout.apply(this, arguments);
                if (this._layersLink) {
                    this._layersLink.title = layersTitle;
                    this._layersLink.setAttribute("aria-label", layersTitle);
                }
                return out;
            };
        });
    }
    return scale;
})({{ this._parent.get_name() }});
{% endmacro %}
