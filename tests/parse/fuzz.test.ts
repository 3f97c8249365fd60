/**
 * The parser never throws: whatever markdown or bytes arrive, loading gives a role or diagnostics.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/load.ts";

const FRAGMENTS = [
  "# Machine Learning Engineer\n",
  "## Overview\n",
  "## 🛠️ Tech Stack Requirements by Experience Level\n",
  "### **Mid Level (2-4 years)**\n",
  "### Senior (4-2 years)\n",
  "#### **Must-Have:**\n",
  "#### Good-to-Have\n",
  "- **Python with NumPy, Pandas** - Programming\n",
  "- **TensorFlow / PyTorch**: Frameworks\n",
  "  - nested item\n",
  "**Technical**: Python, SQL\n",
  "Junior → Mid → Senior\n",
  "Alternative paths: A, B\n",
  "## Transition Paths\n",
  "### From Data Scientist (9-month plan)\n",
  "**Months 1-3**: Basics\n",
  "**Months 0-0**: Nothing\n",
  "• topic one\n",
  "**Time Commitment**: 12-18 hours/week\n",
  "**Key Skills**: A, B\n",
  "## 🚀 Career Growth Path\n",
  "### **Mid → Experienced Level:**\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n",
  "```\n# not a heading\n```\n",
  "<script>alert(1)</script>\n",
  "---\n",
  "---\ntitle: x\n---\n",
  "ü§ñ ‚Üí\n",
  "\n",
  "> quote\n",
  "1. numbered\n",
];

describe("loading never throws", () => {
  it("on random documents built from role-guide fragments", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), (parts) => {
        const { file, placed } = loadContent(parts.join(""), "fuzz.md");
        // Either a role or at least one error that says why not.
        expect(placed !== null || file.messages.some((m) => m.fatal === true)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("on random text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        loadContent(text, "fuzz.md");
      }),
      { numRuns: 400 },
    );
  });

  it("on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { file, placed } = loadContent(bytes, "fuzz.md");
        expect(placed !== null || file.messages.some((m) => m.fatal === true)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
