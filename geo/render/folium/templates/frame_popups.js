{#- Part of lane_frame.js (included inside its closure: map, o, GAP, corners()).
    Popups wrap, stay inside the map and clear of every control. -#}
    // ---- popups: the largest part of the map beside the controls (each corner's controls
    //      left out by padding that side horizontally or vertically) bounds a popup's width
    //      and height (beyond it the popup scrolls), and Leaflet pans an opened popup into it
    var POPUP_BELOW = 27;  // px under a popup's box: its tip (20) and Leaflet's offset (7)
    var POPUP_FRAME = {x: 46, y: 28};  // Leaflet's padding round a popup's content, until measured
    function popupArea() {
        var size = map.getSize(), boxes = corners(), best = null;
        var widest = 0;
        map.eachLayer(function (layer) {
            var p = layer.getPopup && layer.getPopup();
            if (p) { widest = Math.max(widest, p._laneWidth || p.options.maxWidth); }
        });
        widest += POPUP_FRAME.x;
        for (var n = 0; n < (1 << boxes.length); n++) {
            var pad = {left: GAP, top: GAP, right: GAP, bottom: GAP};
            boxes.forEach(function (c, i) {
                var west = c.pos.indexOf("left") >= 0, north = c.pos.indexOf("top") >= 0;
                if ((n >> i) & 1) {
                    if (west) { pad.left = Math.max(pad.left, c.right); }
                    else { pad.right = Math.max(pad.right, size.x - c.left); }
                } else if (north) { pad.top = Math.max(pad.top, c.bottom); }
                else { pad.bottom = Math.max(pad.bottom, size.y - c.top); }
            });
            var w = size.x - pad.left - pad.right, h = size.y - pad.top - pad.bottom;
            var score = Math.min(w, widest) * h;
            if (w > 0 && h > 0 && (!best || score > best.score)) {
                best = {pad: pad, w: w, h: h, score: score};
            }
        }
        return best;
    }
    function measurePopupFrame(popup) {
        var el = popup.getElement && popup.getElement();
        var wrap = el && el.querySelector(".leaflet-popup-content-wrapper");
        var body = el && el.querySelector(".leaflet-popup-content");
        if (wrap && body && body.offsetWidth) {
            POPUP_FRAME = {x: wrap.offsetWidth - body.offsetWidth,
                           y: wrap.offsetHeight - body.offsetHeight};
        }
    }
    function limitPopup(popup, area) {
        if (!popup._laneWidth) { popup._laneWidth = popup.options.maxWidth; }
        popup.options.maxWidth = Math.max(60, Math.min(popup._laneWidth, area.w - POPUP_FRAME.x));
        popup.options.minWidth = Math.min(popup.options.minWidth || 50, popup.options.maxWidth);
        popup.options.maxHeight = Math.max(40, area.h - POPUP_FRAME.y - POPUP_BELOW);
        popup.options.autoPan = true;
        popup.options.autoPanPaddingTopLeft = L.point(area.pad.left, area.pad.top);
        popup.options.autoPanPaddingBottomRight = L.point(area.pad.right, area.pad.bottom);
    }
    function limitPopups() {  // every popup, before it opens (Leaflet pans as it opens)
        var area = popupArea();
        if (!area) { return; }
        map.eachLayer(function (layer) {
            var p = layer.getPopup && layer.getPopup();
            if (p) { limitPopup(p, area); }
        });
    }
    map.on("popupopen", function (e) {
        // again, with the popup's frame measured and the controls as they are now (the
        // legend may have been folded): Leaflet lays it out and pans it once more
        measurePopupFrame(e.popup);
        var area = popupArea();
        if (!area) { return; }
        limitPopup(e.popup, area);
        e.popup.update();
        placeNotes();
    });
    map.on("popupclose", function () { setTimeout(placeNotes, 0); });

    // ---- a popup pans the map to open in the free part; when it closes the map goes back
    //      to the view the user had (the lane framed), unless the user moved the map meanwhile
    var viewBeforePopup = null, movedInPopup = false;
    function popupOpen() { return !!(map._popup && map._popup.isOpen()); }
    function rememberView() {
        viewBeforePopup = {centre: map.getCenter(), zoom: map.getZoom(),
                           corner: map.getPixelBounds().min};
    }
    map.on("moveend", function () { if (!popupOpen()) { rememberView(); } });
    map.on("dragstart zoomstart", function () { if (popupOpen()) { movedInPopup = true; } });
    map.on("popupclose", function () {
        setTimeout(function () {  // after Leaflet has opened the next popup, if one was clicked
            if (popupOpen() || !viewBeforePopup) { return; }
            if (!movedInPopup && map.getZoom() === viewBeforePopup.zoom) {
                // by the pixel: a map of an odd height has its centre between two pixels,
                // and going back by the centre would land a pixel off
                map.panBy(viewBeforePopup.corner.subtract(map.getPixelBounds().min),
                          {animate: true});
            } else if (!movedInPopup) {
                map.setView(viewBeforePopup.centre, viewBeforePopup.zoom, {animate: true});
            }
            movedInPopup = false;
        }, 0);
    });
