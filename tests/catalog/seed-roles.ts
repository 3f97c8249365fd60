/**
 * The role the seeds hold once loaded and merged, written out by hand so that the catalog and the
 * site can be tested on their own. Shaped like the loader's output for seeds/*.md.
 */
import { Role, type Requirement, type SkillRef } from "../../src/model/role.ts";
import { toSlug } from "../../src/model/slug.ts";

export const ref = (name: string): SkillRef => ({ name, slug: toSlug(name) });

function req(text: string, priority: Requirement["priority"], detail: string | null, skills: string[], group: string | null = null): Requirement {
  return { text, detail, priority, group, skills: skills.map(ref) };
}

const must = (text: string, detail: string | null, skills: string[] = [text]): Requirement => req(text, "must", detail, skills);
const good = (text: string, detail: string | null, skills: string[] = [text]): Requirement => req(text, "good", detail, skills);
const MISC = "Production Support & Miscellaneous";
const other = (text: string, detail: string): Requirement => req(text, "other", detail, [text], MISC);

const shared: Requirement[] = [
  must("Python with NumPy, Pandas, Scikit-learn", "Programming Language and ML Libraries", ["Python", "NumPy", "Pandas", "Scikit-learn"]),
  must("ML Algorithms", "Machine Learning Fundamentals"),
  must("Jupyter Notebooks", "Development Environment"),
  must("Git", "Version Control System"),
];

export const mlEngineer: Role = Role.parse({
  slug: "machine-learning-engineer",
  title: "Machine Learning Engineer",
  summary: "Builds scalable ML systems and deploys models to production. Focuses on infrastructure, performance optimization, and operational reliability of ML applications.",
  responsibilities: [
    "Builds and deploys machine learning models, creates AI systems, and develops automated solutions that can learn from data and make predictions or decisions",
    "Design ML pipelines and training infrastructure",
    "Deploy models to production with monitoring",
    "Optimize model performance and latency",
    "Collaborate with data scientists and engineers",
    "Implement MLOps best practices",
  ],
  background:
    "Bachelor's or Master's in Computer Science or related field. 3-5 years experience in software engineering or data science. Strong understanding of distributed systems and production infrastructure.",
  skills: [
    ...["Python", "Machine Learning", "Deep Learning", "Software Engineering", "DevOps"].map((n) => ({ ...ref(n), category: "Technical" })),
    ...["TensorFlow", "PyTorch", "Kubernetes", "Docker", "MLflow", "Airflow"].map((n) => ({ ...ref(n), category: "Tools" })),
    ...["System design", "Debugging", "Collaboration"].map((n) => ({ ...ref(n), category: "Soft" })),
  ],
  levels: [
    {
      name: "Mid",
      slug: "mid",
      code: null,
      years: { min: 2, max: 4 },
      requirements: [
        ...shared,
        must("Advanced Data Structures", "Trees, Graphs, Heaps, Tries (Optimized for ML workloads)"),
        must("Advanced Algorithms", "Dynamic Programming, Graph Algorithms, ML-specific algorithms"),
        must("System Design Basics", "Understanding of ML pipeline architecture"),
        good("TensorFlow / PyTorch", "Deep Learning Frameworks", ["TensorFlow", "PyTorch"]),
        good("MLOps Tools", "Machine Learning Operations"),
        good("Cloud ML Services", "Cloud Platforms"),
        good("Data Pipeline Tools", "Data Processing"),
      ],
    },
    {
      name: "Experienced",
      slug: "experienced",
      code: null,
      years: { min: 4, max: null },
      requirements: [
        ...shared,
        must("TensorFlow / PyTorch", "Deep Learning Frameworks", ["TensorFlow", "PyTorch"]),
        must("MLOps Tools", "Machine Learning Operations"),
        must("Cloud ML Services", "Cloud Platforms"),
        must("Data Pipeline Tools", "Data Processing"),
        must("Complex Algorithms", "Advanced optimization, distributed algorithms, ML-specific algorithms"),
        must("System Design", "ML pipeline design, scalable ML infrastructure"),
        good("Kubernetes", "Container Orchestration"),
        good("Apache Airflow", "Workflow Management"),
        good("Model Monitoring", "Production Monitoring"),
        good("Advanced MLOps", "Advanced Operations"),
        good("Distributed Training", "Large-scale Training"),
        other("Production Support", "Model deployment, monitoring, drift detection, retraining"),
        other("Performance Tuning", "Model optimization, hyperparameter tuning, computational efficiency"),
        other("Security", "Model security, data privacy, ethical AI considerations"),
        other("Monitoring & Alerting", "Model performance monitoring, data quality alerts"),
        other("Disaster Recovery", "Model backup, data pipeline recovery, model versioning"),
        other("Compliance", "GDPR, HIPAA, SOX compliance for ML systems"),
        other("Team Leadership", "Code reviews, mentoring junior ML engineers"),
        other("Architecture Design", "ML pipeline design, scalable ML infrastructure"),
        other("Cost Optimization", "Cloud cost management, computational efficiency"),
        other("Business Impact", "ROI measurement, stakeholder communication, model interpretability"),
      ],
    },
  ],
  ladders: [
    ["ML Engineer", "Senior ML Engineer", "ML Lead", "AI Architect"],
    ["Junior ML Engineer", "ML Engineer", "Senior ML Engineer", "Staff/Principal", "ML Engineering Manager"],
  ],
  alternativePaths: ["Data Scientist", "Research Scientist", "Platform Engineer"],
  growth: [
    { from: "Mid", to: "Experienced", steps: ["Master ML algorithms and frameworks", "Learn MLOps and production deployment", "Improve system design skills", "Gain production ML experience"] },
    { from: "Experienced", to: "Senior/Lead", steps: ["Lead ML projects", "Mentor junior ML engineers", "Design ML architecture", "Handle production ML issues", "Optimize ML systems"] },
    { from: "Experienced", to: "ML Lead/AI Architect", steps: ["Technical leadership", "Architecture decisions", "Team management", "Business impact focus", "Strategic planning"] },
  ],
  transitions: [
    {
      from: "Data Scientist",
      slug: "data-scientist",
      months: 9,
      phases: [
        { start: 1, end: 3, title: "Software Engineering Fundamentals", topics: ["Object-oriented programming patterns", "Version control (Git), testing (pytest)", "API design (REST, FastAPI)"] },
        { start: 4, end: 6, title: "ML Production", topics: ["Model serving (TensorFlow Serving, TorchServe)", "Containerization (Docker)", "CI/CD pipelines (GitHub Actions)"] },
        { start: 7, end: 9, title: "Infrastructure & Scale", topics: ["Kubernetes basics", "MLOps tools (MLflow, Kubeflow)", "Monitoring and observability"] },
      ],
      keySkills: [ref("Software Engineering"), ref("Kubernetes"), ref("MLOps")],
      hoursPerWeek: { min: 12, max: 18 },
    },
    {
      from: "Software Engineer",
      slug: "software-engineer",
      months: 10,
      phases: [
        { start: 1, end: 4, title: "ML Foundations", topics: ["Machine Learning algorithms (supervised/unsupervised)", "Deep Learning (CNNs, RNNs, Transformers)", "Frameworks: TensorFlow, PyTorch"] },
        { start: 5, end: 7, title: "ML Systems", topics: ["Training pipelines (data loading, distributed training)", "Model optimization (quantization, pruning)", "Experiment tracking"] },
        { start: 8, end: 10, title: "Production ML", topics: ["Model deployment patterns", "A/B testing and monitoring", "Build end-to-end ML system project"] },
      ],
      keySkills: [ref("Machine Learning"), ref("Deep Learning"), ref("ML Systems Design")],
      hoursPerWeek: { min: 15, max: 20 },
    },
  ],
  sections: [],
  sources: [{ path: "seeds/machine-learning-engineer-levels.md" }, { path: "seeds/machine-learning-engineer-transitions.md" }],
});

/** A small second role to start a plan from: the Data Scientist the seeds' first plan begins at. */
export const dataScientist: Role = Role.parse({
  slug: "data-scientist",
  title: "Data Scientist",
  summary: "Turns data into <decisions> & models.",
  responsibilities: ["Analyse data"],
  background: null,
  skills: [{ ...ref("Python"), category: "Technical" }, { ...ref("Pandas"), category: "Tools" }],
  levels: [
    {
      name: "Junior",
      slug: "junior",
      code: null,
      years: { min: 0, max: 2 },
      requirements: [must("Python with NumPy, Pandas, Scikit-learn", null, ["Python", "NumPy", "Pandas", "Scikit-learn"]), must("Jupyter Notebooks", null), good("Git", null)],
    },
  ],
  ladders: [["Data Scientist", "Senior Data Scientist"], ["Data Analyst", "Data Scientist"]],
  alternativePaths: ["Machine Learning Engineer"],
  growth: [],
  transitions: [],
  sections: [{ heading: "Team <Size>", text: "Usually **3–5** people & a <lead>.\n\n- one\n- two", source: "data-scientist.md" }],
  sources: [{ path: "data-scientist.md" }],
});
