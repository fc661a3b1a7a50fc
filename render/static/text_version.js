// The app's text version of the map, written in the browser for the date on the map: the day's sentence
// (from the server), the highlight and callouts in words, then the region's states grouped by status (in the
// legend's order) with their key dates. The server sends the states' transitions and the words once per
// dataset version (render/text_version.py text_version_payload); a date step then costs it nothing.
(function (root) {
  "use strict";
  const T = typeof module === "object" && module.exports ? require("./timeline_controller.js") : root.TreatyTimeline;

  // "{name} — since {date}" with values: the WORDING's placeholders, as Python's str.format fills them.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return String(values[name]); });
  }

  // A state's status on `iso`: the last transition on or before it (treaty.status.StateHistory.at).
  function statusOn(state, iso) {
    let current = null;
    state[3].forEach(function (step) { if (step[0] <= iso) current = step; });
    return current;
  }

  // One state's line (render/text_version.py state_line).
  function stateLine(data, name, step, iso) {
    const words = data.wording;
    if (step === null) return name;
    if (step.length > 3) {
      const days = T.dayNumber(step[3]) - T.dayNumber(iso);
      return fill(words.pending, { name: name, date: T.longDate(step[3]), days: days, unit: days === 1 ? words.day : words.days });
    }
    return fill(words.since, { name: name, date: T.longDate(step[0]) }) + (step[2] ? words.approximate : "");
  }

  // Every status some state of `members` (codes; null: every state) has on `iso`, in the legend's order,
  // its states by name: [{label, lines}] (render/text_version.py status_groups).
  function groups(data, iso, members) {
    const shown = members ? new Set(members) : null;
    const rows = data.labels.map(function () { return []; });
    data.states.forEach(function (state) {
      if (shown && !shown.has(state[0])) return;
      const step = statusOn(state, iso);
      rows[step === null ? state[2] : step[1]].push({ name: state[1], step: step });
    });
    const found = [];
    rows.forEach(function (members, index) {
      if (!members.length) return;
      members.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
      found.push({ label: data.labels[index], lines: members.map(function (m) { return stateLine(data, m.name, m.step, iso); }) });
    });
    return found;
  }

  function heading(data, title, iso) {
    return fill(data.wording.heading, { title: title, date: T.longDate(iso) });
  }

  // ---- the page: Streamlit's expander (components/accessibility.py), its label and body completed here ----
  function paragraph(doc, text) {
    const p = doc.createElement("p");
    p.textContent = text;
    return p;
  }

  // content: {title, date, sentence, story (lines), members}. Writes into `place`, the page's text version:
  // the expander's label (its text node, which React keeps) and the body the server left empty.
  function write(place, data, content) {
    const label = place.querySelector("summary [data-testid='stMarkdownContainer'] p");
    const wanted = heading(data, content.title, content.date);
    if (label && label.firstChild && label.firstChild.nodeValue !== wanted) label.firstChild.nodeValue = wanted;
    const body = place.querySelector(".tm-text-body");
    if (!body) return;
    const key = JSON.stringify([content.date, content.sentence, content.story, content.members]);
    if (body.getAttribute("data-written") === key) return;
    const doc = body.ownerDocument;
    const parts = [paragraph(doc, content.sentence)];
    content.story.forEach(function (line) { parts.push(paragraph(doc, line)); });
    groups(data, content.date, content.members).forEach(function (group) {
      const title = doc.createElement("p");
      const strong = doc.createElement("strong");
      strong.textContent = group.label;
      title.append(strong, " (" + group.lines.length + ")");
      const list = doc.createElement("ul");
      group.lines.forEach(function (line) {
        const item = doc.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      parts.push(title, list);
    });
    // Dressed as the page's Markdown is (the sentence above the map): Streamlit generates its class name.
    const markdown = doc.querySelector("[data-testid='stMarkdown'] [data-testid='stMarkdownContainer']");
    const text = doc.createElement("div");
    text.className = markdown ? markdown.className : "";
    text.append.apply(text, parts);
    body.replaceChildren(text);
    body.setAttribute("data-written", key);
  }

  // Keeps the page's text version showing `content`: now, and whenever Streamlit draws its expander again
  // (a whole rerun, a remount), which would bring back the server's bare label and an empty body.
  function keeper(findPlace) {
    let data = null, content = null, watched = null;
    const observer = typeof MutationObserver === "function" ? new MutationObserver(apply) : null;
    function apply() {
      const place = findPlace();
      if (!place || !data || !content) return;
      if (observer && place !== watched) {
        observer.disconnect();
        observer.observe(place, { childList: true, subtree: true, characterData: true });
        watched = place;
      }
      write(place, data, content);
      if (observer) observer.takeRecords();  // our own writes
    }
    return {
      setData: function (loaded) { data = loaded; apply(); },
      show: function (shown) { content = shown; apply(); },
    };
  }

  const api = { fill: fill, groups: groups, heading: heading, write: write, keeper: keeper };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TreatyTextVersion = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
