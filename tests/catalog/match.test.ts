import { describe, it, expect } from "vitest";
import { createSkillMatcher, skillKey } from "../../src/catalog/match.ts";
import { ref } from "./seed-roles.ts";

const matcher = createSkillMatcher(
  ["TensorFlow", "PyTorch", "Git", "Kubernetes", "Machine Learning", "Deep Learning", "Scikit-learn", "C", "C++", "C#", "CI/CD", "Node.js", "Go", "R", "MLOps"].map(ref),
);

describe("skillKey", () => {
  it("folds case, spaces and hyphens but keeps C, C++ and C# apart", () => {
    expect(skillKey("Scikit-learn")).toBe(skillKey("scikit learn"));
    expect(new Set([skillKey("C"), skillKey("C++"), skillKey("C#")]).size).toBe(3);
  });
});

describe("createSkillMatcher", () => {
  it("finds every skill a phase topic names, in order", () => {
    expect(matcher.find("Frameworks: TensorFlow, PyTorch")).toEqual(["tensorflow", "pytorch"]);
  });

  it("matches whole words only", () => {
    expect(matcher.find("CI/CD pipelines (GitHub Actions)")).toEqual([ref("CI/CD").slug]);
    expect(matcher.find("CI/CD pipelines (GitHub Actions)")).not.toContain("git");
    expect(matcher.find("Model serving (TensorFlow Serving, TorchServe)")).toEqual(["tensorflow"]);
    expect(matcher.find("Version control (Git), testing (pytest)")).toEqual(["git"]);
  });

  it("ignores case and finds names of several words", () => {
    expect(matcher.find("KUBERNETES basics")).toEqual(["kubernetes"]);
    expect(matcher.find("Machine Learning algorithms (supervised/unsupervised)")).toEqual(["machine-learning"]);
    expect(matcher.find("deep learning (CNNs, RNNs, Transformers)")).toEqual(["deep-learning"]);
  });

  it("matches a name by its slug spelling and keeps punctuation that belongs to names", () => {
    expect(matcher.find("intro to scikit learn")).toEqual(["scikit-learn"]);
    expect(matcher.find("Write C++ and C# and Node.js.")).toEqual([ref("C++").slug, ref("C#").slug, ref("Node.js").slug]);
    expect(matcher.find("CI/CD")).toEqual([ref("CI/CD").slug]);
  });

  it("needs the exact case for names of one or two letters", () => {
    expect(matcher.find("go live with r and c")).toEqual([]);
    expect(matcher.find("Go and R")).toEqual(["go", "r"]);
  });

  it("reports each skill once and finds nothing in unrelated text", () => {
    expect(matcher.find("Git, git and GIT")).toEqual(["git"]);
    expect(matcher.find("Monitoring and observability")).toEqual([]);
  });
});
