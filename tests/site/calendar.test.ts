/**
 * The browser's calendar module (templates/assets/calendar.js, plain JavaScript shipped as is),
 * run in Node: the month arithmetic of a plan's phases and the .ics file it downloads. The e2e
 * tests download the file from the plan page in Chromium as well.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
interface CalendarModule {
  parseDate(text: string): CalendarDate | null;
  formatDate(date: CalendarDate): string;
  addMonths(date: CalendarDate, months: number): CalendarDate;
  addDays(date: CalendarDate, days: number): CalendarDate;
  phaseDates(start: CalendarDate, months: { start: number; end: number }): { first: CalendarDate; last: CalendarDate; next: CalendarDate };
  escapeText(text: string): string;
  foldLine(line: string): string;
  icsTimestamp(when: Date): string;
  buildCalendar(
    plan: { id: string; title: string; phases: { uid: string; start: number; end: number; summary: string; topics: string[]; url?: string }[] },
    start: CalendarDate,
    now: Date,
  ): string;
}

// A path the type checker does not follow: the module is JavaScript without declarations.
const calendar = (await import(new URL("../../templates/assets/calendar.js", import.meta.url).href)) as CalendarModule;
const { parseDate, formatDate, addMonths, addDays, phaseDates, escapeText, foldLine, buildCalendar } = calendar;
const day = (text: string): CalendarDate => parseDate(text)!;
const octets = (text: string): number => Buffer.byteLength(text, "utf8");

describe("dates", () => {
  it("reads only real days written YYYY-MM-DD", () => {
    expect(parseDate("2027-01-15")).toEqual({ year: 2027, month: 1, day: 15 });
    expect(parseDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ["2027-02-29", "2027-13-01", "2027-00-10", "2027-1-5", "15/01/2027", ""]) expect(parseDate(bad), bad).toBeNull();
  });

  it("adds calendar months, cutting the day to the end of a shorter month", () => {
    const add = (from: string, months: number): string => formatDate(addMonths(day(from), months));
    expect(add("2027-01-15", 3)).toBe("2027-04-15");
    expect(add("2027-11-15", 3)).toBe("2028-02-15");
    expect(add("2027-01-31", 1)).toBe("2027-02-28");
    expect(add("2028-01-31", 1)).toBe("2028-02-29");
    expect(add("2027-01-31", 2)).toBe("2027-03-31");
    expect(add("2027-03-31", -1)).toBe("2027-02-28");
    expect(formatDate(addDays(day("2027-03-01"), -1))).toBe("2027-02-28");
  });

  it("gives a phase 'Months a–b' the days from start + (a − 1) months to the day before start + b months", () => {
    const dates = (from: string, start: number, end: number): string[] => {
      const d = phaseDates(day(from), { start, end });
      return [formatDate(d.first), formatDate(d.last), formatDate(d.next)];
    };
    expect(dates("2027-01-15", 1, 3)).toEqual(["2027-01-15", "2027-04-14", "2027-04-15"]);
    expect(dates("2027-01-15", 4, 6)).toEqual(["2027-04-15", "2027-07-14", "2027-07-15"]);
    expect(dates("2027-01-15", 7, 9)).toEqual(["2027-07-15", "2027-10-14", "2027-10-15"]);
    expect(dates("2027-01-15", 2, 2)).toEqual(["2027-02-15", "2027-03-14", "2027-03-15"]);
    // Counted from the start each time: a short February does not move later phases.
    expect(dates("2027-01-31", 1, 1)).toEqual(["2027-01-31", "2027-02-27", "2027-02-28"]);
    expect(dates("2027-01-31", 2, 3)).toEqual(["2027-02-28", "2027-04-29", "2027-04-30"]);
    expect(dates("2027-01-31", 4, 4)).toEqual(["2027-04-30", "2027-05-30", "2027-05-31"]);
  });
});

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b; c, d\ne\r\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("drops the control characters TEXT may not hold (RFC 5545 CONTROL, and C1), keeping tabs and escaping newlines", () => {
    expect(escapeText("a\u0000b\u0007c\u001b[2Jd\u007fe\u0085f\u009bg\th\ni\u000bj\u000ck\u001fl")).toBe("abc[2Jdefg\th\\nijkl");
    expect(escapeText("é→🤖 \u202e")).toBe("é→🤖 \u202e");
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"ä→🤖x".repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
  });
});

describe("buildCalendar", () => {
  const plan = {
    id: "machine-learning-engineer/data-scientist",
    title: "From Data Scientist to Machine Learning Engineer",
    phases: [
      { uid: "aaa", start: 1, end: 3, summary: "Months 1–3: Software Engineering Fundamentals", topics: ["Version control (Git), testing (pytest)"], url: "http://127.0.0.1/x/#phase-1" },
      { uid: "bbb", start: 4, end: 6, summary: "Months 4–6: ML; Production", topics: ["Containerization (Docker)", "C:\\path"] },
    ],
  };
  const ics = buildCalendar(plan, day("2027-01-15"), new Date(Date.UTC(2026, 10, 23, 9, 30, 5)));

  it("is CRLF-terminated lines of at most 75 octets, one VEVENT per phase", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    const lines = ics.replace(/\r\n /g, "").split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Career Atlas//Transition plan//EN"]);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith("DTSTART"))).toEqual(["DTSTART;VALUE=DATE:20270115", "DTSTART;VALUE=DATE:20270415"]);
    expect(lines.filter((l) => l.startsWith("DTEND"))).toEqual(["DTEND;VALUE=DATE:20270415", "DTEND;VALUE=DATE:20270715"]);
    expect(lines.filter((l) => l.startsWith("DTSTAMP"))).toEqual(["DTSTAMP:20261123T093005Z", "DTSTAMP:20261123T093005Z"]);
    expect(lines.filter((l) => l.startsWith("UID"))).toEqual([
      "UID:aaa.machine-learning-engineer.data-scientist@career-atlas",
      "UID:bbb.machine-learning-engineer.data-scientist@career-atlas",
    ]);
    expect(lines).toContain("SUMMARY:Months 4–6: ML\\; Production");
    expect(lines.find((l) => l.startsWith("DESCRIPTION:") && l.includes("pytest"))).toBe(
      "DESCRIPTION:From Data Scientist to Machine Learning Engineer\\n\\n• Version control (Git)\\, testing (pytest)\\n\\nhttp://127.0.0.1/x/#phase-1",
    );
    expect(lines).toContain("URL:http://127.0.0.1/x/#phase-1");
    expect(ics).toContain("C:\\\\path");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });

  it("carries no control character from the guide's text, and reads back as the text without them", () => {
    // What a heading, a plan name or a topic could hold: ESC sequences (OSC 52 sets the clipboard,
    // CSI 2J clears the screen), BEL, NUL, DEL, a C1 CSI, a vertical tab, and newlines.
    const hostile = (text: string): string => `\u001b]52;c;SGVsbG8=\u0007${text}\u001b[2J\u0000\u007f\u009b\u000b`;
    const title = hostile("From Analyst, to Engineer; fast");
    const text = buildCalendar(
      {
        id: "engineer/analyst",
        title,
        phases: [{ uid: "ccc", start: 1, end: 2, summary: hostile("Months 1–2: Basics"), topics: [hostile("SQL\nand Python"), `${"long topic ".repeat(12)}\u0001end`] }],
      },
      day("2027-01-15"),
      new Date(Date.UTC(2026, 10, 23)),
    );
    // Octets other than CRLF line ends and folds, and the tab TEXT allows, that RFC 5545 forbids: none.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const clean = (s: string): string => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, "");
    // ical.js gives an X- property as written; its TEXT escapes are kept.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("]52\\;c\\;SGVsbG8=From Analyst\\, to Engineer\\; fast[2J");
    const [event] = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(event!.summary).toBe("]52;c;SGVsbG8=Months 1–2: Basics[2J");
    expect(event!.description).toBe(clean([title, "", "• \u001b]52;c;SGVsbG8=\u0007SQL\nand Python\u001b[2J", `• ${"long topic ".repeat(12)}end`].join("\n")));
    expect(event!.startDate.toString()).toBe("2027-01-15");
    expect(event!.endDate.toString()).toBe("2027-03-15");
  });

  it("gives the same UIDs whatever the start date, so a new download updates the same events", () => {
    const uids = (text: string): string[] => text.split("\r\n").filter((l) => l.startsWith("UID"));
    expect(uids(buildCalendar(plan, day("2030-06-01"), new Date()))).toEqual(uids(ics));
  });
});
