{#- leaflet-measure in nautical miles, the measured point's longitude shown within ±180°. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
    var Base = L.Control.Measure;
    // the same point on the world copy whose longitude is within ±180° (lengths are unchanged)
    function shown(latlng) {
        var lng = ((latlng.lng + 180) % 360 + 360) % 360 - 180;
        return L.latLng(latlng.lat, lng);
    }
    var Nautical = Base.extend({
        // Leaflet 1.9 pans to a marker that takes focus; the tool's invisible capture marker
        // takes it on every click, which threw the map to its far-off anchor point
        _setCaptureMarkerIcon: function () {
            var capture = this._captureMarker;
            if (capture._icon) { L.DomEvent.off(capture._icon, "focus", capture._panOnFocus, capture); }
            capture.options.autoPanOnFocus = false;
            return Base.prototype._setCaptureMarkerIcon.apply(this, arguments);
        },
        _updateResults: function () {
            var drawn = this._latlngs, last = drawn[drawn.length - 1];
            if (!last) { return Base.prototype._updateResults.call(this); }
            var shift = shown(last).lng - last.lng;  // a multiple of 360: move them all
            this._latlngs = drawn.map(function (p) { return L.latLng(p.lat, p.lng + shift); });
            try { Base.prototype._updateResults.call(this); } finally { this._latlngs = drawn; }
        },
        _handleMeasureDoubleClick: function () {
            var drawn = this._latlngs;
            if (drawn.length !== 1) { return Base.prototype._handleMeasureDoubleClick.call(this); }
            // a single point: its popup gives the coordinates; draw it where it was clicked
            var before = {};
            this._layer.eachLayer(function (l) { before[L.stamp(l)] = true; });
            this._latlngs = [shown(drawn[0])];
            Base.prototype._handleMeasureDoubleClick.call(this);
            this._layer.eachLayer(function (l) {
                if (!before[L.stamp(l)] && l.setLatLng) { l.setLatLng(drawn[0]); }
            });
        }
    });
    return new Nautical({
        position: {{ this.position|tojson }},
        localization: {{ this.localization|tojson }},
        primaryLengthUnit: "nauticalmiles", secondaryLengthUnit: "kilometers",
        primaryAreaUnit: "sqkilometers", secondaryAreaUnit: null,
        units: {
            nauticalmiles: {factor: 1 / 1852, display: {{ this.nm|tojson }}, decimals: 0},
            sqkilometers: {factor: 1e-6, display: {{ this.km2|tojson }}, decimals: 0}
        }
    });
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
