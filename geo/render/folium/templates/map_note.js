{#- A note on the map holding HTML rendered (and escaped) by a .html template; the text is
    also its title, so a clipped note can be read in full. -#}
{% macro script(this, kwargs) %}
(function (map, html, cssClass) {
{% include "note_fn.js" %}
    var note = laneNote(map, cssClass);
    note.innerHTML = html;
    note.title = note.textContent;
    map.fire("lanenote");
})({{ this._parent.get_name() }}, {{ this.html|tojson }}, {{ this.css_class|tojson }});
{% endmacro %}
