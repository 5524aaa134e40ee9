// The demo page's language switch: setting `lang` on the element remounts it in that
// language (its questions, verdicts and interface words).
const select = document.getElementById("lang");
const widget = document.getElementById("main-widget");
select.addEventListener("change", () => {
  if (select.value === "en") widget.removeAttribute("lang");
  else widget.setAttribute("lang", select.value);
});
