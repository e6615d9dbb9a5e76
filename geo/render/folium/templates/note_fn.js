{#- Included in the scripts that add a note to the map (map_note.js, tile_fallback.js). -#}
    // a note on the map: with the controls (a page that hides them, such as a slide, hides
    // it too) but in none of their corners, so the fit leaves it out; LaneFrame puts it
    // where it hides nothing (templates/frame_notes.js)
    function laneNote(map, cssClass) {
        var container = map.getContainer();
        var layer = container.querySelector(".lane-notes") ||
                    L.DomUtil.create("div", "lane-notes", map._controlContainer || container);
        var note = L.DomUtil.create("div", "map-note " + cssClass, layer);
        L.DomEvent.disableClickPropagation(note);
        L.DomEvent.disableScrollPropagation(note);
        return note;
    }
