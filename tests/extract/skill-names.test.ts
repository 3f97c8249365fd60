import { describe, expect, it } from "vitest";
import { skillsNamed, splitList } from "../../src/extract/skill-names.ts";

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
