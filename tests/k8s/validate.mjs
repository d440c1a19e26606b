// Validates a manifest written by `vigil k8s` against the Kubernetes batch/v1
// Job schema (kubernetes-models: the API's OpenAPI schema through ajv), then
// checks what the schema cannot know: an Indexed Job of the expected size
// whose one container runs the task with its own shard. To show the check
// bites, two broken copies (a container without its required name, a
// completion count that is not a number) must be refused.
//   node validate.mjs MANIFEST.yaml TASKS
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { Job } from "kubernetes-models/batch/v1";

const [path, tasks] = process.argv.slice(2);
const fail = (why) => {
  console.error(`k8s manifest: FAIL: ${why}`);
  process.exit(1);
};
const doc = parse(readFileSync(path, "utf8"));
try {
  new Job(doc).validate();
} catch (e) {
  fail(`${path} is not a valid batch/v1 Job: ${e.message}`);
}
const spec = doc.spec;
if (doc.apiVersion !== "batch/v1" || doc.kind !== "Job") fail("expected apiVersion batch/v1, kind Job");
if (spec.completionMode !== "Indexed") fail(`completionMode ${spec.completionMode}, expected Indexed`);
if (spec.completions !== Number(tasks)) fail(`completions ${spec.completions}, expected ${tasks}`);
const pod = spec.template.spec;
if (pod.restartPolicy !== "Never") fail("restartPolicy must be Never (a failed pod is retried by backoffLimit)");
const line = pod.containers[0].command.join(" ");
if (!line.includes(`--shard "$JOB_COMPLETION_INDEX/${tasks}"`)) fail(`the task command lacks its shard: ${line}`);
if (!line.includes("--out ")) fail(`the task command lacks --out: ${line}`);

const broken = (change) => {
  const copy = structuredClone(doc);
  change(copy);
  try {
    new Job(copy).validate();
    return false;
  } catch {
    return true;
  }
};
if (!broken((d) => delete d.spec.template.spec.containers[0].name)) fail("the schema check let a container without a name through");
if (!broken((d) => (d.spec.completions = "eight"))) fail("the schema check let completions: 'eight' through");
console.log(`k8s manifest: ok: ${path} is a valid batch/v1 Indexed Job of ${tasks} tasks (schema: kubernetes-models)`);
