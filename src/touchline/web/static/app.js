// Progressive enhancement only: every page works without this file.
// Leave empty filter fields out of GET form submissions so result URLs stay short and shareable.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && el.name !== "q" && (el.value === "" || (el.name === "kind" && el.value === "all"))) {
      el.disabled = true;
    }
  });
  window.setTimeout(function () {
    Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
  }, 0);
});
