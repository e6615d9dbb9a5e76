{#- A Leaflet control holding HTML rendered (and escaped) by a .html template. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
{{ this.get_name() }}.onAdd = function () {
    var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
    div.innerHTML = {{ this.html|tojson }};
    var folded = div.querySelector("details");
    if (folded && window.innerWidth < 600) { folded.removeAttribute("open"); }
    L.DomEvent.disableClickPropagation(div);
    return div;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
