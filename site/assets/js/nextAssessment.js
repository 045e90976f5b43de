// The home page says, as of its build, when the next scheduled assessment is due. A page built
// before that day can be read after it, from a cache or an offline copy: on the reader's own
// clock, a due day that has passed is said to be overdue, as the build would have said.
const next = document.querySelector("[data-next-assessment][data-overdue='false']");
const due = next?.getAttribute("data-next-assessment");
if (next && due) {
  const today = new Date().toISOString().slice(0, 10);
  const time = next.querySelector("time");
  const description = next.querySelector("dd");
  if (today > due && time && description) {
    const overdue = document.createElement("strong");
    overdue.append("Overdue since ", time.cloneNode(true));
    description.replaceChildren(overdue, ": the scheduled update has not been published yet.");
    next.setAttribute("data-overdue", "true");
  }
}
