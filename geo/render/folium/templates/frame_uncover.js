{#- Part of lane_frame.js (included inside its closure: map, container, o, boxOf, hits).
    A shared extent keeps the link's view (no fit around the controls), so a control may
    cover a port: fold what folds instead of moving the view. -#}
    // ---- a port (its marker or its name) under the legend: the legend folds to its title;
    //      under another control: the map asks it to make room ("lanecovers"; the minimap
    //      minimises). Once per page and never after the user moved: they may open it again.
    var uncovered = false;
    function uncover() {
        if (uncovered || userMoved) { return; }
        uncovered = true;
        var marks = [];
        o.ports.forEach(function (p) {
            if (p.marker && p.marker._map && p.marker._path) { marks.push(boxOf(p.marker._path)); }
            var tip = p.label && p.label._map && p.label.getTooltip();
            if (tip && tip._container) { marks.push(boxOf(tip._container)); }
        });
        Array.prototype.forEach.call(container.querySelectorAll(".leaflet-control"),
            function (el) {
                var box = boxOf(el);
                if (!box.right || !marks.some(function (m) { return hits(m, box); })) { return; }
                var legend = el.classList.contains("lane-legend") && el.querySelector("details");
                if (legend) { legend.removeAttribute("open"); }
                else { map.fire("lanecovers", {control: el}); }
            });
    }
