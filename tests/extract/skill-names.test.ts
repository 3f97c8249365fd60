import { describe, expect, it } from "vitest";
import { skillItem, skillItems, skillsNamed, splitList } from "../../src/extract/skill-names.ts";

const slugs = (text: string) => skillsNamed(text).map((s) => s.slug);

describe("skills a line names", () => {
  it("splits compound requirements", () => {
    expect(slugs("TensorFlow / PyTorch")).toEqual(["tensorflow", "pytorch"]);
    expect(slugs("Python with NumPy, Pandas, Scikit-learn")).toEqual(["python", "numpy", "pandas", "scikit-learn"]);
    expect(slugs("Docker/Kubernetes")).toEqual(["docker", "kubernetes"]);
  });

  it("keeps slashed abbreviations and bracketed lists whole", () => {
    expect(slugs("CI/CD")).toEqual(["ci-cd"]);
    expect(slugs("A/B testing")).toEqual(["a-b-testing"]);
    expect(skillsNamed("Cloud Platforms (AWS/GCP)")).toEqual([{ name: "Cloud Platforms", slug: "cloud-platforms" }]);
  });

  it("gives C, C++ and C# slugs of their own", () => {
    expect(slugs("C, C++, C#")).toEqual(["c", "c-plus-plus", "c-sharp"]);
  });

  it("drops a joining 'and' and duplicates", () => {
    expect(splitList("SQL, Python, and Spark")).toEqual(["SQL", "Python", "Spark"]);
    expect(slugs("SQL, sql")).toEqual(["sql"]);
  });
});

describe("skill items with details", () => {
  it("keeps a bracketed note as the detail, never splitting inside brackets", () => {
    expect(skillItem("Cloud Platforms (AWS/GCP)")).toEqual({ name: "Cloud Platforms", detail: "AWS/GCP" });
    expect(skillItems("Python (essential), Java or C++ (for specific use cases)")).toEqual([
      { name: "Python", detail: "essential" },
      { name: "Java or C++", detail: "for specific use cases" },
    ]);
  });

  it("splits at sentence ends between names, but not after e.g.", () => {
    expect(splitList("scikit-learn (classical ML). Keras (neural networks)")).toEqual(["scikit-learn (classical ML)", "Keras (neural networks)"]);
    expect(splitList("tools, e.g. Docker")).toEqual(["tools", "e.g. Docker"]);
  });

  it("says prose is no list of names", () => {
    expect(skillItems("Proficiency in Python is essential for machine learning engineering")).toBeNull();
    expect(skillItems("Essential for designing ML pipelines, debugging issues.")).toBeNull();
    expect(skillItems("Git, Docker.")).toEqual([{ name: "Git", detail: null }, { name: "Docker", detail: null }]);
  });

  it("names no skill in prose", () => {
    expect(skillsNamed("Proficiency in Python is essential for engineers")).toEqual([]);
  });
});
