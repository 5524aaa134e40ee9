// The playground: edit a checklist's JSON, see the live widget, the problems with their
// paths, and copy an embed snippet for what you wrote. Uses only the widget's own files.
import { mount } from "./pkg/ai-cert-check.js";

const $ = (id) => document.getElementById(id);
const editor = $("json");
const status = $("status");
const problemsList = $("problems");
const preview = $("preview");
let checker; // a copy of the custom build, for its `validate`
let timer;
let lastGood = null;

async function validator() {
  if (!checker || checker.failed) checker = await (await import("./pkg/ai-cert-check-custom.js")).start();
  return checker.validate;
}

function say(text, kind) {
  status.textContent = text;
  status.className = kind;
}

function listProblems(problems) {
  problemsList.replaceChildren(
    ...problems.map((p) => {
      const li = document.createElement("li");
      const path = document.createElement("code");
      path.textContent = p.path;
      const hint = document.createElement("span");
      hint.className = "hint";
      hint.textContent = p.hint;
      li.append(path, `: ${p.message}`, hint);
      return li;
    }),
  );
}

async function update() {
  let checklist;
  try {
    checklist = JSON.parse(editor.value);
  } catch (error) {
    say(`Not valid JSON: ${error.message}`, "bad");
    listProblems([]);
    return;
  }
  const problems = Array.from((await validator())(checklist));
  listProblems(problems);
  if (problems.length > 0) {
    say(`${problems.length} problem${problems.length === 1 ? "" : "s"}: the widget shows the last valid version.`, "bad");
    return;
  }
  const questions = (checklist.sections ?? []).reduce((n, s) => n + (s.questions?.length ?? 0), 0);
  say(`Valid: ${questions} questions, ${checklist.verdicts.length} verdicts.`, "good");
  lastGood = checklist;
  await mount(preview, { checklist });
}

function snippet() {
  const json = JSON.stringify(lastGood ?? JSON.parse(editor.value), null, 2).replace(/<\//g, "<\\/");
  const id = `${(lastGood?.id ?? "my-checklist").replace(/[^A-Za-z0-9_-]/g, "")}-checklist`;
  const script = new URL("pkg/ai-cert-check.js", document.baseURI).href;
  return `<script type="module" src="${script}"></script>\n<script type="application/json" id="${id}">\n${json}\n</script>\n<ai-cert-check checklist="${id}"></ai-cert-check>\n`;
}

async function start(name) {
  const response = await fetch(`examples/${name}.json`);
  editor.value = await response.text();
  await update();
}

editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(update, 150);
});
$("start").addEventListener("change", (e) => start(e.target.value));
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(snippet());
    $("copied").textContent = "Copied.";
  } catch (error) {
    $("copied").textContent = `Could not copy: ${error.message}`;
  }
});

start($("start").value);
