/**
 * Word lists for the synthetic corpus: skills by kind (about 300, shared by every role), the words
 * role titles are made of, and the prose fragments summaries and plans are written from. Plain data;
 * `corpus.ts` decides how often each is used.
 */

/** Languages, methods and concepts: the "Technical" skills. */
export const TECHNICAL = [
  "Python", "SQL", "JavaScript", "TypeScript", "Java", "Go", "Rust", "C++", "C#", "Kotlin",
  "Swift", "Scala", "Ruby", "PHP", "R", "Bash", "Dart", "Elixir", "Haskell", "Julia",
  "MATLAB", "Solidity", "Objective-C", "Perl", "Lua", "Clojure", "Machine Learning", "Deep Learning", "Statistics", "Data Modeling",
  "Data Structures", "Algorithms", "System Design", "Distributed Systems", "Networking", "Operating Systems", "Computer Vision", "Natural Language Processing", "Reinforcement Learning", "Time Series Analysis",
  "Experiment Design", "REST APIs", "GraphQL", "gRPC", "Microservices", "Event-Driven Architecture", "Stream Processing", "Batch Processing", "ETL", "Data Warehousing",
  "Data Governance", "Caching", "Concurrency", "Performance Engineering", "Observability", "Incident Response", "Threat Modeling", "Cryptography", "Identity Management", "Penetration Testing",
  "Secure Coding", "Accessibility", "Responsive Design", "Interaction Design", "Usability Testing", "Information Architecture", "Typography", "Prototyping", "Unit Testing", "Integration Testing",
  "Test Automation", "Continuous Integration", "Continuous Delivery", "Infrastructure as Code", "Containerization", "Service Mesh", "Load Balancing", "Database Tuning", "Query Optimization", "Embedded Systems",
  "Signal Processing", "Control Systems", "Robotics", "Computer Graphics", "Game Physics", "Shader Programming", "Mobile Development", "Web Performance", "Browser APIs", "Compilers",
  "Static Analysis", "Functional Programming", "Object-Oriented Design", "Domain-Driven Design", "API Design", "Schema Design", "Capacity Planning", "Chaos Engineering", "Site Reliability", "Feature Engineering",
  "Model Evaluation", "Model Serving", "Bayesian Inference", "Mathematical Optimization", "Linear Algebra", "Probability", "Causal Inference", "Forecasting", "Geospatial Analysis", "Data Visualization",
  "Data Cleaning", "Web Scraping", "Search Relevance", "Recommender Systems", "Information Retrieval", "Large Language Models", "Prompt Engineering", "Vector Search", "Smart Contracts", "Data Pipelines",
] as const;

/** Products and platforms: the "Tools" skills. */
export const TOOLS = [
  "Git", "Docker", "Kubernetes", "Terraform", "Ansible", "Jenkins", "GitHub Actions", "GitLab CI", "AWS", "Azure",
  "Google Cloud", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Elasticsearch", "Kafka", "RabbitMQ", "Spark", "Hadoop",
  "Airflow", "dbt", "Snowflake", "BigQuery", "Redshift", "Databricks", "Tableau", "Power BI", "Looker", "Excel",
  "Jupyter", "Pandas", "NumPy", "Scikit-learn", "TensorFlow", "PyTorch", "Keras", "Hugging Face", "MLflow", "Kubeflow",
  "React", "Vue", "Angular", "Svelte", "Next.js", "Node.js", "Django", "Flask", "FastAPI", "Spring Boot",
  "Rails", "Laravel", ".NET", "Express", "Figma", "Sketch", "Illustrator", "Photoshop", "Jira", "Confluence",
  "Notion", "Datadog", "Prometheus", "Grafana", "Splunk", "New Relic", "Sentry", "PagerDuty", "Vault", "Istio",
  "Helm", "Argo CD", "Nginx", "Linux", "Cypress", "Playwright", "Selenium", "Jest", "Postman", "Unity",
  "Unreal Engine", "Blender", "Xcode", "Android Studio", "Flutter", "React Native", "Salesforce", "HubSpot", "SAP", "Workday",
  "Zendesk", "Mixpanel", "Amplitude", "Segment", "Google Analytics", "Wireshark", "Burp Suite", "Metasploit", "Nmap", "Snyk",
  "SonarQube", "OpenTelemetry", "ClickHouse", "Cassandra", "DynamoDB", "Neo4j", "Pinecone", "LangChain", "Ray", "CUDA",
] as const;

/** Ways of working: the "Soft" skills. */
export const SOFT = [
  "Communication", "Collaboration", "Mentoring", "Stakeholder Management", "Technical Writing", "Public Speaking", "Negotiation", "Prioritization", "Critical Thinking", "Problem Solving",
  "Time Management", "Leadership", "Coaching", "Conflict Resolution", "Facilitation", "Empathy", "Storytelling", "Decision Making", "Strategic Thinking", "Hiring",
  "Project Management", "Product Thinking", "Customer Focus", "Attention to Detail", "Adaptability", "Cross-Functional Collaboration", "Presenting", "Documentation", "Code Review", "Systems Thinking",
  "Budgeting", "Roadmapping", "Change Management", "Giving Feedback", "Delegation", "Ownership", "Curiosity", "Resilience", "Influence", "Team Building",
] as const;

/** Regulations, methods and fields of business: the "Domain" skills. */
export const DOMAIN = [
  "GDPR", "HIPAA", "SOX Compliance", "PCI DSS", "ISO 27001", "SOC 2", "Accounting Principles", "Financial Modeling", "Risk Management", "Supply Chain Management",
  "Logistics Planning", "Clinical Workflows", "HL7 FHIR", "Insurance Underwriting", "Credit Risk", "Pricing Strategy", "Market Research", "SEO", "Content Strategy", "Brand Strategy",
  "Growth Marketing", "Customer Success", "Sales Operations", "Procurement", "Contract Law", "Regulatory Affairs", "Quality Assurance", "Lean Manufacturing", "Six Sigma", "Agile",
  "Scrum", "Kanban", "ITIL", "Energy Markets", "Telecom Networks", "Retail Analytics", "Ad Tech", "E-commerce", "Payments Regulation", "Anti-Money Laundering",
  "Pharmacovigilance", "Clinical Trials", "Genomics", "Bioinformatics", "Climate Modeling", "GIS", "Learning Design", "Public Policy", "Grant Writing", "Localization",
] as const;

/** The subject of a role title: "Payments" in "Senior Payments Engineer". */
export const DOMAINS = [
  "Payments", "Search", "Fraud Detection", "Supply Chain", "Machine Learning", "Data Platform", "Security", "Identity", "Mobile", "Frontend",
  "Backend", "Cloud Infrastructure", "Developer Experience", "Growth", "Marketing Analytics", "Customer Support", "Billing", "Compliance", "Healthcare", "Clinical Data",
  "Logistics", "Retail", "Energy", "Climate", "Robotics", "Embedded", "Game", "Audio", "Video", "Localization",
  "Accessibility", "Privacy", "Risk", "Credit", "Insurance", "Trading", "Ads", "Recommendations", "Maps", "Networking",
  "Storage", "Database", "Reliability", "Observability", "Quality", "Release", "Content", "Education", "Research", "Sales",
  "Procurement", "People Systems", "Finance Systems", "Legal Operations", "Public Sector",
] as const;

/** The job a role title names, with the family its skills lean towards and its manager's title. */
export const NOUNS = [
  { noun: "Engineer", family: 0, manager: "Engineering Manager" },
  { noun: "Developer", family: 0, manager: "Development Lead" },
  { noun: "Architect", family: 0, manager: "Chief Architect" },
  { noun: "Administrator", family: 1, manager: "Operations Manager" },
  { noun: "Technician", family: 1, manager: "Technical Supervisor" },
  { noun: "Operations Specialist", family: 1, manager: "Operations Manager" },
  { noun: "Analyst", family: 2, manager: "Analytics Manager" },
  { noun: "Data Scientist", family: 2, manager: "Data Science Manager" },
  { noun: "Researcher", family: 2, manager: "Research Director" },
  { noun: "Statistician", family: 2, manager: "Head of Statistics" },
  { noun: "Designer", family: 3, manager: "Design Manager" },
  { noun: "Content Designer", family: 3, manager: "Content Design Lead" },
  { noun: "UX Researcher", family: 3, manager: "Research Operations Lead" },
  { noun: "Product Manager", family: 4, manager: "Director of Product" },
  { noun: "Program Manager", family: 4, manager: "Head of Programs" },
  { noun: "Project Coordinator", family: 4, manager: "Project Director" },
  { noun: "Consultant", family: 5, manager: "Practice Lead" },
  { noun: "Strategist", family: 5, manager: "Head of Strategy" },
  { noun: "Auditor", family: 5, manager: "Audit Director" },
  { noun: "Compliance Officer", family: 5, manager: "Chief Compliance Officer" },
  { noun: "Technical Writer", family: 6, manager: "Documentation Manager" },
  { noun: "Developer Advocate", family: 6, manager: "Head of Developer Relations" },
  { noun: "Trainer", family: 6, manager: "Learning Manager" },
  { noun: "Specialist", family: 7, manager: "Team Lead" },
  { noun: "Coordinator", family: 7, manager: "Operations Lead" },
  { noun: "Planner", family: 7, manager: "Planning Manager" },
  { noun: "Test Engineer", family: 0, manager: "QA Manager" },
  { noun: "Security Analyst", family: 1, manager: "Security Operations Manager" },
] as const;

/** Words before the domain: "Applied Machine Learning Engineer"; the empty one is the plain title. */
export const QUALIFIERS = [
  "", "", "", "Senior", "Lead", "Principal", "Staff", "Associate", "Applied", "Platform",
  "Enterprise", "Regional", "Global", "Field", "Technical", "Strategic", "Digital", "Clinical", "Industrial", "Commercial",
  "Product", "Open Source", "Automotive", "Aerospace", "Marine",
] as const;

/** Roles outside the generated set that plans sometimes start from. */
export const OUTSIDE_ROLES = [
  "Teacher", "Accountant", "Nurse", "Journalist", "Military Veteran", "Customer Support Agent", "Sales Representative", "Lab Technician", "Graphic Designer", "Software Engineer",
  "Mechanical Engineer", "Librarian", "Retail Manager", "Pharmacist", "Civil Engineer", "Musician", "Paralegal", "Bank Teller", "Physics Graduate", "Electrician",
] as const;

export const EMOJI = ["🤖", "🧭", "📊", "🛡️", "⚙️", "🎨", "🧪", "🌍", "💳", "📱", "🔍", "🏗️"] as const;

export const VERBS = ["Builds", "Designs", "Runs", "Improves", "Owns", "Scales", "Operates", "Shapes", "Maintains", "Measures", "Secures", "Delivers"] as const;
export const OBJECTS = [
  "the systems behind", "the roadmap for", "the daily operations of", "the data products of", "the tooling used by", "the quality of",
  "the customer experience of", "the reporting for", "the infrastructure of", "the models that power", "the processes of", "the integrations of",
] as const;
export const AUDIENCES = ["teams", "customers", "partners", "internal users", "regulators", "clinicians", "merchants", "analysts", "developers", "field staff"] as const;
export const FOCUS = [
  "reliability", "cost", "speed of delivery", "data quality", "security", "accessibility", "clear documentation", "measurable impact",
  "operational excellence", "user trust", "automation", "simplicity", "compliance", "observability", "scalability", "fairness",
] as const;
export const TASKS = [
  "Design and review", "Plan and deliver", "Monitor and improve", "Document and share", "Automate", "Evaluate", "Prototype", "Operate",
  "Audit", "Mentor others on", "Coordinate", "Measure", "Migrate", "Harden", "Simplify", "Estimate",
] as const;
export const THINGS = [
  "service interfaces", "data pipelines", "release processes", "reporting dashboards", "incident playbooks", "test suites", "vendor integrations",
  "capacity plans", "access controls", "experiment results", "design systems", "onboarding guides", "quarterly goals", "cost reports",
  "model deployments", "customer feedback loops", "runbooks", "compliance evidence", "migration plans", "service level objectives",
] as const;
export const DEGREES = [
  "Bachelor's in Computer Science or a related field", "Master's in Statistics or Mathematics", "a degree in Business or Economics",
  "a self-taught path with a strong portfolio", "a bootcamp followed by two years in industry", "a degree in Engineering",
  "a background in the natural sciences", "a degree in Design or Human-Computer Interaction", "a vocational qualification and on-the-job training",
] as const;
export const DETAILS = [
  "Core language", "Daily tooling", "Fundamentals", "Production practice", "Team practice", "Platform knowledge", "Quality practice",
  "Data handling", "Delivery", "Operations", "Domain knowledge", "Collaboration", "Architecture", "Security practice",
] as const;
export const PHASE_TITLES = [
  "Foundations", "Core Concepts", "Hands-on Practice", "Tooling and Workflow", "Production Skills", "Portfolio Project", "Specialisation",
  "Working at Scale", "Collaboration and Delivery", "Interview Preparation", "Domain Knowledge", "Capstone",
] as const;
export const TOPIC_VERBS = ["Learn", "Practise", "Build a project with", "Read about", "Get certified in", "Pair with a mentor on", "Study", "Ship a small tool using"] as const;
export const GROWTH_STEPS = [
  "Own a service end to end", "Lead a cross-team project", "Mentor two junior colleagues", "Write the design docs others follow",
  "Handle production incidents calmly", "Set the team's technical direction", "Present results to leadership", "Improve a key metric by a clear margin",
  "Build trust with stakeholders", "Hire and onboard new colleagues", "Reduce operating cost", "Define standards for the team",
  "Break large problems into deliverable steps", "Take part in the on-call rotation", "Shape the quarterly roadmap", "Review the work of peers",
] as const;
export const GROUP_ITEMS = [
  "Production Support", "Performance Tuning", "Security", "Monitoring and Alerting", "Disaster Recovery", "Team Leadership",
  "Cost Optimization", "Business Impact", "Vendor Management", "On-call Readiness",
] as const;
