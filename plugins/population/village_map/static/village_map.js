/* The village map's progressive enhancement; the page is whole without it.
 *
 * - Tiles: an <svg data-tile-url> (drawn by village_map/drawing.py) names a {z}/{x}/{y} tile
 *   template on the instance and the longitudes and latitudes of its map area's edges. Its
 *   projection is linear in both axes, so each Web Mercator tile is placed by its own edges and
 *   laid in the empty group behind the features, clipped to the map area.
 * - "Gunakan lokasi saya": fills the latitude and longitude fields from the browser's location.
 *
 * Loaded from the page's content, so it runs again after an htmx-boosted navigation; each
 * element is enhanced once.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var MAX_TILES = 48;
  var MAX_ZOOM = 19;

  function tileX(lon, zoom) {
    return ((lon + 180) / 360) * Math.pow(2, zoom);
  }

  function tileY(lat, zoom) {
    var radians = (lat * Math.PI) / 180;
    var mercator = Math.log(Math.tan(radians) + 1 / Math.cos(radians));
    return ((1 - mercator / Math.PI) / 2) * Math.pow(2, zoom);
  }

  function tileLon(x, zoom) {
    return (x / Math.pow(2, zoom)) * 360 - 180;
  }

  function tileLat(y, zoom) {
    var n = Math.PI - (2 * Math.PI * y) / Math.pow(2, zoom);
    return (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
  }

  function tileRange(box, zoom) {
    return {
      x0: Math.floor(tileX(box.west, zoom)),
      x1: Math.floor(tileX(box.east, zoom)),
      y0: Math.floor(tileY(box.north, zoom)),
      y1: Math.floor(tileY(box.south, zoom))
    };
  }

  function count(range) {
    return (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1);
  }

  function drawTiles(svg) {
    if (svg.getAttribute("data-tiled")) {
      return;
    }
    svg.setAttribute("data-tiled", "1");
    var box = {
      west: parseFloat(svg.getAttribute("data-west")),
      east: parseFloat(svg.getAttribute("data-east")),
      north: parseFloat(svg.getAttribute("data-north")),
      south: parseFloat(svg.getAttribute("data-south"))
    };
    var height = parseFloat(svg.getAttribute("data-map-height"));
    var width = svg.viewBox.baseVal.width;
    var template = svg.getAttribute("data-tile-url");
    var group = svg.querySelector(".vm-tiles");
    if (!group || !template || !(box.east > box.west) || !(box.north > box.south)) {
      return;
    }
    var shown = (svg.getBoundingClientRect().width || width) * (window.devicePixelRatio || 1);
    var zoom = Math.ceil(Math.log2(((shown / (box.east - box.west)) * 360) / 256));
    zoom = Math.max(1, Math.min(MAX_ZOOM, zoom));
    var range = tileRange(box, zoom);
    while (count(range) > MAX_TILES && zoom > 1) {
      zoom -= 1;
      range = tileRange(box, zoom);
    }
    var clip = document.createElementNS(SVG_NS, "clipPath");
    clip.setAttribute("id", "vm-tiles-clip");
    var area = document.createElementNS(SVG_NS, "rect");
    area.setAttribute("width", String(width));
    area.setAttribute("height", String(height));
    clip.appendChild(area);
    svg.insertBefore(clip, svg.firstChild);
    group.setAttribute("clip-path", "url(#vm-tiles-clip)");
    function toX(lon) {
      return ((lon - box.west) / (box.east - box.west)) * width;
    }
    function toY(lat) {
      return ((box.north - lat) / (box.north - box.south)) * height;
    }
    var limit = Math.pow(2, zoom);
    for (var x = range.x0; x <= range.x1; x += 1) {
      for (var y = range.y0; y <= range.y1; y += 1) {
        if (x < 0 || y < 0 || x >= limit || y >= limit) {
          continue;
        }
        var left = toX(tileLon(x, zoom));
        var top = toY(tileLat(y, zoom));
        var image = document.createElementNS(SVG_NS, "image");
        image.setAttribute(
          "href",
          template.replace("{z}", zoom).replace("{x}", x).replace("{y}", y)
        );
        image.setAttribute("x", left.toFixed(2));
        image.setAttribute("y", top.toFixed(2));
        image.setAttribute("width", (toX(tileLon(x + 1, zoom)) - left).toFixed(2));
        image.setAttribute("height", (toY(tileLat(y + 1, zoom)) - top).toFixed(2));
        image.setAttribute("preserveAspectRatio", "none");
        image.addEventListener("error", function (event) {
          event.target.remove();
        });
        group.appendChild(image);
      }
    }
    var figure = svg.closest("figure");
    var credit = figure && figure.querySelector(".village-map-attribution");
    if (credit) {
      credit.hidden = false;
    }
  }

  function decimal(value) {
    return value.toFixed(6).replace(".", ",");
  }

  function enableLocation(button) {
    if (button.getAttribute("data-ready") || !navigator.geolocation) {
      return;
    }
    button.setAttribute("data-ready", "1");
    button.hidden = false;
    var form = button.closest("form");
    var message = form.querySelector("[data-location-message]");
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(
        function (position) {
          form.querySelector("[name=latitude]").value = decimal(position.coords.latitude);
          form.querySelector("[name=longitude]").value = decimal(position.coords.longitude);
          message.hidden = true;
        },
        function () {
          message.textContent = button.getAttribute("data-location-error");
          message.hidden = false;
        },
        { enableHighAccuracy: true, timeout: 15000 }
      );
    });
  }

  function enhance() {
    document.querySelectorAll("svg[data-tile-url]").forEach(drawTiles);
    document.querySelectorAll("[data-use-location]").forEach(enableLocation);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
