(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var pairs = Array.prototype.slice.call(document.querySelectorAll("li.pair"));
  var scoped = Array.prototype.slice.call(document.querySelectorAll("#summary .card, #sources tbody tr, .events li, details.doc"));
  function checked(name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name=" + name + "]:checked"), function (i) { return i.value; });
  }
  function has(list, value) { return list.indexOf(value) >= 0; }
  // A neutral pair's sides are written out from the highlighted claim when first shown (text only, no markup).
  function fill(row) {
    Array.prototype.forEach.call(row.querySelectorAll("div[data-fill]"), function (side) {
      var id = side.dataset.fill, first = document.getElementById(id);
      var marks = document.querySelectorAll("mark[data-c=" + id + "]");
      var meta = document.createElement("span"), quote = document.createElement("a");
      meta.className = "meta";
      (first ? first.dataset.by.split(" · ") : []).forEach(function (part, i) {
        var b = document.createElement("bdi");  // each part isolated, as the server writes them
        b.textContent = part;
        if (i) meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(b);
      });
      quote.className = "quote";
      quote.href = "#" + id;
      quote.dir = "auto";
      quote.textContent = Array.prototype.map.call(marks, function (m) { return m.textContent; }).join("").replace(/\s+/g, " ").trim();
      side.appendChild(meta);
      side.appendChild(document.createTextNode(" "));
      side.appendChild(quote);
      side.removeAttribute("data-fill");
      side.className = "side";
    });
  }
  function apply() {
    var labels = checked("label"), kinds = checked("kind");
    var doc = form.elements.doc.value, against = form.elements.against.value, lang = form.elements.lang.value;
    var n = 0;
    pairs.forEach(function (row) {
      var docs = row.dataset.docs.split(" "), rowKinds = row.dataset.kinds.split(" ");
      var ok = has(labels, row.dataset.label) && rowKinds.some(function (k) { return has(kinds, k); }) &&
        (!doc || has(docs, doc)) && (!against || (has(docs, against) && (against !== doc || docs[0] === docs[1]))) &&
        (!lang || has(row.dataset.langs.split(" "), lang));
      row.hidden = !ok;
      if (ok) { n += 1; fill(row); }
    });
    shown.textContent = n + " of " + pairs.length + " pairs shown";
    scoped.forEach(function (el) {
      var docs = el.dataset.docs.split(" ");
      el.hidden = !!((doc && !has(docs, doc)) || (lang && !has(el.dataset.langs.split(" "), lang)));
    });
  }
  form.addEventListener("change", apply);
  Array.prototype.forEach.call(document.querySelectorAll("a.cell"), function (cell) {
    cell.addEventListener("click", function () {
      form.elements.doc.value = cell.dataset.a;
      form.elements.against.value = cell.dataset.b;
      Array.prototype.forEach.call(form.querySelectorAll("input[name=label], input[name=kind]"), function (i) { i.checked = true; });
      apply();
    });
  });
  function highlight() {
    Array.prototype.forEach.call(document.querySelectorAll("mark.hl"), function (m) { m.classList.remove("hl"); });
    var id = location.hash.slice(1);
    if (!/^c\d+$/.test(id)) return;
    var target = document.getElementById(id);
    if (!target) return;
    var doc = target.closest("details");
    if (doc) { doc.open = true; doc.hidden = false; }
    Array.prototype.forEach.call(document.querySelectorAll("mark[data-c=" + id + "]"), function (m) { m.classList.add("hl"); });
    target.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[href^='#d']");
    if (link) { var d = document.getElementById(link.getAttribute("href").slice(1)); if (d && d.tagName === "DETAILS") d.open = true; }
  });
  highlight();
})();
