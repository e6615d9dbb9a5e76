{#- Leaflet's own controls in the map's language, through their documented options:
    the zoom buttons (zoomInTitle / zoomOutTitle) and the scale bar (metric only in Chinese,
    its units named by ``this.units``). The layers control has no option for its title:
    an init hook names the toggle of every layers control added to this page later.
    The scale bar's label never overflows its bar: when a label ("3000公里", "3000 km") is
    wider than the bar Leaflet chose, the bar is chosen again for a longer round distance
    (a larger ``maxWidth``) until every label fits; again once the web font has arrived. -#}
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
                return units[unit] ? units[unit] : " " + unit;  // "3000公里": no space in Chinese
            });
            return L.Control.Scale.prototype._updateScale.call(this, bar, shown, ratio);
        };
    }
    var SCALE_WIDTH = scale.options.maxWidth, SCALE_MOST = 3 * SCALE_WIDTH, SPARE = 2;
    function fits(line) {  // the label and its padding inside the bar (a detached bar fits)
        if (!line.isConnected || !line.clientWidth) { return true; }
        var words = document.createRange();
        words.selectNodeContents(line);
        var style = getComputedStyle(line);
        var need = words.getBoundingClientRect().width + parseFloat(style.paddingLeft) +
            parseFloat(style.paddingRight) + SPARE;
        return need <= line.clientWidth;
    }
    var update = scale._update;
    scale._update = function () {
        var lines = [this._mScale, this._iScale].filter(Boolean);
        for (var most = SCALE_WIDTH; most <= SCALE_MOST; most += 10) {
            this.options.maxWidth = most;
            update.call(this);
            if (lines.every(fits)) { return; }
        }
    };
    scale.addTo(map);
    scale._update();  // measured now that the bar is on the page
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(function () { if (scale._map) { scale._update(); } });
    }
    // the Leaflet link's title in the attribution (its prefix is Leaflet's own HTML)
    var leafletTitle = {{ this.leaflet_title|tojson }};
    var attribution = map.attributionControl;
    if (attribution && leafletTitle !== "A JavaScript library for interactive maps") {
        var safe = leafletTitle.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
        attribution.setPrefix(String(attribution.options.prefix).replace(
            'title="A JavaScript library for interactive maps"', 'title="' + safe + '"'));
    }
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
